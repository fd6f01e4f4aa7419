/** Decisions of the review meeting (部长办公会审定): recorded with who and why, in the audit log. */
import type { Decision } from '../../../shared/model';
import { appendAudit } from './audit';
import { nowIso } from './ids';
import type { ShuangpingDb } from './schema';

export async function recordDecision(db: ShuangpingDb, assessmentId: string, decision: Omit<Decision, 'at'>, operator: string): Promise<void> {
  await db.transaction('rw', db.decisions, db.audit, async () => {
    const before = await db.decisions.get([assessmentId, decision.id]);
    // the day, as the decision reads on every print; the audit entry keeps the exact time
    const record = { ...decision, at: nowIso().slice(0, 10), assessmentId };
    await db.decisions.put(record);
    await appendAudit(db, { assessmentId, operator, action: 'decision.set', target: decision.id, before: before ? { grade: before.grade, reason: before.reason } : undefined, after: { grade: decision.grade, reason: decision.reason, by: decision.by } });
  });
}

export async function removeDecision(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await db.transaction('rw', db.decisions, db.audit, async () => {
    const before = await db.decisions.get([assessmentId, id]);
    if (!before) return;
    await db.decisions.delete([assessmentId, id]);
    await appendAudit(db, { assessmentId, operator, action: 'decision.remove', target: id, before: { grade: before.grade, reason: before.reason } });
  });
}
