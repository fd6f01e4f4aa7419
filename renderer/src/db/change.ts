/**
 * One change of some secretaries' records, the way every edit and import writes: ONE
 * transaction over the record tables and the change tables, the lock checked first
 * (lock.ts; only the 奖惩意见 and 期满评价 are taken after 定稿, `AFTER_LOCK_KINDS`), the units touched read before and after (units.ts), and the audit entries
 * the change logs appended at the end — the last one keeping what the change replaced
 * (`prior`, prior.ts), so it can be seen and brought back — and a tombstone left for
 * every unit it removed (tombstones.ts), so the deletion travels.
 *
 *   await changeRecords(db, assessmentId, { ids: ['S1'], kinds: ['decision'] }, async (log) => {
 *     await db.decisions.put(record);
 *     log({ operator, action: 'decision.set', target: 'S1', after: '优秀' });
 *   });
 */
import type { Unit, UnitKind } from '../../../shared/exchange/units';
import { appendAudit, type AuditEntry } from './audit';
import { editAssessment } from './lock';
import { priorOf } from './prior';
import type { AuditRecord, ShuangpingDb } from './schema';
import { recordDeletions } from './tombstones';
import { spanEnd, spanStart } from './timing';
import { readUnits, unitTableList } from './units';

/** What a change touches: the secretaries (null: all) and the kinds of their records. */
export interface ChangeScope {
  ids: readonly string[] | null;
  kinds: readonly UnitKind[];
}

/** An entry to log; its state after may be worked out from the scope's units after the write (read once, here). */
export type LogEntry = Omit<AuditEntry, 'assessmentId' | 'prior' | 'after'> & {
  after?: string | undefined | ((after: ReadonlyMap<string, Unit>) => Promise<string>);
};

/**
 * Runs `write` as one change; returns its result. A change that logs nothing is not
 * recorded. `write` is given the units of the scope as they stand (read once, here),
 * and may tell the units of the scope after it (`known`) when it knows them exactly —
 * the records it wrote and those it left, as a read gives them — so they are not read
 * back (a province's import); otherwise they are read after the write.
 */
export async function changeRecords<T>(
  db: ShuangpingDb,
  assessmentId: string,
  scope: ChangeScope,
  write: (log: (entry: LogEntry) => void, before: ReadonlyMap<string, Unit>, known: (after: ReadonlyMap<string, Unit>) => void) => Promise<T>,
): Promise<T> {
  return editAssessment(
    db,
    assessmentId,
    unitTableList(db),
    async () => {
      const t = spanStart();
      const before = await readUnits(db, assessmentId, scope.ids, scope.kinds);
      spanEnd('change.before', t);
      const entries: LogEntry[] = [];
      let known: ReadonlyMap<string, Unit> | undefined;
      const result = await write(
        (entry) => entries.push(entry),
        before,
        (after) => (known = after),
      );
      if (entries.length) {
        const t1 = spanStart();
        const after = known ?? (await readUnits(db, assessmentId, scope.ids, scope.kinds));
        spanEnd('change.after', t1);
        const t2 = spanStart();
        const prior = priorOf(before, after);
        spanEnd('change.prior', t2);
        let last: AuditRecord | undefined;
        for (const [i, entry] of entries.entries()) {
          const t3 = spanStart();
          const state = typeof entry.after === 'function' ? await entry.after(after) : entry.after;
          spanEnd('change.afterState', t3);
          last = await appendAudit(db, { ...entry, after: state, assessmentId, prior: i === entries.length - 1 ? prior : undefined });
        }
        await recordDeletions(db, assessmentId, before, after, last!);
      }
      return result;
    },
    scope.kinds,
  );
}
