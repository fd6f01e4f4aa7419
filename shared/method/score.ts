/** Org score and base score from rubric inputs (RULES.md §2). */
import {
  add,
  div,
  floor,
  gt,
  lt,
  max as rmax,
  min as rmin,
  mul,
  parseRational,
  rat,
  r,
  sub,
  sum,
  ZERO,
  type Rational,
} from '../exact/rational';
import type { ItemResult, Policy, Rubric, RubricInput, RubricItem, Secretary } from '../model';
import { RATINGS } from '../model';

/** Chinese message when `text` is not an acceptable value for the input, else null. */
export function checkInputValue(input: RubricInput, text: string): string | null {
  const value = parseRational(text);
  if (!value) return `“${text}”不是有效的数值`;
  switch (input.kind) {
    case 'bool':
      return value.d === 1n && (value.n === 0n || value.n === 1n) ? null : '应填“是”或“否”';
    case 'count':
      if (value.d !== 1n) return `次数/个数应为整数，不能是 ${text}`;
      if (value.n < 0n) return '次数/个数不能为负数';
      if (input.max !== undefined && gt(value, r(input.max))) return `不能超过 ${input.max}`;
      return null;
    case 'points': {
      const lo = r(input.min ?? '0');
      if (lt(value, lo)) return `应在 ${input.min ?? '0'} 到 ${input.max ?? ''} 之间`;
      if (input.max !== undefined && gt(value, r(input.max))) return `应在 ${input.min ?? '0'} 到 ${input.max} 之间`;
      return null;
    }
    case 'amount':
      return value.n < 0n ? '金额不能为负数' : null;
  }
}

/** The points one input adds to its item (signed). */
export function inputEffect(input: RubricInput, value: Rational, policy: Pick<Policy, 'amountRounding'>): Rational {
  const points = r(input.points);
  switch (input.kind) {
    case 'bool':
      return value.n === 0n ? ZERO : points;
    case 'points':
    case 'count':
      return mul(value, points);
    case 'amount': {
      const units = div(value, r(input.unit ?? '1'));
      const counted = policy.amountRounding === 'floor' ? rat(floor(units)) : units;
      return mul(counted, points);
    }
  }
}

/** Levels the village party organisation moved up (A best): C→B is +1, A→B is −1. */
export function ratingLevelsUp(secretary: Pick<Secretary, 'ratingStart' | 'ratingEnd'>): number {
  if (!secretary.ratingStart || !secretary.ratingEnd) return 0;
  return RATINGS.indexOf(secretary.ratingStart) - RATINGS.indexOf(secretary.ratingEnd);
}

/** 年末定级 worse than 年初定级 (降位). */
export function isDowngraded(secretary: Pick<Secretary, 'ratingStart' | 'ratingEnd'>): boolean {
  return ratingLevelsUp(secretary) < 0;
}

export interface ItemScore extends ItemResult {
  /** starting value: the item's base, or 0 */
  start: Rational;
  item: RubricItem;
  section: string;
}

export interface SecretaryScore {
  items: ItemScore[];
  /** per section code */
  sections: Record<string, Rational>;
  orgScore: Rational;
  baseScore: Rational;
  /** points lost against each item's starting value (tie-break fewerDeductions) */
  deductions: Rational;
  /** points won on bonus items (tie-break moreBonus) */
  bonus: Rational;
}

/** value = clamp(base + Σ input effects, min, max) */
function scoreItem(item: RubricItem, inputs: Readonly<Record<string, string>>, secretary: Secretary, policy: Policy): Rational {
  let value = item.base ? r(item.base) : ZERO;
  for (const input of item.inputs) {
    const text = inputs[input.code];
    const entered = text === undefined || text.trim() === '' ? null : parseRational(text);
    if (entered) value = add(value, inputEffect(input, entered, policy));
  }
  if (item.ratingChange) value = add(value, mul(rat(ratingLevelsUp(secretary)), r(item.ratingChange.pointsPerLevel)));
  if (item.min !== undefined) value = rmax(value, r(item.min));
  if (item.max !== undefined) value = rmin(value, r(item.max));
  return value;
}

/**
 * Scores one secretary's item inputs against a rubric. Inputs are assumed valid
 * (`checkInputValue`); a missing input counts as none.
 */
export function scoreSecretary(
  rubric: Rubric,
  inputs: Readonly<Record<string, string>>,
  secretary: Secretary,
  policy: Policy,
): SecretaryScore {
  const items: ItemScore[] = [];
  const sections: Record<string, Rational> = {};
  const baseParts: Rational[] = [];
  for (const section of rubric.sections) {
    let sectionTotal = ZERO;
    for (const group of section.groups) {
      for (const item of group.items) {
        const value = scoreItem(item, inputs, secretary, policy);
        items.push({ code: item.code, value, start: item.base ? r(item.base) : ZERO, item, section: section.code });
        sectionTotal = add(sectionTotal, value);
        const countsForBase = policy.baseScoreScope === 'sectionsAB' || item.kind === 'base';
        if (section.inBaseScore && countsForBase) baseParts.push(value);
      }
    }
    sections[section.code] = sectionTotal;
  }
  const lost = items.map((s) => sub(s.start, s.value)).filter((d) => gt(d, ZERO));
  const won = items.filter((s) => s.item.kind === 'bonus' && gt(s.value, ZERO)).map((s) => s.value);
  return {
    items,
    sections,
    orgScore: sum(items.map((s) => s.value)),
    baseScore: sum(baseParts),
    deductions: sum(lost),
    bonus: sum(won),
  };
}
