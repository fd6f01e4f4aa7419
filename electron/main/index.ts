/**
 * Electron main process: wires the parts together, nothing else.
 * Order matters: user data path, single-instance lock, Chromium's language, privileged
 * scheme and sandbox before `ready`; protocol, session guards, IPC, menu, window after.
 */
import path from 'node:path';
import { app, dialog, ipcMain, session, type BrowserWindow } from 'electron';
import { guardSession, guardWebContents } from './guards';
import { registerIpcHandlers } from './ipc/register';
import { installMenu } from './menu';
import { APP_ENTRY_URL, type OriginPolicy, parseDevServerUrl } from './origin';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createLogger } from './services/log';
import { dataLayout, portableUserData } from './services/paths';
import { createMainWindow, focusWindow } from './window';

const PRODUCT_NAME = '双评工作站';

const portable = portableUserData(process.env);
if (portable !== null) app.setPath('userData', portable);

const layout = dataLayout(app.getPath('userData'));
const logger = createLogger(layout.logs);
const log = (message: string): void => logger.log('warn', message);
const devServer = app.isPackaged ? null : parseDevServerUrl(process.env['VITE_DEV_SERVER_URL']);
const policy: OriginPolicy = { devServer };

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let mainWindow: BrowserWindow | null = null;

  // Chromium's own words (context menu, a form's validation bubble) in Chinese whatever the
  // language of Windows; the app's dates do not rely on it (renderer/src/ui/DateInput.tsx)
  app.commandLine.appendSwitch('lang', 'zh-CN');
  app.enableSandbox();
  registerAppScheme();
  app.on('second-instance', () => focusWindow(mainWindow));
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, policy, log));
  app.on('window-all-closed', () => app.quit());

  app
    .whenReady()
    .then(async () => {
      logger.log('info', `启动 ${PRODUCT_NAME} ${app.getVersion()}${devServer ? `(开发模式:${devServer})` : ''}`);
      const appRoot = app.getAppPath();
      handleAppProtocol(path.join(appRoot, 'dist'), policy);
      guardSession(session.defaultSession, policy, log);
      registerIpcHandlers(ipcMain, policy, { layout, log });
      installMenu({ productName: PRODUCT_NAME, version: app.getVersion(), isDev: !app.isPackaged, layout, log });
      mainWindow = await createMainWindow({
        title: PRODUCT_NAME,
        preloadPath: path.join(appRoot, 'dist-electron', 'preload.cjs'),
        url: devServer === null ? APP_ENTRY_URL : `${devServer}/`,
        devTools: !app.isPackaged,
        stateFile: layout.windowState,
        log,
      });
      mainWindow.on('closed', () => {
        mainWindow = null;
      });
    })
    .catch((error: unknown) => {
      logger.log('error', `启动失败:${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      dialog.showErrorBox(`${PRODUCT_NAME}启动失败`, `${String(error)}\n\n日志:${logger.file}`);
      app.quit();
    });
}
