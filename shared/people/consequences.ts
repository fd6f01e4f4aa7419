/**
 * When a consequence of the policy runs (docs/method.md §11): a grade's consequences take
 * effect on the day the results were approved (审批日期; without one, 1 January of the
 * next year), a recall's on the day it was decided (without one, 31 December of its
 * year). `years: 0` lasts to the end of that calendar year (当年); n years run to the day
 * before the same date n years on. A consequence counts for the assessment of year Y
 * when it is in force on 31 December of Y — when that year's assessment is made.
 */
import type { Consequence, ConsequenceTrigger, Grade, Mode, Policy } from '../model';
import { aftermathOf } from '../policy/aftermath';
import { dayWords, endOfYear, lastDayOfYears, yearOf } from './dates';

/** A consequence as it applies to one person in one year. */
export interface Occurrence extends Consequence {
  trigger: ConsequenceTrigger;
  /** the assessment year it follows */
  year: number;
  /** what it follows, in words: 2024年度考核不称职 · 2024年6月30日被召回 */
  source: string;
  /** first and last day in force, YYYY-MM-DD */
  from: string;
  until: string;
}

/** A recall recorded as an event (the `events` table, kind `recall`). */
export interface Recall {
  date?: string | undefined;
  note?: string | undefined;
}

/** The day a year's grades take effect: the day the results were approved, or 1 January of the next year. */
export const gradeDate = (year: number, approvedAt?: string): string => approvedAt || `${year + 1}-01-01`;

export const recallDate = (year: number, recall: Recall): string => recall.date || endOfYear(year);

/** The policy's consequences of a grade or a recall for a secretary of this 驻村方式. */
export function consequencesFor(policy: Policy, trigger: ConsequenceTrigger, mode?: Mode): Consequence[] {
  return (aftermathOf(policy).consequences[trigger] ?? []).filter((c) => !c.mode || !mode || c.mode === mode);
}

export function periodOf(c: Pick<Consequence, 'years'>, from: string): { from: string; until: string } {
  return { from, until: c.years === 0 ? endOfYear(yearOf(from)) : lastDayOfYears(from, c.years) };
}

/** In force when year Y's assessment is made (31 December of Y). */
export const inForceIn = (o: Pick<Occurrence, 'from' | 'until'>, year: number): boolean => o.from <= endOfYear(year) && endOfYear(year) <= o.until;

/** 2024年6月30日被召回 · 2024年度被召回 */
export const recallWords = (year: number, r: Recall): string => `${r.date ? dayWords(r.date) : `${year}年度`}被召回`;

/** What one year of a person's history brings: its grade's consequences and each recall's. */
export function occurrencesOf(
  policy: Policy,
  year: { year: number; grade: Grade | null; approvedAt?: string | undefined; mode?: Mode | undefined; recalls: readonly Recall[] },
): Occurrence[] {
  const out: Occurrence[] = [];
  if (year.grade && year.grade !== 'pending') {
    const from = gradeDate(year.year, year.approvedAt);
    for (const c of consequencesFor(policy, year.grade, year.mode)) {
      out.push({ ...c, trigger: year.grade, year: year.year, source: `${year.year}年度考核${policy.labels[year.grade]}`, ...periodOf(c, from) });
    }
  }
  for (const r of year.recalls) {
    const from = recallDate(year.year, r);
    for (const c of consequencesFor(policy, 'recall', year.mode)) {
      out.push({ ...c, trigger: 'recall', year: year.year, source: recallWords(year.year, r), ...periodOf(c, from) });
    }
  }
  return out;
}

/** （至2025年12月31日） */
export const untilWords = (o: Pick<Occurrence, 'until'>): string => `至${dayWords(o.until)}`;

/** The reason a carried consequence gives in the row: 2024年度考核不称职：取消年度评优资格（至2025年12月31日） */
export const carriedReason = (o: Occurrence): string => `${o.source}：${o.text}（${untilWords(o)}）`;
