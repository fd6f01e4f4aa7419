/**
 * People across years (docs/method.md §10–§13) in the database: every assessment's
 * secretaries as nodes, the links people confirmed (`personLinks`), each year's grades
 * and recalls — and from them what a secretary carries into an assessment. Edits of a
 * link and of the 奖惩意见 (`awardEdits`) go through changeRecords, logged with what
 * they replaced.
 */
import { computeAssessment } from '../../../shared/method';
import { aftermathOf } from '../../../shared/policy/aftermath';
import type { CarriedBlock } from '../../../shared/method/input';
import type { PastRow } from '../../../shared/io/past';
import type { AssessmentResult, Checked, Grade, InputError, Policy, Secretary } from '../../../shared/model';
import {
  carriedBlocks,
  carriedInto,
  nodeKey,
  resolvePeople,
  termSheetsOf,
  type AwardEdit,
  type CarriedLine,
  type People,
  type PersonLink,
  type PersonNode,
  type PersonYear,
  type Recall,
  type TermEvaluation,
  type TermSheet,
} from '../../../shared/people';
import { createAssessment } from './assessments';
import { changeRecords } from './change';
import { importEvents, importRoster } from './imports';
import { lockAssessment } from './lock';
import { nowIso } from './ids';
import { readMethodInput } from './method-input';
import type { AssessmentRecord, AwardEditRecord, PersonLinkRecord, SecretaryRecord, ShuangpingDb, TermEvaluationRecord } from './schema';

/** The tables the people's history reads (for the caller's transaction). */
export const historyTables = (db: ShuangpingDb) => [
  db.assessments,
  db.secretaries,
  db.itemScores,
  db.summaryScores,
  db.tallies,
  db.events,
  db.decisions,
  db.holds,
  db.personLinks,
  db.termEvaluations,
];

export const nodeOf = (s: SecretaryRecord, year: number): PersonNode => ({
  assessmentId: s.assessmentId,
  id: s.id,
  year,
  name: s.name,
  unit: s.unit,
  idNumber: s.idNumber,
  mode: s.mode,
  town: s.town,
  village: s.village,
  termStart: s.termStart,
  termEnd: s.termEnd,
});

export interface History {
  assessments: AssessmentRecord[];
  nodes: PersonNode[];
  links: PersonLinkRecord[];
  people: People;
  /** each node's year: grade, recalls, policy */
  years: Map<string, PersonYear>;
  /** the results of the assessments read, by id */
  results: Map<string, AssessmentResult>;
  /** 期满评价 recorded, by node (nodeKey) */
  evaluations: Map<string, TermEvaluation>;
}

/** The recalls of an assessment's events, by 编号. */
export function recallsById(events: readonly { id: string; kind: string; date?: string | undefined; note?: string | undefined }[]): Map<string, Recall[]> {
  const out = new Map<string, Recall[]>();
  for (const e of events) {
    if (e.kind !== 'recall') continue;
    out.set(e.id, [...(out.get(e.id) ?? []), { date: e.date, note: e.note }]);
  }
  return out;
}

/**
 * Every assessment's people and years, read inside the caller's transaction over
 * historyTables(db). Assessments of `beforeYear` and later are read for their people
 * only (their grades are not computed): what the carry-over needs is the earlier years.
 */
export async function readHistory(db: ShuangpingDb, options: { beforeYear?: number } = {}): Promise<History> {
  const assessments = await db.assessments.toArray();
  const [secretaries, links, evaluationRows] = await Promise.all([db.secretaries.toArray(), db.personLinks.toArray(), db.termEvaluations.toArray()]);
  const evaluations = new Map(evaluationRows.map(({ assessmentId, id, ...e }) => [nodeKey({ assessmentId, id }), e]));
  const yearOf = new Map(assessments.map((a) => [a.id, a.year]));
  const nodes = secretaries.filter((s) => yearOf.has(s.assessmentId)).map((s) => nodeOf(s, yearOf.get(s.assessmentId)!));
  const people = resolvePeople(nodes, links);
  const years = new Map<string, PersonYear>();
  const results = new Map<string, AssessmentResult>();
  // earliest first: each year's grades take in what the years before it carry
  for (const a of [...assessments].sort((x, y) => x.year - y.year)) {
    if (options.beforeYear !== undefined && a.year >= options.beforeYear) continue;
    const input = await readMethodInput(db, a);
    const blocks = carriedBlocks(
      carriedInto(
        a.year,
        nodes.filter((n) => n.assessmentId === a.id),
        people,
        years,
      ),
    );
    if (blocks.length) input.carried = blocks;
    const result = computeAssessment(input);
    results.set(a.id, result);
    const recalls = recallsById(input.events);
    for (const c of result.categories) {
      for (const row of c.rows) {
        const node = nodes.find((n) => n.assessmentId === a.id && n.id === row.id);
        if (!node) continue;
        const grade: Grade | null = row.grade === 'pending' ? null : row.grade;
        const y: PersonYear = { node, assessmentName: a.name, policy: a.policy, grade, recalls: recalls.get(row.id) ?? [], final: a.locked };
        if (a.approvedAt) y.approvedAt = a.approvedAt;
        if (row.decision && row.decision.grade !== row.computedGrade) y.computedGrade = row.computedGrade;
        years.set(nodeKey(node), y);
      }
    }
  }
  return { assessments, nodes, links, people, years, results, evaluations };
}

/** What the secretaries of an assessment carry from earlier years (in the caller's transaction over historyTables). */
export async function readCarried(db: ShuangpingDb, assessment: AssessmentRecord): Promise<{ lines: CarriedLine[]; blocks: CarriedBlock[] }> {
  const earlier = await db.assessments.where('year').below(assessment.year).count();
  if (!earlier) return { lines: [], blocks: [] };
  const history = await readHistory(db, { beforeYear: assessment.year });
  const own = history.nodes.filter((n) => n.assessmentId === assessment.id);
  const lines = carriedInto(assessment.year, own, history.people, history.years);
  return { lines, blocks: carriedBlocks(lines) };
}

const linkState = (l: PersonLinkRecord | undefined) =>
  l ? (l.sameAs ? `与 ${l.sameAs.assessmentId} 的 ${l.sameAs.id} 为同一人（${l.by}）` : `新人员（${l.by}）`) : undefined;

/** A person confirms that secretary `id` of this assessment is the same person as `sameAs` (or, with null, nobody seen before). */
export async function linkPerson(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  sameAs: { assessmentId: string; id: string } | null,
  basis: PersonLink['basis'],
  operator: string,
): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['person'] }, async (log) => {
    const before = await db.personLinks.get([assessmentId, id]);
    const record: PersonLinkRecord = { assessmentId, id, by: operator, at: nowIso() };
    if (sameAs) record.sameAs = sameAs;
    else record.distinct = true;
    if (basis) record.basis = basis;
    await db.personLinks.put(record);
    log({ operator, action: sameAs ? 'person.link' : 'person.distinct', target: id, before: linkState(before), after: linkState(record) });
  });
}

export async function unlinkPerson(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['person'] }, async (log) => {
    const before = await db.personLinks.get([assessmentId, id]);
    if (!before) return;
    await db.personLinks.delete([assessmentId, id]);
    log({ operator, action: 'person.unlink', target: id, before: linkState(before) });
  });
}

/** The 奖惩意见 of secretary `id` as a person edited it, with the reason (logged with what it replaced). */
export async function editAward(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  edit: Pick<AwardEdit, 'lines' | 'reason'>,
  operator: string,
): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['award'] }, async (log) => {
    const before = await db.awardEdits.get([assessmentId, id]);
    const record: AwardEditRecord = { assessmentId, id, lines: edit.lines, reason: edit.reason, by: operator, at: nowIso() };
    await db.awardEdits.put(record);
    log({
      operator,
      action: 'award.edit',
      target: id,
      before: before?.lines.join('；'),
      after: `${record.lines.join('；') || '（无）'}（理由：${record.reason}）`,
    });
  });
}

export async function resetAward(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['award'] }, async (log) => {
    const before = await db.awardEdits.get([assessmentId, id]);
    if (!before) return;
    await db.awardEdits.delete([assessmentId, id]);
    log({ operator, action: 'award.reset', target: id, before: before.lines.join('；') });
  });
}

const evaluationState = (e: TermEvaluationRecord | undefined, labels: Record<string, string>) =>
  e ? `${labels[e.grade] ?? e.grade}（${e.reason}；${e.by}）` : undefined;

/**
 * The 期满评价 of secretary `id`'s term (任期开始–任期结束 on this assessment's roster), by
 * the 派出单位 and the 组织部门, with what it rests on; null removes it. Logged with what it replaced.
 */
export async function setTermEvaluation(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  evaluation: Pick<TermEvaluation, 'grade' | 'reason'> | null,
  operator: string,
): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['term'] }, async (log) => {
    const [a, secretary, before] = await Promise.all([
      db.assessments.get(assessmentId),
      db.secretaries.get([assessmentId, id]),
      db.termEvaluations.get([assessmentId, id]),
    ]);
    if (!a || !secretary) throw new Error(`secretary ${id} of ${assessmentId} not found`);
    const labels = aftermathOf(a.policy).term.labels;
    if (!evaluation) {
      if (!before) return;
      await db.termEvaluations.delete([assessmentId, id]);
      log({ operator, action: 'term.evaluation.remove', target: id, before: evaluationState(before, labels) });
      return;
    }
    const reason = evaluation.reason.trim();
    if (!reason) throw new Error('期满评价须填写依据');
    const record: TermEvaluationRecord = { assessmentId, id, grade: evaluation.grade, reason, by: operator, at: nowIso() };
    if (secretary.termStart) record.start = secretary.termStart;
    if (secretary.termEnd) record.end = secretary.termEnd;
    await db.termEvaluations.put(record);
    log({ operator, action: 'term.evaluate', target: id, before: evaluationState(before, labels), after: evaluationState(record, labels) });
  });
}

/** The edits of an assessment's 奖惩意见, by 编号. */
export async function awardEditsOf(db: ShuangpingDb, assessmentId: string): Promise<Map<string, AwardEdit>> {
  const rows = await db.awardEdits.where('assessmentId').equals(assessmentId).toArray();
  return new Map(rows.map(({ assessmentId: _a, id, ...edit }) => [id, edit]));
}

/**
 * 历年结果 imported (docs/formats.md §14): one finalized assessment per year, its
 * roster from the rows (what the file does not say takes the roster's defaults), each
 * row's grade as the review meeting's decision (`历年结果导入`), its recall as an event.
 * All years in one transaction: a refusal (the roster's errors, by sheet and row) leaves
 * nothing made. Returns the assessments made, by year.
 */
export async function importPastResults(
  db: ShuangpingDb,
  rows: readonly PastRow[],
  options: { region: string; policy: Policy; file: string },
  operator: string,
): Promise<Checked<Map<number, string>>> {
  const made = new Map<number, string>();
  const years = [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b);
  try {
    await db.transaction('rw', db.tables, async () => {
      for (const year of years) {
        const own = rows.filter((r) => r.year === year);
        const assessmentId = await createAssessment(
          db,
          { year, name: `${year}年度考核（历年结果）`, region: options.region, policy: options.policy },
          operator,
        );
        const ctx = { db, assessmentId, operator, sheet: options.file };
        const roster = await importRoster(ctx, own.map(pastSecretary));
        if (!roster.ok) throw new PastRefused(roster.errors);
        const recalls = own.filter((r) => r.recallDate).map((r) => ({ id: r.id, kind: 'recall' as const, date: r.recallDate!, note: PAST_REASON }));
        if (recalls.length) await importEvents(ctx, recalls);
        await changeRecords(db, assessmentId, { ids: null, kinds: ['decision'] }, async (log) => {
          const at = nowIso().slice(0, 10);
          await db.decisions.bulkPut(own.map((r) => ({ assessmentId, id: r.id, grade: r.grade, reason: PAST_REASON, by: operator, at })));
          log({ operator, action: 'past.import', target: options.file, after: `${year}年度 ${own.length} 人的考核等次` });
        });
        await lockAssessment(db, assessmentId, operator);
        made.set(year, assessmentId);
      }
    });
  } catch (e) {
    if (e instanceof PastRefused) return { ok: false, errors: e.errors };
    throw e;
  }
  return { ok: true, value: made };
}

/** Ends the import's transaction with the errors a person reads. */
class PastRefused {
  constructor(readonly errors: InputError[]) {}
}

export const PAST_REASON = '历年结果导入';

function pastSecretary(r: PastRow): Secretary {
  const s: Secretary = { id: r.id, name: r.name, source: 'town', mode: r.mode ?? 'fulltime', rankClass: 'section', postType: 'village', eligibleVoters: 1 };
  if (r.unit) s.unit = r.unit;
  if (r.idNumber) s.idNumber = r.idNumber;
  if (r.termStart) s.termStart = r.termStart;
  if (r.termEnd) s.termEnd = r.termEnd;
  return s;
}

/** The 期满考核表 of an assessment: its secretaries whose term it closes, with the years of every assessment of the person. */
export async function readTermSheets(db: ShuangpingDb, assessment: AssessmentRecord): Promise<TermSheet[]> {
  return db.transaction('r', historyTables(db), async () => {
    const own = await db.secretaries.where('assessmentId').equals(assessment.id).toArray();
    if (!own.some((s) => s.termEnd)) return [];
    const history = await readHistory(db);
    const nodes = history.nodes.filter((n) => n.assessmentId === assessment.id);
    return termSheetsOf(nodes, assessment.year, history.people, history.years, assessment.policy, history.evaluations);
  });
}
