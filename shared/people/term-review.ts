/**
 * 期满考核 of everyone in some years' results (docs/method.md §12, the command line's
 * `term`): the rows of each year as people — one by 身份证号, else by 姓名 + 派出单位
 * when exactly one earlier person has both (said as such, to be checked) — and each
 * person's term reviewed by the policy.
 */
import type { Grade, Mode, Policy } from '../model';
import { aftermathOf } from '../policy/aftermath';
import { nodeKey, resolvePeople, sameText, type PersonLink, type PersonNode } from './persons';
import { recallWords } from './consequences';
import { maskIdNumber } from './id-number';
import type { TermSheet } from './person-view';
import { reviewTerm, termWords, type TermOutcome } from './term';

/** One secretary's result of one year, as read from a results file (shared/io/past.ts `PastRow`). */
export interface YearRow {
  year: number;
  id: string;
  name: string;
  grade: Grade;
  idNumber?: string | undefined;
  unit?: string | undefined;
  mode?: Mode | undefined;
  recallDate?: string | undefined;
  termStart?: string | undefined;
  termEnd?: string | undefined;
}

export interface TermReview {
  name: string;
  unit?: string | undefined;
  /** the years and 编号 it gathers: 2023 S7 · 2024 S12 */
  years: { year: number; id: string }[];
  /** how the rows were found to be one person */
  basis: 'idNumber' | 'nameUnit' | 'single';
  start?: string | undefined;
  end?: string | undefined;
  outcome: TermOutcome;
}

export function reviewTerms(rows: readonly YearRow[], policy: Policy): TermReview[] {
  const nodes: PersonNode[] = rows.map((r) => ({
    assessmentId: String(r.year),
    id: r.id,
    year: r.year,
    name: r.name,
    unit: r.unit,
    idNumber: r.idNumber,
    mode: r.mode,
    termStart: r.termStart,
    termEnd: r.termEnd,
  }));
  const byKey = new Map(rows.map((r, i) => [nodeKey(nodes[i]!), r]));
  // 姓名 + 派出单位, where exactly one earlier person has both and none of the two has another's 身份证号
  const links: PersonLink[] = [];
  const byId = resolvePeople(nodes, []);
  const basis = new Map<string, TermReview['basis']>();
  for (const n of [...nodes].sort((a, b) => a.year - b.year)) {
    if (n.idNumber) continue;
    const earlier = [...byId.persons.entries()].filter(
      ([key, list]) =>
        key !== byId.keyOf(n) &&
        list.some((m) => m.year < n.year && sameText(m.name, n.name) && sameText(m.unit, n.unit)) &&
        !list.some((m) => m.year === n.year),
    );
    if (earlier.length !== 1) continue;
    const target = earlier[0]![1].at(-1)!;
    links.push({ assessmentId: n.assessmentId, id: n.id, sameAs: { assessmentId: target.assessmentId, id: target.id }, basis: 'nameUnit', by: '', at: '' });
  }
  const people = resolvePeople(nodes, links);
  for (const l of links) basis.set(people.keyOf(l), 'nameUnit');
  const out: TermReview[] = [];
  for (const [key, list] of people.persons) {
    const last = list.at(-1)!;
    const start = [...list].reverse().find((n) => n.termStart)?.termStart;
    const end = [...list].reverse().find((n) => n.termEnd)?.termEnd;
    const inTerm = list.filter((n) => (!start || n.year >= Number(start.slice(0, 4))) && (!end || n.year <= Number(end.slice(0, 4))));
    const years = inTerm.map((n) => {
      const r = byKey.get(nodeKey(n))!;
      return {
        year: n.year,
        grade: r.grade === 'pending' ? null : r.grade,
        gradeLabel: policy.labels[r.grade],
        recalls: r.recallDate ? [{ date: r.recallDate }] : [],
      };
    });
    out.push({
      name: last.name,
      unit: last.unit,
      years: inTerm.map((n) => ({ year: n.year, id: n.id })),
      basis: basis.get(key) ?? (list.length > 1 ? 'idNumber' : 'single'),
      start,
      end,
      outcome: reviewTerm({ start, end, years }, policy),
    });
  }
  return out.sort((a, b) => (a.unit ?? '').localeCompare(b.unit ?? '', 'zh-CN') || a.name.localeCompare(b.name, 'zh-CN'));
}

/**
 * The 期满考核表 of the reviews (the command line's `print term`): one form per person,
 * the term's years with their grades and recalls from `rows`, the 身份证号 masked. With
 * `year`, only the terms that end in that year or the next (as the app prints them).
 */
export function termSheetsOfReviews(reviews: readonly TermReview[], rows: readonly YearRow[], policy: Policy, year?: number): TermSheet[] {
  const labels = aftermathOf(policy).term.labels;
  const rowOf = (y: { year: number; id: string }) => rows.find((r) => r.year === y.year && r.id === y.id);
  return reviews
    .filter((r) => year === undefined || (r.end !== undefined && r.end >= `${year}-01-01` && r.end <= `${year + 1}-12-31`))
    .map((r) => {
      const own = r.years.map(rowOf).filter((x): x is YearRow => x !== undefined);
      const idNumber = [...own].reverse().find((x) => x.idNumber)?.idNumber;
      return {
        id: r.years.at(-1)?.id ?? '',
        name: r.name,
        unit: r.unit || '（未填派出单位）',
        village: '',
        idNumber: idNumber ? maskIdNumber(idNumber) : '（未填）',
        term: termWords(r),
        years: own.map((x) => ({
          year: x.year,
          grade: x.grade === 'pending' ? '无结果' : policy.labels[x.grade],
          recalls: x.recallDate ? recallWords(x.year, { date: x.recallDate }) : '',
        })),
        grade: labels[r.outcome.grade],
        reasons: r.outcome.reasons,
      };
    });
}
