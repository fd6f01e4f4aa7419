/**
 * 考评细则: a tree of sections → groups → items (docs/method.md §2.1). Rubrics are data:
 * users edit them, export and import them as JSON, and scores are kept per input
 * code so a changed rubric re-computes.
 *
 * value of an item = clamp(base + Σ input effects, min, max)
 */

/**
 * How an assessor's input becomes points:
 * - `bool`   met → `points` (negative for "未…" deductions)
 * - `points` a number entered within [min, max], times `points` (1, or -1 when subtracted)
 * - `count`  `points` × count, count within [0, max]
 * - `amount` `points` per `unit` of money (元); whole units unless policy `amountRounding: proportional`
 * Project classes (一类…四类) are one item with a `count` input per class.
 */
export const INPUT_KINDS = ['bool', 'points', 'count', 'amount'] as const;
export type InputKind = (typeof INPUT_KINDS)[number];

export interface RubricInput {
  /** item code plus a letter where an item has several inputs: "A1.1a" */
  code: string;
  label: string;
  kind: InputKind;
  /** decimal text, signed: the effect per unit (see InputKind) */
  points: string;
  /** bounds of the entered value (points: the range; count: max count) */
  min?: string;
  max?: string;
  /** amount: 元 per unit, e.g. "10000" */
  unit?: string;
}

/** base items carry the 基本分; bonus = 奖分, deduction = 扣分 (no maximum unless stated) */
export const ITEM_KINDS = ['base', 'bonus', 'deduction'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

export interface RubricItem {
  code: string;
  name: string;
  kind: ItemKind;
  /** starting value; 0 when absent */
  base?: string;
  min?: string;
  max?: string;
  inputs: RubricInput[];
  /** D1 晋位升级: no input; ± points per level from the roster's 年初定级 → 年末定级 */
  ratingChange?: { pointsPerLevel: string };
}

export interface RubricGroup {
  code: string;
  name: string;
  items: RubricItem[];
}

export interface RubricSection {
  code: string;
  name: string;
  /** the section's 基本分 as printed (A 60, B 40); informational */
  base?: string;
  /** counts toward the base score of the 80-point rule (A and B) */
  inBaseScore: boolean;
  groups: RubricGroup[];
}

export interface Rubric {
  id: string;
  name: string;
  sections: RubricSection[];
}
