/**
 * Double entry in the database. Each entry is a tally (counts only) with its slot and
 * operator; the tally that counts is written to `tallies` only when the two agree or a
 * person has resolved every difference. Changes are recorded in the audit log —
 * without the first entry's numbers, so the second person stays blind.
 */
import { castOf, type BallotTally } from '../../../../shared/model';
import { appendAudit, auditState } from '../../db/audit';
import { editAssessment } from '../../db/lock';
import { recordDeletions, unitsOfSecretaries } from '../../db/tombstones';
import type { ShuangpingDb, TallyEntryRecord, TallyRecord } from '../../db/schema';
import { differingFields } from './doubleEntry';
import { TALLY_FIELD_LABELS, type TallyCounts } from './tally';

export type TallyStatus = 'none' | 'firstEntered' | 'differs' | 'accepted' | 'imported';

export const TALLY_STATUS_LABELS: Record<TallyStatus, string> = {
  none: '未录入',
  firstEntered: '待第二次录入',
  differs: '两次录入不一致',
  accepted: '已双录确认',
  imported: '已导入',
};

export function tallyStatus(tally: TallyRecord | undefined, entries: readonly TallyEntryRecord[]): TallyStatus {
  if (tally) return tally.source === 'import' ? 'imported' : 'accepted';
  const first = entries.find((e) => e.slot === 1);
  const second = entries.find((e) => e.slot === 2);
  if (first && second) return 'differs';
  return first || second ? 'firstEntered' : 'none';
}

export function countsOf(t: BallotTally): TallyCounts {
  const c: TallyCounts = {
    verySatisfied: t.verySatisfied,
    satisfied: t.satisfied,
    basic: t.basic,
    dissatisfied: t.dissatisfied,
    invalid: t.invalid,
    abstain: t.abstain,
  };
  if (t.issued !== undefined) c.issued = t.issued;
  return c;
}

/** A tally as the log keeps it: votes cast and the digest. */
const tallyState = (t: TallyRecord) => auditState(t, `${castOf(t)}票`);

function tallyRecord(assessmentId: string, id: string, counts: TallyCounts): TallyRecord {
  return { ...countsOf({ id, ...counts }), assessmentId, id, source: 'doubleEntry' };
}

/**
 * Saves one blind entry. When it completes a pair that agrees, the tally is accepted
 * at once. Returns what happened.
 */
export async function saveEntry(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  slot: 1 | 2,
  operator: string,
  counts: TallyCounts,
): Promise<'saved' | 'accepted' | 'differs'> {
  return editAssessment(db, assessmentId, [db.tallyEntries, db.tallies], async () => {
    const entry: TallyEntryRecord = { ...countsOf({ id, ...counts }), assessmentId, id, slot, operator };
    await db.tallyEntries.put(entry);
    // words only: a digest of a few small counts could be guessed, and the second person must stay blind
    await appendAudit(db, { assessmentId, operator, action: 'tally.entry', target: id, after: `第${slot}次录入` });
    const other = await db.tallyEntries.get([assessmentId, id, slot === 1 ? 2 : 1]);
    if (!other) return 'saved';
    if (differingFields(countsOf(other), counts).length) return 'differs';
    const tally = tallyRecord(assessmentId, id, counts);
    await db.tallies.put(tally);
    await appendAudit(db, { assessmentId, operator, action: 'tally.accept', target: id, after: tallyState(tally) });
    return 'accepted';
  });
}

/** Writes the tally a person agreed field by field, and records which fields differed. */
export async function acceptResolved(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  operator: string,
  first: TallyCounts,
  second: TallyCounts,
  resolved: TallyCounts,
): Promise<void> {
  await editAssessment(db, assessmentId, [db.tallies], async () => {
    const tally = tallyRecord(assessmentId, id, resolved);
    await db.tallies.put(tally);
    const fields = differingFields(first, second).map(
      (f) => `${TALLY_FIELD_LABELS[f]}：${first[f] ?? '—'}/${second[f] ?? '—'}→${resolved[f] ?? '—'}`,
    );
    await appendAudit(db, { assessmentId, operator, action: 'tally.resolve', target: id, before: fields.join('；'), after: tallyState(tally) });
  });
}

/** Drops the second entry so it can be entered again, blind. */
export async function discardSecondEntry(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await editAssessment(db, assessmentId, [db.tallyEntries], async () => {
    await db.tallyEntries.delete([assessmentId, id, 2]);
    await appendAudit(db, { assessmentId, operator, action: 'tally.reenter', target: id, after: '第2次录入作废，重新录入' });
  });
}

/** Starts over: a new vote, or a tally entered wrongly. */
export async function resetTally(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await editAssessment(db, assessmentId, [db.tallyEntries, db.tallies], async () => {
    const before = await db.tallies.get([assessmentId, id]);
    const units = await unitsOfSecretaries(db, assessmentId, [id], ['tally']);
    await db.tallyEntries.where('[assessmentId+id]').equals([assessmentId, id]).delete();
    await db.tallies.delete([assessmentId, id]);
    const entry = await appendAudit(db, { assessmentId, operator, action: 'tally.reset', target: id, before: before ? tallyState(before) : '', after: '清空，重新录入' });
    await recordDeletions(db, assessmentId, units, await unitsOfSecretaries(db, assessmentId, [id], ['tally']), entry);
  });
}
