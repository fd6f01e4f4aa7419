/** The one rule of a tally's validity (docs/method.md §3.2), and the method's use of it. */
import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../policy';
import { evaluateBallots } from './satisfaction';
import { tallyProblems, type TallyCounts } from './tally-check';

const counts = (cast: number, issued?: number): TallyCounts => ({
  verySatisfied: cast,
  satisfied: 0,
  basic: 0,
  dissatisfied: 0,
  invalid: 0,
  abstain: 0,
  ...(issued === undefined ? {} : { issued }),
});

describe('tallyProblems', () => {
  it.each([
    // cast, issued, eligible, minTurnout, problems
    [40, undefined, 45, '2/3', []],
    [30, undefined, 45, '2/3', []], // 3·30 = 2·45: exactly two thirds
    [29, undefined, 45, '2/3', ['turnoutLow']],
    [46, undefined, 45, '2/3', ['castOverEligible']],
    [41, 40, 45, '2/3', ['castOverIssued']],
    [40, 46, 45, '2/3', ['issuedOverEligible']],
    [47, 46, 45, '2/3', ['castOverIssued', 'castOverEligible', 'issuedOverEligible']],
    [41, 40, undefined, undefined, ['castOverIssued']], // before the roster is known
    [99, undefined, undefined, undefined, []],
    [29, undefined, 45, undefined, []], // turnout not asked
  ])('cast %i, issued %s, eligible %s, turnout %s: %j', (cast, issued, eligible, minTurnout, codes) => {
    expect(tallyProblems(counts(cast, issued), eligible, minTurnout).map((p) => p.code)).toEqual(codes);
  });

  it('says each case in one Chinese sentence; only turnout is not a void vote', () => {
    const [overIssued, overEligible, issuedOver] = tallyProblems(counts(47, 46), 45, '2/3');
    expect(overIssued).toEqual({ code: 'castOverIssued', void: true, message: '投票数 47 超过发出票数 46，本次测评无效，应重新组织投票' });
    expect(overEligible!.message).toBe('投票数 47 超过应参加人数 45，本次测评无效，应重新组织投票');
    expect(issuedOver!.message).toBe('发出票数 46 超过应参加人数 45，本次测评无效，应重新组织投票');
    expect(tallyProblems(counts(29), 45, '2/3')).toEqual([
      { code: 'turnoutLow', void: false, message: '投票数 29 不足应参加人数 45 的 2/3，测评无效，等次待定，应重新组织投票' },
    ]);
  });
});

describe('evaluateBallots follows it', () => {
  const policy = presetPolicy('jiaozhou');

  it('issued above eligible voids the vote, like cast above either', () => {
    for (const tally of [counts(40, 46), counts(46), counts(41, 40)]) {
      expect(evaluateBallots({ id: 'S1', ...tally }, 45, policy).kind).toBe('void');
    }
  });

  it('low turnout is its own outcome, with the same sentence', () => {
    const outcome = evaluateBallots({ id: 'S1', ...counts(29) }, 45, policy);
    expect(outcome.kind).toBe('turnoutLow');
    expect(outcome.kind === 'turnoutLow' && outcome.problems.map((p) => p.message)).toEqual([
      '投票数 29 不足应参加人数 45 的 2/3，测评无效，等次待定，应重新组织投票',
    ]);
  });
});
