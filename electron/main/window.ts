/**
 * The one main window: secure web preferences, remembered bounds, shown when
 * ready (no white flash), state saved when it closes.
 */
import { BrowserWindow, screen } from 'electron';
import { secureWebPreferences } from './security';
import { MIN_SIZE, type WindowState, fitToDisplays, loadWindowState, saveWindowState } from './services/window-state';

export interface MainWindowOptions {
  readonly title: string;
  readonly preloadPath: string;
  readonly url: string;
  readonly iconPath?: string;
  readonly devTools: boolean;
  readonly stateFile: string;
  readonly log: (message: string) => void;
}

export function currentState(win: BrowserWindow): WindowState {
  return { ...win.getNormalBounds(), maximized: win.isMaximized() };
}

export async function createMainWindow(options: MainWindowOptions): Promise<BrowserWindow> {
  const workAreas = [screen.getPrimaryDisplay(), ...screen.getAllDisplays()].map((d) => d.workArea);
  const state = fitToDisplays(await loadWindowState(options.stateFile), workAreas);
  const win = new BrowserWindow({
    title: options.title,
    x: state.x,
    y: state.y,
    width: state.width,
    height: state.height,
    minWidth: MIN_SIZE.width,
    minHeight: MIN_SIZE.height,
    show: false,
    backgroundColor: '#ffffff',
    autoHideMenuBar: false,
    ...(options.iconPath === undefined ? {} : { icon: options.iconPath }),
    webPreferences: secureWebPreferences(options.preloadPath, options.devTools),
  });
  if (state.maximized) win.maximize();
  win.once('ready-to-show', () => win.show());
  win.on('close', () => {
    saveWindowState(options.stateFile, currentState(win)).catch((e: unknown) => options.log(`保存窗口位置失败:${String(e)}`));
  });
  win.webContents.on('render-process-gone', (_event, details) => options.log(`页面进程退出:${details.reason}`));
  await win.loadURL(options.url);
  return win;
}

/** Brings a window back to the front (used when a second copy of the app is started). */
export function focusWindow(win: BrowserWindow | null | undefined): void {
  if (!win || win.isDestroyed()) return;
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}
