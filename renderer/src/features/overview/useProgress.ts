/** The progress of an assessment and what blocks its results, live (overview, 定稿). */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import { useAssessmentResult, type ResultState } from '../charts/useResult';
import { sortById, useAssessment } from '../scoring/data';
import { scoringStatus } from '../scoring/status';
import { computeProgress, type Progress } from './progress';

export interface ProgressState {
  progress: Progress;
  computed: ResultState;
}

/** undefined while loading or when the assessment does not exist. */
export function useProgress(assessmentId: string): ProgressState | undefined {
  const assessment = useAssessment(assessmentId);
  const computed = useAssessmentResult(assessmentId);
  const data = useLiveQuery(async () => {
    const [secretaries, items, summaries, tallies, entries, evidence] = await Promise.all([
      db.secretaries.where('assessmentId').equals(assessmentId).toArray(),
      db.itemScores.where('assessmentId').equals(assessmentId).toArray(),
      db.summaryScores.where('assessmentId').equals(assessmentId).toArray(),
      db.tallies.where('assessmentId').equals(assessmentId).toArray(),
      db.tallyEntries.where('assessmentId').equals(assessmentId).toArray(),
      db.evidence.where('assessmentId').equals(assessmentId).toArray(),
    ]);
    const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((r) => [r.id, r]));
    const itemsById = byId(items);
    const summariesById = byId(summaries);
    const scoring = new Map(secretaries.map((s) => [s.id, scoringStatus(itemsById.get(s.id), summariesById.get(s.id))]));
    return { secretaries: sortById(secretaries), scoring, tallies, entries, evidence };
  }, [assessmentId]);
  if (!assessment || !data || !computed) return undefined;
  const progress = computeProgress({
    ...data,
    minTurnout: assessment.policy.minTurnout,
    result: computed.kind === 'ok' ? computed.result : null,
  });
  return { progress, computed };
}
