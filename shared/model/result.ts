/** What the method computes: one row per secretary, grouped by category. */
import type { Rational } from '../exact/rational';
import type { BallotTally } from './ballots';
import type { BandKey, Flag, Grade } from './grades';
import type { Decision } from './scores';
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
  flags: Flag[];
  /** why this grade, in Chinese, in order (名次第1，但基本分78低于80分…) */
  reasons: string[];
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
}

export interface AssessmentResult {
  policy: string;
  policyName: string;
  categories: CategoryResult[];
}

export type { BallotTally };
