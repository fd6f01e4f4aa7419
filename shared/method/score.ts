/** Org score and base score from rubric inputs (docs/method.md §2). */
import { add, div, floor, gt, lt, max as rmax, min as rmin, mul, parseRational, rat, r, sub, ZERO, type Rational } from '../exact/rational';
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

export interface SecretaryScore<I extends ItemResult = ItemScore> {
  items: I[];
  /** per section code */
  sections: Record<string, Rational>;
  orgScore: Rational;
  baseScore: Rational;
  /** points lost against each item's starting value (tie-break fewerDeductions) */
  deductions: Rational;
  /** points won on bonus items (tie-break moreBonus) */
  bonus: Rational;
}

/** A rubric item with its numbers parsed once, and its value when nothing moves it. */
interface PreparedItem {
  item: RubricItem;
  /** index among all items of the rubric, and of its section */
  at: number;
  section: number;
  start: Rational;
  min: Rational | null;
  max: Rational | null;
  perLevel: Rational | null;
  /** clamp(start): the value with no input entered */
  idle: Rational;
  /** lostOf and wonOf of the idle value */
  idleLost: Rational;
  idleWon: Rational;
  countsForBase: boolean;
}

const clamp = (value: Rational, p: Pick<PreparedItem, 'min' | 'max'>): Rational => {
  const low = p.min ? rmax(value, p.min) : value;
  return p.max ? rmin(low, p.max) : low;
};
/** points lost against the starting value (tie-break fewerDeductions) */
const lostOf = (p: PreparedItem, value: Rational): Rational => (gt(p.start, value) ? sub(p.start, value) : ZERO);
/** points won on a bonus item (tie-break moreBonus) */
const wonOf = (p: PreparedItem, value: Rational): Rational => (p.item.kind === 'bonus' && gt(value, ZERO) ? value : ZERO);

/** The items a secretary's inputs move, with the sum of their effects. */
interface Moves {
  effects: (Rational | undefined)[];
  touched: PreparedItem[];
}

function move(moves: Moves, p: PreparedItem, effect: Rational): void {
  const before = moves.effects[p.at];
  if (before === undefined) moves.touched.push(p);
  moves.effects[p.at] = before === undefined ? effect : add(before, effect);
}

export type Scorer<I extends ItemResult = ItemScore> = (inputs: Readonly<Record<string, string>>, secretary: Secretary) => SecretaryScore<I>;

/** Scores many secretaries against one rubric and policy (see scorerOf). */
export function rubricScorer(rubric: Rubric, policy: Policy): Scorer {
  return scorerOf(rubric, policy, (p, value, section) => ({ code: p.item.code, value, start: p.start, item: p.item, section }));
}

/** The same scores with only code and value per item: what a result row keeps. */
export function resultScorer(rubric: Rubric, policy: Policy): Scorer<ItemResult> {
  return scorerOf(rubric, policy, (p, value) => ({ code: p.item.code, value }));
}

/**
 * value = clamp(base + Σ input effects, min, max) per item, summed per section. The
 * rubric's numbers are parsed once, and the sums of a secretary who entered nothing
 * are worked out once: a secretary's scores are those, adjusted for the few items
 * their inputs (or a rating change) move. Exact sums do not depend on the order.
 * Entries of items nothing moved are shared between secretaries.
 */
function scorerOf<I extends ItemResult>(rubric: Rubric, policy: Policy, entry: (p: PreparedItem, value: Rational, section: string) => I): Scorer<I> {
  const items: PreparedItem[] = [];
  /** input code → the inputs of that code, with their item */
  const byCode = new Map<string, { input: RubricInput; p: PreparedItem }[]>();
  rubric.sections.forEach((section, s) => {
    for (const item of section.groups.flatMap((g) => g.items)) {
      const bounds = { min: item.min !== undefined ? r(item.min) : null, max: item.max !== undefined ? r(item.max) : null };
      const start = item.base ? r(item.base) : ZERO;
      const p: PreparedItem = {
        item,
        at: items.length,
        section: s,
        start,
        ...bounds,
        perLevel: item.ratingChange ? r(item.ratingChange.pointsPerLevel) : null,
        idle: clamp(start, bounds),
        idleLost: ZERO,
        idleWon: ZERO,
        countsForBase: section.inBaseScore && (policy.baseScoreScope === 'sectionsAB' || item.kind === 'base'),
      };
      p.idleLost = lostOf(p, p.idle);
      p.idleWon = wonOf(p, p.idle);
      for (const input of item.inputs) byCode.set(input.code, [...(byCode.get(input.code) ?? []), { input, p }]);
      items.push(p);
    }
  });
  const rated = items.filter((p) => p.perLevel);
  const sectionCodes = rubric.sections.map((section) => section.code);
  const sectionCode = (p: PreparedItem) => rubric.sections[p.section]!.code;
  const idle = {
    entries: items.map((p) => entry(p, p.idle, sectionCode(p))),
    totals: rubric.sections.map((_, s) => items.filter((p) => p.section === s).reduce((t, p) => add(t, p.idle), ZERO)),
    base: items.filter((p) => p.countsForBase).reduce((t, p) => add(t, p.idle), ZERO),
    deductions: items.reduce((t, p) => add(t, p.idleLost), ZERO),
    bonus: items.reduce((t, p) => add(t, p.idleWon), ZERO),
  };

  return (inputs, secretary) => {
    /** per item: Σ effects of its inputs (and of the rating change); the items moved */
    const moves: Moves = { effects: new Array(items.length), touched: [] };
    for (const code in inputs) {
      const targets = byCode.get(code);
      if (!targets) continue;
      const text = inputs[code]!;
      const entered = text.trim() === '' ? null : parseRational(text);
      if (entered) for (const { input, p } of targets) move(moves, p, inputEffect(input, entered, policy));
    }
    for (const p of rated) move(moves, p, mul(rat(ratingLevelsUp(secretary)), p.perLevel!));
    const { effects, touched } = moves;

    const entries = idle.entries.slice();
    const totals = idle.totals.slice();
    let { base, deductions, bonus } = idle;
    for (const p of touched) {
      const value = clamp(add(p.start, effects[p.at]!), p);
      entries[p.at] = entry(p, value, sectionCode(p));
      const delta = sub(value, p.idle);
      totals[p.section] = add(totals[p.section]!, delta);
      if (p.countsForBase) base = add(base, delta);
      deductions = add(deductions, sub(lostOf(p, value), p.idleLost));
      bonus = add(bonus, sub(wonOf(p, value), p.idleWon));
    }
    const sections: Record<string, Rational> = {};
    for (let s = 0; s < sectionCodes.length; s++) sections[sectionCodes[s]!] = totals[s]!;
    return { items: entries, sections, orgScore: totals.reduce(add, ZERO), baseScore: base, deductions, bonus };
  };
}

/**
 * Scores one secretary's item inputs against a rubric. Inputs are assumed valid
 * (`checkInputValue`); a missing input counts as none.
 */
export function scoreSecretary(rubric: Rubric, inputs: Readonly<Record<string, string>>, secretary: Secretary, policy: Policy): SecretaryScore {
  return rubricScorer(rubric, policy)(inputs, secretary);
}
