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
  /** the same numbers in thousandths (see milliScore); NaN when one is not a whole number of them */
  milli: { start: number; min: number; max: number; perLevel: number; idle: number; idleLost: number; idleWon: number };
}

/** An input with its numbers parsed once; points and unit in thousandths too, or NaN. */
interface PreparedInput {
  input: RubricInput;
  p: PreparedItem;
  milli: { points: number; unit: number };
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

/** The items a secretary's inputs move, in thousandths: Σ effects per item, whether moved, which (reset after each secretary). */
interface Scratch {
  sums: Float64Array;
  moved: Uint8Array;
  touched: PreparedItem[];
}

function moveMilli(scratch: Scratch, p: PreparedItem, effect: number): void {
  if (!scratch.moved[p.at]) {
    scratch.moved[p.at] = 1;
    scratch.touched.push(p);
  }
  scratch.sums[p.at] = safe(scratch.sums[p.at]! + effect);
}

/**
 * Most numbers of a rubric and of what is entered are whole or have a decimal or two
 * (3.5 分): counted in thousandths they are integers, and integers below 2^53 are exact
 * in doubles. Each sum and product is checked to be a safe integer (one rounded from
 * beyond 2^53 never is) and each quotient to divide exactly; else NaN, and the exact
 * path scores the secretary.
 */
const MILLI = 1000;

/** NaN unless x is a safe integer: a sum or product of safe integers that is one is exact. */
const safe = (x: number): number => (Number.isSafeInteger(x) ? x : NaN);

/** A number in thousandths, or NaN when it is not a whole number of them below 2^53. */
function milliOf(value: Rational | null, absent: number): number {
  if (!value) return absent;
  const d = Number(value.d);
  return MILLI % d === 0 ? safe(Number(value.n) * (MILLI / d)) : NaN;
}

/** a × b in thousandths, of a and b in thousandths; NaN unless exact. */
function milliProduct(a: number, b: number): number {
  const product = safe(a * b);
  return product % MILLI === 0 ? product / MILLI : NaN;
}

/** One input's effect in thousandths (as inputEffect): entered × points, 是 → points, units of an amount × points. */
function milliEffect(t: PreparedInput, entered: number, policy: Pick<Policy, 'amountRounding'>): number {
  const { points, unit } = t.milli;
  switch (t.input.kind) {
    case 'bool':
      return entered === 0 ? 0 : points;
    case 'points':
    case 'count':
      return milliProduct(entered, points);
    case 'amount': {
      const rest = entered % unit;
      if (rest !== 0 && policy.amountRounding !== 'floor') {
        // part units count: entered / unit × points, when it divides exactly
        const product = safe(entered * points);
        return product % unit === 0 ? product / unit : NaN;
      }
      // whole units, floor(entered / unit): the quotient of an exact multiple is exact
      const units = (entered - rest) / unit - (rest < 0 ? 1 : 0);
      return safe(units * points);
    }
  }
}

export type Scorer<I extends ItemResult = ItemScore> = (inputs: Readonly<Record<string, string>>, secretary: Secretary) => SecretaryScore<I>;

/**
 * Scores many secretaries against one rubric and policy (see scorerOf). `thousandths`:
 * false scores every secretary by the exact path only (the tests compare the two).
 */
export function rubricScorer(rubric: Rubric, policy: Policy, thousandths = true): Scorer {
  return scorerOf(rubric, policy, (p, value, section) => ({ code: p.item.code, value, start: p.start, item: p.item, section }), thousandths);
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
 * An item's entry for a value is made once and shared between secretaries.
 */
function scorerOf<I extends ItemResult>(
  rubric: Rubric,
  policy: Policy,
  entry: (p: PreparedItem, value: Rational, section: string) => I,
  thousandths = true,
): Scorer<I> {
  const items: PreparedItem[] = [];
  /** input code → the inputs of that code, with their item */
  const byCode = new Map<string, PreparedInput[]>();
  rubric.sections.forEach((section, s) => {
    for (const item of section.groups.flatMap((g) => g.items)) {
      const bounds = { min: item.min !== undefined ? r(item.min) : null, max: item.max !== undefined ? r(item.max) : null };
      const start = item.base ? r(item.base) : ZERO;
      const perLevel = item.ratingChange ? r(item.ratingChange.pointsPerLevel) : null;
      const idle = clamp(start, bounds);
      const p: PreparedItem = {
        item,
        at: items.length,
        section: s,
        start,
        ...bounds,
        perLevel,
        idle,
        idleLost: ZERO,
        idleWon: ZERO,
        countsForBase: section.inBaseScore && (policy.baseScoreScope === 'sectionsAB' || item.kind === 'base'),
        milli: {
          start: milliOf(start, 0),
          min: milliOf(bounds.min, -Infinity),
          max: milliOf(bounds.max, Infinity),
          perLevel: milliOf(perLevel, 0),
          idle: milliOf(idle, 0),
          idleLost: 0,
          idleWon: 0,
        },
      };
      p.idleLost = lostOf(p, p.idle);
      p.idleWon = wonOf(p, p.idle);
      p.milli.idleLost = milliOf(p.idleLost, 0);
      p.milli.idleWon = milliOf(p.idleWon, 0);
      for (const input of item.inputs) {
        const milli = { points: milliOf(r(input.points), 0), unit: milliOf(r(input.unit ?? '1'), MILLI) };
        byCode.set(input.code, [...(byCode.get(input.code) ?? []), { input, p, milli }]);
      }
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
  /** per item: value (in thousandths) → its entry, made once */
  const made = items.map(() => new Map<number, I>());
  const entryOf = (p: PreparedItem, value: number): I => {
    let known = made[p.at]!.get(value);
    if (!known) made[p.at]!.set(value, (known = entry(p, rat(value, MILLI), sectionCode(p))));
    return known;
  };
  // whether every number of the rubric is a whole number of thousandths: then most secretaries are scored in them
  const inMilli =
    thousandths &&
    [idle.base, idle.deductions, idle.bonus, ...idle.totals].every((x) => !Number.isNaN(milliOf(x, 0))) &&
    items.every((p) => Object.values(p.milli).every((x) => !Number.isNaN(x))) &&
    [...byCode.values()].every((ts) => ts.every((t) => !Number.isNaN(t.milli.points) && !Number.isNaN(t.milli.unit) && t.milli.unit > 0));
  const milliIdle = {
    totals: idle.totals.map((t) => milliOf(t, 0)),
    base: milliOf(idle.base, 0),
    deductions: milliOf(idle.deductions, 0),
    bonus: milliOf(idle.bonus, 0),
  };
  const scratch: Scratch = { sums: new Float64Array(items.length), moved: new Uint8Array(items.length), touched: [] };

  /** The scores in thousandths, exact; null when an entered value or a step is not (see MILLI). */
  const milliScore = (inputs: Readonly<Record<string, string>>, secretary: Secretary): SecretaryScore<I> | null => {
    const { sums, moved, touched } = scratch;
    touched.length = 0;
    let exact = true;
    for (const code in inputs) {
      const targets = byCode.get(code);
      if (!targets) continue;
      const text = inputs[code]!;
      const entered = text.trim() === '' ? null : parseRational(text);
      if (!entered) continue;
      const value = milliOf(entered, 0);
      for (const t of targets) {
        const effect = Number.isNaN(value) ? NaN : milliEffect(t, value, policy);
        if (Number.isNaN(effect)) exact = false;
        else moveMilli(scratch, t.p, effect);
      }
    }
    if (rated.length) {
      const levels = ratingLevelsUp(secretary);
      for (const p of rated) moveMilli(scratch, p, safe(levels * p.milli.perLevel));
    }
    const entries = idle.entries.slice();
    const totals = milliIdle.totals.slice();
    let { base, deductions, bonus } = milliIdle;
    for (const p of touched) {
      const m = p.milli;
      const value = Math.min(Math.max(safe(m.start + sums[p.at]!), m.min), m.max);
      sums[p.at] = 0;
      moved[p.at] = 0;
      if (Number.isNaN(value)) exact = false;
      if (!exact) continue;
      entries[p.at] = entryOf(p, value);
      // each step checked: a step beyond 2^53 makes the rest NaN
      const delta = safe(value - m.idle);
      totals[p.section] = safe(totals[p.section]! + delta);
      if (p.countsForBase) base = safe(base + delta);
      deductions = safe(safe(deductions + (m.start > value ? safe(m.start - value) : 0)) - m.idleLost);
      if (p.item.kind === 'bonus') bonus = safe(safe(bonus + (value > 0 ? value : 0)) - m.idleWon);
    }
    let orgScore = 0;
    for (const total of totals) orgScore = safe(orgScore + total);
    if (!exact || Number.isNaN(orgScore) || Number.isNaN(base) || Number.isNaN(deductions) || Number.isNaN(bonus)) return null;
    const sections: Record<string, Rational> = {};
    for (let s = 0; s < sectionCodes.length; s++) sections[sectionCodes[s]!] = rat(totals[s]!, MILLI);
    return {
      items: entries,
      sections,
      orgScore: rat(orgScore, MILLI),
      baseScore: rat(base, MILLI),
      deductions: rat(deductions, MILLI),
      bonus: rat(bonus, MILLI),
    };
  };

  return (inputs, secretary) => {
    const scored = inMilli ? milliScore(inputs, secretary) : null;
    if (scored) return scored;
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
