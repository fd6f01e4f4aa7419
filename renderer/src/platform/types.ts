/**
 * What the app asks of the machine it runs on. Two implementations: the desktop
 * one over Electron's `window.api` (desktop-api.ts) and a browser one (browser.ts)
 * so the whole UI runs in plain Chromium.
 */
import type { AppInfo, BackupEntry, FileFilter, PickedFile, SavedFile } from '../../../shared/ipc/contract';

export type { AppInfo, BackupEntry, FileFilter, PickedFile, SavedFile };

export interface Platform {
  kind: 'desktop' | 'browser';
  info(): Promise<AppInfo>;
  /** null when the person cancels */
  openFiles(request: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<PickedFile[] | null>;
  /** null when the person cancels */
  saveFile(request: { title: string; suggestedName: string; filters: FileFilter[]; bytes: Uint8Array }): Promise<SavedFile | null>;
  print(request: { landscape: boolean }): Promise<boolean>;
  savePdf(request: { suggestedName: string; landscape: boolean }): Promise<SavedFile | null>;
  writeBackup(name: string, bytes: Uint8Array): Promise<BackupEntry>;
  listBackups(): Promise<BackupEntry[]>;
  readBackup(name: string): Promise<Uint8Array>;
  pruneBackups(prefix: string, keep: number): Promise<number>;
}

export const XLSX_FILTER: FileFilter = { name: 'Excel 工作簿', extensions: ['xlsx'] };
export const JSON_FILTER: FileFilter = { name: 'JSON 文件', extensions: ['json'] };
export const PDF_FILTER: FileFilter = { name: 'PDF 文件', extensions: ['pdf'] };
export const PNG_FILTER: FileFilter = { name: 'PNG 图片', extensions: ['png'] };
