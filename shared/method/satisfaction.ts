/** The satisfaction ballot (docs/method.md §3): turnout, satisfaction, test grade, recall. */
import { div, gt, lt, mul, rat, toFixed, type Rational } from '../exact/rational';
import { policyNumbers } from '../policy/numbers';
import type { BallotSummary, BallotTally, Policy, SatisfactionGrade } from '../model';
import { castOf, validOf } from '../model';
import { tallyProblems, type TallyProblem } from './tally-check';

export { describeRatio, turnoutMet } from './tally-check';

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
  /** fewer than minTurnout × eligible returned their ballot: the test is invalid (`problems`: the one turnoutLow) */
  | { kind: 'turnoutLow'; summary: BallotSummary; problems: TallyProblem[] }
  /** more ballots than voters or than were issued, more issued than voters: the vote is void and must be repeated */
  | { kind: 'void'; summary: BallotSummary; problems: TallyProblem[] }
  /** `satisfactionDenominator: valid` and not one valid ballot */
  | { kind: 'noValidBallot'; summary: BallotSummary };

export function summarizeBallots(tally: BallotTally, eligible: number): BallotSummary {
  const { verySatisfied, satisfied, basic, dissatisfied, invalid, abstain, issued } = tally;
  const cast = castOf(tally);
  // one object of its final size either way (a field added later would be stored apart)
  return issued === undefined
    ? { verySatisfied, satisfied, basic, dissatisfied, invalid, abstain, cast, eligible }
    : { verySatisfied, satisfied, basic, dissatisfied, invalid, abstain, cast, eligible, issued };
}

const isVoiding = (p: TallyProblem) => p.void;

export function evaluateBallots(tally: BallotTally, eligible: number, policy: Policy): BallotOutcome {
  const summary = summarizeBallots(tally, eligible);
  // the one rule of tally-check.ts: void first, then turnout
  const problems = tallyProblems(tally, eligible, policy.minTurnout);
  if (problems.length) {
    const voiding = problems.filter(isVoiding);
    return voiding.length ? { kind: 'void', summary, problems: voiding } : { kind: 'turnoutLow', summary, problems };
  }

  const denominator = policy.satisfactionDenominator === 'cast' ? summary.cast : validOf(tally);
  if (denominator === 0) return { kind: 'noValidBallot', summary };
  const satisfaction = rat(tally.verySatisfied + tally.satisfied, denominator);
  const dissatisfaction = rat(tally.dissatisfied, denominator);

  const limits = policyNumbers(policy);
  const grade: SatisfactionGrade = gt(dissatisfaction, limits.incompetentAboveDissatisfaction)
    ? 'incompetent'
    : lt(satisfaction, limits.basicBelowSatisfaction)
      ? 'basic'
      : 'competent';
  const recall = limits.recallAboveDissatisfaction !== null && gt(dissatisfaction, limits.recallAboveDissatisfaction);
  return { kind: 'valid', summary, satisfaction, dissatisfaction, grade, recall };
}

/** "38/40（95.00%）" — a rate as a person checks it. */
export function describeRate(numerator: number, denominator: number): string {
  return `${numerator}/${denominator}（${toFixed(mul(div(rat(numerator), rat(denominator)), rat(100)), 2)}%）`;
}
