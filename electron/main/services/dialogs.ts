/**
 * Native open/save dialogs for workbooks, attachments and exchange packages.
 * The renderer never sees or chooses a path: it gets bytes back, or gives bytes
 * and the person picks where they go.
 */
import { readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { app, BrowserWindow, dialog, type WebContents } from 'electron';
import type { FileFilter, PickedFile, SavedFile } from '../../../shared/ipc/contract';
import { ALL_FILES } from '../../../shared/ipc/dialogs';
import { LIMITS } from './names';

export function withFallbackFilter(filters: FileFilter[]): FileFilter[] {
  return filters.length > 0 ? filters : [ALL_FILES];
}

/**
 * Adds the first filter's extension when the chosen path has none (Linux
 * dialogs do not add it themselves).
 */
export function ensureExtension(filePath: string, filters: FileFilter[]): string {
  if (path.extname(filePath) !== '') return filePath;
  const ext = filters[0]?.extensions[0];
  return ext === undefined || ext === '*' ? filePath : `${filePath}.${ext}`;
}

export function defaultSavePath(suggestedName: string): string {
  return path.join(app.getPath('documents'), suggestedName);
}

export async function openFiles(sender: WebContents, request: { title: string; filters: FileFilter[]; multiple: boolean }): Promise<PickedFile[] | null> {
  const options: Electron.OpenDialogOptions = {
    title: request.title,
    buttonLabel: '打开',
    filters: withFallbackFilter(request.filters),
    properties: request.multiple ? ['openFile', 'multiSelections'] : ['openFile'],
  };
  const win = BrowserWindow.fromWebContents(sender);
  const result = win ? await dialog.showOpenDialog(win, options) : await dialog.showOpenDialog(options);
  if (result.canceled || result.filePaths.length === 0) return null;
  const picked: PickedFile[] = [];
  for (const file of result.filePaths) {
    const info = await stat(file);
    if (info.size > LIMITS.bytes) throw new Error(`文件过大(超过 512 MB):${path.basename(file)}`);
    const bytes = await readFile(file);
    picked.push({ name: path.basename(file), bytes: new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength) });
  }
  return picked;
}

/** Asks where to save (starting in Documents with the suggested name); null if cancelled. */
export async function askSavePath(sender: WebContents, request: { title: string; suggestedName: string; filters: FileFilter[] }): Promise<string | null> {
  const filters = withFallbackFilter(request.filters);
  const options: Electron.SaveDialogOptions = {
    title: request.title,
    buttonLabel: '保存',
    defaultPath: defaultSavePath(request.suggestedName),
    filters,
    properties: ['createDirectory', 'showOverwriteConfirmation'],
  };
  const win = BrowserWindow.fromWebContents(sender);
  const result = win ? await dialog.showSaveDialog(win, options) : await dialog.showSaveDialog(options);
  if (result.canceled || result.filePath === undefined || result.filePath === '') return null;
  return ensureExtension(result.filePath, filters);
}

export async function saveFile(
  sender: WebContents,
  request: { title: string; suggestedName: string; filters: FileFilter[]; bytes: Uint8Array },
): Promise<SavedFile | null> {
  const target = await askSavePath(sender, request);
  if (target === null) return null;
  await writeFile(target, request.bytes);
  return { path: target };
}
