/** The satisfaction ballot (RULES.md §3): turnout, satisfaction, test grade, recall. */
import { div, gt, lt, mul, r, rat, toDecimal, toFixed, type Rational } from '../exact/rational';
import type { BallotSummary, BallotTally, Policy, SatisfactionGrade } from '../model';
import { castOf, validOf } from '../model';

export type BallotOutcome =
  /** the vote counts */
  | {
      kind: 'valid';
      summary: BallotSummary;
      satisfaction: Rational;
      dissatisfaction: Rational;
      grade: SatisfactionGrade;
      recall: boolean;
    }
  /** fewer than minTurnout × eligible returned their ballot: the test is invalid */
  | { kind: 'turnoutLow'; summary: BallotSummary }
  /** more ballots than voters or than were issued: the vote is void and must be repeated */
  | { kind: 'overCast'; summary: BallotSummary; limit: 'eligible' | 'issued' }
  /** `satisfactionDenominator: valid` and not one valid ballot */
  | { kind: 'noValidBallot'; summary: BallotSummary };

export function summarizeBallots(tally: BallotTally, eligible: number): BallotSummary {
  const summary: BallotSummary = {
    verySatisfied: tally.verySatisfied,
    satisfied: tally.satisfied,
    basic: tally.basic,
    dissatisfied: tally.dissatisfied,
    invalid: tally.invalid,
    abstain: tally.abstain,
    cast: castOf(tally),
    eligible,
  };
  if (tally.issued !== undefined) summary.issued = tally.issued;
  return summary;
}

/** cast ≥ minTurnout × eligible, compared in integers (3·cast ≥ 2·eligible for 2/3). */
export function turnoutMet(cast: number, eligible: number, minTurnout: string): boolean {
  const ratio = r(minTurnout);
  return BigInt(cast) * ratio.d >= ratio.n * BigInt(eligible);
}

export function evaluateBallots(tally: BallotTally, eligible: number, policy: Policy): BallotOutcome {
  const summary = summarizeBallots(tally, eligible);
  if (summary.cast > eligible) return { kind: 'overCast', summary, limit: 'eligible' };
  if (tally.issued !== undefined && summary.cast > tally.issued) return { kind: 'overCast', summary, limit: 'issued' };
  if (!turnoutMet(summary.cast, eligible, policy.minTurnout)) return { kind: 'turnoutLow', summary };

  const denominator = policy.satisfactionDenominator === 'cast' ? summary.cast : validOf(tally);
  if (denominator === 0) return { kind: 'noValidBallot', summary };
  const satisfaction = rat(tally.verySatisfied + tally.satisfied, denominator);
  const dissatisfaction = rat(tally.dissatisfied, denominator);

  const grade: SatisfactionGrade = gt(dissatisfaction, r(policy.incompetentAboveDissatisfaction))
    ? 'incompetent'
    : lt(satisfaction, r(policy.basicBelowSatisfaction))
      ? 'basic'
      : 'competent';
  const recall =
    policy.recallAboveDissatisfaction !== null && gt(dissatisfaction, r(policy.recallAboveDissatisfaction));
  return { kind: 'valid', summary, satisfaction, dissatisfaction, grade, recall };
}

/** "38/40（95.00%）" — a rate as a person checks it. */
export function describeRate(numerator: number, denominator: number): string {
  return `${numerator}/${denominator}（${toFixed(mul(div(rat(numerator), rat(denominator)), rat(100)), 2)}%）`;
}

/** "2/3" or "30%" — a policy ratio as written in the rules. */
export function describeRatio(ratio: string): string {
  return ratio.includes('/') ? ratio : `${toDecimal(mul(r(ratio), rat(100)))}%`;
}
