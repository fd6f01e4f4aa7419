/** What the method computes: one row per secretary, grouped by category. */
import type { Rational } from '../exact/rational';
import type { BallotTally } from './ballots';
import type { BandKey, Flag, Grade } from './grades';
import type { Decision, GradeHold } from './scores';
import type { Secretary } from './secretary';

export interface ItemResult {
  code: string;
  value: Rational;
}

export interface BallotSummary {
  verySatisfied: number;
  satisfied: number;
  basic: number;
  dissatisfied: number;
  invalid: number;
  abstain: number;
  cast: number;
  eligible: number;
  issued?: number;
}

/** 测评等次 from the satisfaction ballot alone (第十九条(四)). */
export type SatisfactionGrade = 'competent' | 'basic' | 'incompetent';

export interface ResultRow {
  id: string;
  secretary: Secretary;
  /** competition rank in the category (1, 2, 2, 4); null without a total */
  rank: number | null;
  /** null when no scores were entered */
  orgScore: Rational | null;
  baseScore: Rational | null;
  /** per item, when scored by items */
  items: ItemResult[] | null;
  scoredBy: 'items' | 'summary' | null;
  ballots: BallotSummary | null;
  satisfaction: Rational | null;
  dissatisfaction: Rational | null;
  satisfactionGrade: SatisfactionGrade | null;
  /** org score × satisfaction; null with low turnout or missing input */
  total: Rational | null;
  /** the grade the method computed */
  computedGrade: Grade;
  /** the review meeting's decision, if any */
  decision: Decision | null;
  /** the decision's grade when there is one, else the computed grade */
  grade: Grade;
  /** 暂缓定等: the grade held back (computedGrade pending, flag held) */
  hold: GradeHold | null;
  flags: Flag[];
  /** why this grade, in Chinese, in order (名次第1，但基本分78低于80分…) */
  reasons: string[];
}

/** A tie group pending at a band boundary and the places it holds, per band (docs/method.md §5.4). */
export interface TieHold {
  ids: string[];
  places: Partial<Record<BandKey, number>>;
}

/**
 * What the review meeting's decisions did to one band's quota (docs/method.md §5.4–§5.6):
 * the band ends over its quota (超出名额), or a place the method filled or held for a
 * tie is left empty (名额空出, nobody moves up by it). Only when decisions did it.
 */
export interface QuotaNote {
  band: BandKey;
  quota: number;
  /** secretaries holding the band after the decisions */
  count: number;
  /** places still held by tie groups with members not yet decided */
  held: number;
  /** count + held − quota when above it, else 0 */
  over: number;
  /** places filled or held before the decisions and left empty by them */
  freed: number;
  /** the decided secretaries who moved into the band (over) or out of it (freed) */
  decided: string[];
  /** 优秀 4 人，超出名额（3 人）1 人 · 良好 2 人，名额（3 人）空出 1 个，不由他人递补 */
  text: string;
}

export interface CategoryResult {
  key: string;
  label: string;
  size: number;
  quotas: Partial<Record<BandKey, number>>;
  smallCategory: boolean;
  /** keys of small categories merged into this one (mergeSmallCategories) */
  merged: string[];
  rows: ResultRow[];
  /** tie groups pending at a band boundary (boundaryTie: flag), with the places they hold */
  ties: TieHold[];
  /** bands that the decisions put over their quota or left with a place empty; [] when within */
  quotaNotes: QuotaNote[];
}

export interface AssessmentResult {
  policy: string;
  policyName: string;
  categories: CategoryResult[];
}

export type { BallotTally };
