/**
 * 票箱 (docs/method.md §14.5): each secretary's ballot box — ballots issued and when,
 * returned and when, the names of its 计票单 — so the team sees which boxes are still
 * out. Voters by group (001 第十七条) may be counted per box; their sum is then the
 * electorate (应参加人数), offered to the roster as a change a person accepts.
 */
import { castOf, VOTER_GROUPS, type BallotBox, type BallotTally } from '../model';

/** Still out: issued, not yet returned. */
export const isOut = (box: Pick<BallotBox, 'returned'>): boolean => box.returned === undefined;

/** The electorate the voters by group give, or null when none is counted. */
export function votersTotal(voters: BallotBox['voters']): number | null {
  if (!voters) return null;
  const given = VOTER_GROUPS.map((g) => voters[g]).filter((n): n is number => n !== undefined);
  return given.length ? given.reduce((a, b) => a + b, 0) : null;
}

export type BoxField = 'issued' | 'returned' | 'returnedAt' | 'voters';

/** What cannot stand in a box (counts whole and not negative already): one sentence each. */
export function boxProblems(box: BallotBox, eligible: number): { field: BoxField; message: string }[] {
  const problems: { field: BoxField; message: string }[] = [];
  const electorate = votersTotal(box.voters) ?? eligible;
  if (box.issued > electorate) problems.push({ field: 'issued', message: `发出票数${box.issued}超过应参加人数${electorate}，本次测评无效，应重新组织投票` });
  if (box.returned !== undefined && box.returned > box.issued)
    problems.push({ field: 'returned', message: `收回票数${box.returned}超过发出票数${box.issued}，本次测评无效，应重新组织投票` });
  if (box.returned !== undefined && !box.returnedAt) problems.push({ field: 'returnedAt', message: '请填写收回日期' });
  if (box.returnedAt && box.returnedAt < box.issuedAt) problems.push({ field: 'returnedAt', message: '收回日期早于发出日期' });
  return problems;
}

/** Where the box and the secretary's tally or roster do not agree: worth a look, not an error. */
export function boxNotes(box: BallotBox, tally: BallotTally | undefined, eligible: number): string[] {
  const notes: string[] = [];
  if (tally && box.returned !== undefined && castOf(tally) !== box.returned) notes.push(`收回票数${box.returned}与计票的投票数${castOf(tally)}不一致`);
  if (tally?.issued !== undefined && tally.issued !== box.issued) notes.push(`发出票数${box.issued}与计票单的发出票数${tally.issued}不一致`);
  const total = votersTotal(box.voters);
  if (total !== null && total !== eligible) notes.push(`各类参加人员合计${total}人，名册中的应参加人数为${eligible}人`);
  return notes;
}
