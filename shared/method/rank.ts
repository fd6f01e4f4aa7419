/** Order within a category (docs/method.md §4.4): total desc, then the policy's tie-breaks; competition ranks. */
import { cmp, nearestDouble, roundTo, type Rational } from '../exact/rational';
import type { Policy, TieBreak } from '../model';

export interface Rankable {
  id: string;
  total: Rational;
  orgScore: Rational;
  satisfaction: Rational;
  deductions: Rational;
  bonus: Rational;
}

/** How each tie-break orders two secretaries: negative when `a` comes first. */
const TIE_BREAK_ORDER: Record<TieBreak, (a: Rankable, b: Rankable) => number> = {
  orgScore: (a, b) => cmp(b.orgScore, a.orgScore),
  satisfaction: (a, b) => cmp(b.satisfaction, a.satisfaction),
  fewerDeductions: (a, b) => cmp(a.deductions, b.deductions),
  moreBonus: (a, b) => cmp(b.bonus, a.bonus),
};

export const TIE_BREAK_LABELS: Record<TieBreak, string> = {
  orgScore: '组织工作目标考评得分',
  satisfaction: '群众满意度',
  fewerDeductions: '扣分',
  moreBonus: '奖分',
};

/** The figure ranked on: exact, or the 2-decimal figure a spreadsheet shows (rankOn). */
export function rankedTotal(total: Rational, policy: Pick<Policy, 'rankOn'>): Rational {
  return policy.rankOn === 'rounded2' ? roundTo(total, 2) : total;
}

/** Negative when `a` ranks before `b`; 0 when they are exactly tied on total and every tie-break. */
export function compareRank(a: Rankable, b: Rankable, policy: Pick<Policy, 'rankOn' | 'tieBreak'>): number {
  return cmp(rankedTotal(b.total, policy), rankedTotal(a.total, policy)) || compareTieBreaks(a, b, policy);
}

function compareTieBreaks(a: Rankable, b: Rankable, policy: Pick<Policy, 'tieBreak'>): number {
  for (const tieBreak of policy.tieBreak) {
    const order = TIE_BREAK_ORDER[tieBreak](a, b);
    if (order) return order;
  }
  return 0;
}

/**
 * b's total against a's, exactly. The nearest doubles of two totals are each within a
 * relative 2^-51 of them: totals whose doubles differ by more than a relative 10^-9 are
 * in the doubles' order; closer ones (and ties) are compared as rationals. No float
 * decides an order the exact comparison would not.
 */
function byTotal(a: { total: Rational; near: number }, b: { total: Rational; near: number }): number {
  const gap = b.near - a.near;
  const size = Math.max(1, Math.abs(a.near), Math.abs(b.near));
  if (gap > 1e-9 * size) return 1;
  if (gap < -1e-9 * size) return -1;
  return cmp(b.total, a.total);
}

/**
 * Sorts in rank order (exact ties by 编号, so the order never depends on input order)
 * and gives competition ranks: 1, 2, 2, 4.
 */
export function rankRows<T extends Rankable>(rows: readonly T[], policy: Pick<Policy, 'rankOn' | 'tieBreak'>): { row: T; rank: number }[] {
  // the figure ranked on, computed once per row, with its nearest double to sort by quickly
  const keyed = rows.map((row) => {
    const total = rankedTotal(row.total, policy);
    return { row, total, near: nearestDouble(total) };
  });
  const order = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => byTotal(a, b) || compareTieBreaks(a.row, b.row, policy);
  const sorted = keyed.sort((a, b) => order(a, b) || (a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0));
  const ranked: { row: T; rank: number }[] = [];
  sorted.forEach((entry, i) => {
    const previous = ranked[i - 1];
    const rank = previous && order(sorted[i - 1]!, entry) === 0 ? previous.rank : i + 1;
    ranked.push({ row: entry.row, rank });
  });
  return ranked;
}
