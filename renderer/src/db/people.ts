/**
 * People across years (docs/method.md §10–§13) in the database: the links people
 * confirmed (`personLinks`), the 奖惩意见 edits (`awardEdits`), the 期满评价
 * (`termEvaluations`) — each through changeRecords, logged with what it replaced — and
 * the 历年结果 import. The history they make is read in history.ts.
 */
import { aftermathOf } from '../../../shared/policy/aftermath';
import type { PastRow } from '../../../shared/io/past';
import type { Checked, InputError, Policy, Secretary } from '../../../shared/model';
import { termSheetsOf, type AwardEdit, type PersonLink, type TermEvaluation, type TermSheet } from '../../../shared/people';
import { createAssessment } from './assessments';
import { changeRecords } from './change';
import { historyTables, readHistory } from './history';
import { changesBetween, type LinkPreview } from './link-preview';
import { importEvents, importRoster } from './imports';
import { lockAssessment } from './lock';
import { nowIso } from './ids';
import type { AssessmentRecord, AwardEditRecord, PersonLinkRecord, ShuangpingDb, TermEvaluationRecord } from './schema';

export { historyTables, lockedBlocks, nodeOf, readBlocks, readCarried, readHistory, recallsById, type Carried, type History } from './history';

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
  options: PastOptions,
  operator: string,
): Promise<Checked<Map<number, string>>> {
  try {
    return { ok: true, value: await db.transaction('rw', db.tables, () => writePast(db, rows, options, operator)) };
  } catch (e) {
    if (e instanceof PastRefused) return { ok: false, errors: e.errors };
    throw e;
  }
}

export interface PastOptions {
  region: string;
  policy: Policy;
  file: string;
}

/** Inside the caller's transaction over every table: one finalized assessment per year of `rows`. */
async function writePast(db: ShuangpingDb, rows: readonly PastRow[], options: PastOptions, operator: string): Promise<Map<number, string>> {
  const made = new Map<number, string>();
  for (const year of [...new Set(rows.map((r) => r.year))].sort((a, b) => a - b)) {
    const own = rows.filter((r) => r.year === year);
    const assessmentId = await createAssessment(db, { year, name: `${year}年度考核（历年结果）`, region: options.region, policy: options.policy }, operator);
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
  return made;
}

/** What a 历年结果 import would add, and what it would change in the open years' carried blocks. */
export interface PastPreview {
  years: { year: number; count: number; grades: { label: string; count: number }[]; recalls: number; existing: number }[];
  secretaries: { year: number; id: string; name: string; grade: string }[];
  changes: LinkPreview;
}

/**
 * The 历年结果 import as it would be, nothing written: the import run in a transaction
 * that is then given up, the history read before and after it. Its errors (the roster's,
 * by sheet and row) come back as the import would return them.
 */
export async function previewPastResults(db: ShuangpingDb, rows: readonly PastRow[], options: PastOptions, operator: string): Promise<Checked<PastPreview>> {
  let changes: LinkPreview | undefined;
  try {
    await db.transaction('rw', db.tables, async () => {
      const before = await readHistory(db);
      await writePast(db, rows, options, operator);
      changes = changesBetween(before, await readHistory(db));
      throw new DryRun();
    });
  } catch (e) {
    if (e instanceof PastRefused) return { ok: false, errors: e.errors };
    if (!(e instanceof DryRun)) throw e;
  }
  const present = await db.assessments.toArray();
  const labels = options.policy.labels;
  const years = [...new Set(rows.map((r) => r.year))]
    .sort((a, b) => a - b)
    .map((year) => {
      const own = rows.filter((r) => r.year === year);
      const counts = new Map<string, number>();
      for (const r of own) counts.set(labels[r.grade], (counts.get(labels[r.grade]) ?? 0) + 1);
      return {
        year,
        count: own.length,
        grades: [...counts].map(([label, count]) => ({ label, count })),
        recalls: own.filter((r) => r.recallDate).length,
        existing: present.filter((a) => a.year === year).length,
      };
    });
  const secretaries = [...rows].sort((a, b) => a.year - b.year).map((r) => ({ year: r.year, id: r.id, name: r.name, grade: labels[r.grade] }));
  return { ok: true, value: { years, secretaries, changes: changes! } };
}

/** Gives up a preview's transaction. */
class DryRun {}

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
