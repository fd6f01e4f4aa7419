/** Loads a policy JSON object and checks every setting, all errors at once, in Chinese. */
import { gt, lt, parseRational, sum, ONE, ZERO, type Rational } from '../exact/rational';
import type { Checked, InputError } from '../model/errors';
import { PAPER_KINDS } from '../model/field';
import { BAND_KEYS, GRADES, type BandKey } from '../model/grades';
import type { PlausibilitySettings } from '../model/plausibility';
import { CONSEQUENCE_TRIGGERS, TERM_GRADES, TIE_BREAKS, type Policy } from '../model/policy';
import { MODES, type CategoryDimension } from '../model/secretary';
import { DEFAULT_PLAUSIBILITY, isPresetName, presetPolicy } from './presets';

const DIMENSIONS: readonly CategoryDimension[] = ['source', 'mode', 'rankClass', 'postType'];

const ENUMS: Partial<Record<keyof Policy, readonly string[]>> = {
  satisfactionDenominator: ['cast', 'valid'],
  rankOn: ['exact', 'rounded2'],
  quotaBase: ['all', 'ranked'],
  quotaRounding: ['floor', 'round', 'ceil'],
  ineligibleSlot: ['passDown', 'forfeit'],
  boundaryTie: ['flag', 'includeAll', 'excludeAll'],
  amountRounding: ['floor', 'proportional'],
  baseScoreScope: ['sectionsAB', 'baseItemsOnly'],
  communityRubric: ['same', 'own'],
};
const BOOLEANS: (keyof Policy)[] = ['recallBlocksExcellent', 'mergeSmallCategories'];
/** ratios in [0, 1]; the nullable ones turn a rule off with null */
const RATIOS: (keyof Policy)[] = ['minTurnout', 'incompetentAboveDissatisfaction', 'basicBelowSatisfaction'];
const NULLABLE_RATIOS: (keyof Policy)[] = ['recallAboveDissatisfaction', 'minPresence'];

function ratioOf(value: unknown): Rational | null {
  if (typeof value === 'number' && Number.isFinite(value)) return parseRational(String(value));
  if (typeof value === 'string') return parseRational(value);
  return null;
}

const asText = (value: unknown): string => (typeof value === 'number' ? String(value) : (value as string));

/**
 * Validates a policy object (parsed JSON). It may name a `preset` to start from
 * (default jiaozhou) and override any setting; unknown keys are errors.
 */
export function validatePolicy(input: unknown, file = '考核规则'): Checked<Policy> {
  const errors: InputError[] = [];
  const fail = (column: string, message: string) => errors.push({ sheet: file, column, message });
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, errors: [{ sheet: file, message: '考核规则应为一个 JSON 对象' }] };
  }
  const raw = input as Record<string, unknown>;
  const presetName = raw.preset === undefined || raw.preset === 'custom' ? 'jiaozhou' : raw.preset;
  if (typeof presetName !== 'string' || !isPresetName(presetName)) {
    fail('preset', `未知的预设“${String(raw.preset)}”，可选 jiaozhou、daan、touyan`);
    return { ok: false, errors };
  }
  const policy = presetPolicy(presetName) as unknown as Record<string, unknown>;
  if (raw.preset === 'custom') policy.preset = 'custom';

  for (const [key, value] of Object.entries(raw)) {
    if (key === 'preset') continue;
    if (key === 'plausibility') {
      // thresholds given one by one; those not given keep the preset's
      policy[key] = isObject(value) ? { ...(policy[key] as object), ...value } : value;
      continue;
    }
    if (!Object.hasOwn(policy, key)) {
      fail(key, `未知的设置项“${key}”`);
      continue;
    }
    // the term rule may be given in part: the rest is the preset's
    policy[key] = key === 'term' && isObject(value) && isObject(policy.term) ? { ...policy.term, ...value } : value;
  }

  const p = policy as unknown as Policy;
  if (typeof p.name !== 'string' || p.name.trim() === '') fail('name', '规则名称不能为空');

  for (const [key, allowed] of Object.entries(ENUMS)) {
    const value = policy[key];
    if (typeof value !== 'string' || !allowed.includes(value)) {
      fail(key, `取值“${String(value)}”无效，可选：${allowed.join('、')}`);
    }
  }
  for (const key of BOOLEANS) {
    if (typeof policy[key] !== 'boolean') fail(key, '应为 true 或 false');
  }
  /** a ratio in [0, 1], kept as text; null (with an error) otherwise */
  const checkRatio = (key: string, value: unknown): Rational | null => {
    const ratio = ratioOf(value);
    if (!ratio) fail(key, `“${String(value)}”不是有效的比例（如 0.3 或 2/3）`);
    else if (lt(ratio, ZERO) || gt(ratio, ONE)) fail(key, `比例 ${asText(value)} 超出 0 到 1 的范围`);
    else return ratio;
    return null;
  };
  for (const key of RATIOS) if (checkRatio(key, policy[key])) policy[key] = asText(policy[key]);
  for (const key of NULLABLE_RATIOS) if (policy[key] !== null && checkRatio(key, policy[key])) policy[key] = asText(policy[key]);

  const minBase = ratioOf(policy.excellentMinBaseScore);
  if (!minBase) fail('excellentMinBaseScore', `“${String(policy.excellentMinBaseScore)}”不是有效的分数`);
  else policy.excellentMinBaseScore = asText(policy.excellentMinBaseScore);

  checkBands(p, fail, checkRatio);
  checkPlausibility(policy, fail, checkRatio);
  checkLabels(p, fail);
  checkList(p.categoryDimensions, DIMENSIONS, 'categoryDimensions', fail);
  checkList(p.tieBreak, TIE_BREAKS, 'tieBreak', fail);
  checkList(p.requiredPapers, PAPER_KINDS, 'requiredPapers', fail);
  checkConsequences(p, fail);
  checkUnitRecalls(p, fail);
  checkTerm(p, fail, checkRatio);

  return errors.length ? { ok: false, errors } : { ok: true, value: p };
}

type Fail = (column: string, message: string) => void;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** ratios of the plausibility warnings (null: off); the score gap is in points */
const WARNING_RATIOS = ['invalidAbove', 'abstainAbove', 'unreturnedAbove', 'turnoutMargin', 'townSatisfactionGap'] as const;

function checkPlausibility(policy: Record<string, unknown>, fail: Fail, checkRatio: (key: string, value: unknown) => Rational | null): void {
  const value = policy.plausibility;
  if (!isObject(value)) return fail('plausibility', '合理性提示的设置应为对象，如 {"invalidAbove": "0.05"}');
  for (const key of Object.keys(value)) {
    if (!Object.hasOwn(DEFAULT_PLAUSIBILITY, key)) fail(`plausibility.${key}`, `未知的设置项“${key}”`);
  }
  for (const key of WARNING_RATIOS) {
    if (value[key] !== null && checkRatio(`plausibility.${key}`, value[key])) value[key] = asText(value[key]);
  }
  const gap = value.categoryScoreGap;
  if (gap !== null) {
    const points = ratioOf(gap);
    if (!points || lt(points, ZERO)) fail('plausibility.categoryScoreGap', `“${String(gap)}”不是有效的分差（不小于0的数）`);
    else value.categoryScoreGap = asText(gap);
  }
  const spread = value.categoryScoreSpread;
  if (spread !== null && spread !== undefined) {
    const times = ratioOf(spread);
    if (!times || lt(times, ZERO)) fail('plausibility.categoryScoreSpread', `“${String(spread)}”不是有效的倍数（不小于0的数）`);
    else value.categoryScoreSpread = asText(spread);
  }
  if (typeof value.identicalTallies !== 'boolean') fail('plausibility.identicalTallies', '应为 true 或 false');
  policy.plausibility = value as unknown as PlausibilitySettings;
}

const CONSEQUENCE_KEYS = ['text', 'kind', 'years', 'blocksExcellent', 'cadreFile', 'mode'];

/** consequences: {grade or recall: [{text, kind, years, blocksExcellent, cadreFile, mode?}]} (docs/method.md §11) */
function checkConsequences(p: Policy, fail: Fail): void {
  const value: unknown = p.consequences;
  if (!isObject(value)) return fail('consequences', '应为对象，如 {"incompetent": [{"text": "两年内不得提拔重用", …}]}');
  for (const [trigger, list] of Object.entries(value)) {
    const at = `consequences.${trigger}`;
    if (!(CONSEQUENCE_TRIGGERS as readonly string[]).includes(trigger)) {
      fail(at, `未知的等次或事项“${trigger}”，可选：${CONSEQUENCE_TRIGGERS.join('、')}`);
      continue;
    }
    if (!Array.isArray(list)) {
      fail(at, '应为列表');
      continue;
    }
    list.forEach((c: unknown, i) => {
      const key = `${at}[${i}]`;
      if (!isObject(c)) return fail(key, '应为 {"text": …, "kind": …, "years": …, "blocksExcellent": …, "cadreFile": …}');
      const extra = Object.keys(c).filter((k) => !CONSEQUENCE_KEYS.includes(k));
      if (extra.length) fail(key, `未知的设置项“${extra.join('、')}”`);
      if (typeof c.text !== 'string' || c.text.trim() === '') fail(`${key}.text`, '处理意见不能为空');
      if (c.kind !== 'reward' && c.kind !== 'sanction') fail(`${key}.kind`, `取值“${String(c.kind)}”无效，可选：reward（奖励）、sanction（惩戒）`);
      if (typeof c.years !== 'number' || !Number.isInteger(c.years) || c.years < 0 || c.years > 10) fail(`${key}.years`, '期限应为0（当年）到10之间的整数年');
      if (typeof c.blocksExcellent !== 'boolean') fail(`${key}.blocksExcellent`, '应为 true 或 false');
      if (typeof c.cadreFile !== 'boolean') fail(`${key}.cadreFile`, '应为 true 或 false');
      if (c.mode !== undefined && !(MODES as readonly unknown[]).includes(c.mode))
        fail(`${key}.mode`, `取值“${String(c.mode)}”无效，可选：${MODES.join('、')}`);
    });
  }
}

function checkUnitRecalls(p: Policy, fail: Fail): void {
  const value: unknown = p.unitRecalls;
  if (value === null) return;
  if (!isObject(value)) return fail('unitRecalls', '应为 {"atLeast": 2, "text": …} 或 null（不启用）');
  const extra = Object.keys(value).filter((k) => k !== 'atLeast' && k !== 'text');
  if (extra.length) fail('unitRecalls', `未知的设置项“${extra.join('、')}”`);
  if (typeof value.atLeast !== 'number' || !Number.isInteger(value.atLeast) || value.atLeast < 1) fail('unitRecalls.atLeast', '应为不小于1的整数');
  if (typeof value.text !== 'string' || value.text.trim() === '') fail('unitRecalls.text', '处理意见不能为空');
}

const TERM_KEYS = ['years', 'labels', 'failIfAnyYear', 'failOnRecall', 'excellentMinShare', 'evaluation'];

/** term: the 期满考核's rule (docs/method.md §12). */
function checkTerm(p: Policy, fail: Fail, checkRatio: (key: string, value: unknown) => Rational | null): void {
  const t: unknown = p.term;
  if (!isObject(t)) return fail('term', '应为对象');
  const extra = Object.keys(t).filter((k) => !TERM_KEYS.includes(k));
  if (extra.length) fail('term', `未知的设置项“${extra.join('、')}”`);
  if (
    !isObject(t.years) ||
    !MODES.every((m) => Number.isInteger((t.years as Record<string, unknown>)[m]) && ((t.years as Record<string, number>)[m] ?? 0) >= 1)
  ) {
    fail('term.years', '任期年限应为 {"fulltime": 1, "parttime": 2} 这样的正整数');
  } else if (Object.keys(t.years).some((k) => !(MODES as readonly string[]).includes(k))) fail('term.years', `可选：${MODES.join('、')}`);
  if (!isObject(t.labels)) fail('term.labels', '等次名称应为对象');
  else {
    for (const key of Object.keys(t.labels)) if (!(TERM_GRADES as readonly string[]).includes(key)) fail(`term.labels.${key}`, `未知的等次“${key}”`);
    for (const g of TERM_GRADES) {
      const label = t.labels[g];
      if (typeof label !== 'string' || label.trim() === '') fail(`term.labels.${g}`, '等次名称不能为空');
    }
  }
  checkList(t.failIfAnyYear, GRADES, 'term.failIfAnyYear', fail);
  if (typeof t.failOnRecall !== 'boolean') fail('term.failOnRecall', '应为 true 或 false');
  if (t.excellentMinShare !== null && checkRatio('term.excellentMinShare', t.excellentMinShare)) t.excellentMinShare = asText(t.excellentMinShare);
  if (t.evaluation !== 'required' && t.evaluation !== 'optional') fail('term.evaluation', `取值“${String(t.evaluation)}”无效，可选：required、optional`);
}

function checkBands(p: Policy, fail: Fail, checkRatio: (key: string, value: unknown) => Rational | null): void {
  if (!Array.isArray(p.bands)) {
    fail('bands', '等次比例应为列表，如 [{"key":"excellent","ratio":"0.3"}]');
    return;
  }
  const seen: BandKey[] = [];
  const ratios: Rational[] = [];
  p.bands.forEach((band, i) => {
    const key = `bands[${i}]`;
    if (typeof band !== 'object' || band === null) return fail(key, '应为 {"key": …, "ratio": …}');
    const extra = Object.keys(band).filter((k) => k !== 'key' && k !== 'ratio');
    if (extra.length) fail(key, `未知的设置项“${extra.join('、')}”`);
    if (!(BAND_KEYS as readonly string[]).includes(band.key)) {
      return fail(`${key}.key`, `等次“${String(band.key)}”不能按比例确定，可选 excellent、good`);
    }
    if (seen.includes(band.key)) return fail(`${key}.key`, `等次“${band.key}”重复`);
    seen.push(band.key);
    const ratio = checkRatio(`${key}.ratio`, band.ratio);
    if (ratio) {
      band.ratio = asText(band.ratio);
      ratios.push(ratio);
    }
  });
  if (seen.length === 2 && seen[0] !== 'excellent') fail('bands', '等次顺序应为先优秀、后良好');
  if (gt(sum(ratios), ONE)) fail('bands', '各等次比例之和超过100%');
}

function checkLabels(p: Policy, fail: Fail): void {
  if (typeof p.labels !== 'object' || p.labels === null) return fail('labels', '等次名称应为对象');
  for (const key of Object.keys(p.labels)) {
    if (!(GRADES as readonly string[]).includes(key)) fail(`labels.${key}`, `未知的等次“${key}”`);
  }
  for (const grade of GRADES) {
    const label = p.labels[grade];
    if (typeof label !== 'string' || label.trim() === '') fail(`labels.${grade}`, '等次名称不能为空');
  }
}

function checkList(value: unknown, allowed: readonly string[], key: string, fail: Fail): void {
  if (!Array.isArray(value)) return fail(key, `应为列表，可选：${allowed.join('、')}`);
  value.forEach((v, i) => {
    if (!allowed.includes(v)) fail(`${key}[${i}]`, `取值“${String(v)}”无效，可选：${allowed.join('、')}`);
  });
  if (new Set(value).size !== value.length) fail(key, '列表中有重复项');
}

/** Reads policy JSON text (a file's content). */
export function parsePolicyJson(text: string, file = '考核规则'): Checked<Policy> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ sheet: file, message: '不是有效的 JSON 文件' }] };
  }
  return validatePolicy(parsed, file);
}
