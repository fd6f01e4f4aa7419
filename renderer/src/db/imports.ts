/**
 * Imports of checked records, each in ONE Dexie transaction: the records are
 * checked against what the database holds (roster ids, eligible voters …) inside
 * the transaction, and any error aborts it, so a bad import changes nothing.
 * Workbook bytes are read by shared/io first (see ../features/imports/workbooks.ts).
 */
import Dexie, { type Table } from 'dexie';
import type { BallotTally, DirectEvent, InputError, ItemScores, Secretary, SummaryScore } from '../../../shared/model';
import { castOf } from '../../../shared/model';
import { appendAudit, tableState } from './audit';
import { changeTables } from './lock';
import { recordDeletions, unitsOfSecretaries } from './tombstones';
import type { ShuangpingDb } from './schema';

export type ImportOutcome = { ok: true; count: number } | { ok: false; errors: InputError[] };

/** Thrown inside a transaction to roll it back with the errors a person should see. */
export class ImportRejected extends Error {
  constructor(readonly errors: InputError[]) {
    super('import rejected');
  }
}

interface ImportContext {
  db: ShuangpingDb;
  assessmentId: string;
  operator: string;
  /** the sheet name errors refer to */
  sheet: string;
  /** 编号 → Excel row, so errors found against the database name the row */
  rows?: ReadonlyMap<string, number>;
  /** the 编号 column's header as written in the file */
  idHeader?: string;
}

/** An error about one secretary's row of the file. */
function rowError(ctx: ImportContext, id: string, message: string, column?: string): InputError {
  const error: InputError = { sheet: ctx.sheet, column: column ?? ctx.idHeader ?? '编号', message };
  const row = ctx.rows?.get(id);
  if (row !== undefined) error.row = row;
  return error;
}

/** Runs `write` in one rw transaction over `tables` (+ audit); ImportRejected → errors, nothing written. */
async function inTransaction(
  { db }: ImportContext,
  tables: Table[],
  write: () => Promise<number>,
): Promise<ImportOutcome> {
  try {
    const count = await db.transaction('rw', [...tables, ...changeTables(db)], write);
    return { ok: true, count };
  } catch (e) {
    if (e instanceof ImportRejected) return { ok: false, errors: e.errors };
    if (e instanceof Dexie.DexieError) {
      return { ok: false, errors: [{ message: `数据库写入失败（${e.name}），未导入任何数据` }] };
    }
    throw e;
  }
}

async function assertEditable(ctx: ImportContext): Promise<void> {
  const a = await ctx.db.assessments.get(ctx.assessmentId);
  if (!a) throw new ImportRejected([{ message: '考核不存在' }]);
  if (a.locked) throw new ImportRejected([{ message: '本次考核已定稿，不能再导入' }]);
}

async function rosterIndex(ctx: ImportContext): Promise<Map<string, Secretary>> {
  const roster = await ctx.db.secretaries.where('assessmentId').equals(ctx.assessmentId).toArray();
  return new Map(roster.map((s) => [s.id, s]));
}

function unknownIds(ctx: ImportContext, ids: readonly string[], roster: Map<string, Secretary>): InputError[] {
  return ids
    .filter((id) => !roster.has(id))
    .map((id) => rowError(ctx, id, `编号“${id}”不在本次考核的名册中，请先导入或补录名册`));
}

/** Replaces the roster of the assessment. */
export function importRoster(ctx: ImportContext, secretaries: Secretary[]): Promise<ImportOutcome> {
  const { db, assessmentId } = ctx;
  return inTransaction(ctx, [db.secretaries], async () => {
    await assertEditable(ctx);
    const before = await tableState(db.secretaries, assessmentId, '人');
    const units = await unitsOfSecretaries(db, assessmentId, null, ['roster']);
    await db.secretaries.where('assessmentId').equals(assessmentId).delete();
    await db.secretaries.bulkAdd(secretaries.map((s) => ({ ...s, assessmentId })));
    const entry = await appendAudit(db, { assessmentId, operator: ctx.operator, action: 'roster.import', target: ctx.sheet, before, after: await tableState(db.secretaries, assessmentId, '人') });
    await recordDeletions(db, assessmentId, units, await unitsOfSecretaries(db, assessmentId, null, ['roster']), entry);
    return secretaries.length;
  });
}

/** Adds or replaces ballot tallies by 编号; cast may not exceed eligible voters. */
export function importTallies(ctx: ImportContext, tallies: BallotTally[]): Promise<ImportOutcome> {
  const { db, assessmentId } = ctx;
  return inTransaction(ctx, [db.secretaries, db.tallies], async () => {
    await assertEditable(ctx);
    const roster = await rosterIndex(ctx);
    const errors = unknownIds(ctx, tallies.map((t) => t.id), roster);
    for (const t of tallies) {
      const eligible = roster.get(t.id)?.eligibleVoters;
      if (eligible !== undefined && castOf(t) > eligible) {
        errors.push(rowError(ctx, t.id, `编号“${t.id}”投票数 ${castOf(t)} 超过应参加人数 ${eligible}，该次测评无效，须重新组织测评`));
      }
    }
    if (errors.length) throw new ImportRejected(errors);
    const before = await tableState(db.tallies, assessmentId, '人');
    await db.tallies.bulkPut(tallies.map((t) => ({ ...t, assessmentId, source: 'import' as const })));
    await appendAudit(db, { assessmentId, operator: ctx.operator, action: 'ballots.import', target: `${ctx.sheet}（${tallies.length}条）`, before, after: await tableState(db.tallies, assessmentId, '人') });
    return tallies.length;
  });
}

/** Adds or replaces summary scores by 编号; a secretary scored by items may not also have a summary. */
export function importSummaryScores(ctx: ImportContext, scores: SummaryScore[]): Promise<ImportOutcome> {
  const { db, assessmentId } = ctx;
  return inTransaction(ctx, [db.secretaries, db.summaryScores, db.itemScores], async () => {
    await assertEditable(ctx);
    const roster = await rosterIndex(ctx);
    const errors = unknownIds(ctx, scores.map((s) => s.id), roster);
    const itemized = new Set((await db.itemScores.where('assessmentId').equals(assessmentId).primaryKeys()).map((k) => k[1]));
    for (const s of scores) {
      if (itemized.has(s.id)) errors.push(rowError(ctx, s.id, `编号“${s.id}”已有考评细则评分，不能同时导入汇总得分`));
    }
    if (errors.length) throw new ImportRejected(errors);
    const before = await tableState(db.summaryScores, assessmentId, '人');
    await db.summaryScores.bulkPut(scores.map((s) => ({ ...s, assessmentId })));
    await appendAudit(db, { assessmentId, operator: ctx.operator, action: 'summary.import', target: `${ctx.sheet}（${scores.length}条）`, before, after: await tableState(db.summaryScores, assessmentId, '人') });
    return scores.length;
  });
}

/** Adds or replaces item scores by 编号; a secretary with a summary score may not also be scored by items. */
export function importItemScores(ctx: ImportContext, scores: ItemScores[]): Promise<ImportOutcome> {
  const { db, assessmentId } = ctx;
  return inTransaction(ctx, [db.secretaries, db.summaryScores, db.itemScores], async () => {
    await assertEditable(ctx);
    const roster = await rosterIndex(ctx);
    const errors = unknownIds(ctx, scores.map((s) => s.id), roster);
    const summarized = new Set((await db.summaryScores.where('assessmentId').equals(assessmentId).primaryKeys()).map((k) => k[1]));
    for (const s of scores) {
      if (summarized.has(s.id)) errors.push(rowError(ctx, s.id, `编号“${s.id}”已有汇总得分，不能同时导入考评细则评分`));
    }
    if (errors.length) throw new ImportRejected(errors);
    const before = await tableState(db.itemScores, assessmentId, '人');
    await db.itemScores.bulkPut(scores.map((s) => ({ ...s, assessmentId })));
    await appendAudit(db, { assessmentId, operator: ctx.operator, action: 'scores.import', target: `${ctx.sheet}（${scores.length}条）`, before, after: await tableState(db.itemScores, assessmentId, '人') });
    return scores.length;
  });
}

/** Replaces the direct-grade events (直接定等事项) of the assessment. */
export function importEvents(ctx: ImportContext, events: DirectEvent[]): Promise<ImportOutcome> {
  const { db, assessmentId } = ctx;
  return inTransaction(ctx, [db.secretaries, db.events], async () => {
    await assertEditable(ctx);
    const roster = await rosterIndex(ctx);
    const errors = unknownIds(ctx, events.map((e) => e.id), roster);
    if (errors.length) throw new ImportRejected(errors);
    const before = await tableState(db.events, assessmentId, '条');
    const units = await unitsOfSecretaries(db, assessmentId, null, ['events']);
    await db.events.where('assessmentId').equals(assessmentId).delete();
    await db.events.bulkAdd(events.map((e) => ({ ...e, assessmentId })));
    const entry = await appendAudit(db, { assessmentId, operator: ctx.operator, action: 'events.import', target: ctx.sheet, before, after: await tableState(db.events, assessmentId, '条') });
    await recordDeletions(db, assessmentId, units, await unitsOfSecretaries(db, assessmentId, null, ['events']), entry);
    return events.length;
  });
}

export type { ImportContext };
