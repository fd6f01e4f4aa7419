/**
 * Backups of the whole database, attachments and audit chains included, in the
 * package format (scope 'backup'), kept by a BackupStore (the platform: Electron's
 * user data folder, or the browser's own store). Rotation keeps a bounded number of
 * each kind. A restore is previewed first (what changes per assessment, the lock
 * here and in the backup), then written in one transaction that keeps every local
 * audit chain, appends a 'restore' entry to it, and never unlocks without consent.
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
import { shortId, type AssessmentData, type Manifest, type OpenedPackage, type PackageInput, type ReceivedChain, type TeamKey } from '../../../shared/exchange';
import { timeLabel } from '../../../shared/exchange/describe';
import { sortRows } from '../../../shared/exchange/canonical';
import { canonicalJson } from '../../../shared/digest';
import { receive } from '../../../shared/exchange/received';
import { UNIT_KINDS, unitsOf, type Unit, type UnitKind } from '../../../shared/exchange/units';
import { appendAudit } from './audit';
import { openPackage, teamKey } from './exchange';
import { nowIso } from './ids';
import { allowLockedWrites } from './lock';
import { workersReadTheDatabase, writeBackupOffThread, writePackageOffThread } from './package-off-thread';
import { spanEnd, spanStart } from './timing';
import type { ShuangpingDb } from './schema';
import { bytesOf, laptopId, readAll, receivedKey, receivedPrefix, recordTables, snapshotTables } from './snapshot';

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
  const key = await teamKey(db);
  const laptop = await laptopId(db);
  let t = spanStart();
  // on a page the worker reads the database and builds the JSON, digests and zip: the screen answers meanwhile
  if (workersReadTheDatabase()) {
    try {
      const written = await writeBackupOffThread({ dbName: db.name, operator, laptopId: laptop }, key);
      spanEnd('backup.worker', t);
      return written;
    } catch (e) {
      // a worker that cannot open the database: read here and hand the records over, as before
      console.warn('backup read in the worker failed; reading on the page', e);
      t = spanStart();
    }
  }
  const snapshot = await readAll(db);
  spanEnd('backup.read', t);
  const input: PackageInput = {
    kind: 'backup',
    createdAt: nowIso(),
    laptopId: laptop,
    operator,
    scope: { kind: 'backup' },
    assessments: snapshot.assessments,
    files: await bytesOf(snapshot.blobs),
  };
  t = spanStart();
  const written = await writePackageOffThread(input, key);
  spanEnd('backup.pack', t);
  return written;
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
export async function writeBackup(
  db: ShuangpingDb,
  store: BackupStore,
  kind: BackupKind,
  operator: string,
  reason = '',
  at = new Date(),
): Promise<BackupEntry> {
  return storeBackup(db, store, kind, await backupBytes(db, operator), reason, at);
}

/** Keeps a backup's bytes (backupBytes) as a backup of `kind`: written, noted in the ledger, that kind pruned to its bound. */
export async function storeBackup(
  db: ShuangpingDb,
  store: BackupStore,
  kind: BackupKind,
  { bytes, manifest }: { bytes: Uint8Array; manifest: Manifest },
  reason = '',
  at = new Date(),
): Promise<BackupEntry> {
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

/** Per kind of record (units of shared/exchange/units.ts): what a restore does to them. */
export interface RestoreCounts {
  /** in the backup, not here: added */
  added: number;
  /** the same here and in the backup */
  identical: number;
  /** here and in the backup, not the same: the backup's taken */
  different: number;
  /** here, not in the backup: removed */
  removed: number;
}

export interface ChainState {
  count: number;
  /** hash of the last entry, '' when empty */
  head: string;
}

/**
 * How the backup's audit chain stands to this laptop's. The local chain is always kept;
 * the restore is appended to it as an entry that names both.
 *
 *   new       the assessment is not here: the backup's chain becomes this laptop's
 *   behind    the backup's chain is the beginning of this laptop's (an older backup): nothing to add
 *   ahead     this laptop's chain is the beginning of the backup's: its later entries are added
 *   diverged  they went apart: the backup's chain is kept beside this laptop's, as a received chain
 */
export type ChainRelation = 'new' | 'behind' | 'ahead' | 'diverged';

export interface AssessmentRestore {
  id: string;
  /** `2024年度 胶州市考核`, as the backup has it */
  title: string;
  /** this laptop's assessment, or null when it is not here */
  here: { title: string; locked: boolean; chain: ChainState } | null;
  backup: { locked: boolean; chain: ChainState };
  counts: Record<UnitKind, RestoreCounts>;
  /** its records or settings would change */
  changes: boolean;
  chain: ChainRelation;
  /** finalized here and its data would change: restored only with a person's consent and reason */
  needsConsent: boolean;
}

/** What restoring a backup would do, shown before anything is written. */
export interface RestorePreview {
  opened: OpenedPackage;
  assessments: AssessmentRestore[];
  /** assessments here that the backup does not have: kept as they are */
  kept: { id: string; title: string; locked: boolean }[];
  /** every local assessment's chain head when previewed: the restore refuses if one has moved */
  heads: Record<string, string>;
}

/**
 * For an assessment finalized here whose data the backup would change: not restored
 * (the default), restored and still finalized, or restored and unlocked (only when the
 * backup has it not finalized).
 */
export type FinalizedChoice = 'skip' | 'keepLocked' | 'unlock';

export interface RestoreConsent {
  finalized: Readonly<Record<string, FinalizedChoice>>;
  /** why finalized data is restored (or unlocked); logged; required when any is */
  reason: string;
}

export class StaleRestore extends Error {
  constructor() {
    super('本机数据在预览之后有了变化，请重新打开该备份，看过变化后再恢复');
  }
}

const titleOf = (a: { year: number; name: string }) => `${a.year}年度 ${a.name}`;
const chainOf = (entries: readonly { hash: string }[]): ChainState => ({ count: entries.length, head: entries.at(-1)?.hash ?? '' });

/** Whether `a` is the beginning of `b` (or all of it): the hash at its end covers every entry before. */
const startsWith = (b: readonly { hash: string }[], a: readonly { hash: string }[]) =>
  a.length <= b.length && (a.length === 0 || b[a.length - 1]!.hash === a.at(-1)!.hash);

export function chainRelation(local: readonly { hash: string }[] | null, backup: readonly { hash: string }[]): ChainRelation {
  if (local === null) return 'new';
  if (startsWith(local, backup)) return 'behind';
  if (startsWith(backup, local)) return 'ahead';
  return 'diverged';
}

/** What restoring `backup` over `local` changes, unit by unit (a restore replaces, it does not merge); tombstones count as data. */
function restoreCounts(local: AssessmentData | null, backup: AssessmentData): { counts: Record<UnitKind, RestoreCounts>; changes: boolean } {
  const counts = Object.fromEntries(UNIT_KINDS.map((k) => [k, { added: 0, identical: 0, different: 0, removed: 0 }])) as Record<UnitKind, RestoreCounts>;
  const mine = local ? unitsOf(local) : new Map<string, Unit>();
  const theirs = unitsOf(backup);
  for (const [key, u] of theirs) {
    const own = mine.get(key);
    counts[u.kind][!own ? 'added' : own.fingerprint === u.fingerprint ? 'identical' : 'different']++;
  }
  for (const [key, u] of mine) if (!theirs.has(key)) counts[u.kind].removed++;
  if (!local) return { counts, changes: true };
  const changed = UNIT_KINDS.some((k) => counts[k].added || counts[k].different || counts[k].removed);
  const tombstones = (d: AssessmentData) => canonicalJson(sortRows('tombstones', d.tombstones));
  return { counts, changes: changed || local.assessment.status !== backup.assessment.status || tombstones(local) !== tombstones(backup) };
}

async function localHeads(db: ShuangpingDb): Promise<Record<string, string>> {
  const heads: Record<string, string> = {};
  for (const id of (await db.assessments.orderBy('id').primaryKeys()) as string[]) {
    heads[id] = (await db.audit.where('assessmentId').equals(id).last())?.hash ?? '';
  }
  return heads;
}

export async function previewRestore(db: ShuangpingDb, opened: OpenedPackage): Promise<RestorePreview> {
  const { assessments: here } = await readAll(db);
  const local = new Map(here.map((p) => [p.data.assessment.id, p] as const));
  const assessments = opened.assessments.map(({ data, audit }): AssessmentRestore => {
    const mine = local.get(data.assessment.id) ?? null;
    const { counts, changes } = restoreCounts(mine?.data ?? null, data);
    const lockedHere = mine?.data.assessment.locked ?? false;
    return {
      id: data.assessment.id,
      title: titleOf(data.assessment),
      here: mine ? { title: titleOf(mine.data.assessment), locked: lockedHere, chain: chainOf(mine.audit) } : null,
      backup: { locked: data.assessment.locked, chain: chainOf(audit) },
      counts,
      changes,
      chain: chainRelation(mine?.audit ?? null, audit),
      needsConsent: lockedHere && changes,
    };
  });
  const inBackup = new Set(opened.assessments.map((a) => a.data.assessment.id));
  const kept = here
    .filter((p) => !inBackup.has(p.data.assessment.id))
    .map((p) => ({ id: p.data.assessment.id, title: titleOf(p.data.assessment), locked: p.data.assessment.locked }));
  const heads = Object.fromEntries(here.map((p) => [p.data.assessment.id, p.audit.at(-1)?.hash ?? '']));
  return { opened, assessments, kept, heads };
}

const sameHeads = (a: Record<string, string>, b: Record<string, string>) =>
  Object.keys(a).length === Object.keys(b).length && Object.entries(a).every(([k, v]) => b[k] === v);

/** `新增 12，不同 3，删除 1，相同 30` over every kind of record */
function countWords(counts: Record<UnitKind, RestoreCounts>): string {
  const sum = (f: keyof RestoreCounts) => UNIT_KINDS.reduce((n, k) => n + counts[k][f], 0);
  return `新增 ${sum('added')}，不同 ${sum('different')}，删除 ${sum('removed')}，相同 ${sum('identical')}`;
}

const CHAIN_WORDS: Record<ChainRelation, (extra: number) => string> = {
  new: () => '本机原无此考核，备份的审计日志即本机的审计日志',
  behind: () => '备份的审计日志已全部含在本机审计日志中',
  ahead: (extra) => `备份的审计日志接续本机审计日志，其后 ${extra} 条已接入`,
  diverged: () => '备份的审计日志与本机的分叉，另行保存为转来的审计日志，本机审计日志不变',
};

/** Keeps `chain` among the assessment's received chains unless one already holds it; drops those it holds. */
async function keepReceived(db: ShuangpingDb, assessmentId: string, chain: ReceivedChain): Promise<void> {
  const kept = (await db.meta.where('key').startsWith(receivedPrefix(assessmentId)).toArray()).map((m) => m.value as ReceivedChain);
  const { add, drop } = receive(kept, chain);
  if (!add) return;
  await db.meta.bulkDelete(drop.map((c) => receivedKey(assessmentId, c)));
  await db.meta.put({ key: receivedKey(assessmentId, chain), value: { laptopId: chain.laptopId, entries: chain.entries } });
}

/** Replaces an assessment's records with the backup's (events keep their database key where it is free). */
async function writeRecords(db: ShuangpingDb, data: AssessmentData, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const id = data.assessment.id;
  for (const table of recordTables(db)) await table.where('assessmentId').equals(id).delete();
  await db.secretaries.bulkAdd(data.secretaries);
  await db.itemScores.bulkAdd(data.itemScores);
  await db.summaryScores.bulkAdd(data.summaryScores);
  await db.tallies.bulkAdd(data.tallies);
  await db.tallyEntries.bulkAdd(data.tallyEntries);
  const keys = data.events.map((e) => e.key).filter((k): k is number => k !== undefined);
  const taken = new Set((await db.events.bulkGet(keys)).flatMap((e) => (e?.key === undefined ? [] : [e.key])));
  await db.events.bulkAdd(data.events.map(({ key, ...e }) => (key === undefined || taken.has(key) ? e : { ...e, key })));
  await db.decisions.bulkAdd(data.decisions);
  // a backup of format 2 has neither
  await db.holds.bulkAdd(data.holds ?? []);
  await db.warningAcks.bulkAdd(data.warningAcks ?? []);
  await db.evidence.bulkAdd(data.evidence);
  await db.attachments.bulkAdd(data.attachments.map((a) => ({ ...a, blob: new Blob([files.get(a.sha256)! as Uint8Array<ArrayBuffer>], { type: a.type }) })));
  await db.attendance.bulkAdd(data.attendance);
  await db.reviews.bulkAdd(data.reviews);
  await db.papers.bulkAdd(data.papers);
  await db.assignments.bulkAdd(data.assignments);
  await db.boxes.bulkAdd(data.boxes);
  await db.personLinks.bulkAdd(data.personLinks ?? []);
  await db.awardEdits.bulkAdd(data.awardEdits ?? []);
  await db.termEvaluations.bulkAdd(data.termEvaluations ?? []);
  await db.tombstones.bulkAdd(data.tombstones);
}

/**
 * Restores the backup previewed, in one transaction: each of its assessments gets the
 * backup's records and settings; assessments the backup does not have stay as they
 * are. History is never shortened: this laptop's audit chain is kept and continues
 * with a 'restore' entry naming the chain before it and the backup's; a backup chain
 * that is not part of the local one is kept beside it. A finalized assessment whose
 * data would change is left as it is unless `consent` says otherwise (with a reason,
 * logged); it stays finalized unless the person chose to unlock it ('assessment.unlock').
 * Throws StaleRestore when this laptop's data changed since the preview.
 */
export async function restoreBackup(
  db: ShuangpingDb,
  preview: RestorePreview,
  operator: string,
  label: string,
  consent: RestoreConsent = { finalized: {}, reason: '' },
): Promise<void> {
  const m = preview.opened.manifest;
  const reason = consent.reason.trim();
  const choiceOf = (a: AssessmentRestore): FinalizedChoice | null => (a.needsConsent ? (consent.finalized[a.id] ?? 'skip') : null);
  for (const a of preview.assessments) {
    const choice = choiceOf(a);
    if (choice && choice !== 'skip' && !reason) throw new Error('restoring a finalized assessment needs a reason');
    if (choice === 'unlock' && a.backup.locked) throw new Error('unlock: the backup has this assessment finalized');
  }
  const here = await laptopId(db);
  const source = `备份 ${m.digest.slice(0, 16)}（电脑 ${shortId(m.laptopId)}，${timeLabel(m.createdAt)}）`;
  await db.transaction('rw', snapshotTables(db), async () => {
    if (!sameHeads(await localHeads(db), preview.heads)) throw new StaleRestore();
    allowLockedWrites();
    for (const [i, a] of preview.assessments.entries()) {
      const choice = choiceOf(a);
      if (choice === 'skip') continue;
      const { data, audit, received } = preview.opened.assessments[i]!;
      const local = await db.audit.where('assessmentId').equals(a.id).toArray();
      const relation = a.here ? chainRelation(local, audit) : 'new';
      const locked = choice === 'keepLocked' || (a.here?.locked === true && choice === null) || (choice === null && data.assessment.locked);

      if (a.changes || locked !== a.here?.locked) {
        await db.assessments.put({ ...data.assessment, locked });
        if (a.changes) await writeRecords(db, data, preview.opened.files);
      }
      if (relation === 'new' || relation === 'ahead') await db.audit.bulkAdd(audit.slice(local.length).map((e) => ({ ...e })));
      if (relation === 'diverged')
        await keepReceived(db, a.id, { laptopId: m.laptopId === here ? `${here}@${m.digest.slice(0, 8)}` : m.laptopId, entries: audit });
      for (const chain of received) if (chain.laptopId !== here) await keepReceived(db, a.id, chain);

      if (choice === 'unlock') {
        await appendAudit(db, {
          assessmentId: a.id,
          operator,
          action: 'assessment.unlock',
          target: data.assessment.name,
          before: '已定稿',
          after: `理由：${reason}（从备份恢复：${label}）`,
        });
      }
      const lockWords =
        choice === 'keepLocked'
          ? `保持定稿，理由：${reason}`
          : choice === 'unlock'
            ? `解除定稿，理由：${reason}`
            : a.here?.locked
              ? '保持定稿（数据与备份相同）'
              : locked
                ? '按备份为已定稿'
                : '未定稿';
      const before = a.here
        ? `本机审计日志 ${a.here.chain.count} 条（末条 ${a.here.chain.head.slice(0, 16)}），${a.here.locked ? '已定稿' : '未定稿'}`
        : '本机无此考核';
      await appendAudit(db, {
        assessmentId: a.id,
        operator,
        action: 'restore',
        target: label,
        before,
        after:
          `${source}：审计日志 ${audit.length} 条（末条 ${audit.at(-1)?.hash.slice(0, 16) ?? '无'}），${CHAIN_WORDS[relation](audit.length - local.length)}；` +
          `${a.changes ? countWords(a.counts) : '数据与本机相同'}；${lockWords}`,
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
