/** Each plausibility warning of docs/method.md §15, raised at its threshold and not below it. */
import { describe, expect, it } from 'vitest';
import { computeAssessment } from '.';
import type { PlausibilitySettings, Policy, WarningAck } from '../model';
import { DEFAULT_PLAUSIBILITY } from '../policy';
import fc from 'fast-check';
import { r, rat } from '../exact/rational';
import { apartFromRest, plausibilityWarnings, restOfCategory, warningStatuses } from './plausibility';
import { inputOf, policyWith, tally, type Person } from './testing';

function warningsOf(people: readonly Person[], settings: Partial<PlausibilitySettings> = {}, extra: Partial<Policy> = {}) {
  const policy = policyWith({ plausibility: { ...DEFAULT_PLAUSIBILITY, ...settings }, ...extra });
  const input = inputOf(people, policy);
  return plausibilityWarnings(computeAssessment(input), policy);
}
const codes = (people: readonly Person[], settings: Partial<PlausibilitySettings> = {}) => warningsOf(people, settings).map((w) => `${w.id} ${w.warning}`);

/** one secretary, 45 eligible, counts as given */
const one = (votes: number[], eligible = 45): Person[] => [{ id: 'A', org: '90', base: '85', votes, eligible }];

describe('plausibility warnings', () => {
  it.each([
    ['废票 3 of 40 (7.5%) is above 5%', [30, 7, 0, 0, 3], ['A manyInvalid']],
    ['废票 2 of 40 (exactly 5%) is not above it', [30, 8, 0, 0, 2], []],
    ['废票 2 of 26 (7.7%) is above 5%, but two spoilt ballots are ordinary', [20, 4, 0, 0, 2], []],
    ['弃权 3 of 40 is above 5%', [30, 7, 0, 0, 0, 3], ['A manyAbstain']],
    ['both at once', [30, 4, 0, 0, 3, 3], ['A manyInvalid', 'A manyAbstain']],
  ])('%s', (_, votes, expected) => {
    expect(codes(one(votes))).toEqual(expected);
  });

  it('says the figures in one sentence', () => {
    expect(warningsOf(one([30, 7, 0, 0, 3]))[0]).toMatchObject({
      code: 'manyInvalid',
      place: 'ballots',
      message: '废票 3 张，占投票数 40 的 7.50%，超过 5%，请核对计票单',
    });
  });

  it('ballots issued and not returned: 7 of 45 (15.6%) is above 10%, 4 of 45 is not', () => {
    const people = (cast: number): Person[] => one([cast, 0, 0, 0]);
    const run = (cast: number) => {
      const policy = policyWith({});
      const input = inputOf(people(cast), policy, { tallies: [tally('A', [cast], 45)] });
      return plausibilityWarnings(computeAssessment(input), policy).map((w) => w.warning);
    };
    expect(run(38)).toEqual(['unreturned']);
    expect(run(41)).toEqual([]);
    expect(plausibilityWarnings(computeAssessment(inputOf(people(38), policyWith({}), { tallies: [tally('A', [38], 45)] })), policyWith({}))[0]!.message).toBe(
      '发出票数 45，收回 38 张，未收回 7 张（15.56%），超过 10%，请核对票箱',
    );
  });

  it.each([
    // 2/3 of 45 is 30; 2/3 + 2% of 45 is 30.9
    [30, true],
    [31, false],
    [33, false],
    [29, false], // below the line: the turnout rule itself, not a warning
  ])('turnout: %i of 45 near the 2/3 line → %s', (cast, warned) => {
    expect(codes(one([cast, 0, 0, 0])).includes('A turnoutNearLine')).toBe(warned);
  });

  it('a village far from the rest of its town, pooled; not with fewer than two others', () => {
    const town = (votes: number[][]): Person[] =>
      votes.map((v, i) => ({ id: `T${i + 1}`, org: '90', base: '85', votes: v, eligible: 45, s: { town: '胶莱镇' } }));
    // T1 26/40 = 65%; the others 113/120 = 94.17%: 29.17 points apart. T2 100% against 103/120 = 85.83%: 14.17
    const people = town([
      [16, 10, 14, 0],
      [38, 2, 0, 0],
      [30, 6, 4, 0],
      [30, 7, 3, 0],
    ]);
    expect(codes(people)).toEqual(['T1 townOutlier']);
    expect(warningsOf(people)[0]!.message).toBe(
      '满意度 65.00%，胶莱镇其他 3 个村（社区）合计 94.17%，相差 29.17 个百分点（提示线 20.00 个百分点），请核对计票',
    );
    expect(codes(people.slice(0, 2))).toEqual([]);
    expect(codes(people, { townSatisfactionGap: '0.5' })).toEqual([]);
  });

  it('decided exactly where a gap comes closer to its line than doubles can tell', () => {
    // T1 10/30 = 1/3 against the others' 60/60 = 1: exactly 2/3 apart
    const people: Person[] = [
      [5, 5, 20, 0],
      [20, 10, 0, 0],
      [25, 5, 0, 0],
    ].map((votes, i) => ({ id: `T${i + 1}`, org: '90', base: '85', votes, eligible: 40, s: { town: '胶莱镇' } }));
    expect(codes(people, { townSatisfactionGap: '2/3' })).toEqual([]);
    expect(codes(people, { townSatisfactionGap: '0.66666666666' })).toEqual(['T1 townOutlier']);
    expect(codes(people, { townSatisfactionGap: '0.66666666667' })).toEqual([]);
    // 45 of 60 eligible is exactly the line of 3/4: near it, within a margin of 1/6
    const turnout = (line: string, margin: string) => warningsOf(one([40, 5, 0, 0], 60), { turnoutMargin: margin }, { minTurnout: line }).map((w) => w.warning);
    expect(turnout('0.75', '1/6')).toEqual(['turnoutNearLine']);
    expect(turnout('0.75000000001', '1/6')).toEqual([]);
    expect(turnout('0.5833333333', '1/6')).toEqual([]);
    expect(turnout('0.5833333334', '1/6')).toEqual(['turnoutNearLine']);
  });

  it('a score far from the mean of the rest of its category; not with fewer than three others', () => {
    const people: Person[] = ['60', '90', '92', '88'].map((org, i) => ({ id: `C${i + 1}`, org, base: '85', votes: [35 - i, 5 + i, 0, 0] }));
    // C1 60 against (90 + 92 + 88) / 3 = 90: 30 points, the others' standard deviation 2
    const warnings = warningsOf(people);
    expect(warnings.map((w) => `${w.id} ${w.warning} ${w.place}`)).toEqual(['C1 categoryOutlier scores']);
    expect(warnings[0]!.message).toBe(
      '组织工作目标考评得分 60.00 分，本类别其他 3 人平均 90.00 分，相差 30.00 分（其他人得分标准差 2.00 分，提示线为相差超过 10 分且超过标准差的 3 倍），请核对评分',
    );
    expect(codes(people.slice(0, 3))).toEqual([]);
    expect(codes(people, { categoryScoreGap: '30' })).toEqual([]);
  });

  /** a category of five: `own` and four others */
  const category = (own: string, others: readonly string[]): Person[] =>
    [own, ...others].map((org, i) => ({ id: `K${i + 1}`, org, base: '85', votes: [35 - i, 5 + i, 0, 0] }));

  it.each([
    // others 100, 120, 140, 160: mean 130, standard deviation 25.82 — 25 points apart is ordinary
    ['a wide category: 25 points from the mean is within 3 standard deviations', '155', ['100', '120', '140', '160'], []],
    // others 100, 102, 104, 106: mean 103, standard deviation 2.58 — 15 points apart is odd
    ['a narrow category: 15 points from the mean is beyond 3 standard deviations', '118', ['100', '102', '104', '106'], ['K1 categoryOutlier']],
    // beyond 3 standard deviations (0.5 × 3), but not more than 10 points
    ['beyond the spread but within the points: not raised', '108', ['100', '101', '100', '101'], []],
  ])('%s', (_, own, others, expected) => {
    expect(codes(category(own, others))).toEqual(expected);
  });

  it('the spread may be turned off (null): then the points alone decide, as a fixed gap', () => {
    const wide = category('155', ['100', '120', '140', '160']);
    // the fixed 20 points of before: three of a category of five, where the spread raises none
    expect(codes(wide, { categoryScoreSpread: null, categoryScoreGap: '20' })).toEqual(['K1 categoryOutlier', 'K2 categoryOutlier', 'K5 categoryOutlier']);
    expect(codes(wide)).toEqual([]);
    expect(warningsOf(wide, { categoryScoreSpread: null, categoryScoreGap: '20' })[0]!.message).toContain('（提示线 20 分）');
  });

  it('exact: the gap is compared with the standard deviation squared, without a square root', () => {
    // 3 × sd of 100, 102, 104, 106 is √60 = 7.745…: 110.74 is not beyond it, 110.75 is
    expect(
      apartFromRest(
        r('110.74'),
        ['100', '102', '104', '106'].map((x) => r(x)),
        r('3'),
      ).beyond,
    ).toBe(false);
    expect(
      apartFromRest(
        r('110.75'),
        ['100', '102', '104', '106'].map((x) => r(x)),
        r('3'),
      ).beyond,
    ).toBe(true);
  });

  it('the rest of a category from its sums: the same exact mean and variance as a pass over the others', () => {
    const score = fc.integer({ min: 0, max: 12_000 }).map((hundredths) => rat(hundredths, 100));
    fc.assert(
      fc.property(fc.array(score, { minLength: 4, maxLength: 30 }), (scores) => {
        const restOf = restOfCategory(scores);
        scores.forEach((own, i) => {
          const pass = apartFromRest(
            own,
            scores.filter((_, j) => j !== i),
            r('3'),
          );
          const sums = restOf(own);
          expect(sums.mean).toEqual(pass.mean);
          expect(sums.variance()).toEqual(pass.variance);
        });
      }),
    );
  });

  it('identical tallies for two secretaries, named on the first with the other', () => {
    const people: Person[] = [
      { id: 'S2', org: '90', base: '85', votes: [30, 8, 2, 0] },
      { id: 'S1', org: '88', base: '85', votes: [30, 8, 2, 0] },
      { id: 'S3', org: '86', base: '85', votes: [30, 8, 1, 1] },
    ];
    expect(codes(people)).toEqual(['S1 identicalTallies:S2']);
    expect(warningsOf(people)[0]!.message).toBe(
      '与编号S2（书记S2）的计票完全相同（很满意 30、满意 8、基本满意 2、不满意 0、废票 0、弃权 0），请核对是否把一个票箱录了两次或录错了编号',
    );
    expect(codes(people, { identicalTallies: false })).toEqual([]);
  });

  it('every warning can be turned off with null', () => {
    const off: Partial<PlausibilitySettings> = { invalidAbove: null, abstainAbove: null, turnoutMargin: null };
    expect(codes(one([24, 0, 0, 0, 3, 3]), off)).toEqual([]);
    expect(codes(one([24, 0, 0, 0, 3, 3]))).toEqual(['A manyInvalid', 'A manyAbstain', 'A turnoutNearLine']);
  });

  it('the sample worked example raises none', () => {
    const people: Person[] = [
      { id: 'S1', org: '96', base: '90', votes: [30, 8, 2, 0], eligible: 45 },
      { id: 'S2', org: '92', base: '78', votes: [35, 5, 0, 0], eligible: 42 },
      { id: 'S3', org: '88', base: '85', votes: [20, 10, 5, 4, 1], eligible: 48 },
      { id: 'S4', org: '90', base: '86', votes: [10, 10, 20, 2], eligible: 50 },
    ];
    expect(codes(people)).toEqual([]);
  });
});

describe('acknowledgments', () => {
  const people = one([30, 7, 0, 0, 3]);
  const [warning] = warningsOf(people);
  const ack = (digest: string): WarningAck => ({
    id: 'A',
    warning: 'manyInvalid',
    digest,
    reason: '已核对计票单，废票属实',
    by: '张三',
    at: '2024-12-20T08:00:00Z',
  });

  it('covers the warning while its facts are the same', () => {
    expect(warningStatuses([warning!], []).map((s) => s.state)).toEqual(['open']);
    expect(warningStatuses([warning!], [ack(warning!.digest)]).map((s) => s.state)).toEqual(['acknowledged']);
  });

  it('is stale once the data it acknowledged changes', () => {
    const [changed] = warningsOf(one([29, 7, 0, 0, 4]));
    expect(changed!.warning).toBe(warning!.warning);
    expect(changed!.digest).not.toBe(warning!.digest);
    expect(warningStatuses([changed!], [ack(warning!.digest)]).map((s) => s.state)).toEqual(['stale']);
  });
});
