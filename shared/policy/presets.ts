/** Policy defaults (胶州, docs/method.md §5–§6) and the regional presets of §7. */
import { DEFAULT_GRADE_LABELS } from '../model/labels';
import type { PaperKind } from '../model/field';
import type { PlausibilitySettings } from '../model/plausibility';
import type { Consequence, Policy, PolicyAftermath, TermRule } from '../model/policy';

const reward = (text: string, extra: Partial<Consequence> = {}): Consequence => ({
  text,
  kind: 'reward',
  years: 0,
  blocksExcellent: false,
  cadreFile: false,
  ...extra,
});
const sanction = (text: string, extra: Partial<Consequence> = {}): Consequence => ({
  text,
  kind: 'sanction',
  years: 0,
  blocksExcellent: false,
  cadreFile: true,
  ...extra,
});

/** Seed 000 (大安区): 被“召回”人员当年不得评先评优，是递进培养对象和后备干部的取消资格，两年内不得提拔. */
const RECALL_000: Consequence[] = [
  sanction('当年不得评先评优', { blocksExcellent: true }),
  sanction('是递进培养对象和后备干部的取消资格'),
  sanction('两年内不得提拔', { years: 2 }),
];

/** Seed 000: 一年内连续两次召回第一书记的，扣减派出单位目标绩效综合考评分值，单位主要负责人当年年度考核不得评为“优秀”等次. */
const UNIT_RECALLS_000 = { atLeast: 2, text: '扣减派出单位目标绩效综合考评分值，单位主要负责人当年年度考核不得评为“优秀”等次' };

/** The 期满考核 where no seed gives a rule: any 不称职 year or a recall fails the term (docs/method.md §12). */
const TERM_DEFAULT: TermRule = {
  years: { fulltime: 2, parttime: 2 },
  labels: { excellent: '优秀', pass: '合格', fail: '不合格', pending: '待定' },
  failIfAnyYear: ['incompetent'],
  failOnRecall: true,
  excellentMinShare: '1/2',
  evaluation: 'optional',
};

/** 胶州 第二十条 (考核结果的使用) and 第四条 (任期: 脱产驻村一年，非脱产联村两年). */
const JIAOZHOU_AFTERMATH: PolicyAftermath = {
  consequences: {
    excellent: [
      reward('由市委授予“优秀第一书记”称号', { cadreFile: true }),
      reward('优先推荐为各级优秀共产党员、优秀党务工作者、先进工作者和劳动模范'),
      reward('不占单位名额直接确定为机关事业单位年度考核优秀等次', { mode: 'fulltime', cadreFile: true }),
      reward('优先确定为机关事业单位年度考核优秀等次', { mode: 'parttime' }),
      reward('优先提拔重用'),
    ],
    basic: [sanction('由所在单位主要负责同志予以诫勉谈话，责其限期整改')],
    incompetent: [
      sanction('由市委组织部予以诫勉谈话'),
      sanction('调整出“第一书记”队伍'),
      sanction('取消年度评优资格', { blocksExcellent: true }),
      sanction('两年内不得提拔重用', { years: 2 }),
    ],
    recall: RECALL_000,
  },
  unitRecalls: UNIT_RECALLS_000,
  term: { ...TERM_DEFAULT, years: { fulltime: 1, parttime: 2 } },
};

/**
 * The thresholds of the plausibility warnings (docs/method.md §15), in the spirit of the
 * Kiesraad's Abacus (which warns at 3 % blank or invalid votes): generous enough that a
 * normal village box raises none.
 */
export const DEFAULT_PLAUSIBILITY: PlausibilitySettings = {
  invalidAbove: '0.05',
  abstainAbove: '0.05',
  unreturnedAbove: '0.1',
  turnoutMargin: '0.02',
  townSatisfactionGap: '0.2',
  categoryScoreGap: '10',
  categoryScoreSpread: '3',
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
  ...JIAOZHOU_AFTERMATH,
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
  // 000: 第一书记年度考核评为“优秀”等次的，目标奖执行所在单位同职级人员的最高档次… 任期一般为2年
  consequences: {
    ...JIAOZHOU_AFTERMATH.consequences,
    excellent: [
      reward('目标奖执行所在单位同职级人员的最高档次'),
      reward('是区级以下机关公务员的，晋升职级年限条件按规定缩短半年', { cadreFile: true }),
      reward('事业单位第一书记优先提档晋级'),
    ],
  },
  term: TERM_DEFAULT,
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
  // 004: 考核等次为“好”和“较好”的，发放绩效奖励…为“一般”和“差”的，不发放绩效奖励；不称职的…原则上应予以调整
  consequences: {
    ...JIAOZHOU_AFTERMATH.consequences,
    excellent: [reward('发放绩效奖励'), reward('与专项招录（选拔）、评先评优直接挂钩', { cadreFile: true })],
    competent: [reward('发放绩效奖励')],
    basic: [sanction('不发放绩效奖励', { cadreFile: false })],
    incompetent: [sanction('不发放绩效奖励', { cadreFile: false }), sanction('原则上应予以调整')],
  },
  unitRecalls: null,
  term: TERM_DEFAULT,
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
  // a setting added later (categoryScoreSpread) is absent from a policy saved before it: the default
  return policy.plausibility ? { ...DEFAULT_PLAUSIBILITY, ...policy.plausibility } : DEFAULT_PLAUSIBILITY;
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
