/**
 * Wiring of the main process, run under Node with a mocked `electron`: what is
 * set up before `ready`, what after, and that a second instance only quits.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';

const userData = mkdtempSync(path.join(tmpdir(), 'sp-index-'));
afterAll(() => rmSync(userData, { recursive: true, force: true }));

const calls: string[] = [];
let ready: () => void = () => undefined;

const electron = vi.hoisted(() => {
  const record = (name: string) => vi.fn((..._args: unknown[]) => void (globalThis as { __calls?: string[] }).__calls?.push(name));
  return {
    app: {
      isPackaged: true,
      setPath: record('app.setPath'),
      getPath: vi.fn(() => ''),
      getVersion: vi.fn(() => '0.1.0'),
      getAppPath: vi.fn(() => '/opt/双评工作站/resources/app.asar'),
      requestSingleInstanceLock: vi.fn(() => true),
      quit: record('app.quit'),
      enableSandbox: record('app.enableSandbox'),
      commandLine: { appendSwitch: record('app.commandLine.appendSwitch') },
      on: vi.fn(),
      whenReady: vi.fn(),
    },
    protocol: { registerSchemesAsPrivileged: record('protocol.registerSchemesAsPrivileged'), handle: record('protocol.handle') },
    session: {
      defaultSession: {
        webRequest: { onBeforeRequest: record('onBeforeRequest'), onHeadersReceived: record('onHeadersReceived') },
        setPermissionRequestHandler: record('setPermissionRequestHandler'),
        setPermissionCheckHandler: record('setPermissionCheckHandler'),
      },
    },
    ipcMain: { handle: record('ipcMain.handle') },
    Menu: { buildFromTemplate: vi.fn((t: unknown) => t), setApplicationMenu: record('Menu.setApplicationMenu') },
    dialog: { showErrorBox: record('dialog.showErrorBox'), showMessageBox: vi.fn() },
    shell: { openPath: vi.fn() },
    screen: {
      getPrimaryDisplay: () => ({ workArea: { x: 0, y: 0, width: 1920, height: 1040 } }),
      getAllDisplays: () => [],
    },
    BrowserWindow: vi.fn(function (this: Record<string, unknown>, options: unknown) {
      (globalThis as { __calls?: string[] }).__calls?.push('new BrowserWindow');
      Object.assign(this, {
        options,
        once: vi.fn(),
        on: vi.fn(),
        maximize: vi.fn(),
        loadURL: vi.fn(async (url: string) => (globalThis as { __calls?: string[] }).__calls?.push(`loadURL ${url}`)),
        webContents: { on: vi.fn() },
      });
    }),
  };
});
vi.mock('electron', () => electron);

beforeEach(() => {
  vi.resetModules();
  vi.clearAllMocks();
  calls.length = 0;
  (globalThis as { __calls?: string[] }).__calls = calls;
  electron.app.getPath.mockImplementation(() => userData);
  electron.app.whenReady.mockImplementation(
    () =>
      new Promise<void>((resolve) => {
        ready = () => {
          calls.push('ready');
          resolve();
        };
      }),
  );
});

const flush = (): Promise<void> => new Promise((r) => setTimeout(r, 20));

describe('main process wiring', () => {
  it('secures before ready, then serves, guards, registers IPC, sets the menu and opens the window', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(true);
    await import('./index');
    expect(calls).toEqual(['app.commandLine.appendSwitch', 'app.enableSandbox', 'protocol.registerSchemesAsPrivileged']);
    expect(electron.app.commandLine.appendSwitch).toHaveBeenCalledWith('lang', 'zh-CN');
    const events = electron.app.on.mock.calls.map((c) => c[0]);
    expect(events).toEqual(expect.arrayContaining(['second-instance', 'web-contents-created', 'window-all-closed']));

    ready();
    await flush();
    expect(calls.slice(3, 6)).toEqual(['ready', 'protocol.handle', 'onBeforeRequest']);
    expect(calls.filter((c) => c === 'ipcMain.handle')).toHaveLength(CHANNELS.length);
    expect(calls).toContain('setPermissionRequestHandler');
    expect(calls).toContain('Menu.setApplicationMenu');
    expect(calls.at(-1)).toBe('loadURL app://shuangping/index.html');
    expect(calls.indexOf('ipcMain.handle')).toBeLessThan(calls.indexOf('new BrowserWindow'));

    const options = electron.BrowserWindow.mock.calls[0]?.[0] as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(options.webPreferences['preload']).toBe(path.join('/opt/双评工作站/resources/app.asar', 'dist-electron', 'preload.cjs'));
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });

  it('ignores VITE_DEV_SERVER_URL in a packaged app', async () => {
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173/');
    await import('./index');
    ready();
    await flush();
    expect(calls.at(-1)).toBe('loadURL app://shuangping/index.html');
    vi.unstubAllEnvs();
  });

  it('loads the loopback dev server in development', async () => {
    electron.app.isPackaged = false;
    vi.stubEnv('VITE_DEV_SERVER_URL', 'http://localhost:5173/');
    await import('./index');
    ready();
    await flush();
    expect(calls.at(-1)).toBe('loadURL http://localhost:5173/');
    vi.unstubAllEnvs();
    electron.app.isPackaged = true;
  });

  it('a second instance quits without opening anything', async () => {
    electron.app.requestSingleInstanceLock.mockReturnValue(false);
    await import('./index');
    expect(calls).toEqual(['app.quit']);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
  });
});
