import { describe, expect, it } from 'vitest';
import { matchBool, matchEnum, MODE_ENUM, RANK_CLASS_ENUM, SOURCE_ENUM, EVENT_KIND_ENUM, BALLOT_OPTION_ENUM } from './enums';
import { headerKey, normalizeText } from './normalize';

describe('normalising what people type', () => {
  it.each([
    ['  编号* ', '编号'],
    ['１２３', '123'],
    ['（街道）', '(街道)'],
    ['ＡＢｃ', 'ABc'],
    ['应参加人数　*', '应参加人数'],
    ['擅自担保，造成影响', '擅自担保，造成影响'],
  ])('%j → %j', (raw, clean) => expect(normalizeText(raw)).toBe(clean));

  it('compares headers without case or inner spaces', () => {
    expect(headerKey(' Eligible Voters ')).toBe(headerKey('eligiblevoters'));
  });

  it.each([
    [SOURCE_ENUM, '市直部门（单位）', 'city'],
    [SOURCE_ENUM, '市直', 'city'],
    [SOURCE_ENUM, 'city', 'city'],
    [SOURCE_ENUM, '镇(街道)', 'town'],
    [SOURCE_ENUM, '镇街', 'town'],
    [MODE_ENUM, '脱产', 'fulltime'],
    [MODE_ENUM, '非脱产联村', 'parttime'],
    [MODE_ENUM, 'PartTime', 'parttime'],
    [RANK_CLASS_ENUM, '非党政正职领导', 'leader'],
    [RANK_CLASS_ENUM, '正股级', 'section'],
    [RANK_CLASS_ENUM, '副股级及以下干部', 'junior'],
    [RANK_CLASS_ENUM, '副股级及以下', 'junior'],
    [EVENT_KIND_ENUM, '违反“六严禁”', 'breach'],
    [EVENT_KIND_ENUM, 'lateReport', 'lateReport'],
    [BALLOT_OPTION_ENUM, '废票', 'invalid'],
  ] as const)('%#: %s accepts %j', (e, text, key) => expect(matchEnum(e as never, text)).toBe(key));

  it('rejects an unknown enumeration value', () => {
    expect(matchEnum(SOURCE_ENUM, '省直')).toBeNull();
  });

  it.each(['是', '√', '有', '1', 'true', 'YES'])('%s is true', (t) => expect(matchBool(t)).toBe(true));
  it.each(['否', '×', '无', '0', 'false', 'no'])('%s is false', (t) => expect(matchBool(t)).toBe(false));
  it('other words are not booleans', () => expect(matchBool('也许')).toBeNull());
});
