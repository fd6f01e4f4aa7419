/**
 * Two acts a person records before 定稿 (docs/method.md §5.9, §10): holding a grade back
 * (暂缓定等, with a reason, reversible, like a decision of the review meeting) and
 * acknowledging a plausibility warning (合理性提示, with a reason). Both go through
 * changeRecords: logged with what they replaced, travelling in packages.
 */
import { computeAssessment, plausibilityWarnings, warningKey, warningStatuses } from '../../../shared/method';
import { HOLD_REASON_LABELS, WARNING_LABELS, type GradeHold, type WarningStatus } from '../../../shared/model';
import { auditState } from './audit';
import { changeRecords } from './change';
import { nowIso } from './ids';
import { loadAssessmentInput } from './load-input';
import { historyTables } from './people';
import type { HoldRecord, ShuangpingDb, WarningAckRecord } from './schema';

const holdState = (h: HoldRecord | undefined) => (h ? auditState(h, `${HOLD_REASON_LABELS[h.reason]}${h.note ? `：${h.note}` : ''}（${h.by}）`) : undefined);
const holdScope = (id: string) => ({ ids: [id], kinds: ['hold'] as const });

/** Holds a secretary's grade back; `other` needs its reason in words. Throws on a missing reason (the dialog checks first). */
export async function recordHold(db: ShuangpingDb, assessmentId: string, hold: Omit<GradeHold, 'at' | 'by'>, operator: string): Promise<HoldRecord> {
  const note = hold.note?.trim();
  if (hold.reason === 'other' && !note) throw new Error('a hold for another reason needs the reason in words');
  return changeRecords(db, assessmentId, holdScope(hold.id), async (log) => {
    const before = await db.holds.get([assessmentId, hold.id]);
    const record: HoldRecord = { assessmentId, id: hold.id, reason: hold.reason, by: operator, at: nowIso().slice(0, 10), ...(note ? { note } : {}) };
    await db.holds.put(record);
    log({ operator, action: 'hold.set', target: hold.id, before: holdState(before), after: holdState(record) });
    return record;
  });
}

export async function removeHold(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, holdScope(id), async (log) => {
    const before = await db.holds.get([assessmentId, id]);
    if (!before) return;
    await db.holds.delete([assessmentId, id]);
    log({ operator, action: 'hold.remove', target: id, before: holdState(before) });
  });
}

/** The warnings of the data as stored, each with its acknowledgment and whether that still covers it. */
export async function readWarningStatuses(db: ShuangpingDb, assessmentId: string): Promise<WarningStatus[]> {
  return db.transaction('r', [...historyTables(db), db.warningAcks], async () => {
    const input = await loadAssessmentInput(db, assessmentId);
    const acks = await db.warningAcks.where('assessmentId').equals(assessmentId).toArray();
    return warningStatuses(plausibilityWarnings(computeAssessment(input), input.policy), acks);
  });
}

/**
 * Acknowledges a warning as the data stands now: the digest is taken from the warning
 * computed inside the transaction, so an acknowledgment never covers data it did not see.
 * Returns null when the warning is no longer raised.
 */
export async function acknowledgeWarning(
  db: ShuangpingDb,
  assessmentId: string,
  which: { id: string; warning: string },
  reason: string,
  operator: string,
): Promise<WarningAckRecord | null> {
  const [record] = await acknowledgeWarnings(db, assessmentId, [which], reason, operator);
  return record ?? null;
}

/**
 * Acknowledges several warnings with one reason (a person has checked each against the
 * papers), in one transaction: each its own acknowledgment and audit entry, with its
 * digest as computed now. Warnings no longer raised are skipped.
 */
export async function acknowledgeWarnings(
  db: ShuangpingDb,
  assessmentId: string,
  which: readonly { id: string; warning: string }[],
  reason: string,
  operator: string,
): Promise<WarningAckRecord[]> {
  const words = reason.trim();
  if (!words) throw new Error('an acknowledgment needs a reason');
  const ids = [...new Set(which.map((w) => w.id))];
  return changeRecords(db, assessmentId, { ids, kinds: ['warningAck'] }, async (log) => {
    const input = await loadAssessmentInput(db, assessmentId);
    const raised = new Map(plausibilityWarnings(computeAssessment(input), input.policy).map((w) => [warningKey(w), w]));
    const records: WarningAckRecord[] = [];
    for (const asked of which) {
      const warning = raised.get(warningKey(asked));
      if (!warning) continue;
      const before = await db.warningAcks.get([assessmentId, warning.id, warning.warning]);
      const record: WarningAckRecord = {
        assessmentId,
        id: warning.id,
        warning: warning.warning,
        digest: warning.digest,
        reason: words,
        by: operator,
        at: nowIso(),
      };
      await db.warningAcks.put(record);
      const state = (a: WarningAckRecord | undefined) => (a ? auditState(a, `${WARNING_LABELS[warning.code]}：${a.reason}（${a.by}）`) : undefined);
      log({ operator, action: 'warning.ack', target: warning.id, before: state(before), after: state(record) });
      records.push(record);
    }
    return records;
  });
}
