/**
 * Electron's security checklist as pure functions and settings
 * (https://www.electronjs.org/docs/latest/tutorial/security). The wiring that
 * attaches them to sessions and web contents is in `guards.ts`.
 */
import type { WebPreferences } from 'electron';
import { APP_HOST, APP_SCHEME, type OriginPolicy, isAppOrigin, originOf } from './origin';

/** The renderer runs isolated, sandboxed, without Node, with web security on. */
export function secureWebPreferences(preloadPath: string, devTools: boolean): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    webviewTag: false,
    experimentalFeatures: false,
    navigateOnDragDrop: false,
    safeDialogs: true,
    spellcheck: false,
    devTools,
  };
}

/**
 * Content-Security-Policy sent with every response of the app.
 * Scripts only from the app itself; images and media also from `data:`/`blob:`
 * (previews of attachments, charts exported as images); styles allow inline
 * because React and the chart library set `style` attributes. In development
 * the Vite dev server, its inline React-refresh preamble and its HMR socket
 * are added — never in a packaged app.
 */
export function buildCsp(policy: OriginPolicy): string {
  const dev = policy.devServer;
  const self = dev === null ? ["'self'"] : ["'self'", dev];
  const devSocket = dev === null ? [] : [dev.replace(/^http/, 'ws')];
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', dev === null ? ["'self'"] : [...self, "'unsafe-inline'"]],
    ['style-src', [...self, "'unsafe-inline'"]],
    ['img-src', [...self, 'data:', 'blob:']],
    ['font-src', [...self, 'data:']],
    ['media-src', [...self, 'data:', 'blob:']],
    ['connect-src', [...self, 'blob:', ...devSocket]],
    ['worker-src', [...self, 'blob:']],
    ['frame-src', [...self, 'blob:']],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'none'"]],
    ['frame-ancestors', ["'none'"]],
  ];
  return directives.map(([name, sources]) => `${name} ${sources.join(' ')}`).join('; ');
}

/**
 * Whether the renderer may load this URL at all (`session.webRequest.onBeforeRequest`).
 * Allowed: the app's own `app://shuangping`, the built-in developer tools, and
 * in-memory `data:`/`blob:` URLs (no network involved). Everything else — http(s),
 * ws(s), file:, ftp:, other hosts of `app:` — is refused: the app is offline by
 * construction. In development the loopback dev server is allowed too.
 */
export function isRequestAllowed(url: string, policy: OriginPolicy): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  switch (parsed.protocol) {
    case `${APP_SCHEME}:`:
      return parsed.host === APP_HOST;
    case 'devtools:':
    case 'data:':
    case 'blob:':
      return true;
    case 'http:':
      return policy.devServer !== null && originOf(url) === policy.devServer;
    case 'ws:':
      return policy.devServer !== null && originOf(url) === policy.devServer.replace(/^http/, 'ws');
    default:
      return false;
  }
}

/** Top-level navigation stays inside the app (`will-navigate`, `will-redirect`). */
export function isNavigationAllowed(url: string, policy: OriginPolicy): boolean {
  return isAppOrigin(url, policy);
}

/** Permissions (camera, notifications, geolocation, …): the app needs none. */
export function isPermissionAllowed(_permission: string): boolean {
  return false;
}
