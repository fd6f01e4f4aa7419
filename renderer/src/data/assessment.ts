/** The assessment and its roster, live: what every screen of an assessment reads. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../db/db';
import type { AssessmentRecord, SecretaryRecord } from '../db/schema';

/** The assessment, null when there is none with this id, undefined while loading. */
export function useAssessment(assessmentId: string): AssessmentRecord | null | undefined {
  return useLiveQuery(async () => (await db.assessments.get(assessmentId)) ?? null, [assessmentId]);
}

/** The roster, by 编号. */
export function useSecretaries(assessmentId: string): SecretaryRecord[] | undefined {
  return useLiveQuery(async () => sortById(await db.secretaries.where('assessmentId').equals(assessmentId).toArray()), [assessmentId]);
}

export function sortById<T extends { id: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.id.localeCompare(b.id, 'zh-CN', { numeric: true }));
}

export { unscoped } from '../db/load-input';
