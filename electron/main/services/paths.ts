/**
 * Where the app keeps things, all inside the user data folder:
 * the database (Chromium's IndexedDB, managed by Electron), `backups/`,
 * `logs/` and `window-state.json`.
 */
import path from 'node:path';

export interface DataLayout {
  readonly root: string;
  readonly backups: string;
  readonly logs: string;
  readonly windowState: string;
}

export function dataLayout(userData: string): DataLayout {
  return {
    root: userData,
    backups: path.join(userData, 'backups'),
    logs: path.join(userData, 'logs'),
    windowState: path.join(userData, 'window-state.json'),
  };
}

/** Folder name for the data of the Windows portable build, next to the .exe. */
export const PORTABLE_DATA_DIR = '双评工作站数据';

/**
 * The Windows `portable` target sets `PORTABLE_EXECUTABLE_DIR`; its data then
 * travels with the program (e.g. on a USB drive) instead of the user profile.
 */
export function portableUserData(env: Readonly<Record<string, string | undefined>>): string | null {
  const dir = env['PORTABLE_EXECUTABLE_DIR'];
  return dir !== undefined && dir !== '' ? path.join(dir, PORTABLE_DATA_DIR) : null;
}
