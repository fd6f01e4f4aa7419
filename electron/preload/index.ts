/**
 * The one bridge: exposes exactly the IPC contract as `window.api`, one async
 * function per channel, each a plain `ipcRenderer.invoke`. Nothing else of
 * Electron or Node reaches the page. Bundled to CommonJS (sandboxed preload).
 */
import { contextBridge, ipcRenderer } from 'electron';
import type { Channel, DesktopApi, RequestOf, ResponseOf } from '../../shared/ipc/contract';

function call<C extends Channel>(channel: C): () => Promise<ResponseOf<C>> {
  return () => ipcRenderer.invoke(channel) as Promise<ResponseOf<C>>;
}

function send<C extends Channel>(channel: C): (request: RequestOf<C>) => Promise<ResponseOf<C>> {
  return (request) => ipcRenderer.invoke(channel, request) as Promise<ResponseOf<C>>;
}

const api = {
  'app:info': call('app:info'),
  'dialog:openFiles': send('dialog:openFiles'),
  'dialog:saveFile': send('dialog:saveFile'),
  'print:print': send('print:print'),
  'print:savePdf': send('print:savePdf'),
  'backup:write': send('backup:write'),
  'backup:list': call('backup:list'),
  'backup:read': send('backup:read'),
  'backup:prune': send('backup:prune'),
} satisfies DesktopApi;

contextBridge.exposeInMainWorld('api', api);
