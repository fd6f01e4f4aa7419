/** Decisions against the quotas (docs/method.md §5.4–§5.6), hand-computed. */
import { describe, expect, it } from 'vitest';
import { computeAssessment, quotaNotes } from '.';
import type { Decision, QuotaNote } from '../model';
import { inputOf, policyWith, type Person } from './testing';

/**
 * 10 people, quotas 优秀 3 + 良好 3. P01, P02 优秀; T1–T3 exactly tied at rank 3 for the
 * last 优秀 place: pending, holding 优秀 1 and 良好 2; P06 良好 (the third 良好 place);
 * P07–P10 称职.
 */
const people: Person[] = [
  ...['P01', 'P02'].map((id, i) => ({ id, org: String(100 - i), base: '90', votes: [30, 10, 5, 0] })),
  ...['T1', 'T2', 'T3'].map((id) => ({ id, org: '97', base: '90', votes: [30, 10, 5, 0] })),
  ...['P06', 'P07', 'P08', 'P09', 'P10'].map((id, i) => ({ id, org: String(95 - i), base: '90', votes: [30, 10, 5, 0] })),
];

const decision = (id: string, grade: Decision['grade']): Decision => ({ id, grade, reason: '部长办公会研究', by: '张三', at: '2025-01-06' });

function category(decisions: Decision[], policy = policyWith({ boundaryTie: 'flag' })) {
  return computeAssessment(inputOf(people, policy, { decisions })).categories[0]!;
}

type Expected = Pick<QuotaNote, 'band' | 'count' | 'held' | 'over' | 'freed' | 'decided' | 'text'>;
const E = (band: 'excellent' | 'good', count: number, held: number, over: number, freed: number, decided: string[], text: string): Expected => ({
  band,
  count,
  held,
  over,
  freed,
  decided,
  text,
});

describe('what decisions do to the quotas', () => {
  it('before any decision: the tie holds 优秀 1 and 良好 2, no note', () => {
    const c = category([]);
    expect(c.quotas).toEqual({ excellent: 3, good: 3 });
    expect(c.ties).toEqual([{ ids: ['T1', 'T2', 'T3'], places: { excellent: 1, good: 2 } }]);
    expect(c.quotaNotes).toEqual([]);
  });

  it.each<[string, Decision[], Expected[]]>([
    ['the tie decided within the quota: T1 优秀, T2 T3 良好', [decision('T1', 'excellent'), decision('T2', 'good'), decision('T3', 'good')], []],
    ['T1 良好, T2 优秀, T3 undecided: the group still holds one 良好 place, within', [decision('T1', 'good'), decision('T2', 'excellent')], []],
    ['a 称职 moved down to 基本称职: no band touched', [decision('P08', 'basic')], []],
    [
      'two of the tie 优秀: 优秀 4 against 3, and the 良好 place they held is empty',
      [decision('T1', 'excellent'), decision('T2', 'excellent'), decision('T3', 'good')],
      [
        E('excellent', 4, 0, 1, 0, ['T1', 'T2'], '优秀 4 人，超出名额（3 人）1 人'),
        E('good', 2, 0, 0, 1, ['T1', 'T2'], '良好 2 人，名额（3 人）空出 1 个，不由他人递补'),
      ],
    ],
    [
      'a tie member put below the bands: the 良好 place the group held is freed, P07 does not move up',
      [decision('T1', 'excellent'), decision('T2', 'good'), decision('T3', 'competent')],
      [E('good', 2, 0, 0, 1, ['T3'], '良好 2 人，名额（3 人）空出 1 个，不由他人递补')],
    ],
    [
      'one tie member 称职 while the others wait: the group can fill only 优秀 1 and 良好 1',
      [decision('T1', 'competent')],
      [E('good', 1, 1, 0, 1, ['T1'], '良好 1 人（另有并列待定暂占 1 个），名额（3 人）空出 1 个，不由他人递补')],
    ],
    [
      'a computed 优秀 moved to 良好: 优秀 freed, 良好 over (the tie still holds its places)',
      [decision('P01', 'good')],
      [
        E('excellent', 1, 1, 0, 1, ['P01'], '优秀 1 人（另有并列待定暂占 1 个），名额（3 人）空出 1 个，不由他人递补'),
        E('good', 2, 2, 1, 0, ['P01'], '良好 2 人（另有并列待定暂占 2 个），超出名额（3 人）1 人'),
      ],
    ],
    [
      'a 称职 made 优秀 while the tie holds the last place: over by one',
      [decision('P07', 'excellent')],
      [E('excellent', 3, 1, 1, 0, ['P07'], '优秀 3 人（另有并列待定暂占 1 个），超出名额（3 人）1 人')],
    ],
  ])('%s', (_, decisions, expected) => {
    const notes = category(decisions).quotaNotes;
    expect(notes.map(({ band, count, held, over, freed, decided, text }) => ({ band, count, held, over, freed, decided, text }))).toEqual(expected);
    expect(notes.every((n) => n.quota === 3)).toBe(true);
  });

  it('without a tie: an 优秀 above the quota, and a 良好 given up', () => {
    const ladder = people.map((p, i) => ({ ...p, org: String(100 - i) }));
    const run = (decisions: Decision[]) => computeAssessment(inputOf(ladder, 'jiaozhou', { decisions })).categories[0]!.quotaNotes.map((n) => n.text);
    expect(run([decision('T3', 'excellent')])).toEqual(['优秀 4 人，超出名额（3 人）1 人', '良好 2 人，名额（3 人）空出 1 个，不由他人递补']);
    expect(run([decision('P06', 'competent')])).toEqual(['良好 2 人，名额（3 人）空出 1 个，不由他人递补']);
    // P07 made 良好 in P06's place: within the quota
    expect(run([decision('P06', 'competent'), decision('P07', 'good')])).toEqual([]);
  });

  it('a place the method left empty (excludeAll) is not counted as freed by a decision', () => {
    const policy = policyWith({ boundaryTie: 'excludeAll' });
    // the tie gets none of the last 优秀 place: 优秀 2 of 3, the third empty by the rule
    expect(
      category([], policy)
        .rows.filter((r) => r.grade === 'excellent')
        .map((r) => r.id),
    ).toEqual(['P01', 'P02']);
    expect(category([decision('P01', 'good')], policy).quotaNotes.map((n) => n.text)).toEqual([
      '优秀 1 人，名额（3 人）空出 1 个，不由他人递补',
      '良好 4 人，超出名额（3 人）1 人',
    ]);
    // T1 (良好 by the rule) made 优秀 fills the empty place, within; the 良好 place T1 leaves is freed
    expect(category([decision('T1', 'excellent')], policy).quotaNotes.map((n) => n.text)).toEqual(['良好 2 人，名额（3 人）空出 1 个，不由他人递补']);
  });

  it('the decided secretaries read it in their 说明, and the category carries it', () => {
    const c = category([decision('T1', 'excellent'), decision('T2', 'excellent'), decision('T3', 'good')]);
    const t1 = c.rows.find((r) => r.id === 'T1')!;
    expect(t1.reasons.at(-1)).toBe('审定后本类别优秀 4 人，超出名额（3 人）1 人；良好 2 人，名额（3 人）空出 1 个，不由他人递补');
    expect(c.rows.find((r) => r.id === 'T3')!.reasons.join()).not.toContain('审定后');
  });

  it('a decision that recorded its note says it once, with the time it was recorded', () => {
    const recorded = { ...decision('P07', 'excellent'), quotaNote: '本类别优秀 3 人（另有并列待定暂占 1 个），超出名额（3 人）1 人' };
    const row = category([recorded]).rows.find((r) => r.id === 'P07')!;
    expect(row.reasons.at(-1)).toBe(
      '部长办公会审定为优秀：部长办公会研究（张三，2025-01-06）；审定时本类别优秀 3 人（另有并列待定暂占 1 个），超出名额（3 人）1 人',
    );
    expect(row.reasons.filter((r) => r.includes('超出名额'))).toHaveLength(1);
  });

  it('a candidate decision, before it is saved, and the removal of one', () => {
    const c = category([decision('T1', 'excellent'), decision('T2', 'good'), decision('T3', 'good')]);
    expect(quotaNotes(c, policyWith({}), { id: 'T2', grade: 'excellent' }).map((n) => n.text)).toEqual([
      '优秀 4 人，超出名额（3 人）1 人',
      '良好 2 人，名额（3 人）空出 1 个，不由他人递补',
    ]);
    expect(quotaNotes(c, policyWith({}), { id: 'T2', grade: 'good' })).toEqual([]);
    // removing T3's decision gives the group back an undecided member: within
    expect(quotaNotes(c, policyWith({}), { id: 'T3', grade: null })).toEqual([]);
  });

  it('includeAll puts a group over the quota by the rule, not by a decision: no note', () => {
    const c = category([], policyWith({ boundaryTie: 'includeAll' }));
    expect(c.rows.filter((r) => r.grade === 'excellent')).toHaveLength(5);
    expect(c.quotaNotes).toEqual([]);
  });
});
