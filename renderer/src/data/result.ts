/** The assessment's result, recomputed by the method whenever its data changes: the one live result of every screen. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { computeAssessment } from '../../../shared/method';
import type { AssessmentInput } from '../../../shared/method/input';
import type { AssessmentResult } from '../../../shared/model';
import { db } from '../db/db';
import { loadAssessmentInput } from '../db/load-input';

export type ResultState =
  { status: 'loading' } | { status: 'missing' } | { status: 'failed'; message: string } | { status: 'ready'; input: AssessmentInput; result: AssessmentResult };

export function useResult(assessmentId: string): ResultState {
  const input = useLiveQuery(async () => ((await db.assessments.get(assessmentId)) ? loadAssessmentInput(db, assessmentId) : null), [assessmentId]);
  return useMemo((): ResultState => {
    if (input === undefined) return { status: 'loading' };
    if (input === null) return { status: 'missing' };
    try {
      return { status: 'ready', input, result: computeAssessment(input) };
    } catch (e) {
      console.error(e);
      return { status: 'failed', message: '结果无法计算，请检查名册、评分和测评数据是否完整。' };
    }
  }, [input]);
}
