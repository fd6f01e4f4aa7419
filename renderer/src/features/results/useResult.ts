/** The assessment's result, recomputed whenever its data changes. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { computeAssessment } from '../../../../shared/method';
import type { AssessmentInput } from '../../../../shared/method/input';
import type { AssessmentResult } from '../../../../shared/model';
import { db } from '../../db/db';
import { loadAssessmentInput } from '../../db/load-input';

export type ResultState =
  | { status: 'loading' }
  | { status: 'failed'; message: string }
  | { status: 'ready'; input: AssessmentInput; result: AssessmentResult };

export function useResult(assessmentId: string): ResultState {
  const input = useLiveQuery(() => loadAssessmentInput(db, assessmentId), [assessmentId]);
  return useMemo((): ResultState => {
    if (!input) return { status: 'loading' };
    try {
      return { status: 'ready', input, result: computeAssessment(input) };
    } catch (e) {
      console.error(e);
      return { status: 'failed', message: '结果无法计算，请检查名册、评分和测评数据是否完整。' };
    }
  }, [input]);
}
