/** 考核规则: every setting of docs/method.md §6. Ratios are exact text ("0.3", "2/3"). */
import type { BandKey, Grade } from './grades';
import type { PaperKind } from './field';
import type { PlausibilitySettings } from './plausibility';
import type { CategoryDimension } from './secretary';

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
   * The papers each secretary must hand in before 定稿 (docs/method.md §10.3); absent in
   * a policy stored before the setting existed: the preset's (requiredPapersOf).
   */
  requiredPapers?: PaperKind[];
  /**
   * thresholds of the plausibility warnings (docs/method.md §10); a policy saved before
   * they existed has none and reads the defaults (`plausibilityOf`)
   */
  plausibility?: PlausibilitySettings;
}
