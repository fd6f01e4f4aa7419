/**
 * The only reader of `window.api` (the Electron preload bridge, typed by the
 * IPC contract). Everything else reaches the desktop through `platform`.
 */
import type { DesktopApi } from '../../../shared/ipc/contract';
import type { Platform } from './types';

/** The bridge when running under Electron, else null. */
export function desktopApi(scope: { api?: unknown } = globalThis as { api?: unknown }): DesktopApi | null {
  const api = scope.api;
  return typeof api === 'object' && api !== null && typeof (api as DesktopApi)['app:info'] === 'function' ? (api as DesktopApi) : null;
}

export function desktopPlatform(api: DesktopApi): Platform {
  return {
    kind: 'desktop',
    info: () => api['app:info'](),
    openFiles: (request) => api['dialog:openFiles'](request),
    saveFile: (request) => api['dialog:saveFile'](request),
    print: (request) => api['print:print'](request),
    savePdf: (request) => api['print:savePdf'](request),
    writeBackup: (name, bytes) => api['backup:write']({ name, bytes }),
    listBackups: () => api['backup:list'](),
    readBackup: (name) => api['backup:read']({ name }),
    pruneBackups: (prefix, keep) => api['backup:prune']({ prefix, keep }),
  };
}
