/** The progress of an assessment and what blocks its results, live (overview, 定稿). */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { useResult, type ResultState } from '../../data/result';
import { sortById, useAssessment } from '../../data/assessment';
import { scoringStatus } from '../scoring';
import { fieldStatus } from '../field';
import { computeProgress, type Progress } from './progress';

export interface ProgressState {
  progress: Progress;
  computed: ResultState;
}

/** undefined while loading or when the assessment does not exist. */
export function useProgress(assessmentId: string): ProgressState | undefined {
  const assessment = useAssessment(assessmentId);
  const computed = useResult(assessmentId);
  const data = useLiveQuery(async () => {
    const [secretaries, items, summaries, tallies, entries, evidence, papers, assignments, boxes] = await Promise.all([
      db.secretaries.where('assessmentId').equals(assessmentId).toArray(),
      db.itemScores.where('assessmentId').equals(assessmentId).toArray(),
      db.summaryScores.where('assessmentId').equals(assessmentId).toArray(),
      db.tallies.where('assessmentId').equals(assessmentId).toArray(),
      db.tallyEntries.where('assessmentId').equals(assessmentId).toArray(),
      db.evidence.where('assessmentId').equals(assessmentId).toArray(),
      db.papers.where('assessmentId').equals(assessmentId).toArray(),
      db.assignments.where('assessmentId').equals(assessmentId).toArray(),
      db.boxes.where('assessmentId').equals(assessmentId).toArray(),
    ]);
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const itemsById = byId(items);
    const summariesById = byId(summaries);
    const scoring = new Map(secretaries.map((s) => [s.id, scoringStatus(itemsById.get(s.id), summariesById.get(s.id))]));
    return {
      secretaries: sortById(secretaries),
      scoring,
      tallies,
      entries,
      evidence,
      fieldRows: { secretaries, papers, assignments, boxes, itemScores: items, summaryScores: summaries, tallies, tallyEntries: entries },
    };
  }, [assessmentId]);
  if (!assessment || !data || computed.status === 'loading') return undefined;
  const { fieldRows, ...rows } = data;
  const progress = computeProgress({
    ...rows,
    field: fieldStatus({ ...fieldRows, assessment }),
    minTurnout: assessment.policy.minTurnout,
    result: computed.status === 'ready' ? computed.result : null,
  });
  return { progress, computed };
}
