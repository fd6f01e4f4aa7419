/**
 * Whether a ballot box's tally can stand (docs/method.md §3.2): the one rule, with one Chinese
 * message per case, for the workbook readers, the method, the tally form and the
 * import. cast > issued, cast > eligible and issued > eligible void the vote (bad
 * input: it must be repeated); turnout below the minimum is not bad input, but the
 * test is invalid (flag `turnoutLow`).
 */
import { mul, r, rat, toDecimal, type Rational } from '../exact/rational';
import type { BallotTally } from '../model';

export type TallyProblemCode = 'castOverIssued' | 'castOverEligible' | 'issuedOverEligible' | 'turnoutLow';

export interface TallyProblem {
  code: TallyProblemCode;
  /** the vote is void and must be repeated: bad input, never accepted (all but turnoutLow) */
  void: boolean;
  /** Chinese, for a person */
  message: string;
}

/** The counts of a tally: the six options and 发出票数 when recorded. */
export type TallyCounts = Omit<BallotTally, 'id'>;

/** A policy's ratio text as an exact number, parsed once per text; its terms as doubles too. */
const ratios = new Map<string, { ratio: Rational; n: number; d: number }>();
function ratioOf(text: string): { ratio: Rational; n: number; d: number } {
  let known = ratios.get(text);
  if (!known) {
    const ratio = r(text);
    ratios.set(text, (known = { ratio, n: Number(ratio.n), d: Number(ratio.d) }));
  }
  return known;
}

/** cast ≥ minTurnout × eligible, compared in integers (3·cast ≥ 2·eligible for 2/3). */
export function turnoutMet(cast: number, eligible: number, minTurnout: string): boolean {
  const { ratio, n, d } = ratioOf(minTurnout);
  // counts times a ratio of a few digits: products below 2^53 are exact in doubles
  const left = cast * d;
  const right = n * eligible;
  if (Number.isSafeInteger(left) && Number.isSafeInteger(right)) return left >= right;
  return BigInt(cast) * ratio.d >= ratio.n * BigInt(eligible);
}

/** "2/3" or "30%" — a policy ratio as written in the rules. */
export function describeRatio(ratio: string): string {
  return ratio.includes('/') ? ratio : `${toDecimal(mul(r(ratio), rat(100)))}%`;
}

const REPEAT = '本次测评无效，应重新组织投票';

/**
 * Every problem of a tally, in the order above. Without `eligible` (a workbook read
 * before the roster is known) only cast > issued is checked; without `minTurnout`
 * turnout is not.
 */
export function tallyProblems(tally: TallyCounts, eligible?: number, minTurnout?: string): TallyProblem[] {
  // called once per secretary: no copy of the tally, no function made per call
  const cast = tally.verySatisfied + tally.satisfied + tally.basic + tally.dissatisfied + tally.invalid + tally.abstain;
  const { issued } = tally;
  const problems: TallyProblem[] = [];
  if (issued !== undefined && cast > issued) problems.push(problem('castOverIssued', `投票数 ${cast} 超过发出票数 ${issued}，${REPEAT}`));
  if (eligible !== undefined) {
    if (cast > eligible) problems.push(problem('castOverEligible', `投票数 ${cast} 超过应参加人数 ${eligible}，${REPEAT}`));
    if (issued !== undefined && issued > eligible) problems.push(problem('issuedOverEligible', `发出票数 ${issued} 超过应参加人数 ${eligible}，${REPEAT}`));
    if (minTurnout !== undefined && cast <= eligible && !turnoutMet(cast, eligible, minTurnout)) {
      problems.push(problem('turnoutLow', `投票数 ${cast} 不足应参加人数 ${eligible} 的 ${describeRatio(minTurnout)}，测评无效，等次待定，应重新组织投票`));
    }
  }
  return problems;
}

const problem = (code: TallyProblemCode, message: string): TallyProblem => ({ code, void: code !== 'turnoutLow', message });
