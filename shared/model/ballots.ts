/** 群众满意度测评: ballot tallies, docs/method.md §3. */

export const BALLOT_OPTIONS = ['verySatisfied', 'satisfied', 'basic', 'dissatisfied', 'invalid', 'abstain'] as const;
/** A returned ballot: one of the four marks, void (废票) or blank (弃权). */
export type BallotOption = (typeof BALLOT_OPTIONS)[number];

/** The tally of one secretary's ballot box. Counts only: nothing about any voter. */
export interface BallotTally {
  id: string;
  verySatisfied: number;
  satisfied: number;
  basic: number;
  dissatisfied: number;
  invalid: number;
  abstain: number;
  /** 发出票数, when recorded */
  issued?: number;
}

/** cast (投票数) = every ballot returned: valid, void and blank. */
export function castOf(t: BallotTally): number {
  return t.verySatisfied + t.satisfied + t.basic + t.dissatisfied + t.invalid + t.abstain;
}

/** valid ballots: those with exactly one of the four marks. */
export function validOf(t: BallotTally): number {
  return t.verySatisfied + t.satisfied + t.basic + t.dissatisfied;
}
