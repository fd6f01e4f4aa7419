/**
 * Ballot tallies in the database. A tally counts when two operators agree on it: two
 * blind entries that agree (or whose every difference a person settled), or — for a
 * tally imported from a workbook, which is one entry — a second operator's blind entry
 * that agrees with it, or their 复核 against the paper tally sheet. Until then an
 * imported tally counts in the results, which say how many are unconfirmed.
 * Every change goes to the audit log — never the first entry's numbers, so the second
 * person stays blind.
 */
import { castOf, type BallotTally } from '../../../../shared/model';
import { auditState } from '../../db/audit';
import { changeRecords } from '../../db/change';
import { nowIso } from '../../db/ids';
import type { ShuangpingDb, TallyEntryRecord, TallyRecord } from '../../db/schema';
import { differingFields } from './doubleEntry';
import { TALLY_FIELD_LABELS, type TallyCounts } from './tally';

export type TallyStatus = 'none' | 'firstEntered' | 'differs' | 'accepted' | 'imported' | 'importDiffers' | 'confirmed';

export const TALLY_STATUS_LABELS: Record<TallyStatus, string> = {
  none: '未录入',
  firstEntered: '待第二次录入',
  differs: '两次录入不一致',
  accepted: '已双录确认',
  imported: '已导入，待复核',
  importDiffers: '导入与录入不一致',
  confirmed: '已导入并复核',
};

/** The second person's act on a tally: confirmed by two operators. */
export const isConfirmed = (t: TallyRecord): boolean => t.source === 'doubleEntry' || t.confirmed !== undefined;

export function tallyStatus(tally: TallyRecord | undefined, entries: readonly TallyEntryRecord[]): TallyStatus {
  const second = entries.find((e) => e.slot === 2);
  if (tally) {
    if (isConfirmed(tally)) return tally.source === 'import' ? 'confirmed' : 'accepted';
    return second ? 'importDiffers' : 'imported';
  }
  const first = entries.find((e) => e.slot === 1);
  if (first && second) return 'differs';
  return first || second ? 'firstEntered' : 'none';
}

/** Who entered the counts the second person checks: the first entry's operator, or the importer. */
export function firstPerson(tally: TallyRecord | undefined, entries: readonly TallyEntryRecord[]): string | undefined {
  if (tally?.source === 'import') return tally.importedBy ?? '';
  return entries.find((e) => e.slot === 1)?.operator;
}

/** An imported tally seen as the first of two entries (for the side-by-side check). */
export function importAsEntry(tally: TallyRecord): TallyEntryRecord {
  return { ...countsOf(tally), assessmentId: tally.assessmentId, id: tally.id, slot: 1, operator: `${tally.importedBy || '未署名'}（导入）` };
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
export const tallyState = (t: TallyRecord) => auditState(countsOf(t), `${castOf(t)}票`);

const tallyScope = (id: string) => ({ ids: [id], kinds: ['tally'] as const });

/**
 * Saves one blind entry. A second entry that completes a pair that agrees — with the
 * first entry, or with an imported tally — makes the tally count at once. The two
 * entries are two operators'.
 */
export async function saveEntry(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  slot: 1 | 2,
  operator: string,
  counts: TallyCounts,
): Promise<'saved' | 'accepted' | 'differs'> {
  return changeRecords(db, assessmentId, tallyScope(id), async (log) => {
    const tally = await db.tallies.get([assessmentId, id]);
    const entries = await db.tallyEntries.where('[assessmentId+id]').equals([assessmentId, id]).toArray();
    if (tally && (isConfirmed(tally) || slot === 1)) throw new Error(`tally ${id} is not open for entry ${slot}`);
    const other = slot === 2 ? firstPerson(tally, entries) : entries.find((e) => e.slot === 2)?.operator;
    if (other !== undefined && other === operator) throw new Error('the two entries of a tally are two operators’');
    const entry: TallyEntryRecord = { ...countsOf({ id, ...counts }), assessmentId, id, slot, operator };
    await db.tallyEntries.put(entry);
    // words only: a digest of a few small counts could be guessed, and the second person must stay blind
    log({ operator, action: 'tally.entry', target: id, after: `第${slot}次录入` });
    const against = tally ? countsOf(tally) : entries.find((e) => e.slot === (slot === 1 ? 2 : 1));
    if (!against) return 'saved';
    if (differingFields(countsOf(against as BallotTally), counts).length) return 'differs';
    const agreed: TallyRecord = tally
      ? { ...tally, confirmed: { by: operator, at: nowIso(), how: 'entry' } }
      : { ...countsOf({ id, ...counts }), assessmentId, id, source: 'doubleEntry' };
    await db.tallies.put(agreed);
    log({ operator, action: tally ? 'tally.confirm' : 'tally.accept', target: id, after: tallyState(agreed) });
    return 'accepted';
  });
}

/**
 * Writes the tally a person agreed field by field between two entries (or an imported
 * tally and a second entry), and records which fields differed.
 */
export async function acceptResolved(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  operator: string,
  first: TallyCounts,
  second: TallyCounts,
  resolved: TallyCounts,
): Promise<void> {
  await changeRecords(db, assessmentId, tallyScope(id), async (log) => {
    const imported = await db.tallies.get([assessmentId, id]);
    const counts = { ...countsOf({ id, ...resolved }), assessmentId, id };
    const tally: TallyRecord = imported
      ? {
          ...counts,
          source: 'import',
          ...(imported.importedBy !== undefined ? { importedBy: imported.importedBy } : {}),
          confirmed: { by: operator, at: nowIso(), how: 'entry' },
        }
      : { ...counts, source: 'doubleEntry' };
    await db.tallies.put(tally);
    const fields = differingFields(first, second).map((f) => `${TALLY_FIELD_LABELS[f]}：${first[f] ?? '—'}/${second[f] ?? '—'}→${resolved[f] ?? '—'}`);
    log({ operator, action: 'tally.resolve', target: id, before: fields.join('；'), after: tallyState(tally) });
  });
}

/** 复核: a second operator checked an imported tally against the paper tally sheet; it is confirmed. */
export async function reviewTally(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, tallyScope(id), async (log) => {
    const tally = await db.tallies.get([assessmentId, id]);
    if (!tally || isConfirmed(tally)) return;
    if (tally.importedBy === operator) throw new Error('a tally is confirmed by another operator than who imported it');
    const confirmed: TallyRecord = { ...tally, confirmed: { by: operator, at: nowIso(), how: 'review' } };
    await db.tallies.put(confirmed);
    log({ operator, action: 'tally.review', target: id, before: `导入（${tally.importedBy || '未署名'}）`, after: tallyState(confirmed) });
  });
}

/** Drops the second entry so it can be entered again, blind. */
export async function discardSecondEntry(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, tallyScope(id), async (log) => {
    await db.tallyEntries.delete([assessmentId, id, 2]);
    log({ operator, action: 'tally.reenter', target: id, after: '第2次录入作废，重新录入' });
  });
}

/** Starts over: a new vote, or a tally entered wrongly. The tally it drops stays in the log. */
export async function resetTally(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, tallyScope(id), async (log) => {
    const before = await db.tallies.get([assessmentId, id]);
    await db.tallyEntries.where('[assessmentId+id]').equals([assessmentId, id]).delete();
    await db.tallies.delete([assessmentId, id]);
    log({ operator, action: 'tally.reset', target: id, before: before ? tallyState(before) : '', after: '清空，重新录入' });
  });
}
