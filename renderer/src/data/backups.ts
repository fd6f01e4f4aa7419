/**
 * Backups of the app's database through the platform (Electron: the user data
 * folder; browser: its own IndexedDB): made by hand, before every import, merge and
 * restore, and automatically — after changes at most every ten minutes, and daily.
 */
import Dexie from 'dexie';
import { useEffect } from 'react';
import { getOperator } from './operator';
import { runAutoBackup, writeBackup, type BackupKind } from '../db/backup';
import { db } from '../db/db';
import { platform, type BackupEntry } from '../platform';

export const ZIP_FILTER = { name: '交换包或备份（zip）', extensions: ['zip'] };

export async function backupNow(kind: BackupKind = 'manual', reason = ''): Promise<BackupEntry> {
  return writeBackup(db, platform, kind, await getOperator(), reason);
}

export class BackupFailed extends Error {}

/** The backup before an import, merge or restore; the change must not go ahead without it. */
export async function backupBefore(reason: '导入' | '合并' | '恢复'): Promise<void> {
  try {
    await backupNow('before', reason);
  } catch (e) {
    console.error(e);
    throw new BackupFailed(`${reason}前自动备份失败（${e instanceof Error ? e.message : String(e)}），为免丢失数据，未做任何改动`);
  }
}

/** Whether a Dexie change notice touches the app's data (not only meta, where backups keep their state). */
export function isDataChange(parts: Iterable<string>, dbName: string): boolean {
  const prefix = `idb://${dbName}/`;
  for (const part of parts) {
    if (part.startsWith(prefix) && !part.startsWith(`${prefix}meta/`)) return true;
  }
  return false;
}

/** Runs the automatic backups while the app is open: checks every minute. */
export function useAutoBackup(intervalMs = 60_000): void {
  useEffect(() => {
    let changed = false;
    let running = false;
    const onChange = (parts: Record<string, unknown>) => {
      if (isDataChange(Object.keys(parts), db.name)) changed = true;
    };
    const tick = async () => {
      if (running) return;
      running = true;
      const sawChange = changed;
      changed = false;
      try {
        const written = await runAutoBackup(db, platform, await getOperator(), sawChange);
        if (sawChange && !written.includes('auto')) changed = true;
      } catch (e) {
        changed ||= sawChange;
        console.warn('automatic backup failed', e);
      } finally {
        running = false;
      }
    };
    Dexie.on.storagemutated.subscribe(onChange);
    const timer = setInterval(() => void tick(), intervalMs);
    return () => {
      clearInterval(timer);
      Dexie.on.storagemutated.unsubscribe(onChange);
    };
  }, [intervalMs]);
}
