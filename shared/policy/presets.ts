/** Policy defaults (胶州, docs/method.md §5–§6) and the regional presets of §7. */
import { DEFAULT_GRADE_LABELS } from '../model/labels';
import type { PaperKind } from '../model/field';
import type { PlausibilitySettings } from '../model/plausibility';
import type { Policy } from '../model/policy';

/**
 * The thresholds of the plausibility warnings (docs/method.md §10), in the spirit of the
 * Kiesraad's Abacus (which warns at 3 % blank or invalid votes): generous enough that a
 * normal village box raises none.
 */
export const DEFAULT_PLAUSIBILITY: PlausibilitySettings = {
  invalidAbove: '0.05',
  abstainAbove: '0.05',
  unreturnedAbove: '0.1',
  turnoutMargin: '0.05',
  townSatisfactionGap: '0.2',
  categoryScoreGap: '20',
  identicalTallies: true,
};

/** 胶州市 "三定一诺双评" 实施细则 第十五条–第二十条. */
export const JIAOZHOU: Policy = {
  preset: 'jiaozhou',
  name: '胶州市“三定一诺双评”实施细则',
  bands: [
    { key: 'excellent', ratio: '0.3' },
    { key: 'good', ratio: '0.3' },
  ],
  labels: { ...DEFAULT_GRADE_LABELS },
  categoryDimensions: ['source', 'mode', 'rankClass'],
  minTurnout: '2/3',
  satisfactionDenominator: 'cast',
  incompetentAboveDissatisfaction: '1/3',
  basicBelowSatisfaction: '2/3',
  recallAboveDissatisfaction: '0.3',
  recallBlocksExcellent: false,
  rankOn: 'exact',
  tieBreak: ['orgScore', 'satisfaction'],
  quotaBase: 'all',
  quotaRounding: 'floor',
  excellentMinBaseScore: '80',
  ineligibleSlot: 'passDown',
  boundaryTie: 'flag',
  mergeSmallCategories: false,
  minPresence: null,
  amountRounding: 'floor',
  baseScoreScope: 'sectionsAB',
  communityRubric: 'same',
  // 第九条 任期目标备案表, 第十三条 履职承诺书, 第十四条 专项书面述职报告, 第十九条(一) 自查报告表
  requiredPapers: ['targets', 'pledge', 'report', 'selfCheck'],
  plausibility: { ...DEFAULT_PLAUSIBILITY },
};

/** 自贡市大安区: one category, 20% excellent, no good band, recall blocks excellent. */
export const DAAN: Policy = {
  ...JIAOZHOU,
  preset: 'daan',
  name: '大安区第一书记考核',
  bands: [{ key: 'excellent', ratio: '0.2' }],
  categoryDimensions: [],
  recallBlocksExcellent: true,
  // 任期承诺、民情日记 制度
  requiredPapers: ['pledge', 'diary'],
};

/** 头雁工程 村书记实绩考核: one category, 15% 好, labels 好/较好/一般/差. */
export const TOUYAN: Policy = {
  ...JIAOZHOU,
  preset: 'touyan',
  name: '“头雁”工程实绩考核',
  bands: [{ key: 'excellent', ratio: '0.15' }],
  categoryDimensions: [],
  labels: { ...DEFAULT_GRADE_LABELS, excellent: '好', competent: '较好', basic: '一般', incompetent: '差' },
  requiredPapers: [],
};

export const PRESETS = { jiaozhou: JIAOZHOU, daan: DAAN, touyan: TOUYAN } as const;
export type PresetName = keyof typeof PRESETS;

export const PRESET_LABELS: Record<PresetName, string> = {
  jiaozhou: '胶州（默认）',
  daan: '大安区',
  touyan: '头雁工程',
};

export function isPresetName(name: string): name is PresetName {
  return Object.hasOwn(PRESETS, name);
}

/** The policy's warning thresholds; the defaults for a policy saved before there were any. */
export function plausibilityOf(policy: Pick<Policy, 'plausibility'>): PlausibilitySettings {
  return policy.plausibility ?? DEFAULT_PLAUSIBILITY;
}

/** A fresh copy of a preset, safe to edit. */
export function presetPolicy(name: PresetName): Policy {
  return structuredClone(PRESETS[name]);
}

/** The papers a policy requires: its own setting, or its preset's when it was stored before the setting existed. */
export function requiredPapersOf(policy: Policy): readonly PaperKind[] {
  if (policy.requiredPapers) return policy.requiredPapers;
  return (isPresetName(policy.preset) ? PRESETS[policy.preset] : JIAOZHOU).requiredPapers ?? [];
}
