import { describe, expect, it } from 'vitest';
import type { BallotBox } from '../model';
import { boxNotes, boxProblems, isOut, votersTotal } from './boxes';

const box = (extra: Partial<BallotBox> = {}): BallotBox => ({ id: 'S1', issued: 40, issuedAt: '2024-12-03', ...extra });

describe('ballot boxes (票箱)', () => {
  it('a box issued and not returned is still out', () => {
    expect(isOut(box())).toBe(true);
    expect(isOut(box({ returned: 38, returnedAt: '2024-12-03' }))).toBe(false);
  });

  it('the voters by group add up to the electorate; none counted is none', () => {
    expect(votersTotal(undefined)).toBeNull();
    expect(votersTotal({})).toBeNull();
    expect(votersTotal({ committee: 7, members: 28, representatives: 12, veterans: 3, activists: 2 })).toBe(52);
  });

  it.each([
    [box({ issued: 46 }), 45, [{ field: 'issued', message: '发出票数46超过应参加人数45，本次测评无效，应重新组织投票' }]],
    [box({ returned: 41, returnedAt: '2024-12-03' }), 45, [{ field: 'returned', message: '收回票数41超过发出票数40，本次测评无效，应重新组织投票' }]],
    [box({ returned: 38 }), 45, [{ field: 'returnedAt', message: '请填写收回日期' }]],
    [box({ returned: 38, returnedAt: '2024-12-01' }), 45, [{ field: 'returnedAt', message: '收回日期早于发出日期' }]],
    // with voters counted, their sum is the electorate
    [box({ voters: { committee: 5, members: 30 } }), 45, [{ field: 'issued', message: '发出票数40超过应参加人数35，本次测评无效，应重新组织投票' }]],
    [box({ returned: 38, returnedAt: '2024-12-04' }), 45, []],
  ])('%j against %i voters', (b, eligible, problems) => {
    expect(boxProblems(b, eligible)).toEqual(problems);
  });

  it('says where the box, the tally and the roster do not agree', () => {
    const tally = { id: 'S1', verySatisfied: 30, satisfied: 5, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0, issued: 42 };
    expect(boxNotes(box({ returned: 38, returnedAt: '2024-12-03', voters: { members: 44 } }), tally, 45)).toEqual([
      '收回票数38与计票的投票数37不一致',
      '发出票数40与计票单的发出票数42不一致',
      '各类参加人员合计44人，名册中的应参加人数为45人',
    ]);
  });
});
