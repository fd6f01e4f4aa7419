/** The method's result for an assessment, recomputed live whenever its data changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { computeAssessment, type AssessmentInput } from '../../../../shared/method';
import type { AssessmentResult } from '../../../../shared/model';
import { db } from '../../db/db';
import { loadAssessmentInput } from '../../db/load-input';

export type ResultState =
  | { kind: 'ok'; input: AssessmentInput; result: AssessmentResult }
  | { kind: 'missing' }
  | { kind: 'failed'; message: string };

export function useAssessmentResult(assessmentId: string): ResultState | undefined {
  return useLiveQuery(async (): Promise<ResultState> => {
    if (!(await db.assessments.get(assessmentId))) return { kind: 'missing' };
    const input = await loadAssessmentInput(db, assessmentId);
    try {
      return { kind: 'ok', input, result: computeAssessment(input) };
    } catch (e) {
      console.error(e);
      return { kind: 'failed', message: e instanceof Error ? e.message : String(e) };
    }
  }, [assessmentId]);
}
