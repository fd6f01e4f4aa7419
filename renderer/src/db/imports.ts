/**
 * Imports of checked workbook records in two steps. `previewImport` checks the records
 * against this assessment (shared/io's cross-checks against its roster: ids, 姓名,
 * eligible voters; and the lock) — every error at once — and plans what they would
 * change (import-plan.ts). `applyImport` writes the plan
 * with a person's choice for every difference, in ONE transaction that re-plans first:
 * a change since the preview aborts it (StaleImport), and any error leaves the old data.
 * Workbook bytes are read by shared/io first (see ../features/imports/workbooks.ts).
 *
 *   const preview = await previewImport(ctx, 'ballots', tallies);
 *   if (preview.ok) await applyImport(ctx, preview.value, { S1: 'theirs' });
 */
import Dexie from 'dexie';
import { checkAgainstRoster } from '../../../shared/io/assessment';
import { idsOf, sortErrors, type Parsed } from '../../../shared/io/parsed';
import type { Checked, InputError, Secretary } from '../../../shared/model';
import { unitFingerprint, type Unit, type UnitRecords } from '../../../shared/exchange/units';
import { recordsState } from './audit';
import { inParts } from './breathe';
import { changeRecords } from './change';
import { nowIso } from './ids';
import {
  IMPORT_UNIT,
  incomingUnit,
  planImport,
  sameShape,
  rowsToWrite,
  unanswered,
  type ImportChoices,
  type ImportKind,
  type ImportPlan,
  type ImportRecords,
  type PlanRow,
} from './import-plan';
import { LockedError } from './lock';
import type { ShuangpingDb } from './schema';
import { spanEnd, spanStart } from './timing';
import { readUnits, tableRowsOf } from './units';

/** A finished import: the records written, the assessment's records of that kind after it, and what it did in words. */
export type ImportOutcome = { ok: true; count: number; total: number; words: string } | { ok: false; errors: InputError[] };

export interface ImportContext {
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

/** A plan with what its write needs. */
export interface ImportPreview extends ImportPlan {
  sheet: string;
}

export class StaleImport extends Error {
  constructor() {
    super('本考核的数据在预览之后有了变化，请重新导入该文件');
  }
}

/** An error about one secretary's row of the file. */
function rowError(ctx: ImportContext, id: string, message: string, column?: string): InputError {
  const error: InputError = { sheet: ctx.sheet, column: column ?? ctx.idHeader ?? '编号', message };
  const row = ctx.rows?.get(id);
  if (row !== undefined) error.row = row;
  return error;
}

/** An 编号 twice where one record each is the rule (the readers report it for a workbook's rows). */
function duplicateIds<K extends ImportKind>(ctx: ImportContext, kind: K, records: readonly ImportRecords[K][]): InputError[] {
  if (kind === 'events') return [];
  const seen = new Set<string>();
  const errors: InputError[] = [];
  for (const { id } of records) {
    if (seen.has(id)) errors.push(rowError(ctx, id, `编号“${id}”重复`));
    seen.add(id);
  }
  return errors;
}

/** Records given as they are (not read from a workbook) seen as a parse, for the same cross-checks. */
function asParsed<K extends ImportKind>(ctx: ImportContext, kind: K, records: readonly ImportRecords[K][]): Parsed<ImportRecords[K]> {
  const rows = records.map((value, i) => ({ value, row: ctx.rows?.get(value.id) ?? i + 2 }));
  return {
    kind,
    sheet: ctx.sheet,
    idHeader: ctx.idHeader ?? '编号',
    entries: rows,
    readRows: rows,
    ids: idsOf(rows.map(({ value, row }) => ({ row, id: value.id }))),
    names: [],
    nameHeader: '姓名',
    headers: new Map(),
  };
}

/** The file's records as units, one per secretary (a thousand at a time, the page painting between). */
async function incomingUnits<K extends ImportKind>(ctx: ImportContext, kind: K, records: readonly ImportRecords[K][], at: string): Promise<Map<string, Unit>> {
  const byId = new Map<string, ImportRecords[K][]>();
  for (const r of records) {
    const list = byId.get(r.id);
    if (list) list.push(r);
    else byId.set(r.id, [r]);
  }
  const units = new Map<string, Unit>();
  await inParts(byId, ([id, list]) => {
    const unit = incomingUnit(kind, ctx.assessmentId, id, list, ctx.operator, at);
    units.set(unit.key, unit);
  });
  return units;
}

/** Files of up to this many 编号 look up their secretaries one by one; larger ones read the whole roster (one range, faster per record). */
const LOOKUP_LIMIT = 2000;

/**
 * The roster rows the cross-checks look at (shared/io's checkAgainstRoster: the file's
 * 编号, names and ballots): none for a roster, only the file's for a small file (36
 * events do not read 10,000 secretaries), the whole roster otherwise.
 */
async function rosterFor(db: ShuangpingDb, assessmentId: string, kind: ImportKind, parsed: Parsed<unknown>): Promise<Map<string, Secretary>> {
  if (kind === 'roster') return new Map();
  const ids = new Set([...parsed.ids.keys(), ...parsed.names.map((n) => n.id), ...parsed.readRows.map((r) => (r.value as { id: string }).id)]);
  const rows =
    ids.size <= LOOKUP_LIMIT
      ? (await db.secretaries.bulkGet([...ids].map((id): [string, string] => [assessmentId, id]))).filter((s) => s !== undefined)
      : await db.secretaries.where('assessmentId').equals(assessmentId).toArray();
  return new Map(rows.map((s) => [s.id, s]));
}

/**
 * Checks the records against this assessment and plans the import: every error at once
 * (`errors` found earlier in the file are reported with them), and nothing written.
 */
export async function previewImport<K extends ImportKind>(
  ctx: ImportContext,
  kind: K,
  records: readonly ImportRecords[K][],
  /** the workbook's parse, for its cross-checks, and the errors found in it already */
  read: { parsed: Parsed<ImportRecords[K]>; errors: readonly InputError[] } = { parsed: asParsed(ctx, kind, records), errors: [] },
): Promise<Checked<ImportPreview>> {
  const { db, assessmentId } = ctx;
  try {
    return await db.transaction(
      'r',
      [db.assessments, db.secretaries, db.itemScores, db.summaryScores, db.tallies, db.tallyEntries, db.events, db.attendance],
      async () => {
        const assessment = await db.assessments.get(assessmentId);
        if (!assessment) return { ok: false, errors: [{ message: '考核不存在' }] };
        if (assessment.locked) return { ok: false, errors: [{ message: '本次考核已定稿，不能再导入' }] };
        let t = spanStart();
        const roster = await rosterFor(db, assessmentId, kind, read.parsed);
        spanEnd('preview.roster', t);
        t = spanStart();
        const all = [...read.errors, ...duplicateIds(ctx, kind, records), ...checkAgainstRoster(read.parsed, roster)];
        spanEnd('preview.check', t);
        if (all.length) return { ok: false, errors: sortErrors(all) };
        t = spanStart();
        const local = await readUnits(db, assessmentId, null, [IMPORT_UNIT[kind]]);
        spanEnd('preview.local', t);
        t = spanStart();
        const incoming = await incomingUnits(ctx, kind, records, nowIso());
        spanEnd('preview.incoming', t);
        t = spanStart();
        const plan = planImport(kind, local, incoming);
        spanEnd('preview.plan', t);
        return { ok: true, value: { ...plan, sheet: ctx.sheet } };
      },
    );
  } catch (e) {
    if (e instanceof Dexie.DexieError) return { ok: false, errors: [{ message: `数据库读取失败（${e.name}），未导入任何数据` }] };
    throw e;
  }
}

/** `新增 12，相同 30，采用文件 2（S1、S2），保留本机 1，删除 1` */
function planWords(plan: ImportPlan, choices: ImportChoices): string {
  const chosen = (status: 'different' | 'absent', choice: 'mine' | 'theirs') =>
    plan.rows.filter((r) => r.status === status && (choices[r.id] ?? 'mine') === choice).map((r) => r.id);
  const list = (ids: string[]) => (ids.length > 8 ? `${ids.slice(0, 8).join('、')}等${ids.length}人` : ids.join('、'));
  const taken = chosen('different', 'theirs');
  const kept = chosen('different', 'mine');
  const removed = chosen('absent', 'theirs');
  return [
    `新增 ${plan.counts.new}`,
    `相同 ${plan.counts.same}`,
    taken.length ? `采用文件 ${taken.length}（${list(taken)}）` : '',
    kept.length ? `保留本机 ${kept.length}（${list(kept)}）` : '',
    removed.length ? `删除 ${removed.length}（${list(removed)}）` : '',
  ]
    .filter(Boolean)
    .join('，');
}

/** The table whose state an import's audit entry gives. */
const IMPORT_TABLE = {
  roster: 'secretaries',
  summary: 'summaryScores',
  scores: 'itemScores',
  ballots: 'tallies',
  events: 'events',
  attendance: 'attendance',
} as const satisfies Record<ImportKind, keyof UnitRecords>;

const TABLE_UNITS: Record<ImportKind, '人' | '条'> = { roster: '人', summary: '人', scores: '人', ballots: '人', events: '条', attendance: '条' };

/**
 * Writes the plan with a person's choice for every difference, in one transaction:
 * everything or nothing. A difference left without a choice is an error (nothing is
 * replaced by default); records here but not in the file stay unless chosen to go.
 */
export async function applyImport(ctx: ImportContext, preview: ImportPreview, choices: ImportChoices = {}): Promise<ImportOutcome> {
  const { db, assessmentId, operator } = ctx;
  const open = unanswered(preview, choices);
  if (open.length)
    return {
      ok: false,
      errors: [
        {
          message: `有 ${open.length} 人的数据与本机不同，须逐一选择“保留本机”或“采用文件”（${open
            .slice(0, 5)
            .map((r) => r.id)
            .join('、')}${open.length > 5 ? '等' : ''}）`,
        },
      ],
    };
  const kind = preview.kind;
  try {
    // the change reads this assessment's units of the kind once (`local`): the plan is made again from them
    const done = await changeRecords(db, assessmentId, { ids: null, kinds: [IMPORT_UNIT[kind]] }, async (log, local, known) => {
      const incoming = new Map(preview.rows.flatMap((r) => (r.theirs ? [[r.theirs.key, r.theirs] as const] : [])));
      const now = planImport(kind, local, incoming);
      if (!sameShape(now, preview)) throw new StaleImport();
      // the table's state before and after, from the units the change reads anyway (the same records as a read of the table)
      const state = (units: ReadonlyMap<string, Unit>) => recordsState(tableRowsOf(units, IMPORT_TABLE[kind]), TABLE_UNITS[kind]);
      let t = spanStart();
      const before = await state(local);
      spanEnd('write.beforeState', t);
      const rows = rowsToWrite(now, choices);
      t = spanStart();
      const written = await writeRows(ctx, kind, rows);
      spanEnd('write.rows', t);
      // the state after, from what was written and what was there: the same units a read gives
      const after = unitsAfter(local, written, rows);
      known(after);
      const words = planWords(now, choices);
      log({
        operator,
        action: `${kind}.import`,
        target: `${preview.sheet}（${words}）`,
        before,
        after: state,
      });
      let total = 0;
      for (const unit of after.values()) total += unit.rows[IMPORT_TABLE[kind]]?.length ?? 0;
      return { count: rows.length, total, words };
    });
    return { ok: true, ...done };
  } catch (e) {
    if (e instanceof LockedError) return { ok: false, errors: [{ message: '本次考核已定稿，不能再导入' }] };
    if (e instanceof StaleImport) return { ok: false, errors: [{ message: e.message }] };
    if (e instanceof Dexie.DexieError) return { ok: false, errors: [{ message: `数据库写入失败（${e.name}），未导入任何数据` }] };
    throw e;
  }
}

/**
 * Records written per request: a province's 10,000 go in chunks, each awaited, so that
 * the page paints between them (the transaction stays open: a request is always pending
 * or just answered) instead of the whole write in one long frame.
 */
export const WRITE_CHUNK = 1000;

/** `bulkPut` (or bulkAdd) in chunks of WRITE_CHUNK, in the caller's transaction and in order. */
async function inChunks<T>(rows: readonly T[], write: (chunk: T[]) => Promise<unknown>): Promise<void> {
  for (let i = 0; i < rows.length; i += WRITE_CHUNK) await write(rows.slice(i, i + WRITE_CHUNK));
}

/** A unit's records after the write, by table (null: the unit is gone). */
type UnitAfter = Partial<UnitRecords> | null;

/**
 * Writes each row the plan takes from the file (or removes, for those the file lacks);
 * returns what each unit written holds now — the records put and those left as they were
 * — so that the state after the write is known without reading it back.
 */
async function writeRows(ctx: ImportContext, kind: ImportKind, rows: ReturnType<typeof rowsToWrite>): Promise<Map<string, UnitAfter>> {
  const { db, assessmentId, operator } = ctx;
  const aside = { by: operator, at: nowIso() };
  const key = (id: string): [string, string] => [assessmentId, id];
  const removed = rows.filter((r) => !r.theirs);
  const taken = rows.filter((r) => r.theirs);
  const after = new Map<string, UnitAfter>(removed.map((r) => [r.mine!.key, null]));
  switch (kind) {
    case 'roster':
      // only the roster row goes: the secretary's scores and tallies stay, and count again if they come back
      await inChunks(
        removed.map((r) => key(r.id)),
        (keys) => db.secretaries.bulkDelete(keys),
      );
      await inChunks(
        taken.flatMap((r) => r.theirs!.rows.secretaries ?? []),
        (chunk) => db.secretaries.bulkPut(chunk),
      );
      for (const r of taken) after.set(r.theirs!.key, { secretaries: r.theirs!.rows.secretaries ?? [] });
      return after;
    case 'summary':
    case 'scores': {
      // the other way of scoring is set aside, never deleted (its record as this transaction read it: the plan's `mine`)
      const own = kind === 'summary' ? 'summaryScores' : 'itemScores';
      const other = kind === 'summary' ? 'itemScores' : 'summaryScores';
      const kept = (r: PlanRow) => (r.mine?.rows[other] ?? []) as { setAside?: unknown }[];
      const asideOf = (o: { setAside?: unknown }) => (o.setAside ? o : { ...o, setAside: aside });
      await inChunks(
        taken.flatMap((r) => kept(r).flatMap((o) => (o.setAside ? [] : [asideOf(o)]))),
        (chunk) => db.table(other).bulkPut(chunk),
      );
      await inChunks(
        taken.flatMap((r) => (r.theirs!.rows[own] ?? []) as unknown[]),
        (chunk) => db.table(own).bulkPut(chunk),
      );
      for (const r of taken) {
        const others = kept(r).map(asideOf);
        after.set(r.theirs!.key, { [own]: r.theirs!.rows[own] ?? [], ...(others.length ? { [other]: others } : {}) } as Partial<UnitRecords>);
      }
      return after;
    }
    case 'ballots':
      // the file's tally replaces the entries in progress and the tally there was (kept in the log)
      for (const r of taken) if (r.mine?.rows.tallyEntries?.length) await db.tallyEntries.where('[assessmentId+id]').equals(key(r.id)).delete();
      await inChunks(
        taken.flatMap((r) => r.theirs!.rows.tallies ?? []),
        (chunk) => db.tallies.bulkPut(chunk),
      );
      for (const r of taken) after.set(r.theirs!.key, { tallies: r.theirs!.rows.tallies ?? [] });
      return after;
    case 'events': {
      for (const r of rows) if (r.mine) await db.events.where('[assessmentId+id]').equals(key(r.id)).delete();
      const added = taken.map((r) => (r.theirs!.rows.events ?? []).map(({ key: _key, ...e }) => e));
      // each event as stored: with the counter the database gave it
      const keys = await db.events.bulkAdd(added.flat(), { allKeys: true });
      let n = 0;
      for (const [i, r] of taken.entries()) after.set(r.theirs!.key, { events: added[i]!.map((e) => ({ ...e, key: keys[n++]! })) });
      return after;
    }
    case 'attendance':
      // the file's month replaces the same month of each secretary; other months stay
      await inChunks(
        taken.flatMap((r) => r.theirs!.rows.attendance ?? []),
        (chunk) => db.attendance.bulkPut(chunk),
      );
      for (const r of taken) after.set(r.theirs!.key, { attendance: r.theirs!.rows.attendance ?? [] });
      return after;
  }
}

/** The units of the import's kind after the write: those before, with the written ones as `writeRows` left them. */
function unitsAfter(before: ReadonlyMap<string, Unit>, written: ReadonlyMap<string, UnitAfter>, rows: readonly PlanRow[]): Map<string, Unit> {
  const units = new Map(before);
  const theirs = new Map(rows.flatMap((r) => (r.theirs ? [[r.theirs.key, r.theirs] as const] : [])));
  for (const [key, records] of written) {
    const was = (before.get(key) ?? theirs.get(key))!;
    if (records === null) units.delete(key);
    else units.set(key, lazyFingerprint({ kind: was.kind, key, secretaryId: was.secretaryId, rows: records }));
  }
  return units;
}

/** A unit whose fingerprint is worked out when first asked for (the import's own log does not ask). */
function lazyFingerprint(unit: Omit<Unit, 'fingerprint'>): Unit {
  let fingerprint: string | undefined;
  return Object.defineProperty(unit, 'fingerprint', { enumerable: true, get: () => (fingerprint ??= unitFingerprint(unit as Unit)) }) as Unit;
}

/** Previews and writes at once when nothing needs a choice (and with `choices` given for what does). */
export async function importRecords<K extends ImportKind>(
  ctx: ImportContext,
  kind: K,
  records: readonly ImportRecords[K][],
  choices: ImportChoices = {},
): Promise<ImportOutcome> {
  const preview = await previewImport(ctx, kind, records);
  if (!preview.ok) return preview;
  return applyImport(ctx, preview.value, choices);
}

export const importRoster = (ctx: ImportContext, rows: ImportRecords['roster'][], choices?: ImportChoices) => importRecords(ctx, 'roster', rows, choices);
export const importSummaryScores = (ctx: ImportContext, rows: ImportRecords['summary'][], choices?: ImportChoices) =>
  importRecords(ctx, 'summary', rows, choices);
export const importItemScores = (ctx: ImportContext, rows: ImportRecords['scores'][], choices?: ImportChoices) => importRecords(ctx, 'scores', rows, choices);
export const importTallies = (ctx: ImportContext, rows: ImportRecords['ballots'][], choices?: ImportChoices) => importRecords(ctx, 'ballots', rows, choices);
export const importAttendance = (ctx: ImportContext, rows: ImportRecords['attendance'][], choices?: ImportChoices) =>
  importRecords(ctx, 'attendance', rows, choices);
export const importEvents = (ctx: ImportContext, rows: ImportRecords['events'][], choices?: ImportChoices) => importRecords(ctx, 'events', rows, choices);
