/**
 * Backups of the app's database through the platform (Electron: the user data
 * folder; browser: its own IndexedDB): made by hand, before every import, merge and
 * restore, and automatically — after changes at most every ten minutes, and daily.
 */
import Dexie from 'dexie';
import { useEffect } from 'react';
import { getOperator } from './operator';
import { backupBytes, runAutoBackup, storeBackup, writeBackup, type BackupKind } from '../db/backup';
import { db } from '../db/db';
import { platform, type BackupEntry } from '../platform';

export const ZIP_FILTER = { name: '交换包或备份（zip）', extensions: ['zip'] };

export async function backupNow(kind: BackupKind = 'manual', reason = ''): Promise<BackupEntry> {
  return writeBackup(db, platform, kind, await getOperator(), reason);
}

export class BackupFailed extends Error {}

const failed = (reason: string, e: unknown) =>
  new BackupFailed(`${reason}前自动备份失败（${e instanceof Error ? e.message : String(e)}），为免丢失数据，未做任何改动`);

/** The backup before an import, merge or restore; the change must not go ahead without it. */
export async function backupBefore(reason: '导入' | '合并' | '恢复'): Promise<void> {
  try {
    await backupNow('before', reason);
  } catch (e) {
    console.error(e);
    throw failed(reason, e);
  }
}

/** A backup before an import, begun while its workbook is read: `keep` writes it before the import's write, `discard` drops it. */
export interface EarlyBackup {
  keep(): Promise<void>;
  discard(): void;
  /** settles once the database is read and packed */
  ready: Promise<unknown>;
}

/**
 * Begins the backup before an import at once, so that the database is read and packed
 * (in a worker) while the workbook is read and checked. `keep` writes it — or, if any
 * data changed since it began, makes it again — so the backup kept is always of the
 * data just before the import's write, as `backupBefore` makes it.
 */
export function beginBackupBefore(reason: '导入'): EarlyBackup {
  let changed = false;
  const onChange = (parts: Record<string, unknown>) => {
    if (isDataChange(Object.keys(parts), db.name)) changed = true;
  };
  Dexie.on.storagemutated.subscribe(onChange);
  const stop = () => Dexie.on.storagemutated.unsubscribe(onChange);
  const packed = getOperator().then((operator) => backupBytes(db, operator));
  // a failure here is met again by `keep`, which then makes the backup itself
  const ready = packed.catch(() => undefined);
  return {
    ready,
    keep: async () => {
      const written = await packed.catch(() => null);
      stop();
      if (!written || changed) return backupBefore(reason);
      try {
        await storeBackup(db, platform, 'before', written, reason);
      } catch (e) {
        console.error(e);
        throw failed(reason, e);
      }
    },
    discard: stop,
  };
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
