/** Org score and base score from rubric inputs (docs/method.md §2). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../exact/rational';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { RATINGS } from '../model';
import { checkInputValue, rubricScorer, scoreSecretary } from './score';
import { policyWith, secretary } from './testing';
import type { Rubric, RubricInput } from '../model';

const policy = policyWith({});
const score = (inputs: Record<string, string>, s = secretary('X'), p = policy) => scoreSecretary(JIAOZHOU_RUBRIC, inputs, s, p);
const item = (inputs: Record<string, string>, code: string, s = secretary('X'), p = policy) =>
  toDecimal(score(inputs, s, p).items.find((i) => i.code === code)!.value);

/** everything of the base rubric done, nothing extra */
const complete = { 'A1.2': '1', 'A2.1': '1', 'A2.2': '1', 'B1.1': '4', 'B1.2': '1', 'B4.1': '5', 'B4.2': '3' };

describe('the default rubric (第十六条)', () => {
  it('lists every input code of docs/method.md §2 once', () => {
    const codes = JIAOZHOU_RUBRIC.sections.flatMap((s) => s.groups.flatMap((g) => g.items.flatMap((i) => i.inputs.map((x) => x.code))));
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes).toEqual(expect.arrayContaining(['A1.1a', 'A1.1b', 'A3.2', 'B5.1a', 'B5.1b', 'B6.1b', 'C3a', 'C3d', 'C4']));
    expect(codes).toHaveLength(37);
  });

  it('a secretary who did everything of the base rubric scores 100, base 100', () => {
    const s = score(complete);
    expect(toDecimal(s.orgScore)).toBe('100');
    expect(toDecimal(s.baseScore)).toBe('100');
    expect(toDecimal(s.sections.A!)).toBe('60');
    expect(toDecimal(s.sections.B!)).toBe('40');
  });

  it('with no inputs at all only the base items with a starting value count', () => {
    expect(toDecimal(score({}).orgScore)).toBe('59');
  });

  it.each([
    [{ 'A1.1a': '1' }, 'A1.1', '5'],
    [{ 'A1.1a': '1', 'A1.1b': '5' }, 'A1.1', '0'],
    [{ 'A1.1b': '2.5' }, 'A1.1', '7.5'],
    [{ 'A3.1': '4' }, 'A3.1', '0'],
    [{ 'A3.2': '3' }, 'A3.2', '7'],
    [{ 'B3.1': '5' }, 'B3.1', '0'],
    [{ 'B5.1a': '1', 'B5.1b': '1' }, 'B5.1', '3'],
    [{ 'B5.1a': '2', 'B5.1b': '1' }, 'B5.1', '0'],
    [{ 'A1.3': '3' }, 'A1.3', '15'],
    [{ 'B6.1a': '1', 'B6.1b': '1' }, 'B6.1', '-15'],
    [{ C3a: '1', C3c: '2' }, 'C3', '80'],
    [{ 'A4.2': '25000' }, 'A4.2', '10'],
    [{ C1: '9999' }, 'C1', '0'],
    [{ C2: '30000' }, 'C2', '6'],
  ])('inputs %j → %s = %s (clamped)', (inputs, code, value) => {
    expect(item(inputs, code)).toBe(value);
  });

  it('amountRounding proportional counts part units', () => {
    expect(item({ 'A4.2': '25000' }, 'A4.2', secretary('X'), policyWith({ amountRounding: 'proportional' }))).toBe('12.5');
  });

  it.each([
    ['C', 'B', '10'],
    ['D', 'A', '30'],
    ['A', 'C', '-20'],
    ['B', 'B', '0'],
  ] as const)('D1: village rated %s → %s gives %s', (ratingStart, ratingEnd, value) => {
    expect(item({}, 'D1', secretary('X', { ratingStart, ratingEnd }))).toBe(value);
  });

  it('base score: sectionsAB includes bonus and deduction items of A and B; baseItemsOnly does not', () => {
    const inputs = { ...complete, 'A1.3': '2', 'B6.2a': '1', C4: '1' };
    expect(toDecimal(score(inputs).baseScore)).toBe('105');
    expect(toDecimal(score(inputs).orgScore)).toBe('115');
    expect(toDecimal(score(inputs, secretary('X'), policyWith({ baseScoreScope: 'baseItemsOnly' })).baseScore)).toBe('100');
  });

  it('counts deductions and bonus for the tie-breaks', () => {
    const s = score({ ...complete, 'A3.2': '2', 'B6.1a': '1', 'A1.3': '1' });
    expect(toDecimal(s.deductions)).toBe('7');
    expect(toDecimal(s.bonus)).toBe('5');
  });
});

describe('scoring in thousandths', () => {
  const codes = JIAOZHOU_RUBRIC.sections.flatMap((s) => s.groups.flatMap((g) => g.items.flatMap((i) => i.inputs.map((x) => x.code))));
  // whole numbers, decimals, blanks, amounts, negatives, fractions and numbers beyond 2^53 (the exact path takes over)
  const value = fc.oneof(
    fc.constantFrom('', ' ', '0', '1', '2.5', '3.5', '0.125', '0.0005', '-3', '0.1', '1/3', '35000', '25000', '-25000'),
    fc.constantFrom('9007199254740993', '4503599627370496', '9007199254740.5'),
    fc.integer({ min: -50, max: 60000 }).map(String),
    fc.integer({ min: -5000, max: 60000 }).map((n) => (n / 100).toString()),
  );
  const inputs = fc.dictionary(fc.constantFrom(...codes), value, { maxKeys: 20 });
  const rating = fc.option(fc.constantFrom(...RATINGS), { nil: undefined });
  const setting = fc.record({
    amountRounding: fc.constantFrom('floor' as const, 'proportional' as const),
    baseScoreScope: fc.constantFrom('sectionsAB' as const, 'baseItemsOnly' as const),
  });
  /** the rubric with other points, units and bounds: decimals, and numbers that are not thousandths */
  const rubricWith = (points: string, unit: string, bound: string): Rubric => ({
    ...JIAOZHOU_RUBRIC,
    sections: JIAOZHOU_RUBRIC.sections.map((s) => ({
      ...s,
      groups: s.groups.map((g) => ({
        ...g,
        items: g.items.map((i) => ({
          ...i,
          ...(i.max !== undefined ? { max: bound } : {}),
          inputs: i.inputs.map((x) => ({ ...x, points: x.points === '1' ? points : x.points, ...(x.unit ? { unit } : {}) })),
        })),
      })),
    })),
  });
  const rubric = fc.oneof(
    fc.constant(JIAOZHOU_RUBRIC),
    fc.constantFrom(rubricWith('0.5', '2500', '7.5'), rubricWith('1.25', '0.5', '12'), rubricWith('1/3', '10000', '5'), rubricWith('2', '1/7', '4.0005')),
  );

  it('gives exactly the scores of the exact path, item by item', () => {
    fc.assert(
      fc.property(rubric, fc.array(fc.tuple(inputs, rating, rating), { maxLength: 8 }), setting, (r, people, overrides) => {
        const p = policyWith(overrides);
        const fast = rubricScorer(r, p);
        const exact = rubricScorer(r, p, false);
        for (const [entered, ratingStart, ratingEnd] of people) {
          const s = secretary('X', ratingStart && ratingEnd ? { ratingStart, ratingEnd } : {});
          expect(fast(entered, s)).toEqual(exact(entered, s));
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('checkInputValue', () => {
  const input = (kind: RubricInput['kind'], extra: Partial<RubricInput> = {}): RubricInput => ({ code: 'X', label: 'x', kind, points: '1', ...extra });
  it.each([
    [input('bool'), '1', null],
    [input('bool'), '2', '应填“是”或“否”'],
    [input('count'), '1.5', '次数/个数应为整数，不能是 1.5'],
    [input('count'), '-1', '次数/个数不能为负数'],
    [input('count', { max: '2' }), '3', '不能超过 2'],
    [input('points', { min: '0', max: '5' }), '5.5', '应在 0 到 5 之间'],
    [input('points', { min: '0', max: '5' }), '4.5', null],
    [input('amount'), '-100', '金额不能为负数'],
    [input('amount'), 'abc', '“abc”不是有效的数值'],
  ])('%j with %s → %s', (spec, value, message) => {
    expect(checkInputValue(spec, value)).toBe(message);
  });
});
