/**
 * Backups of the whole database, attachments and audit chains included, in the
 * package format (scope 'backup'), kept by a BackupStore (the platform: Electron's
 * user data folder, or the browser's own store). Rotation keeps a bounded number of
 * each kind; restore replaces everything in one transaction and logs a 'restore'
 * entry in every restored assessment's chain.
 *
 * What binds a backup (no audit entry per backup: automatic ones every ten minutes
 * would fill every chain, and would set off the next backup themselves):
 *   - with a team key, its signature and encryption: it was written by a laptop of the
 *     team and not changed since (the GCM tag and the HMAC of the manifest digest);
 *   - the ledger of the backups this laptop wrote (meta, not data): a backup whose
 *     manifest digest is in it was written here, byte for byte as it is, at that time.
 * Without a key, a backup from elsewhere proves only that its files match its manifest.
 */
import type { BackupEntry } from '../../../shared/ipc/contract';
import type { Checked } from '../../../shared/model';
import { shortId, writePackage, type Manifest, type OpenedPackage, type ReceivedChain, type TeamKey } from '../../../shared/exchange';
import { timeLabel } from '../../../shared/exchange/describe';
import { appendAudit, auditHeadKey } from './audit';
import { openPackage, teamKey, webHasher } from './exchange';
import { nowIso } from './ids';
import { allowLockedWrites } from './lock';
import type { ShuangpingDb } from './schema';
import { bytesOf, laptopId, readAll, RECEIVED_PREFIX, receivedKey, recordTables, snapshotTables } from './snapshot';

export interface BackupStore {
  writeBackup(name: string, bytes: Uint8Array): Promise<BackupEntry>;
  listBackups(): Promise<BackupEntry[]>;
  readBackup(name: string): Promise<Uint8Array>;
  pruneBackups(prefix: string, keep: number): Promise<number>;
}

export const BACKUP_KINDS = ['auto', 'daily', 'before', 'manual'] as const;
export type BackupKind = (typeof BACKUP_KINDS)[number];

export const BACKUP_PREFIXES: Record<BackupKind, string> = {
  auto: '自动备份-',
  daily: '每日备份-',
  before: '操作前备份-',
  manual: '手动备份-',
};

/** How many of each kind are kept: 20 recent, 7 daily, 20 before imports/merges/restores, 30 made by hand. */
export const KEEP: Record<BackupKind, number> = { auto: 20, daily: 7, before: 20, manual: 30 };

const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const day = (d: Date) => `${d.getFullYear()}${pad(d.getMonth() + 1)}${pad(d.getDate())}`;

/** `自动备份-20241221-100304-123.zip`, `每日备份-20241221.zip`, `操作前备份-合并-20241221-100304-123.zip` */
export function backupName(kind: BackupKind, at: Date, reason = ''): string {
  const time = `${day(at)}-${pad(at.getHours())}${pad(at.getMinutes())}${pad(at.getSeconds())}-${pad(at.getMilliseconds(), 3)}`;
  const why = kind === 'before' && reason ? `${reason}-` : '';
  return `${BACKUP_PREFIXES[kind]}${why}${kind === 'daily' ? day(at) : time}.zip`;
}

export function kindOfBackup(name: string): BackupKind | null {
  return BACKUP_KINDS.find((k) => name.startsWith(BACKUP_PREFIXES[k])) ?? null;
}

/** The whole database as one package (signed and encrypted with the team key when one is set). */
export async function backupBytes(db: ShuangpingDb, operator: string): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const snapshot = await readAll(db);
  return writePackage(
    { kind: 'backup', createdAt: nowIso(), laptopId: await laptopId(db), operator, scope: { kind: 'backup' }, assessments: snapshot.assessments, files: await bytesOf(snapshot.blobs) },
    { hash: webHasher, key: await teamKey(db) },
  );
}

/** meta key of the ledger of backups this laptop wrote */
export const BACKUP_LEDGER = 'backup.ledger';
const LEDGER_SIZE = 500;

export interface LedgerEntry {
  /** the backup's manifest digest */
  digest: string;
  name: string;
  /** ISO time of writing */
  at: string;
}

async function readLedger(db: ShuangpingDb): Promise<LedgerEntry[]> {
  const v = (await db.meta.get(BACKUP_LEDGER))?.value;
  return Array.isArray(v) ? (v as LedgerEntry[]) : [];
}

/** When and under which name this laptop wrote the backup of that digest, or null. */
export async function writtenHere(db: ShuangpingDb, digest: string): Promise<LedgerEntry | null> {
  return (await readLedger(db)).find((e) => e.digest === digest) ?? null;
}

/** Writes a backup of `kind`, notes it in the ledger and prunes that kind to its bound. */
export async function writeBackup(db: ShuangpingDb, store: BackupStore, kind: BackupKind, operator: string, reason = '', at = new Date()): Promise<BackupEntry> {
  const { bytes, manifest } = await backupBytes(db, operator);
  const entry = await store.writeBackup(backupName(kind, at, reason), bytes);
  await db.transaction('rw', db.meta, async () => {
    const ledger = [...(await readLedger(db)), { digest: manifest.digest, name: entry.name, at: manifest.createdAt }].slice(-LEDGER_SIZE);
    await db.meta.put({ key: BACKUP_LEDGER, value: ledger });
  });
  await store.pruneBackups(BACKUP_PREFIXES[kind], KEEP[kind]);
  return entry;
}

/**
 * Reads and verifies a backup with this laptop's team key, or `key` (the key of an old
 * backup). An unsigned backup is accepted under a key only when this laptop wrote it
 * (made before the key was set). An exchange package is refused with a pointer to where it belongs.
 */
export async function openBackup(db: ShuangpingDb, bytes: Uint8Array, key?: TeamKey | null): Promise<Checked<OpenedPackage>> {
  const k = key === undefined ? await teamKey(db) : key;
  let opened = await openPackage(bytes, k);
  if (!opened.ok && k) {
    const unsigned = await openPackage(bytes, null);
    if (unsigned.ok && unsigned.value.security.signature === 'none' && (await writtenHere(db, unsigned.value.manifest.digest))) opened = unsigned;
  }
  if (opened.ok && opened.value.manifest.kind !== 'backup') {
    return { ok: false, errors: [{ message: '这是交换包，不是备份：请在考核的“交换”页导入，它会与本机数据合并而不是替换' }] };
  }
  return opened;
}

/**
 * Replaces the whole database with the backup, in one transaction (finalized
 * assessments included: a backup is copied as it is). This laptop's id, operators and
 * settings in meta stay. Each restored assessment's chain gets a 'restore' entry.
 */
export async function restoreBackup(db: ShuangpingDb, opened: OpenedPackage, operator: string, label: string): Promise<void> {
  const m = opened.manifest;
  await db.transaction('rw', snapshotTables(db), async () => {
    allowLockedWrites();
    const before = await db.assessments.count();
    const heads = await db.meta.filter((r) => r.key.startsWith(auditHeadKey('')) || r.key.startsWith(RECEIVED_PREFIX)).primaryKeys();
    await db.meta.bulkDelete(heads);
    for (const table of [db.assessments, ...recordTables(db), db.audit]) await table.clear();
    for (const { data, audit, received } of opened.assessments) {
      await db.assessments.add(data.assessment);
      await db.secretaries.bulkAdd(data.secretaries);
      await db.itemScores.bulkAdd(data.itemScores);
      await db.summaryScores.bulkAdd(data.summaryScores);
      await db.tallies.bulkAdd(data.tallies);
      await db.tallyEntries.bulkAdd(data.tallyEntries);
      await db.events.bulkAdd(data.events);
      await db.decisions.bulkAdd(data.decisions);
      await db.evidence.bulkAdd(data.evidence);
      await db.attachments.bulkAdd(data.attachments.map((a) => ({ ...a, blob: new Blob([opened.files.get(a.sha256)! as Uint8Array<ArrayBuffer>], { type: a.type }) })));
      await db.tombstones.bulkAdd(data.tombstones);
      await db.audit.bulkAdd(audit);
      await db.meta.bulkPut(received.map((c: ReceivedChain) => ({ key: receivedKey(data.assessment.id, c), value: c })));
      await appendAudit(db, {
        assessmentId: data.assessment.id,
        operator,
        action: 'restore',
        target: label,
        before: `恢复前本机有 ${before} 个考核`,
        after: `备份 ${m.digest.slice(0, 16)}（电脑 ${shortId(m.laptopId)}，${timeLabel(m.createdAt)}）`,
      });
    }
  });
}

/** What a backup holds, for the preview before restoring. */
export function backupSummary(m: Manifest) {
  return m.assessments.map((a) => ({
    id: a.id,
    title: `${a.year}年度 ${a.name}`,
    secretaries: a.counts.secretaries,
    tallies: a.counts.tallies,
    attachments: a.counts.attachments,
    auditCount: a.audit.count,
    auditHead: a.audit.head,
  }));
}

export interface AutoState {
  /** ISO time of the last automatic backup */
  lastAutoAt?: string;
  /** YYYYMMDD of the last daily backup */
  lastDaily?: string;
}

export const AUTO_INTERVAL_MS = 10 * 60 * 1000;

/** Which automatic backups are due: one after changes at most every 10 minutes, and one a day (when there is data). */
export function dueBackups(state: AutoState, now: Date, changed: boolean, hasData: boolean): { auto: boolean; daily: boolean } {
  const last = state.lastAutoAt ? Date.parse(state.lastAutoAt) : Number.NEGATIVE_INFINITY;
  return {
    auto: changed && now.getTime() - last >= AUTO_INTERVAL_MS,
    daily: hasData && state.lastDaily !== day(now),
  };
}

export const AUTO_STATE_KEY = 'backup.auto';

export async function readAutoState(db: ShuangpingDb): Promise<AutoState> {
  const v = (await db.meta.get(AUTO_STATE_KEY))?.value;
  return typeof v === 'object' && v !== null ? (v as AutoState) : {};
}

/** Makes the automatic backups that are due; returns the kinds written. */
export async function runAutoBackup(db: ShuangpingDb, store: BackupStore, operator: string, changed: boolean, now = new Date()): Promise<BackupKind[]> {
  const state = await readAutoState(db);
  const due = dueBackups(state, now, changed, (await db.assessments.count()) > 0);
  const written: BackupKind[] = [];
  if (due.auto) {
    await writeBackup(db, store, 'auto', operator, '', now);
    state.lastAutoAt = now.toISOString();
    written.push('auto');
  }
  if (due.daily) {
    await writeBackup(db, store, 'daily', operator, '', now);
    state.lastDaily = day(now);
    written.push('daily');
  }
  if (written.length) await db.meta.put({ key: AUTO_STATE_KEY, value: state });
  return written;
}
