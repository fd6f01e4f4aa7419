/**
 * The one contract between the renderer and the Electron main process:
 * channel → request → response. The preload exposes exactly `DesktopApi`
 * (`satisfies DesktopApi`); main registers one handler per channel with
 * `ipcMain.handle`; the renderer reaches it only through `renderer/src/platform/`.
 * Everything crossing it is structured-clonable (no functions, no class instances).
 */

export interface FileFilter {
  /** Chinese, e.g. "Excel 工作簿" */
  name: string;
  /** without dots: ["xlsx"] */
  extensions: string[];
}

export interface PickedFile {
  name: string;
  bytes: Uint8Array;
}

export interface SavedFile {
  path: string;
}

export interface BackupEntry {
  name: string;
  size: number;
  /** ISO time */
  at: string;
}

export interface AppInfo {
  version: string;
  platform: string;
  userDataPath: string;
}

/** channel → [request, response] */
export interface IpcContract {
  'app:info': [void, AppInfo];
  'dialog:openFiles': [{ title: string; filters: FileFilter[]; multiple: boolean }, PickedFile[] | null];
  'dialog:saveFile': [{ title: string; suggestedName: string; filters: FileFilter[]; bytes: Uint8Array }, SavedFile | null];
  /** prints the calling window as it shows now (a print view), through the system dialog */
  'print:print': [{ landscape: boolean }, boolean];
  /** saves the calling window as PDF (webContents.printToPDF), asking where */
  'print:savePdf': [{ suggestedName: string; landscape: boolean }, SavedFile | null];
  'backup:write': [{ name: string; bytes: Uint8Array }, BackupEntry];
  'backup:list': [void, BackupEntry[]];
  'backup:read': [{ name: string }, Uint8Array];
  /** keeps at most `keep` backups whose names start with `prefix` */
  'backup:prune': [{ prefix: string; keep: number }, number];
}

export type Channel = keyof IpcContract;
export type RequestOf<C extends Channel> = IpcContract[C][0];
export type ResponseOf<C extends Channel> = IpcContract[C][1];

/** What `window.api` holds under Electron: one async function per channel. */
export type DesktopApi = {
  [C in Channel]: RequestOf<C> extends void ? () => Promise<ResponseOf<C>> : (request: RequestOf<C>) => Promise<ResponseOf<C>>;
};

export const CHANNELS = [
  'app:info',
  'dialog:openFiles',
  'dialog:saveFile',
  'print:print',
  'print:savePdf',
  'backup:write',
  'backup:list',
  'backup:read',
  'backup:prune',
] as const satisfies readonly Channel[];
