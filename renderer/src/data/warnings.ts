/** The plausibility warnings of an assessment's data as stored, each with its acknowledgment (live). */
import { useLiveQuery } from 'dexie-react-hooks';
import type { WarningStatus } from '../../../shared/model';
import { readWarningStatuses } from '../db/checks';
import { db } from '../db/db';

/** undefined while reading; [] when the assessment is gone or raises none. */
export function useWarningStatuses(assessmentId: string): WarningStatus[] | undefined {
  return useLiveQuery(async () => ((await db.assessments.get(assessmentId)) ? readWarningStatuses(db, assessmentId) : []), [assessmentId]);
}
