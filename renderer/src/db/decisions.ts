/**
 * Decisions of the review meeting (部长办公会审定): recorded with who and why, in the
 * audit log, which keeps the decision a change replaced or removed. A decision that puts a band over its quota, or leaves a place empty,
 * keeps what it did (`quotaNote`), worked out from the data as it is saved.
 */
import { computeAssessment, quotaSentence } from '../../../shared/method';
import { DEFAULT_GRADE_LABELS, type Decision } from '../../../shared/model';
import { auditState } from './audit';
import { changeRecords } from './change';
import { nowIso } from './ids';
import { loadAssessmentInput } from './load-input';
import type { DecisionRecord, ShuangpingDb } from './schema';

/** A decision as the log keeps it: the grade in words, and what it did to the quota (the reason is in the digest). */
const decisionState = (d: DecisionRecord | undefined) =>
  d ? auditState(d, `${DEFAULT_GRADE_LABELS[d.grade]}（${d.by}）${d.quotaNote ? `；${d.quotaNote}` : ''}`) : undefined;

const decisionScope = (id: string) => ({ ids: [id], kinds: ['decision'] as const });

/**
 * What `decision` does to its category's quotas, with every other decision as stored:
 * `本类别优秀 4 人，超出名额（3 人）1 人`, or undefined when it stays within them.
 * Call inside a transaction over the method's tables.
 */
async function quotaNoteOf(db: ShuangpingDb, assessmentId: string, decision: Decision): Promise<string | undefined> {
  const input = await loadAssessmentInput(db, assessmentId);
  input.decisions = [...input.decisions.filter((d) => d.id !== decision.id), decision];
  const category = computeAssessment(input).categories.find((c) => c.rows.some((r) => r.id === decision.id));
  return quotaSentence(category?.quotaNotes.filter((n) => n.decided.includes(decision.id)) ?? [], '本类别') ?? undefined;
}

export async function recordDecision(
  db: ShuangpingDb,
  assessmentId: string,
  decision: Omit<Decision, 'at' | 'quotaNote'>,
  operator: string,
): Promise<DecisionRecord> {
  return changeRecords(db, assessmentId, decisionScope(decision.id), async (log) => {
    const before = await db.decisions.get([assessmentId, decision.id]);
    const { id, grade, reason, by } = decision;
    // the day, as the decision reads on every print; the audit entry keeps the exact time
    const record: DecisionRecord = { id, grade, reason, by, at: nowIso().slice(0, 10), assessmentId };
    const quotaNote = await quotaNoteOf(db, assessmentId, { id, grade, reason, by });
    if (quotaNote) record.quotaNote = quotaNote;
    await db.decisions.put(record);
    log({ operator, action: 'decision.set', target: decision.id, before: decisionState(before), after: decisionState(record) });
    return record;
  });
}

export async function removeDecision(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, decisionScope(id), async (log) => {
    const before = await db.decisions.get([assessmentId, id]);
    if (!before) return;
    await db.decisions.delete([assessmentId, id]);
    log({ operator, action: 'decision.remove', target: id, before: decisionState(before) });
  });
}
