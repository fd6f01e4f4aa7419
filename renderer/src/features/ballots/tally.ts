/**
 * One ballot box's tally as typed by a person: validation with errors that block
 * saving and warnings that do not (docs/method.md §3). Counts only — nothing about voters.
 */
import { tallyProblems, turnoutMet as methodTurnoutMet } from '../../../../shared/method/tally-check';
import { BALLOT_OPTIONS, BALLOT_OPTION_LABELS, type BallotOption } from '../../../../shared/model';

/** The fields of a tally form, in the order a person enters them. */
export const TALLY_FIELDS = ['issued', ...BALLOT_OPTIONS] as const;
export type TallyField = (typeof TALLY_FIELDS)[number];

export const TALLY_FIELD_LABELS: Record<TallyField, string> = {
  issued: '发出票数',
  ...BALLOT_OPTION_LABELS,
};

export type TallyCounts = Record<BallotOption, number> & { issued?: number };
/** What the inputs hold: text, possibly empty or wrong. */
export type TallyDraft = Record<TallyField, string>;

export const EMPTY_DRAFT: TallyDraft = {
  issued: '',
  verySatisfied: '',
  satisfied: '',
  basic: '',
  dissatisfied: '',
  invalid: '',
  abstain: '',
};

export function draftFromCounts(c: Partial<TallyCounts>): TallyDraft {
  const d: TallyDraft = { ...EMPTY_DRAFT };
  for (const f of TALLY_FIELDS) {
    const v = c[f];
    if (v !== undefined) d[f] = String(v);
  }
  return d;
}

export function zeroCounts(): TallyCounts {
  return { verySatisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, invalid: 0, abstain: 0 };
}

export function castOfCounts(c: TallyCounts): number {
  return BALLOT_OPTIONS.reduce((s, o) => s + c[o], 0);
}

export interface TallyCheck {
  /** the parsed counts, or null while a field is not a whole number */
  counts: TallyCounts | null;
  cast: number | null;
  /** per field: the text is not a count */
  fieldErrors: Partial<Record<TallyField, string>>;
  /** block saving (the vote is void and must be repeated) */
  errors: string[];
  /** shown, saving allowed */
  warnings: string[];
}

const WHOLE = /^\d+$/;

/**
 * Checks a draft against the roster's eligible voters. An empty option counts as 0;
 * an empty 发出票数 means "not recorded". minTurnout is the policy's exact ratio ("2/3").
 */
export function checkTally(draft: TallyDraft, eligible: number, minTurnout = '2/3'): TallyCheck {
  const fieldErrors: Partial<Record<TallyField, string>> = {};
  const counts = zeroCounts();
  let issued: number | undefined;
  for (const f of TALLY_FIELDS) {
    const text = draft[f].trim();
    if (text === '') continue;
    if (!WHOLE.test(text)) {
      fieldErrors[f] = `${TALLY_FIELD_LABELS[f]}应为不小于0的整数`;
      continue;
    }
    const n = Number(text);
    if (f === 'issued') issued = n;
    else counts[f] = n;
  }
  const errors = Object.values(fieldErrors);
  if (errors.length) return { counts: null, cast: null, fieldErrors, errors, warnings: [] };

  const full: TallyCounts = issued === undefined ? counts : { ...counts, issued };
  // the method's one rule: a void vote blocks saving, low turnout is said but saved
  const problems = tallyProblems(full, eligible, minTurnout);
  const warnings = problems.filter((p) => !p.void).map((p) => p.message);
  errors.push(...problems.filter((p) => p.void).map((p) => p.message));
  return { counts: full, cast: castOfCounts(full), fieldErrors, errors, warnings };
}

/** cast ≥ minTurnout × eligible, exactly (the method's rule). */
export function turnoutMet(cast: number, eligible: number, minTurnout = '2/3'): boolean {
  return methodTurnoutMet(cast, eligible, minTurnout);
}
