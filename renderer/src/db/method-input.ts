/** One assessment's records as the method reads them, inside the caller's transaction: no history, no carry-over. */
import type { AssessmentInput } from '../../../shared/method/input';
import type { AssessmentRecord, ShuangpingDb } from './schema';

/** Drops the `assessmentId` a record carries in the database, giving the domain type back. */
export function unscoped<T extends { assessmentId: string }>(record: T): Omit<T, 'assessmentId'> {
  const { assessmentId: _, ...rest } = record;
  return rest;
}

export async function readMethodInput(db: ShuangpingDb, assessment: AssessmentRecord): Promise<AssessmentInput> {
  const id = assessment.id;
  const [secretaries, itemScores, summaryScores, tallies, events, decisions, holds] = await Promise.all([
    db.secretaries.where('assessmentId').equals(id).toArray(),
    db.itemScores.where('assessmentId').equals(id).toArray(),
    db.summaryScores.where('assessmentId').equals(id).toArray(),
    db.tallies.where('assessmentId').equals(id).toArray(),
    db.events.where('assessmentId').equals(id).toArray(),
    db.decisions.where('assessmentId').equals(id).toArray(),
    db.holds.where('assessmentId').equals(id).toArray(),
  ]);
  const input: AssessmentInput = {
    policy: assessment.policy,
    rubric: assessment.rubric,
    secretaries: secretaries.map(unscoped),
    // a record set aside (the other way of scoring counts) is kept, not counted
    itemScores: itemScores.filter((s) => !s.setAside).map(({ setAside: _a, completed: _c, ...s }) => unscoped(s)),
    summaryScores: summaryScores.filter((s) => !s.setAside).map(({ setAside: _a, ...s }) => unscoped(s)),
    tallies: tallies.map(({ source: _s, importedBy: _i, confirmed: _c, ...t }) => unscoped(t)),
    events: events.map(({ key: _, ...e }) => unscoped(e)),
    decisions: decisions.map(unscoped),
    holds: holds.map(unscoped),
  };
  if (assessment.communityRubric) input.communityRubric = assessment.communityRubric;
  return input;
}
