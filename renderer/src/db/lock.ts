/**
 * Locking (定稿). A locked assessment takes no change: the UI hides its edit controls,
 * and the database refuses the write anyway. The refusal is a Dexie middleware
 * (`lockGuard`, installed by ShuangpingDb) on every table whose records carry an
 * `assessmentId` (the audit log excepted): inside the writing transaction it reads the
 * assessments the write touches and throws `LockedError` if one is locked. So every
 * transaction that writes such a table must include `db.assessments`; `changeTables`
 * gives the tables a change writes with (assessments, audit, meta).
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware, type Table } from 'dexie';
import { canonicalJson } from '../../../shared/digest';
import { appendAudit, auditState } from './audit';
import { nowIso } from './ids';
import type { AssessmentRecord, ShuangpingDb } from './schema';

export const LOCKED_MESSAGE = '本次考核已定稿，不能修改。如确需修改，请先在“结果”页解除定稿（须说明理由）。';

export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor(readonly assessmentId: string) {
    super(LOCKED_MESSAGE);
  }
}

/** Tables with an `assessmentId` that are not guarded: the log must take lock and unlock entries. */
const UNGUARDED = new Set(['audit', 'meta']);

/** The tables a change of an assessment's data writes with, besides its own (a deletion leaves a tombstone). */
export function changeTables(db: ShuangpingDb): Table[] {
  return [db.assessments, db.audit, db.meta, db.tombstones];
}

/** Transactions allowed to write locked assessments' data (restoring a whole backup). */
const unguarded = new WeakSet<object>();

/**
 * Lets the current transaction write data of locked assessments. Only for copying a
 * whole database or package as it is (restore), never for an edit.
 */
export function allowLockedWrites(): void {
  const trans = Dexie.currentTransaction;
  if (!trans) throw new Error('allowLockedWrites must be called inside a transaction');
  unguarded.add(trans.idbtrans);
}

const storeNames = (trans: DBCoreTransaction): DOMStringList | undefined => (trans as Partial<IDBTransaction>).objectStoreNames;

/** The assessment ids a write touches: of the new values, and of the records it replaces or deletes. */
async function touchedAssessments(table: DBCoreTable, req: DBCoreMutateRequest): Promise<Set<string>> {
  const ids = new Set<string>();
  const add = (record: unknown) => {
    const id = (record as { assessmentId?: unknown } | undefined)?.assessmentId;
    if (typeof id === 'string') ids.add(id);
  };
  const pk = table.schema.primaryKey;
  // compound keys of these tables start with the assessment id; other keys say nothing of it
  const scopedKey = Array.isArray(pk.keyPath) && pk.keyPath[0] === 'assessmentId';
  const existing = async (keys: unknown[]) => {
    if (scopedKey) keys.forEach((k) => add({ assessmentId: (k as unknown[])[0] }));
    else if (keys.length) (await table.getMany({ trans: req.trans, keys })).forEach(add);
  };
  switch (req.type) {
    case 'add':
      req.values.forEach(add);
      break;
    case 'put': {
      req.values.forEach(add);
      const keys = req.keys ?? (pk.extractKey ? req.values.map((v) => pk.extractKey!(v)) : []);
      if (!scopedKey) await existing(keys.filter((k) => k !== undefined));
      break;
    }
    case 'delete':
      await existing(req.keys);
      break;
    case 'deleteRange': {
      const found = await table.query({ trans: req.trans, values: true, query: { index: pk, range: req.range } });
      found.result.forEach(add);
      break;
    }
  }
  return ids;
}

/**
 * Throws LockedError when the write touches a locked assessment. Chained on Dexie's own
 * promise: its callbacks run in the transaction's zone, which Dexie's middlewares below read.
 */
function refuseLocked(down: DBCore, table: DBCoreTable, req: DBCoreMutateRequest): Promise<void> {
  if (unguarded.has(req.trans)) return Dexie.Promise.resolve();
  return Dexie.Promise.resolve(touchedAssessments(table, req)).then((ids) => {
    if (!ids.size) return undefined;
    if (!storeNames(req.trans)?.contains('assessments')) {
      throw new Error(`write to ${table.name} outside a transaction over db.assessments: the lock cannot be checked`);
    }
    return Dexie.Promise.resolve(down.table('assessments').getMany({ trans: req.trans, keys: [...ids] })).then((found: (AssessmentRecord | undefined)[]) => {
      const locked = found.find((a) => a?.locked);
      if (!locked) return;
      // the whole transaction goes, even if its code catches the error
      req.trans.abort();
      throw new LockedError(locked.id);
    });
  });
}

/** A locked assessment's record keeps its settings: only the lock, archiving and the time may change. */
const settingsOf = ({ locked: _locked, status: _status, updatedAt: _updated, ...settings }: AssessmentRecord) => canonicalJson(settings);

function refuseLockedSettings(table: DBCoreTable, req: DBCoreMutateRequest): Promise<void> {
  if (unguarded.has(req.trans)) return Dexie.Promise.resolve();
  const pk = table.schema.primaryKey;
  const existing =
    req.type === 'deleteRange'
      ? table.query({ trans: req.trans, values: true, query: { index: pk, range: req.range } }).then((r) => r.result)
      : req.type === 'delete'
        ? table.getMany({ trans: req.trans, keys: req.keys })
        : table.getMany({ trans: req.trans, keys: req.keys ?? req.values.map((v) => pk.extractKey!(v)) });
  return Dexie.Promise.resolve(existing).then((records: (AssessmentRecord | undefined)[]) => {
    records.forEach((before, i) => {
      if (!before?.locked) return;
      const after = req.type === 'add' || req.type === 'put' ? (req.values[i] as AssessmentRecord) : undefined;
      if (after && settingsOf(after) === settingsOf(before)) return;
      req.trans.abort();
      throw new LockedError(before.id);
    });
  });
}

/** The middleware; ShuangpingDb installs it. */
export const lockGuard: Middleware<DBCore> = {
  stack: 'dbcore',
  name: 'lockGuard',
  create: (down) => ({
    ...down,
    table: (name) => {
      const table = down.table(name);
      // Dexie's own promise carries its transaction zone, which the middlewares below read
      if (name === 'assessments') return { ...table, mutate: (req) => Dexie.Promise.resolve(refuseLockedSettings(table, req)).then(() => table.mutate(req)) };
      const guarded = !UNGUARDED.has(name) && table.schema.indexes.some((i) => i.name === 'assessmentId');
      if (!guarded) return table;
      return { ...table, mutate: (req) => Dexie.Promise.resolve(refuseLocked(down, table, req)).then(() => table.mutate(req)) };
    },
  }),
};

/** Inside a transaction over db.assessments: throws LockedError when the assessment is locked. */
export async function assertUnlocked(db: ShuangpingDb, assessmentId: string): Promise<AssessmentRecord> {
  const a = await db.assessments.get(assessmentId);
  if (!a) throw new Error(`assessment ${assessmentId} not found`);
  if (a.locked) throw new LockedError(assessmentId);
  return a;
}

/** Runs `write` in one rw transaction over `tables` and the change tables, after checking the lock. */
export function editAssessment<T>(db: ShuangpingDb, assessmentId: string, tables: Table[], write: () => Promise<T>): Promise<T> {
  return db.transaction('rw', [...tables, ...changeTables(db)], async () => {
    await assertUnlocked(db, assessmentId);
    return write();
  });
}

/** Every table of an assessment's data, for its digest at lock time. */
const dataTables = (db: ShuangpingDb) => [
  db.secretaries,
  db.itemScores,
  db.summaryScores,
  db.tallies,
  db.tallyEntries,
  db.events,
  db.decisions,
  db.evidence,
  db.attachments,
];

/** What was finalized: the settings and every record (attachments by their SHA-256), as `N人 · digest`. */
async function assessmentState(db: ShuangpingDb, a: AssessmentRecord): Promise<string> {
  const tables = await Promise.all(dataTables(db).map((t) => t.where('assessmentId').equals(a.id).toArray()));
  const records = tables.map((rows) => rows.map((r) => ('blob' in r ? { ...r, blob: undefined } : r)));
  return auditState({ policy: a.policy, rubric: a.rubric, communityRubric: a.communityRubric, records }, `${tables[0]?.length ?? 0}人`);
}

/** 定稿: no edits from now on; the log keeps a digest of what was finalized. */
export async function lockAssessment(db: ShuangpingDb, assessmentId: string, operator: string): Promise<void> {
  await db.transaction('rw', [...dataTables(db), ...changeTables(db)], async () => {
    const a = await db.assessments.get(assessmentId);
    if (!a) throw new Error(`assessment ${assessmentId} not found`);
    if (a.locked) return;
    await db.assessments.update(assessmentId, { locked: true, updatedAt: nowIso() });
    await appendAudit(db, {
      assessmentId,
      operator,
      action: 'assessment.lock',
      target: a.name,
      before: '未定稿',
      after: `已定稿，${await assessmentState(db, a)}`,
    });
  });
}

/** 解除定稿: only with a reason, which the log keeps. */
export async function unlockAssessment(db: ShuangpingDb, assessmentId: string, operator: string, reason: string): Promise<void> {
  const why = reason.trim();
  if (!why) throw new Error('unlocking needs a reason');
  await db.transaction('rw', [...dataTables(db), ...changeTables(db)], async () => {
    const a = await db.assessments.get(assessmentId);
    if (!a) throw new Error(`assessment ${assessmentId} not found`);
    if (!a.locked) return;
    await db.assessments.update(assessmentId, { locked: false, updatedAt: nowIso() });
    await appendAudit(db, {
      assessmentId,
      operator,
      action: 'assessment.unlock',
      target: a.name,
      before: `已定稿，${await assessmentState(db, a)}`,
      after: `理由：${why}`,
    });
  });
}
