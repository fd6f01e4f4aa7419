import { describe, expect, it } from 'vitest';
import { formatInputError, type Policy } from '../model';
import { DAAN, DEFAULT_PLAUSIBILITY, JIAOZHOU, plausibilityOf, TOUYAN } from './presets';
import { parsePolicyJson, validatePolicy } from './validate';

const messages = (input: unknown) => {
  const checked = validatePolicy(input, 'policy.json');
  return checked.ok ? [] : checked.errors.map(formatInputError);
};

describe('policy files', () => {
  it('an empty object is the jiaozhou default; a preset name starts from that preset', () => {
    expect(validatePolicy({})).toEqual({ ok: true, value: JIAOZHOU });
    expect(validatePolicy({ preset: 'daan' })).toEqual({ ok: true, value: DAAN });
    expect(validatePolicy({ preset: 'touyan' })).toEqual({ ok: true, value: TOUYAN });
  });

  it('overrides settings and accepts ratios as numbers or fractions', () => {
    const checked = validatePolicy({ preset: 'custom', minPresence: '2/3', bands: [{ key: 'excellent', ratio: 0.2 }], quotaRounding: 'round' });
    expect(checked.ok && checked.value).toMatchObject({
      preset: 'custom',
      minPresence: '2/3',
      bands: [{ key: 'excellent', ratio: '0.2' }],
      quotaRounding: 'round',
    });
  });

  it.each([
    [{ colour: 'red' }, '“policy.json” “colour”列：未知的设置项“colour”'],
    [{ bands: [{ key: 'excellent', ratio: '1.3' }] }, '“policy.json” “bands[0].ratio”列：比例 1.3 超出 0 到 1 的范围'],
    [
      {
        bands: [
          { key: 'excellent', ratio: '0.6' },
          { key: 'good', ratio: '0.5' },
        ],
      },
      '“policy.json” “bands”列：各等次比例之和超过100%',
    ],
    [
      {
        bands: [
          { key: 'good', ratio: '0.3' },
          { key: 'excellent', ratio: '0.3' },
        ],
      },
      '“policy.json” “bands”列：等次顺序应为先优秀、后良好',
    ],
    [{ bands: [{ key: 'competent', ratio: '0.3' }] }, '“policy.json” “bands[0].key”列：等次“competent”不能按比例确定，可选 excellent、good'],
    [{ minTurnout: 'two thirds' }, '“policy.json” “minTurnout”列：“two thirds”不是有效的比例（如 0.3 或 2/3）'],
    [{ boundaryTie: 'coin' }, '“policy.json” “boundaryTie”列：取值“coin”无效，可选：flag、includeAll、excludeAll'],
    [{ tieBreak: ['orgScore', 'age'] }, '“policy.json” “tieBreak[1]”列：取值“age”无效，可选：orgScore、satisfaction、fewerDeductions、moreBonus'],
    [{ recallBlocksExcellent: 'yes' }, '“policy.json” “recallBlocksExcellent”列：应为 true 或 false'],
    [{ labels: { ...JIAOZHOU.labels, excellent: '' } }, '“policy.json” “labels.excellent”列：等次名称不能为空'],
    [{ preset: 'beijing' }, '“policy.json” “preset”列：未知的预设“beijing”，可选 jiaozhou、daan、touyan'],
    [{ plausibility: { invalidAbove: '1.5' } }, '“policy.json” “plausibility.invalidAbove”列：比例 1.5 超出 0 到 1 的范围'],
    [{ plausibility: { categoryScoreGap: '-3' } }, '“policy.json” “plausibility.categoryScoreGap”列：“-3”不是有效的分差（不小于0的数）'],
    [{ plausibility: { loud: true } }, '“policy.json” “plausibility.loud”列：未知的设置项“loud”'],
    [{ plausibility: { identicalTallies: 'yes' } }, '“policy.json” “plausibility.identicalTallies”列：应为 true 或 false'],
    [{ plausibility: 3 }, '“policy.json” “plausibility”列：合理性提示的设置应为对象，如 {"invalidAbove": "0.05"}'],
  ])('%j → %s', (input, message) => {
    expect(messages(input)).toContain(message);
  });

  it('plausibility thresholds: each may be tuned or turned off (null); the others keep the defaults', () => {
    const checked = validatePolicy({ plausibility: { invalidAbove: 0.1, townSatisfactionGap: null, categoryScoreGap: 15 } });
    expect(checked.ok && checked.value.plausibility).toEqual({
      ...DEFAULT_PLAUSIBILITY,
      invalidAbove: '0.1',
      townSatisfactionGap: null,
      categoryScoreGap: '15',
    });
    expect(JIAOZHOU.plausibility).toEqual(DEFAULT_PLAUSIBILITY);
  });

  it('a policy saved before the warnings existed reads the defaults', () => {
    const { plausibility: _, ...old } = JIAOZHOU;
    expect(plausibilityOf(old as unknown as Policy)).toEqual(DEFAULT_PLAUSIBILITY);
    expect(validatePolicy(old)).toEqual({ ok: true, value: JIAOZHOU });
  });

  it('reports every error at once', () => {
    expect(messages({ colour: 1, quotaRounding: 'up', minPresence: 2 })).toHaveLength(3);
  });

  it('a file that is not JSON gets one clear error', () => {
    expect(parsePolicyJson('{ bands: ', 'x.json')).toEqual({ ok: false, errors: [{ sheet: 'x.json', message: '不是有效的 JSON 文件' }] });
  });
});
