/** 考核规则: every setting of docs/method.md §6 and §11–§12. Ratios are exact text ("0.3", "2/3"). */
import type { BandKey, Grade } from './grades';
import type { PaperKind } from './field';
import type { PlausibilitySettings } from './plausibility';
import type { CategoryDimension, Mode } from './secretary';

export interface Band {
  key: BandKey;
  /** share of the category, exact decimal or fraction text */
  ratio: string;
}

export const TIE_BREAKS = ['orgScore', 'satisfaction', 'fewerDeductions', 'moreBonus'] as const;
export type TieBreak = (typeof TIE_BREAKS)[number];

export interface Policy {
  /** the preset it starts from, or "custom" */
  preset: string;
  /** shown on every result: which policy produced it */
  name: string;
  bands: Band[];
  labels: Record<Grade, string>;
  categoryDimensions: CategoryDimension[];
  /** turnout rule: cast ≥ minTurnout × eligibleVoters (第十七条 2/3) */
  minTurnout: string;
  satisfactionDenominator: 'cast' | 'valid';
  incompetentAboveDissatisfaction: string;
  basicBelowSatisfaction: string;
  recallAboveDissatisfaction: string | null;
  recallBlocksExcellent: boolean;
  rankOn: 'exact' | 'rounded2';
  tieBreak: TieBreak[];
  quotaBase: 'all' | 'ranked';
  quotaRounding: 'floor' | 'round' | 'ceil';
  excellentMinBaseScore: string;
  ineligibleSlot: 'passDown' | 'forfeit';
  boundaryTie: 'flag' | 'includeAll' | 'excludeAll';
  mergeSmallCategories: boolean;
  minPresence: string | null;
  amountRounding: 'floor' | 'proportional';
  baseScoreScope: 'sectionsAB' | 'baseItemsOnly';
  /** 社区 secretaries: the village rubric (第十八条 参照执行) or a rubric of their own */
  communityRubric: 'same' | 'own';
  /**
   * The papers each secretary must hand in before 定稿 (docs/method.md §14.3); absent in
   * a policy stored before the setting existed: the preset's (requiredPapersOf).
   */
  requiredPapers?: PaperKind[];
  /**
   * thresholds of the plausibility warnings (docs/method.md §15); a policy saved before
   * they existed has none and reads the defaults (`plausibilityOf`)
   */
  plausibility?: PlausibilitySettings;
  /** each grade's and a recall's consequences (docs/method.md §11) */
  consequences: PolicyAftermath['consequences'];
  /** seed 000: recalls per 派出单位 in one year; null: off */
  unitRecalls: PolicyAftermath['unitRecalls'];
  /** the 期满考核 (docs/method.md §12) */
  term: PolicyAftermath['term'];
}

/** What a consequence follows: a year's grade, or a recall (召回). */
export const CONSEQUENCE_TRIGGERS = ['excellent', 'good', 'competent', 'basic', 'incompetent', 'recall'] as const;
export type ConsequenceTrigger = (typeof CONSEQUENCE_TRIGGERS)[number];

/**
 * One consequence of a grade or a recall (docs/method.md §11): the 奖惩意见 in the
 * seeds' words, how long it lasts, whether it keeps the secretary from 优秀 while it
 * lasts, and whether it goes into the cadre file.
 */
export interface Consequence {
  /** 两年内不得提拔重用 · 由市委授予“优秀第一书记”称号 */
  text: string;
  /** 奖励 or 惩戒, for the 奖惩意见 and the 报市委审批 summary */
  kind: 'reward' | 'sanction';
  /** 0: the year it takes effect (当年); n: n years from the day it takes effect */
  years: number;
  /** while in force the secretary may not be 优秀 (docs/method.md §5.3) */
  blocksExcellent: boolean;
  /** recorded in the cadre file (干部档案) */
  cadreFile: boolean;
  /** only for secretaries of this 驻村方式 (001 第二十条: 脱产驻村的“优秀第一书记”…) */
  mode?: Mode;
}

/** Seed 000: a 派出单位 whose secretaries are recalled this often in one year is flagged. */
export interface UnitRecallRule {
  atLeast: number;
  /** what follows for the unit, in the seed's words */
  text: string;
}

/** Grades of the term-end assessment (期满考核). */
export const TERM_GRADES = ['excellent', 'pass', 'fail', 'pending'] as const;
export type TermGrade = (typeof TERM_GRADES)[number];

/** The 期满考核's rule (docs/method.md §12). */
export interface TermRule {
  /** 任期: years per 驻村方式, to propose a term's end from its start (胶州 第四条: 脱产 1, 非脱产 2) */
  years: Record<Mode, number>;
  labels: Record<TermGrade, string>;
  /** any year of the term with one of these grades → 不合格 */
  failIfAnyYear: Grade[];
  /** a recall during the term → 不合格 */
  failOnRecall: boolean;
  /** 优秀 when at least this share of the term's years is 优秀 (and none below 称职, and the evaluation, if any, 优秀); null: no 优秀 */
  excellentMinShare: string | null;
  /** the term-end evaluation (期满评价): needed for a result, or taken when there is one */
  evaluation: 'required' | 'optional';
}

/** What follows the grades: consequences, the 派出单位 rule and the 期满考核. */
export interface PolicyAftermath {
  consequences: Partial<Record<ConsequenceTrigger, Consequence[]>>;
  unitRecalls: UnitRecallRule | null;
  term: TermRule;
}
