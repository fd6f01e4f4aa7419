/** Everything the method needs for one assessment, read in one consistent snapshot. */
import type { AssessmentInput } from '../../../shared/method/input';
import type { ShuangpingDb } from './schema';

/** Drops the `assessmentId` a record carries in the database, giving the domain type back. */
export function unscoped<T extends { assessmentId: string }>(record: T): Omit<T, 'assessmentId'> {
  const { assessmentId: _, ...rest } = record;
  return rest;
}

export async function loadAssessmentInput(db: ShuangpingDb, assessmentId: string): Promise<AssessmentInput> {
  return db.transaction('r', [db.assessments, db.secretaries, db.itemScores, db.summaryScores, db.tallies, db.events, db.decisions, db.holds], async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) throw new Error(`assessment ${assessmentId} not found`);
    const [secretaries, itemScores, summaryScores, tallies, events, decisions, holds] = await Promise.all([
      db.secretaries.where('assessmentId').equals(assessmentId).toArray(),
      db.itemScores.where('assessmentId').equals(assessmentId).toArray(),
      db.summaryScores.where('assessmentId').equals(assessmentId).toArray(),
      db.tallies.where('assessmentId').equals(assessmentId).toArray(),
      db.events.where('assessmentId').equals(assessmentId).toArray(),
      db.decisions.where('assessmentId').equals(assessmentId).toArray(),
      db.holds.where('assessmentId').equals(assessmentId).toArray(),
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
  });
}
