/**
 * Backups in a plain browser: kept in an IndexedDB database of their own
 * (`shuangping-backups`), apart from the app's data, so a restore can list and read
 * them and replacing the data never touches them. Automatic backups every ten
 * minutes as downloads would fill the downloads folder (and browsers block repeated
 * downloads); the backups screen offers each one as a download instead.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { BackupEntry } from '../../../shared/ipc/contract';

interface StoredBackup extends BackupEntry {
  bytes: Blob;
}

class BackupDb extends Dexie {
  backups!: EntityTable<StoredBackup, 'name'>;
  constructor(name: string) {
    super(name);
    this.version(1).stores({ backups: 'name, at' });
  }
}

const newestFirst = (a: BackupEntry, b: BackupEntry) => (a.at !== b.at ? (a.at < b.at ? 1 : -1) : a.name < b.name ? 1 : a.name > b.name ? -1 : 0);

export function browserBackups(name = 'shuangping-backups') {
  let db: BackupDb | null = null;
  const open = () => (db ??= new BackupDb(name));
  const list = async (): Promise<BackupEntry[]> => {
    const all: BackupEntry[] = [];
    await open().backups.each(({ name, size, at }) => void all.push({ name, size, at }));
    return all.sort(newestFirst);
  };
  return {
    writeBackup: async (backupName: string, bytes: Uint8Array): Promise<BackupEntry> => {
      const entry = { name: backupName, size: bytes.byteLength, at: new Date().toISOString() };
      await open().backups.put({ ...entry, bytes: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }) });
      return entry;
    },
    listBackups: list,
    readBackup: async (backupName: string): Promise<Uint8Array> => {
      const stored = await open().backups.get(backupName);
      if (!stored) throw new Error(`备份不存在:${backupName}`);
      return new Uint8Array(await stored.bytes.arrayBuffer());
    },
    pruneBackups: async (prefix: string, keep: number): Promise<number> => {
      const stale = (await list()).filter((e) => e.name.startsWith(prefix)).slice(Math.max(keep, 1));
      await open().backups.bulkDelete(stale.map((e) => e.name));
      return stale.length;
    },
  };
}
