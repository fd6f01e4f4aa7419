import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/db';
import type { AssessmentRecord } from '../db/schema';

/** The assessment record, null when it does not exist, undefined while loading. */
export function useAssessment(assessmentId: string): AssessmentRecord | null | undefined {
  return useLiveQuery(async () => (await db.assessments.get(assessmentId)) ?? null, [assessmentId]);
}
