// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { checkTally, draftFromCounts, EMPTY_DRAFT, turnoutMet } from './tally';

const draft = (c: Record<string, number>) => draftFromCounts(c);

describe('checkTally', () => {
  it('accepts a good tally and computes cast', () => {
    const c = checkTally(draft({ issued: 45, verySatisfied: 30, satisfied: 8, basic: 2 }), 45);
    expect(c.errors).toEqual([]);
    expect(c.warnings).toEqual([]);
    expect(c.cast).toBe(40);
    expect(c.counts).toMatchObject({ issued: 45, verySatisfied: 30, dissatisfied: 0, abstain: 0 });
  });

  it('blocks cast above issued and above eligible', () => {
    const overIssued = checkTally(draft({ issued: 10, verySatisfied: 11 }), 20);
    expect(overIssued.errors).toEqual(['投票数 11 超过发出票数 10，本次测评无效，应重新组织投票']);
    const overEligible = checkTally(draft({ verySatisfied: 15, invalid: 3, abstain: 3 }), 20);
    expect(overEligible.errors).toEqual(['投票数 21 超过应参加人数 20，本次测评无效，应重新组织投票']);
  });

  it('blocks 发出票数 above eligible: the vote is void (docs/method.md §3)', () => {
    const c = checkTally(draft({ issued: 46, verySatisfied: 30 }), 45);
    expect(c.errors).toEqual(['发出票数 46 超过应参加人数 45，本次测评无效，应重新组织投票']);
  });

  it('blocks text that is not a whole number, per field', () => {
    const c = checkTally({ ...EMPTY_DRAFT, satisfied: '3.5', basic: '-1' }, 20);
    expect(c.counts).toBeNull();
    expect(Object.keys(c.fieldErrors)).toEqual(['satisfied', 'basic']);
    expect(c.errors).toHaveLength(2);
  });

  it('warns, without blocking, below the 2/3 turnout', () => {
    const c = checkTally(draft({ verySatisfied: 29 }), 45);
    expect(c.errors).toEqual([]);
    expect(c.warnings[0]).toContain('等次待定');
    expect(checkTally(draft({ verySatisfied: 30 }), 45).warnings).toEqual([]);
  });

  it.each([
    [30, 45, true],
    [29, 45, false],
    [2, 3, true],
    [1, 2, false],
    [28, 42, true],
  ])('turnout %i of %i meets 2/3: %s', (cast, eligible, ok) => {
    expect(turnoutMet(cast, eligible)).toBe(ok);
  });

  it('treats empty 发出票数 as not recorded', () => {
    expect(checkTally(draft({ verySatisfied: 30 }), 45).counts).not.toHaveProperty('issued');
  });
});
