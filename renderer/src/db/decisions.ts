/** Decisions of the review meeting (部长办公会审定): recorded with who and why, in the audit log. */
import { DEFAULT_GRADE_LABELS, type Decision } from '../../../shared/model';
import { appendAudit, auditState } from './audit';
import { nowIso } from './ids';
import { editAssessment } from './lock';
import { recordDeletions, unitsOfSecretaries } from './tombstones';
import type { DecisionRecord, ShuangpingDb } from './schema';

/** A decision as the log keeps it: the grade in words (the reason is in the digest). */
const decisionState = (d: DecisionRecord | undefined) => (d ? auditState(d, `${DEFAULT_GRADE_LABELS[d.grade]}（${d.by}）`) : undefined);

export async function recordDecision(db: ShuangpingDb, assessmentId: string, decision: Omit<Decision, 'at'>, operator: string): Promise<void> {
  await editAssessment(db, assessmentId, [db.decisions], async () => {
    const before = await db.decisions.get([assessmentId, decision.id]);
    // the day, as the decision reads on every print; the audit entry keeps the exact time
    const record: DecisionRecord = { ...decision, at: nowIso().slice(0, 10), assessmentId };
    await db.decisions.put(record);
    await appendAudit(db, { assessmentId, operator, action: 'decision.set', target: decision.id, before: decisionState(before), after: decisionState(record) });
  });
}

export async function removeDecision(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await editAssessment(db, assessmentId, [db.decisions], async () => {
    const before = await db.decisions.get([assessmentId, id]);
    if (!before) return;
    const units = await unitsOfSecretaries(db, assessmentId, [id], ['decision']);
    await db.decisions.delete([assessmentId, id]);
    const entry = await appendAudit(db, { assessmentId, operator, action: 'decision.remove', target: id, before: decisionState(before) });
    await recordDeletions(db, assessmentId, units, await unitsOfSecretaries(db, assessmentId, [id], ['decision']), entry);
  });
}
