/** Chinese words for every policy setting and its choices (考核规则). */
import { DEFAULT_GRADE_LABELS, type PlausibilitySettings, type Policy } from '../model';

export const SETTING_LABELS: Record<keyof Policy, string> = {
  preset: '预设',
  name: '规则名称',
  bands: '等次比例',
  labels: '等次名称',
  categoryDimensions: '分类排名依据',
  minTurnout: '测评有效的最低参加比例',
  satisfactionDenominator: '满意率的分母',
  incompetentAboveDissatisfaction: '不满意率超过此值测评为不称职',
  basicBelowSatisfaction: '满意率低于此值测评为基本称职',
  recallAboveDissatisfaction: '不满意率超过此值召回（留空不启用）',
  recallBlocksExcellent: '召回的当年不得评为优秀',
  rankOn: '排名依据的总分',
  tieBreak: '总分相同时依次比较',
  quotaBase: '等次名额的计算人数',
  quotaRounding: '名额取整方式',
  excellentMinBaseScore: '优秀等次的最低基本分',
  ineligibleSlot: '不符合优秀条件者的名额',
  boundaryTie: '等次分界处并列',
  mergeSmallCategories: '人数过少的类别与相近职级合并排名',
  minPresence: '在村工作时间最低比例（留空不启用）',
  amountRounding: '金额奖分的计算',
  baseScoreScope: '基本分的范围',
  communityRubric: '社区第一书记的考评细则',
  requiredPapers: '每名第一书记须交的履职材料',
  plausibility: '合理性提示',
  consequences: '考核结果运用（奖惩意见）',
  unitRecalls: '派出单位一年内召回次数',
  term: '期满考核',
};

/** The thresholds of the plausibility warnings (docs/method.md §15), in words. */
export const PLAUSIBILITY_LABELS: Record<keyof PlausibilitySettings, string> = {
  invalidAbove: '废票占投票数超过此比例时提示',
  abstainAbove: '弃权占投票数超过此比例时提示',
  unreturnedAbove: '未收回的票占发出票数超过此比例时提示',
  turnoutMargin: '投票人数高出最低参加比例不足此值时提示',
  townSatisfactionGap: '满意度与本镇街其他村相差超过此值时提示',
  categoryScoreGap: '得分与本类别其他人平均分相差超过此分数时提示',
  categoryScoreSpread: '且相差超过本类别其他人得分标准差的此倍数时提示',
  identicalTallies: '两名书记计票完全相同时提示',
};

export const CHOICE_LABELS: {
  [K in keyof Policy]?: Record<Extract<Policy[K], string>, string>;
} = {
  satisfactionDenominator: { cast: '投票数（含废票、弃权）', valid: '有效票数' },
  rankOn: { exact: '精确值', rounded2: '保留两位小数后的值' },
  quotaBase: { all: '类别全部人数', ranked: '参加排名定档的人数' },
  quotaRounding: { floor: '向下取整（不超过比例）', round: '四舍五入', ceil: '向上取整' },
  ineligibleSlot: { passDown: '由下一名递补', forfeit: '名额作废' },
  boundaryTie: { flag: '待部长办公会确定', includeAll: '全部进入该等次', excludeAll: '全部不进入该等次' },
  amountRounding: { floor: '按整数单位计分', proportional: '按比例计分' },
  baseScoreScope: { sectionsAB: '第一、二部分全部得分（含奖扣分）', baseItemsOnly: '仅基本项目得分' },
  communityRubric: { same: '参照村考评细则', own: '使用社区考评细则' },
};

export const TIE_BREAK_WORDS = {
  orgScore: '组织工作目标考评得分高者在前',
  satisfaction: '满意率高者在前',
  fewerDeductions: '扣分少者在前',
  moreBonus: '奖分多者在前',
} as const;

export const BAND_WORDS = { excellent: DEFAULT_GRADE_LABELS.excellent, good: DEFAULT_GRADE_LABELS.good } as const;

const GRADE_WORDS: Record<string, string> = DEFAULT_GRADE_LABELS;

/** A policy key path in words: "bands[0].ratio" → "等次比例 第1项 比例". */
export function describeSetting(path: string): string {
  const [head = '', ...rest] = path.split('.');
  const m = /^(\w+)(?:\[(\d+)\])?$/.exec(head);
  const key = (m?.[1] ?? head) as keyof Policy;
  const parts = [SETTING_LABELS[key] ?? head];
  if (m?.[2] !== undefined) parts.push(`第${Number(m[2]) + 1}项`);
  for (const r of rest)
    parts.push(r === 'ratio' ? '比例' : r === 'key' ? '等次' : (GRADE_WORDS[r] ?? PLAUSIBILITY_LABELS[r as keyof PlausibilitySettings] ?? r));
  return parts.join(' ');
}

/** Errors of a policy with their settings named in words, for an ErrorTable. */
export function inWords<E extends { column?: string }>(errors: readonly E[]): E[] {
  return errors.map((e) => (e.column ? { ...e, column: describeSetting(e.column) } : e));
}

/** The words of the consequences and the 期满考核 rule in the policy editor (docs/method.md §11–§12). */
export const AFTERMATH_WORDS = {
  recall: '召回',
  kind: { reward: '奖励', sanction: '惩戒' },
  text: '处理意见',
  years: '期限',
  thisYear: '当年',
  yearsN: (n: number) => `${n}年内`,
  blocksExcellent: '期限内不得评为优秀',
  cadreFile: '记入干部档案',
  mode: '适用',
  modeAll: '全部',
  add: '添加一条',
  remove: '删除',
  none: '（无）',
  termYears: { fulltime: '脱产驻村任期（年）', parttime: '非脱产联村任期（年）' },
  failIfAnyYear: '任期内有以下年度等次的，期满考核不合格',
  failOnRecall: '任期内被召回的，期满考核不合格',
  excellentMinShare: '年度考核优秀不少于此比例的可评为优秀（留空：不评优秀）',
  evaluation: { required: '须录入期满评价后才能确定结果', optional: '未录入期满评价时按年度考核结果确定' },
} as const;
