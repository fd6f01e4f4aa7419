/**
 * One person across years, as their page shows it (docs/method.md §10–§12): every
 * assessment with its grade, flags, recalls and decision; each consequence with its
 * dates; and the 期满考核 of the term the latest year closes, by the policy.
 */
import type { Policy } from '../model';
import { aftermathOf } from '../policy/aftermath';
import { occurrencesOfYear, type PersonYear } from './carry';
import { recallWords, type Occurrence } from './consequences';
import { maskIdNumber } from './id-number';
import { nodeKey, type People, type PersonNode } from './persons';
import { reviewTerm, termWords, type TermEvaluation, type TermOutcome, type TermYear } from './term';

export interface PersonYearView {
  node: PersonNode;
  year?: PersonYear | undefined;
  occurrences: Occurrence[];
}

export interface PersonView {
  personKey: string;
  name: string;
  /** the 身份证号 as recorded (shown whole only on this page) */
  idNumber?: string | undefined;
  years: PersonYearView[];
  term?:
    | {
        start?: string | undefined;
        end?: string | undefined;
        outcome: TermOutcome;
        /** the 期满评价 taken, and the secretary of the assessment it was recorded on */
        evaluation?: (TermEvaluation & { on: { assessmentId: string; id: string } }) | undefined;
      }
    | undefined;
}

/** 期满评价 by node (nodeKey), as recorded. */
export type Evaluations = ReadonlyMap<string, TermEvaluation>;

/**
 * The 期满评价 of `own`'s term: recorded on it, or on another year's secretary of the same
 * person with the same term — and only while the term is the one evaluated (a term changed
 * on the roster since needs its evaluation again).
 */
export function evaluationOf(own: PersonNode, nodes: readonly PersonNode[], evaluations: Evaluations): (TermEvaluation & { on: PersonNode }) | undefined {
  const sameTerm = (n: PersonNode) => n.termStart === own.termStart && n.termEnd === own.termEnd;
  for (const n of [own, ...nodes.filter((m) => nodeKey(m) !== nodeKey(own))]) {
    const e = evaluations.get(nodeKey(n));
    if (e && sameTerm(n) && e.start === own.termStart && e.end === own.termEnd) return { ...e, on: n };
  }
  return undefined;
}

/** The term of `node` (任期开始–任期结束), its years among the person's: those whose year falls within it. */
export function termYearsOf(node: PersonNode, all: readonly PersonYearView[], gradeLabel: (y: PersonYear) => string): TermYear[] {
  const from = node.termStart ? Number(node.termStart.slice(0, 4)) : node.year;
  const to = node.termEnd ? Number(node.termEnd.slice(0, 4)) : node.year;
  return all
    .filter((v) => v.node.year >= from && v.node.year <= to)
    .map((v) => ({
      year: v.node.year,
      grade: v.year?.grade ?? null,
      gradeLabel: v.year ? gradeLabel(v.year) : '无结果',
      recalls: v.year?.recalls ?? [],
    }));
}

export function personView(
  node: { assessmentId: string; id: string },
  people: People,
  years: ReadonlyMap<string, PersonYear>,
  policy: Policy,
  evaluations: Evaluations = new Map(),
): PersonView | null {
  const personKey = people.keyOf(node);
  const nodes = people.nodesOf(personKey);
  const own = nodes.find((n) => nodeKey(n) === nodeKey(node));
  if (!own) return null;
  const views = nodes.map((n) => {
    const y = years.get(nodeKey(n));
    return { node: n, year: y, occurrences: y ? occurrencesOfYear(y) : [] };
  });
  const view: PersonView = { personKey, name: own.name, idNumber: [...nodes].reverse().find((n) => n.idNumber)?.idNumber, years: views };
  if (own.termStart || own.termEnd) {
    const termYears = termYearsOf(own, views, (y) => (y.grade ? y.policy.labels[y.grade] : '无结果'));
    const found = evaluationOf(own, nodes, evaluations);
    const evaluation = found ? { ...found, on: { assessmentId: found.on.assessmentId, id: found.on.id } } : undefined;
    const outcome = reviewTerm({ start: own.termStart, end: own.termEnd, years: termYears, evaluation: evaluation?.grade }, policy);
    view.term = { start: own.termStart, end: own.termEnd, outcome, evaluation };
  }
  return view;
}

/** One secretary's 期满考核 as the 期满考核表 prints it (the 身份证号 masked). */
export interface TermSheet {
  id: string;
  name: string;
  unit: string;
  village: string;
  idNumber: string;
  term: string;
  years: { year: number; grade: string; recalls: string }[];
  /** 期满评价 in words with what it rests on, or 未录入 */
  evaluation?: string;
  grade: string;
  reasons: string[];
}

/**
 * The 期满考核表 of an assessment of `year`: its secretaries whose term ends in that year
 * or the next (the term closes before the next assessment), each with the years of the
 * term from every assessment of the person.
 */
export function termSheetsOf(
  nodes: readonly PersonNode[],
  year: number,
  people: People,
  years: ReadonlyMap<string, PersonYear>,
  policy: Policy,
  evaluations: Evaluations = new Map(),
): TermSheet[] {
  const labels = aftermathOf(policy).term.labels;
  const sheets: TermSheet[] = [];
  for (const node of nodes) {
    if (!node.termEnd || node.termEnd < `${year}-01-01` || node.termEnd > `${year + 1}-12-31`) continue;
    const view = personView(node, people, years, policy, evaluations);
    if (!view?.term) continue;
    const inTerm = termYearsOf(node, view.years, (y) => (y.grade ? y.policy.labels[y.grade] : '无结果'));
    sheets.push({
      id: node.id,
      name: node.name,
      unit: node.unit || '（未填派出单位）',
      village: [node.town, node.village].filter(Boolean).join(' '),
      idNumber: view.idNumber ? maskIdNumber(view.idNumber) : '（未填）',
      term: termWords(view.term),
      years: inTerm.map((y) => ({ year: y.year, grade: y.grade ? y.gradeLabel : '无结果', recalls: y.recalls.map((r) => recallWords(y.year, r)).join('；') })),
      evaluation: view.term.evaluation ? `${labels[view.term.evaluation.grade]}（${view.term.evaluation.reason}）` : '未录入',
      grade: labels[view.term.outcome.grade],
      reasons: view.term.outcome.reasons,
    });
  }
  return sheets;
}
