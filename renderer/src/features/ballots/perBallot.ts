/**
 * Counting at the table, one ballot at a time: a key adds one to an option.
 * Only the counts are kept, plus the option of the very last key so that Backspace
 * can undo one slip. No sequence, no time: nothing that could tie a mark to a voter.
 */
import { rat } from '../../../../shared/exact/rational';
import { describeRate } from '../../../../shared/method/satisfaction';
import { BALLOT_OPTIONS, DASH, percentText, type BallotOption } from '../../../../shared/model';
import { castOfCounts, zeroCounts, type TallyCounts } from './tally';

export const KEY_OPTIONS: Readonly<Record<string, BallotOption>> = {
  '1': 'verySatisfied',
  '2': 'satisfied',
  '3': 'basic',
  '4': 'dissatisfied',
  '0': 'invalid',
  ' ': 'abstain',
};

/** The key a person presses for each option, as shown on screen. */
export const OPTION_KEYS: Record<BallotOption, string> = {
  verySatisfied: '1',
  satisfied: '2',
  basic: '3',
  dissatisfied: '4',
  invalid: '0',
  abstain: '空格',
};

export interface PerBallotState {
  counts: TallyCounts;
  /** the option of the last key, forgotten after one undo */
  last: BallotOption | null;
}

export function startCounting(from?: TallyCounts): PerBallotState {
  return { counts: from ? { ...from } : zeroCounts(), last: null };
}

export type PerBallotAction = { type: 'mark'; option: BallotOption } | { type: 'undo' } | { type: 'reset' };

export function perBallotReducer(state: PerBallotState, action: PerBallotAction): PerBallotState {
  switch (action.type) {
    case 'mark':
      return { counts: { ...state.counts, [action.option]: state.counts[action.option] + 1 }, last: action.option };
    case 'undo': {
      const last = state.last;
      if (last === null || state.counts[last] === 0) return state;
      return { counts: { ...state.counts, [last]: state.counts[last] - 1 }, last: null };
    }
    case 'reset':
      return startCounting();
  }
}

/** The action for a key press, or null when the key means nothing here. */
export function actionForKey(key: string): PerBallotAction | null {
  if (key === 'Backspace') return { type: 'undo' };
  const option = KEY_OPTIONS[key];
  return option ? { type: 'mark', option } : null;
}

/** What the keypad shows as the ballots are counted. */
export interface RunningTally {
  /** each option's count and its share of the ballots counted so far (percent, two places) */
  options: { option: BallotOption; count: number; share: string }[];
  cast: number;
  /** ballots still to come if everyone voted (应参加 − counted); negative when over */
  left: number;
  /** 很满意 + 满意 over the ballots counted, as “38/40（95.00%）”; null before the first */
  satisfied: string | null;
}

export function runningTally(counts: TallyCounts, eligible: number): RunningTally {
  const cast = castOfCounts(counts);
  return {
    options: BALLOT_OPTIONS.map((option) => ({ option, count: counts[option], share: cast ? percentText(rat(counts[option], cast)) : DASH })),
    cast,
    left: eligible - cast,
    satisfied: cast ? describeRate(counts.verySatisfied + counts.satisfied, cast) : null,
  };
}
