/** Assessments (考核): create, duplicate, archive, settings. */
import type { Policy, Rubric } from '../../../shared/model';
import { presetPolicy, type PresetName } from '../../../shared/policy';
import { JIAOZHOU_RUBRIC } from '../../../shared/rubric/jiaozhou';
import { appendAudit } from './audit';
import { newId, nowIso } from './ids';
import type { AssessmentRecord, ShuangpingDb } from './schema';

export interface NewAssessment {
  year: number;
  name: string;
  region: string;
  /** a preset, or a policy of the team's own (already validated) */
  policy: PresetName | Policy;
  rubric?: Rubric;
}

export async function createAssessment(db: ShuangpingDb, input: NewAssessment, operator = ''): Promise<string> {
  const now = nowIso();
  const record: AssessmentRecord = {
    id: newId(),
    year: input.year,
    name: input.name.trim(),
    region: input.region.trim(),
    policy: typeof input.policy === 'string' ? presetPolicy(input.policy) : structuredClone(input.policy),
    rubric: structuredClone(input.rubric ?? JIAOZHOU_RUBRIC),
    status: 'active',
    locked: false,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction('rw', db.assessments, db.audit, async () => {
    await db.assessments.add(record);
    await appendAudit(db, { assessmentId: record.id, operator, action: 'assessment.create', target: record.name, after: record.name });
  });
  return record.id;
}

/** A new assessment with the same settings, rubric and roster (for next year); no scores or ballots. */
export async function duplicateAssessment(db: ShuangpingDb, id: string, operator = ''): Promise<string> {
  const newAssessmentId = newId();
  await db.transaction('rw', db.assessments, db.secretaries, db.audit, async () => {
    const source = await db.assessments.get(id);
    if (!source) throw new Error(`assessment ${id} not found`);
    const now = nowIso();
    await db.assessments.add({
      ...structuredClone(source),
      id: newAssessmentId,
      name: `${source.name}（副本）`,
      status: 'active',
      locked: false,
      createdAt: now,
      updatedAt: now,
    });
    const roster = await db.secretaries.where('assessmentId').equals(id).toArray();
    await db.secretaries.bulkAdd(roster.map((s) => ({ ...s, assessmentId: newAssessmentId })));
    await appendAudit(db, { assessmentId: newAssessmentId, operator, action: 'assessment.duplicate', target: source.name, before: id });
  });
  return newAssessmentId;
}

export async function setArchived(db: ShuangpingDb, id: string, archived: boolean, operator = ''): Promise<void> {
  await db.transaction('rw', db.assessments, db.audit, async () => {
    await db.assessments.update(id, { status: archived ? 'archived' : 'active', updatedAt: nowIso() });
    await appendAudit(db, { assessmentId: id, operator, action: archived ? 'assessment.archive' : 'assessment.restore', target: id });
  });
}

type EditableFields = Partial<Pick<AssessmentRecord, 'year' | 'name' | 'region' | 'policy' | 'rubric'>>;

/** Changes settings of an assessment, with an audit entry of before/after. */
export async function updateAssessment(db: ShuangpingDb, id: string, changes: EditableFields, operator = ''): Promise<void> {
  await db.transaction('rw', db.assessments, db.audit, async () => {
    const before = await db.assessments.get(id);
    if (!before) throw new Error(`assessment ${id} not found`);
    await db.assessments.update(id, { ...changes, updatedAt: nowIso() });
    for (const key of Object.keys(changes) as (keyof EditableFields)[]) {
      await appendAudit(db, { assessmentId: id, operator, action: `assessment.update.${key}`, target: key, before: before[key], after: changes[key] });
    }
  });
}
