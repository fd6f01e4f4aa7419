/**
 * People across years read from the database (docs/method.md §10–§11.3): every
 * assessment's secretaries as nodes, the links people confirmed, each year's grades and
 * recalls — and from them what a secretary carries into an assessment. A finalized
 * (定稿) assessment computes with the carried blocks it was finalized with
 * (`carriedAtLock`), so a link made later to an earlier year changes no finalized grade.
 * Reads only: the writes are in people.ts and lock.ts.
 */
import { computeAssessment } from '../../../shared/method';
import type { CarriedBlock } from '../../../shared/method/input';
import type { AssessmentResult, Grade } from '../../../shared/model';
import {
  carriedBlocks,
  carriedInto,
  nodeKey,
  resolvePeople,
  type CarriedLine,
  type People,
  type PersonNode,
  type PersonYear,
  type Recall,
  type TermEvaluation,
} from '../../../shared/people';
import { readMethodInput } from './method-input';
import type { AssessmentRecord, PersonLinkRecord, SecretaryRecord, ShuangpingDb } from './schema';

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
  /** the carried blocks each assessment computed with (a finalized one: those it was finalized with), by id */
  carried: Map<string, CarriedBlock[]>;
}

/** The carried blocks a finalized assessment keeps (undefined: it computes them from the history, as an open one does). */
export const lockedBlocks = (a: AssessmentRecord): CarriedBlock[] | undefined => (a.locked ? a.carriedAtLock : undefined);

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
export async function readHistory(db: ShuangpingDb, options: { beforeYear?: number; links?: PersonLinkRecord[] } = {}): Promise<History> {
  const assessments = await db.assessments.toArray();
  const [secretaries, stored, evaluationRows] = await Promise.all([db.secretaries.toArray(), db.personLinks.toArray(), db.termEvaluations.toArray()]);
  const links = options.links ?? stored;
  const evaluations = new Map(evaluationRows.map(({ assessmentId, id, ...e }) => [nodeKey({ assessmentId, id }), e]));
  const yearOf = new Map(assessments.map((a) => [a.id, a.year]));
  const nodes = secretaries.filter((s) => yearOf.has(s.assessmentId)).map((s) => nodeOf(s, yearOf.get(s.assessmentId)!));
  const people = resolvePeople(nodes, links);
  const nodeByKey = new Map(nodes.map((n) => [nodeKey(n), n]));
  const nodesOf = new Map<string, PersonNode[]>();
  for (const n of nodes) {
    const same = nodesOf.get(n.assessmentId);
    if (same) same.push(n);
    else nodesOf.set(n.assessmentId, [n]);
  }
  const years = new Map<string, PersonYear>();
  const results = new Map<string, AssessmentResult>();
  const carried = new Map<string, CarriedBlock[]>();
  // earliest first: each year's grades take in what the years before it carry
  for (const a of [...assessments].sort((x, y) => x.year - y.year)) {
    if (options.beforeYear !== undefined && a.year >= options.beforeYear) continue;
    const input = await readMethodInput(db, a);
    const blocks = lockedBlocks(a) ?? carriedBlocks(carriedInto(a.year, nodesOf.get(a.id) ?? [], people, years));
    carried.set(a.id, blocks);
    if (blocks.length) input.carried = blocks;
    const result = computeAssessment(input);
    results.set(a.id, result);
    const recalls = recallsById(input.events);
    for (const c of result.categories) {
      for (const row of c.rows) {
        const node = nodeByKey.get(nodeKey({ assessmentId: a.id, id: row.id }));
        if (!node) continue;
        const grade: Grade | null = row.grade === 'pending' ? null : row.grade;
        const y: PersonYear = { node, assessmentName: a.name, policy: a.policy, grade, recalls: recalls.get(row.id) ?? [], final: a.locked };
        if (a.approvedAt) y.approvedAt = a.approvedAt;
        if (row.decision && row.decision.grade !== row.computedGrade) y.computedGrade = row.computedGrade;
        years.set(nodeKey(node), y);
      }
    }
  }
  return { assessments, nodes, links, people, years, results, evaluations, carried };
}

export interface Carried {
  /** every consequence in force, as the history has it now */
  lines: CarriedLine[];
  /** those that keep a secretary from 优秀 — a finalized assessment's as it was finalized with */
  blocks: CarriedBlock[];
  /** a finalized assessment whose history has changed since: the blocks it was finalized with, with the secretaries' names */
  changedSinceLock?: (CarriedBlock & { name: string })[];
}

const sameBlocks = (a: readonly CarriedBlock[], b: readonly CarriedBlock[]) =>
  a.length === b.length && a.every((x, i) => x.id === b[i]!.id && x.reason === b[i]!.reason);

/** What the secretaries of an assessment carry from earlier years (in the caller's transaction over historyTables). */
export async function readCarried(db: ShuangpingDb, assessment: AssessmentRecord): Promise<Carried> {
  const earlier = await db.assessments.where('year').below(assessment.year).count();
  const history = earlier ? await readHistory(db, { beforeYear: assessment.year }) : null;
  const own = history?.nodes.filter((n) => n.assessmentId === assessment.id) ?? [];
  const lines = history ? carriedInto(assessment.year, own, history.people, history.years) : [];
  const today = carriedBlocks(lines);
  const locked = lockedBlocks(assessment);
  if (!locked) return { lines, blocks: today };
  if (sameBlocks(locked, today)) return { lines, blocks: locked };
  const names = new Map(own.map((n) => [n.id, n.name]));
  return { lines, blocks: locked, changedSinceLock: locked.map((b) => ({ ...b, name: names.get(b.id) ?? b.id })) };
}

/** The blocks of 优秀 an assessment computes with (in the caller's transaction): a finalized one's without reading the history. */
export async function readBlocks(db: ShuangpingDb, assessment: AssessmentRecord): Promise<CarriedBlock[]> {
  return lockedBlocks(assessment) ?? (await readCarried(db, assessment)).blocks;
}
