/**
 * What importing a workbook would change, before anything is written: each secretary's
 * records in the file beside this assessment's, as merge units (shared/exchange/units.ts)
 * — new, the same, different, or (for the roster and the events, which a file lists in
 * full) here but not in the file. A person chooses, for every difference, this laptop's
 * records or the file's; nothing that differs is replaced without that choice. Pure.
 */
import { canonicalJson } from '../../../shared/digest';
import type { AssessmentTables, TableName } from '../../../shared/exchange/types';
import type { Unit, UnitKind } from '../../../shared/exchange/units';
import type { AttendanceMonth, BallotTally, DirectEvent, ItemScores, Secretary, SummaryScore } from '../../../shared/model';

export const IMPORT_KINDS = ['roster', 'summary', 'scores', 'ballots', 'events', 'attendance'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

/** The records a workbook of each kind holds. */
export interface ImportRecords {
  roster: Secretary;
  summary: SummaryScore;
  scores: ItemScores;
  ballots: BallotTally;
  events: DirectEvent;
  /** one month per file (the reader sees to it): a unit per secretary and month */
  attendance: AttendanceMonth;
}

/** The unit each kind of workbook fills. */
export const IMPORT_UNIT: Record<ImportKind, UnitKind> = {
  roster: 'roster',
  summary: 'score',
  scores: 'score',
  ballots: 'tally',
  events: 'events',
  attendance: 'attendance',
};

/** Kinds whose file lists everything: what is here and not in the file may be removed. */
const LISTS_ALL: ReadonlySet<ImportKind> = new Set(['roster', 'events']);

export type PlanStatus = 'new' | 'same' | 'different' | 'absent';

export interface PlanRow {
  id: string;
  status: PlanStatus;
  /** this assessment's records (undefined: none) */
  mine: Unit | undefined;
  /** the file's (undefined: not in the file) */
  theirs: Unit | undefined;
  /** this laptop's records were confirmed by a second person (a double-entered or 复核 tally, finished item scoring) */
  confirmed: boolean;
}

export interface ImportPlan {
  kind: ImportKind;
  /** every secretary in the file or touched, in 编号 order */
  rows: PlanRow[];
  counts: Record<PlanStatus, number>;
}

/** For a difference: keep this laptop's records, or take the file's (for `absent`: remove them). */
export type ImportChoice = 'mine' | 'theirs';
export type ImportChoices = Readonly<Record<string, ImportChoice | undefined>>;

// one collator for the whole sort: the order of localeCompare(b, 'zh-CN', { numeric: true }), without a collator made per comparison
const idOrder = new Intl.Collator('zh-CN', { numeric: true });
const byId = (a: { id: string }, b: { id: string }) => idOrder.compare(a.id, b.id);

/** The file's records of one secretary as a unit of this assessment. */
export function incomingUnit<K extends ImportKind>(
  kind: K,
  assessmentId: string,
  id: string,
  records: readonly ImportRecords[K][],
  operator: string,
  at: string,
): Unit {
  const unitKind = IMPORT_UNIT[kind];
  // the records of one kind, as the rows of its table
  const scoped = records.map((r) => ({ ...r, assessmentId })) as unknown[];
  const rows: Partial<AssessmentTables> = {};
  switch (kind) {
    case 'roster':
      rows.secretaries = scoped as AssessmentTables['secretaries'];
      break;
    case 'summary':
      rows.summaryScores = scoped as AssessmentTables['summaryScores'];
      break;
    case 'scores':
      // a scorer's sheet handed in is their finished scoring
      rows.itemScores = (scoped as AssessmentTables['itemScores']).map((s) => ({ ...s, completed: { by: operator, at } }));
      break;
    case 'ballots':
      // one entry, not a confirmed one: it counts once a second operator confirms it
      rows.tallies = (scoped as AssessmentTables['tallies']).map((t) => ({ ...t, source: 'import' as const, importedBy: operator }));
      break;
    case 'events':
      rows.events = scoped as AssessmentTables['events'];
      break;
    case 'attendance':
      rows.attendance = (scoped as AssessmentTables['attendance']).map((m) => ({ ...m, source: 'import' as const, by: operator, at }));
      break;
  }
  // a month of attendance is its own unit (units.ts)
  const sub = kind === 'attendance' ? `|${(records[0] as AttendanceMonth).month}` : '';
  return { kind: unitKind, key: `${unitKind}|${id}${sub}`, secretaryId: id, rows, fingerprint: canonicalJson(rows) };
}

const counts = (t: BallotTally | undefined) =>
  t ? canonicalJson([t.verySatisfied, t.satisfied, t.basic, t.dissatisfied, t.invalid, t.abstain, t.issued ?? null]) : null;
const eventList = (rows: readonly DirectEvent[] | undefined) => canonicalJson((rows ?? []).map((e) => [e.kind, e.note ?? '']).sort());
const bare = <T extends object>(row: T | undefined, drop: string[]) =>
  row ? canonicalJson(Object.fromEntries(Object.entries(row).filter(([k]) => !drop.includes(k)))) : null;

/** Whether the file says nothing new about what this laptop holds (what the file can express). */
function same(kind: ImportKind, mine: Unit, theirs: Unit): boolean {
  const m = mine.rows;
  const t = theirs.rows;
  const summary = m.summaryScores?.find((s) => !s.setAside);
  const items = m.itemScores?.find((s) => !s.setAside);
  switch (kind) {
    case 'roster':
      return bare(m.secretaries?.[0], ['assessmentId']) === bare(t.secretaries?.[0], ['assessmentId']);
    case 'summary':
      return !items && !!summary && summary.baseScore === t.summaryScores?.[0]?.baseScore && summary.orgScore === t.summaryScores?.[0]?.orgScore;
    case 'scores':
      return !summary && !!items && canonicalJson(items.inputs) === canonicalJson(t.itemScores?.[0]?.inputs);
    case 'ballots':
      return counts(m.tallies?.[0]) !== null && counts(m.tallies?.[0]) === counts(t.tallies?.[0]);
    case 'events':
      return eventList(m.events) === eventList(t.events);
    case 'attendance':
      return bare(m.attendance?.[0], ['assessmentId', 'source', 'by', 'at']) === bare(t.attendance?.[0], ['assessmentId', 'source', 'by', 'at']);
  }
}

/** Confirmed by a second person, or finished: replacing it needs particular care. */
function confirmedUnit(unit: Unit | undefined): boolean {
  const tally = unit?.rows.tallies?.[0];
  if (tally) return tally.source === 'doubleEntry' || tally.confirmed !== undefined;
  return unit?.rows.itemScores?.some((s) => !s.setAside && s.completed) ?? false;
}

/** Has any record: units with only empty tables count as none. */
const hasRows = (unit: Unit | undefined): unit is Unit => !!unit && Object.values(unit.rows).some((rows) => (rows as unknown[]).length > 0);

/** Compares the file's units with this assessment's units of the same kind. */
export function planImport(kind: ImportKind, local: ReadonlyMap<string, Unit>, incoming: ReadonlyMap<string, Unit>): ImportPlan {
  const unitKind = IMPORT_UNIT[kind];
  const rows: PlanRow[] = [];
  for (const theirs of incoming.values()) {
    const mine = local.get(theirs.key);
    const status: PlanStatus = !hasRows(mine) ? 'new' : same(kind, mine, theirs) ? 'same' : 'different';
    rows.push({ id: theirs.secretaryId!, status, mine: hasRows(mine) ? mine : undefined, theirs, confirmed: confirmedUnit(mine) });
  }
  if (LISTS_ALL.has(kind)) {
    for (const mine of local.values()) {
      if (mine.kind === unitKind && hasRows(mine) && !incoming.has(mine.key))
        rows.push({ id: mine.secretaryId!, status: 'absent', mine, theirs: undefined, confirmed: false });
    }
  }
  rows.sort(byId);
  const tally: Record<PlanStatus, number> = { new: 0, same: 0, different: 0, absent: 0 };
  for (const r of rows) tally[r.status]++;
  return { kind, rows, counts: tally };
}

/** Differences still without a choice (those here and not in the file default to keeping them). */
export const unanswered = (plan: ImportPlan, choices: ImportChoices): PlanRow[] =>
  plan.rows.filter((r) => r.status === 'different' && choices[r.id] === undefined);

/** The rows the import writes: new ones, and the differences taken from the file. */
export function rowsToWrite(plan: ImportPlan, choices: ImportChoices): PlanRow[] {
  return plan.rows.filter((r) => r.status === 'new' || ((r.status === 'different' || r.status === 'absent') && choices[r.id] === 'theirs'));
}

/** Whether the plan needs a person: something here would change or go, or the file has differences. */
export const needsChoices = (plan: ImportPlan) => plan.counts.different > 0 || plan.counts.absent > 0;

/** Whether two plans have the same shape — each row's 编号, status and this laptop's records — to tell whether the data changed between the preview and the write. */
export function sameShape(a: ImportPlan, b: ImportPlan): boolean {
  if (a.rows.length !== b.rows.length) return false;
  return a.rows.every((r, i) => {
    const o = b.rows[i]!;
    return r.id === o.id && r.status === o.status && (r.mine?.fingerprint ?? '') === (o.mine?.fingerprint ?? '');
  });
}

/** The tables a unit of this kind lives in (for reading this assessment's side). */
export const planTables = (kind: ImportKind): readonly TableName[] =>
  ({
    roster: ['secretaries'],
    summary: ['summaryScores', 'itemScores'],
    scores: ['summaryScores', 'itemScores'],
    ballots: ['tallies', 'tallyEntries'],
    events: ['events'],
    attendance: ['attendance'],
  })[kind] as readonly TableName[];
