/** Live reads of one assessment for the scoring, ballot, chart and overview screens. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import type { AssessmentRecord, SecretaryRecord } from '../../db/schema';
import type { Rubric, Secretary } from '../../../../shared/model';

/** The assessment, null when there is none with this id, undefined while loading. */
export function useAssessment(assessmentId: string): AssessmentRecord | null | undefined {
  return useLiveQuery(async () => (await db.assessments.get(assessmentId)) ?? null, [assessmentId]);
}

/** The roster, by 编号. */
export function useSecretaries(assessmentId: string): SecretaryRecord[] | undefined {
  return useLiveQuery(
    async () => sortById(await db.secretaries.where('assessmentId').equals(assessmentId).toArray()),
    [assessmentId],
  );
}

export function sortById<T extends { id: string }>(rows: T[]): T[] {
  return rows.sort((a, b) => a.id.localeCompare(b.id, 'zh-CN', { numeric: true }));
}

/** 社区 secretaries use their own rubric only when the policy says so and one exists. */
export function rubricFor(assessment: AssessmentRecord, secretary: Pick<Secretary, 'postType'>): Rubric {
  const own = assessment.policy.communityRubric === 'own' && secretary.postType === 'community';
  return own && assessment.communityRubric ? assessment.communityRubric : assessment.rubric;
}

/** Strips the assessmentId a record carries, giving the domain type back. */
export function unscoped<T extends { assessmentId: string }>(record: T): Omit<T, 'assessmentId'> {
  const { assessmentId: _ignored, ...rest } = record;
  return rest;
}
