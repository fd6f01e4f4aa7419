/**
 * Attaches the pure rules of `security.ts` to Electron: the session (network,
 * headers, permissions) and every web contents (navigation, new windows, webviews).
 */
import type { Session, WebContents } from 'electron';
import type { OriginPolicy } from './origin';
import { buildCsp, isNavigationAllowed, isPermissionAllowed, isRequestAllowed } from './security';

export type LogFn = (message: string) => void;

export function guardSession(session: Session, policy: OriginPolicy, log: LogFn): void {
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, policy);
    if (!allowed) log(`已拒绝网络请求:${details.url}`);
    callback({ cancel: !allowed });
  });
  // app:// responses carry the CSP from the protocol handler; this also covers
  // the dev server and anything else that reaches the renderer.
  const csp = buildCsp(policy);
  session.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [csp] } });
  });
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    const allowed = isPermissionAllowed(permission);
    if (!allowed) log(`已拒绝权限请求:${permission}`);
    callback(allowed);
  });
  session.setPermissionCheckHandler((_contents, permission) => isPermissionAllowed(permission));
}

export function guardWebContents(contents: WebContents, policy: OriginPolicy, log: LogFn): void {
  const refuseNavigation = (event: { preventDefault(): void }, url: string): void => {
    if (isNavigationAllowed(url, policy)) return;
    event.preventDefault();
    log(`已阻止页面跳转:${url}`);
  };
  contents.on('will-navigate', (event) => refuseNavigation(event, event.url));
  contents.on('will-redirect', (event) => refuseNavigation(event, event.url));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    log('已阻止嵌入 webview');
  });
  contents.setWindowOpenHandler(({ url }) => {
    log(`已阻止打开新窗口:${url}`);
    return { action: 'deny' };
  });
}
