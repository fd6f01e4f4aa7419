/**
 * The database's refusal to change a locked (定稿) assessment: a Dexie middleware,
 * installed by ShuangpingDb, on every table whose records carry an `assessmentId` (the
 * audit log and meta excepted). Inside the writing transaction it reads the assessments
 * the write touches and throws `LockedError` if one is locked — so every transaction
 * that writes such a table includes `db.assessments` (lock.ts `changeTables`).
 */
import Dexie, { type DBCore, type DBCoreMutateRequest, type DBCoreTable, type DBCoreTransaction, type Middleware } from 'dexie';
import { canonicalJson } from '../../../shared/digest';
import type { AssessmentRow as AssessmentRecord } from '../../../shared/exchange/types';

export const LOCKED_MESSAGE = '本次考核已定稿，不能修改。如确需修改，请先在“结果”页解除定稿（须说明理由）。';

export class LockedError extends Error {
  override readonly name = 'LockedError';
  constructor(readonly assessmentId: string) {
    super(LOCKED_MESSAGE);
  }
}

/** Tables with an `assessmentId` that are not guarded: the log must take lock and unlock entries. */
const UNGUARDED = new Set(['audit', 'meta']);

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

/** Transactions allowed to write some tables of locked assessments (what 定稿 does not protect), by table name. */
const afterLock = new WeakMap<object, ReadonlySet<string>>();

/**
 * Lets the current transaction write these tables of a locked assessment: the records
 * that decide no grade (the 奖惩意见 and 期满评价, lock.ts `AFTER_LOCK_KINDS`) and their tombstones.
 */
export function allowAfterLock(tables: readonly string[]): void {
  const trans = Dexie.currentTransaction;
  if (!trans) throw new Error('allowAfterLock must be called inside a transaction');
  afterLock.set(trans.idbtrans, new Set(tables));
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
  if (unguarded.has(req.trans) || afterLock.get(req.trans)?.has(table.name)) return Dexie.Promise.resolve();
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

/**
 * A locked assessment's record keeps its settings: only the lock, archiving, the 公示
 * period (printed, not assessed), the 审批日期 (it follows 定稿), the carried blocks kept
 * with the lock (lock.ts) and the time may change.
 */
const settingsOf = ({
  locked: _locked,
  status: _status,
  updatedAt: _updated,
  notice: _notice,
  approvedAt: _approved,
  carriedAtLock: _carried,
  ...settings
}: AssessmentRecord) => canonicalJson(settings);

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
      // a table of an assessment's records: keyed by [assessmentId+…], or indexed by assessmentId
      const key = table.schema.primaryKey.keyPath;
      const scoped = Array.isArray(key) ? key[0] === 'assessmentId' : table.schema.indexes.some((i) => i.name === 'assessmentId');
      const guarded = !UNGUARDED.has(name) && scoped;
      if (!guarded) return table;
      return { ...table, mutate: (req) => Dexie.Promise.resolve(refuseLocked(down, table, req)).then(() => table.mutate(req)) };
    },
  }),
};
