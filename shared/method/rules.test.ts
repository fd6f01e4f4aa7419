/** Hand-computed tables, one per rule of docs/method.md §3–§5. */
import { describe, expect, it } from 'vitest';
import { computeAssessment, resultToJson, type RowJson } from '.';
import type { Decision, DirectEvent, Policy } from '../model';
import { inputOf, policyWith, type Person } from './testing';

function run(people: readonly Person[], policy: Policy | 'jiaozhou' | 'daan' | 'touyan' = 'jiaozhou', events: DirectEvent[] = [], decisions: Decision[] = []) {
  const json = resultToJson(computeAssessment(inputOf(people, policy, { events, decisions })));
  const rows = json.categories.flatMap((c) => c.rows);
  const row = (id: string): RowJson => rows.find((r) => r.id === id)!;
  return { json, rows, row };
}

/** n secretaries with strictly decreasing totals: org 100 − i, everyone 40 of 45 satisfied. */
const ladder = (n: number, base = '90'): Person[] =>
  Array.from({ length: n }, (_, i) => ({ id: `P${String(i + 1).padStart(2, '0')}`, org: String(100 - i), base, votes: [30, 10, 5, 0] }));

describe('turnout: cast ≥ 2/3 × eligible, in integers', () => {
  it.each([
    [45, 30, false],
    [45, 29, true],
    [46, 31, false],
    [46, 30, true],
    [3, 2, false],
    [3, 1, true],
  ])('eligible %i, cast %i → turnoutLow %s', (eligible, cast, low) => {
    const { row } = run([{ id: 'A', org: '90', base: '85', votes: [cast, 0, 0, 0], eligible }]);
    expect(row('A').flags.includes('turnoutLow')).toBe(low);
    // a category of one is too small for any band: 称职
    expect(row('A').grade).toBe(low ? 'pending' : 'competent');
    expect(row('A').rank).toBe(low ? null : 1);
    expect(row('A').total).toBe(low ? null : '90.00');
  });

  it('puts rows without a total last, with rank null, and gives them no satisfaction flags', () => {
    const { json, row } = run([
      { id: 'A', org: '90', base: '85', votes: [0, 0, 0, 20], eligible: 45 },
      { id: 'B', org: '80', base: '85', votes: [40, 0, 0, 0], eligible: 45 },
    ]);
    expect(json.categories[0]!.rows.map((r) => r.id)).toEqual(['B', 'A']);
    expect(row('A')).toMatchObject({ rank: null, total: null, satisfaction: null, grade: 'pending', flags: ['turnoutLow'] });
  });
});

describe('satisfaction test grade: exact thresholds', () => {
  it.each([
    ['satisfaction exactly 2/3', [20, 10, 15, 0], 45, 'competent', []],
    ['satisfaction one vote below 2/3', [20, 9, 16, 0], 45, 'basic', ['satisfactionBasic']],
    ['dissatisfaction exactly 1/3 (recall above 30%)', [30, 0, 0, 15], 45, 'competent', ['recall']],
    ['dissatisfaction above 1/3', [30, 0, 0, 16], 46, 'incompetent', ['satisfactionIncompetent', 'recall']],
    ['dissatisfaction exactly 30%: no recall', [30, 0, 3, 0], 33, 'competent', []],
  ])('%s', (_, votes, eligible, testGrade, flags) => {
    const others = ladder(9).map((p) => ({ ...p, org: String(Number(p.org) + 50) }));
    const { row } = run([...others, { id: 'X', org: '90', base: '85', votes: votes as number[], eligible: eligible as number }]);
    expect(row('X').flags).toEqual(flags);
    expect(row('X').grade).toBe(testGrade);
    expect(row('X').rank).toBe(10);
  });

  it.each([
    ['cast', '0.7500', 'competent'],
    ['valid', '0.8571', 'competent'],
  ] as const)('void and blank ballots under denominator %s', (denominator, satisfaction, grade) => {
    const { row } = run([{ id: 'A', org: '80', base: '85', votes: [20, 10, 5, 0, 3, 2], eligible: 45 }], policyWith({ satisfactionDenominator: denominator }));
    expect(row('A').satisfaction).toBe(satisfaction);
    expect(row('A').ballots).toMatchObject({ invalid: 3, abstain: 2, cast: 40 });
    expect(row('A').grade === 'excellent' || row('A').grade === grade).toBe(true);
  });

  it('under the valid denominator, a box with no valid ballot gives no satisfaction: pending', () => {
    const { row } = run([{ id: 'A', org: '80', base: '85', votes: [0, 0, 0, 0, 20, 20], eligible: 45 }], policyWith({ satisfactionDenominator: 'valid' }));
    expect(row('A')).toMatchObject({ grade: 'pending', total: null, rank: null, satisfaction: null });
    expect(row('A').reasons.join()).toContain('无有效票');
  });

  it('void ballots lower satisfaction under cast: 30 of 45 with 1 void is below 2/3', () => {
    const { row } = run([{ id: 'A', org: '80', base: '85', votes: [20, 9, 15, 0, 1], eligible: 45 }]);
    expect(row('A').grade).toBe('basic');
  });
});

describe('quotas', () => {
  it.each([
    [10, 3, 3],
    [4, 1, 1],
    [3, 0, 0],
    [7, 2, 2],
    [20, 6, 6],
  ])('%i secretaries → %i excellent, %i good (0.3 × n, rounded down, exactly)', (n, excellent, good) => {
    const { json, rows } = run(ladder(n));
    expect(json.categories[0]!.quotas).toEqual({ excellent, good });
    expect(rows.filter((r) => r.grade === 'excellent')).toHaveLength(excellent);
    expect(rows.filter((r) => r.grade === 'good')).toHaveLength(good);
  });

  it.each([
    ['round', 7, 2],
    ['ceil', 7, 3],
    ['floor', 5, 1],
    ['round', 5, 2],
  ] as const)('quotaRounding %s of 0.3 × %i → %i', (quotaRounding, n, places) => {
    const { json } = run(ladder(n), policyWith({ quotaRounding }));
    expect(json.categories[0]!.quotas.excellent).toBe(places);
  });

  it('quotaBase ranked counts only those with a valid total and no fixed grade', () => {
    const people = [...ladder(10), { id: 'LOW', org: '99', base: '90', votes: [10, 0, 0, 0] }];
    expect(run(people).json.categories[0]!.quotas).toEqual({ excellent: 3, good: 3 });
    expect(run(people, policyWith({ quotaBase: 'ranked' })).json.categories[0]!.quotas).toEqual({ excellent: 3, good: 3 });
    const withBasic = [...ladder(10), { id: 'B', org: '99', base: '90', votes: [5, 5, 30, 0] }];
    expect(run(withBasic, policyWith({ quotaBase: 'all' })).json.categories[0]!.quotas).toEqual({ excellent: 3, good: 3 });
    expect(run(ladder(11), policyWith({ quotaBase: 'ranked' })).json.categories[0]!.quotas).toEqual({ excellent: 3, good: 3 });
    const nine = [...ladder(9), { id: 'B', org: '99', base: '90', votes: [5, 5, 30, 0] }];
    expect(run(nine, policyWith({ quotaBase: 'ranked' })).json.categories[0]!.quotas).toEqual({ excellent: 2, good: 2 });
    expect(run(nine, policyWith({ quotaBase: 'all' })).json.categories[0]!.quotas).toEqual({ excellent: 3, good: 3 });
  });
});

describe('exact ranking', () => {
  // 78 × 37/45 = 74 × 39/45 = 64.1333… exactly; as floats the first is smaller.
  const trap: Person[] = [
    { id: 'A', org: '78', base: '85', votes: [37, 0, 8, 0], eligible: 45 },
    { id: 'B', org: '74', base: '85', votes: [39, 0, 6, 0], eligible: 45 },
  ];

  it('the float trap: equal totals are a tie, broken by org score', () => {
    expect(78 * (37 / 45) < 74 * (39 / 45)).toBe(true);
    const { json, row } = run(trap);
    expect(row('A').totalExact).toBe(row('B').totalExact);
    expect(json.categories[0]!.rows.map((r) => [r.id, r.rank])).toEqual([
      ['A', 1],
      ['B', 2],
    ]);
  });

  it('without tie-breaks, exactly equal totals share a rank (1, 1, 3)', () => {
    const { json } = run([...trap, { id: 'C', org: '50', base: '85', votes: [40, 0, 0, 0] }], policyWith({ tieBreak: [] }));
    expect(json.categories[0]!.rows.map((r) => [r.id, r.rank])).toEqual([
      ['A', 1],
      ['B', 1],
      ['C', 3],
    ]);
  });

  it('rankOn rounded2 ranks on the 2-decimal figure, as a spreadsheet would', () => {
    // 91.204 and 91.196 both show 91.20; exact puts X first, rounded2 falls to the org-score tie-break.
    const people: Person[] = [
      { id: 'X', org: '91.204', base: '85', votes: [45, 0, 0, 0] },
      { id: 'Y', org: '91.196', base: '85', votes: [45, 0, 0, 0] },
    ];
    expect(run(people).json.categories[0]!.rows.map((r) => r.id)).toEqual(['X', 'Y']);
    const rounded = run(people, policyWith({ rankOn: 'rounded2', tieBreak: [] }));
    expect(rounded.rows.map((r) => r.rank)).toEqual([1, 1]);
  });

  it('a negative org score is kept, flagged and ranked last', () => {
    const { row } = run([...ladder(3), { id: 'N', org: '-5', base: '-5', votes: [40, 0, 5, 0] }]);
    expect(row('N')).toMatchObject({ orgScore: '-5', total: '-4.44', totalExact: '-40/9', rank: 4, grade: 'competent' });
    expect(row('N').flags).toEqual(['baseBelowMin', 'negativeScore']);
  });
});

describe('eligibility for 优秀', () => {
  it.each([
    ['80', 'excellent', []],
    ['79.75', 'good', ['baseBelowMin']],
  ])('base %s at the top of 4', (base, grade, flags) => {
    const people = ladder(4);
    people[0] = { ...people[0]!, base };
    const { row } = run(people);
    expect(row('P01').grade).toBe(grade);
    expect(row('P01').flags).toEqual(flags);
  });

  it.each([
    ['B', 'C', true],
    ['A', 'D', true],
    ['C', 'B', false],
    ['B', 'B', false],
  ] as const)('village rated %s at the start and %s at the end → orgDowngraded %s', (ratingStart, ratingEnd, downgraded) => {
    const people = ladder(4);
    people[0] = { ...people[0]!, s: { ratingStart, ratingEnd } };
    const { row } = run(people);
    expect(row('P01').flags.includes('orgDowngraded')).toBe(downgraded);
    expect(row('P01').grade).toBe(downgraded ? 'good' : 'excellent');
    if (downgraded) expect(row('P01').reasons.join()).toContain(`所任职党组织年度定级由${ratingStart}降为${ratingEnd}`);
  });

  it('passDown: the place goes to the next eligible; forfeit: the passed-over uses it up', () => {
    const people = ladder(4);
    people[0] = { ...people[0]!, base: '70' };
    const down = run(people);
    expect(down.rows.map((r) => r.grade)).toEqual(['good', 'excellent', 'competent', 'competent']);
    const forfeit = run(people, policyWith({ ineligibleSlot: 'forfeit' }));
    expect(forfeit.rows.map((r) => r.grade)).toEqual(['good', 'competent', 'competent', 'competent']);
    expect(forfeit.row('P01').reasons.join()).toContain('按规则占用名额，不递补');
  });

  it('presence (minPresence 2/3): exactly 2/3 of the work days is enough, one day less is not', () => {
    const policy = policyWith({ minPresence: '2/3' });
    const people = ladder(4).map((p) => ({ ...p, s: { daysPresent: 200, workDays: 240 } }));
    people[0] = { ...people[0]!, s: { daysPresent: 160, workDays: 240 } };
    people[1] = { ...people[1]!, s: { daysPresent: 159, workDays: 240 } };
    const { row } = run(people, policy);
    expect(row('P01')).toMatchObject({ grade: 'excellent', flags: [] });
    expect(row('P02')).toMatchObject({ grade: 'good', flags: ['presenceLow'] });
  });

  it('a summary-scored secretary whose village was downgraded: flagged, ineligible, D1 not added again', () => {
    const people = ladder(4);
    people[0] = { ...people[0]!, org: '100', base: '90', s: { ratingStart: 'A', ratingEnd: 'B' } };
    const { row } = run(people);
    expect(row('P01')).toMatchObject({ orgScore: '100', total: '88.89', grade: 'good', flags: ['orgDowngraded'] });
    expect(row('P01').reasons.join()).toContain('已含晋位升级分');
  });
});

describe('ties at a band boundary: a group of 3 across 1 remaining place', () => {
  // 10 people: quotas 3 + 3. P01, P02 clear; T1–T3 exactly tied at rank 3; then P06–P10.
  const people: Person[] = [...ladder(2), ...['T1', 'T2', 'T3'].map((id) => ({ id, org: '97', base: '90', votes: [30, 10, 5, 0] })), ...ladder(10).slice(5)];
  const grades = (policy: Policy) => {
    const { rows } = run(people, policy);
    return Object.fromEntries(rows.map((r) => [r.id, r.grade]));
  };

  it('flag: all three pending, holding the last 优秀 place and two 良好 places', () => {
    const { row, rows } = run(people, policyWith({ boundaryTie: 'flag' }));
    expect(rows.map((r) => [r.id, r.rank, r.grade])).toEqual([
      ['P01', 1, 'excellent'],
      ['P02', 2, 'excellent'],
      ['T1', 3, 'pending'],
      ['T2', 3, 'pending'],
      ['T3', 3, 'pending'],
      ['P06', 6, 'good'],
      ['P07', 7, 'competent'],
      ['P08', 8, 'competent'],
      ['P09', 9, 'competent'],
      ['P10', 10, 'competent'],
    ]);
    expect(row('T1').flags).toEqual(['tieAtBoundary']);
    expect(row('T2').reasons[0]).toBe(
      '与书记T1、书记T3并列第3名（考核总分、组织工作目标考评得分、群众满意度均相同），3人争1个剩余优秀名额，待部长办公会确定（同时暂占良好2名名额）',
    );
  });

  it('includeAll: the whole group gets 优秀', () => {
    expect(grades(policyWith({ boundaryTie: 'includeAll' }))).toMatchObject({
      T1: 'excellent',
      T2: 'excellent',
      T3: 'excellent',
      P06: 'good',
      P07: 'good',
      P08: 'good',
      P09: 'competent',
    });
  });

  it('excludeAll: none of the group gets the remaining 优秀 place; they are 良好', () => {
    expect(grades(policyWith({ boundaryTie: 'excludeAll' }))).toMatchObject({ P02: 'excellent', T1: 'good', T2: 'good', T3: 'good', P06: 'competent' });
  });

  it('a group that fits wholly in the remaining places gets the band', () => {
    const fits = [...ladder(1), ...['T1', 'T2'].map((id) => ({ id, org: '98.5', base: '90', votes: [30, 10, 5, 0] })), ...ladder(10).slice(3)];
    const { rows } = run(fits);
    expect(rows.slice(0, 3).map((r) => r.grade)).toEqual(['excellent', 'excellent', 'excellent']);
  });

  it('an ineligible secretary does not join a tie group for 优秀', () => {
    const tied = people.map((p) => (p.id === 'T1' ? { ...p, base: '70' } : p));
    const { row } = run(tied);
    expect(row('T1').grade).toBe('good');
    expect(row('T2').grade).toBe('pending');
    expect(row('T2').reasons[0]).toContain('2人争1个剩余优秀名额');
  });

  it('a decision of the review meeting is kept beside the computed grade', () => {
    const decision: Decision = { id: 'T2', grade: 'excellent', reason: '实绩突出', by: '部长办公会', at: '2026-12-01' };
    const { row } = run(people, 'jiaozhou', [], [decision]);
    expect(row('T2')).toMatchObject({ grade: 'excellent', computedGrade: 'pending', decision });
    expect(row('T2').flags).toEqual(['tieAtBoundary', 'decided']);
    expect(row('T2').reasons.at(-1)).toBe('部长办公会审定为优秀：实绩突出（部长办公会，2026-12-01）');
  });
});

describe('categories', () => {
  const inCategory = (rankClass: 'chief' | 'leader' | 'section' | 'junior', n: number): Person[] =>
    ladder(n).map((p) => ({ ...p, id: `${rankClass}-${p.id}`, s: { rankClass } }));

  it.each([
    [1, true],
    [2, true],
    [3, true],
    [4, false],
  ])('a category of %i is small: %s', (n, small) => {
    const { json, rows } = run(inCategory('leader', n));
    expect(json.categories[0]!.smallCategory).toBe(small);
    if (small) {
      expect(rows.every((r) => r.grade === 'competent')).toBe(true);
      expect(rows[0]!.reasons[0]).toBe(`本类别${n}人，优秀、良好名额为0（类别过小）`);
    }
  });

  it('ranks each category separately, in the order 镇街/市直 × 脱产/非脱产 × 四类', () => {
    const people = [
      ...inCategory('junior', 4),
      ...inCategory('chief', 4),
      ...ladder(4).map((p) => ({ ...p, id: `city-${p.id}`, s: { source: 'city' as const, mode: 'parttime' as const } })),
    ];
    const { json } = run(people);
    expect(json.categories.map((c) => c.label)).toEqual(['镇街·脱产·党政正职', '镇街·脱产·副股级及以下', '市直·非脱产·正股级']);
    expect(json.categories.map((c) => c.rows[0]!.rank)).toEqual([1, 1, 1]);
  });

  it('mergeSmallCategories ranks a small category with those that differ only in rank class', () => {
    const people = [...inCategory('chief', 1), ...inCategory('leader', 2), ...inCategory('section', 3)];
    const { json } = run(people, policyWith({ mergeSmallCategories: true }));
    expect(json.categories).toHaveLength(1);
    expect(json.categories[0]).toMatchObject({
      key: 'town|fulltime|*',
      label: '镇街·脱产（各职级合并）',
      size: 6,
      quotas: { excellent: 1, good: 1 },
      smallCategory: false,
    });
  });
});

describe('presets', () => {
  it('daan: one category, 20% 优秀 only, and a recalled secretary with the top total is not 优秀', () => {
    const people: Person[] = [
      { id: 'R', org: '140', base: '95', votes: [31, 0, 0, 14], eligible: 45, s: { rankClass: 'chief' } },
      ...ladder(4).map((p) => ({ ...p, s: { source: 'city' as const } })),
    ];
    const { json, row } = run(people, 'daan');
    expect(json.policy).toBe('daan');
    expect(json.categories).toHaveLength(1);
    expect(json.categories[0]).toMatchObject({ key: 'all', label: '全体', size: 5, quotas: { excellent: 1 } });
    expect(Object.keys(json.categories[0]!.quotas)).toEqual(['excellent']);
    expect(row('R')).toMatchObject({ rank: 1, grade: 'competent', flags: ['recall'] });
    expect(row('R').reasons.join()).toContain('应予召回，当年不得评先评优');
    expect(row('P01').grade).toBe('excellent');
    expect(run(people, policyWith({ recallBlocksExcellent: false }, 'daan')).row('R').grade).toBe('excellent');
  });

  it('touyan: one category, 15% 好, labels 好/较好/一般/差 with the same keys', () => {
    const { json, rows } = run(ladder(7), 'touyan');
    expect(json.categories[0]!.quotas).toEqual({ excellent: 1 });
    expect(rows.map((r) => r.grade)).toEqual(['excellent', ...Array(6).fill('competent')]);
    expect(rows[0]!.reasons[0]).toBe('名次第1，在本类别好名额（1名）内，评为好');
    expect(rows[1]!.reasons[0]).toBe('名次第2，未进入好（1名）名额，评为较好');
  });
});

describe('direct grades (第十九条)', () => {
  it.each(['breach', 'massIncident', 'lateReport'] as const)('an event of kind %s makes the grade 不称职, keeping the rank', (kind) => {
    const { row } = run(ladder(4), 'jiaozhou', [{ id: 'P01', kind, note: '经查实' }]);
    expect(row('P01')).toMatchObject({ rank: 1, grade: 'incompetent', flags: ['directIncompetent'] });
    expect(row('P01').reasons[0]).toMatch(/（经查实），直接确定为不称职$/);
    expect(row('P02').grade).toBe('excellent');
  });

  it.each(['breach', 'massIncident', 'lateReport'] as const)('%s with low turnout: still 不称职, no rank', (kind) => {
    const people = ladder(4);
    people[0] = { ...people[0]!, votes: [10, 0, 0, 0] };
    const { row } = run(people, 'jiaozhou', [{ id: 'P01', kind }]);
    expect(row('P01')).toMatchObject({ rank: null, total: null, grade: 'incompetent', flags: ['turnoutLow', 'directIncompetent'] });
  });

  it('a recall (召回撤换) decided by a quarterly review does not set the grade; it is said in the reasons and, as the policy says, bars 优秀', () => {
    const { row } = run(ladder(4), 'jiaozhou', [{ id: 'P01', kind: 'recall', quarter: '2024Q2', note: '无正当理由长期不在岗的' }]);
    expect(row('P01')).toMatchObject({ rank: 1, grade: 'good', flags: ['recalled'] });
    expect(row('P01').reasons).toContain('2024年第2季度分析研判决定召回撤换（无正当理由长期不在岗的）');
  });

  it('a recalled secretary is passed over for 优秀 (daan: 当年不得评先评优)', () => {
    const { row } = run(ladder(10), 'daan', [{ id: 'P01', kind: 'recall' }]);
    expect(row('P01')).toMatchObject({ rank: 1, grade: 'competent' });
    expect(row('P01').reasons.join('；')).toContain('本年度被召回，当年不得评先评优');
    expect(row('P02').grade).toBe('excellent');
  });
});
