/**
 * Backups in `userData/backups/`: write (atomically), list, read, prune.
 * Names are checked with `isBackupName` here too, so no caller can reach
 * outside the folder whatever it passes.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BackupEntry } from '../../../shared/ipc/contract';
import { isBackupName, isBackupPrefix } from './names';

function fileOf(dir: string, name: string): string {
  if (!isBackupName(name)) throw new Error(`备份文件名无效:${name}`);
  return path.join(dir, name);
}

async function entryOf(dir: string, name: string): Promise<BackupEntry | null> {
  try {
    const s = await stat(path.join(dir, name));
    return s.isFile() ? { name, size: s.size, at: s.mtime.toISOString() } : null;
  } catch {
    return null;
  }
}

/** Writes to a hidden temporary file, then renames: a crash never leaves half a backup. */
export async function writeBackup(dir: string, name: string, bytes: Uint8Array): Promise<BackupEntry> {
  const target = fileOf(dir, name);
  await mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${name}.${randomBytes(6).toString('hex')}.tmp`);
  try {
    await writeFile(temp, bytes);
    await rename(temp, target);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
  const entry = await entryOf(dir, name);
  if (entry === null) throw new Error(`备份写入后未找到:${name}`);
  return entry;
}

/** Newest first (by modification time, then name). Other files are ignored. */
export async function listBackups(dir: string): Promise<BackupEntry[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    return [];
  }
  const entries = await Promise.all(names.filter((n) => isBackupName(n)).map((n) => entryOf(dir, n)));
  return entries.filter((e): e is BackupEntry => e !== null).sort(newestFirst);
}

export function newestFirst(a: BackupEntry, b: BackupEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  return a.name < b.name ? 1 : a.name > b.name ? -1 : 0;
}

export async function readBackup(dir: string, name: string): Promise<Uint8Array> {
  const file = fileOf(dir, name);
  let bytes: Buffer;
  try {
    bytes = await readFile(file);
  } catch {
    throw new Error(`备份不存在:${name}`);
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** Deletes all but the `keep` newest backups whose names start with `prefix`; returns how many. */
export async function pruneBackups(dir: string, prefix: string, keep: number): Promise<number> {
  if (!isBackupPrefix(prefix)) throw new Error('备份名前缀无效');
  if (!Number.isInteger(keep) || keep < 1) throw new Error('保留份数至少为 1');
  const stale = (await listBackups(dir)).filter((e) => e.name.startsWith(prefix)).slice(keep);
  for (const e of stale) await rm(fileOf(dir, e.name), { force: true });
  return stale.length;
}
