/** Assessments (考核): create, duplicate, archive, settings. */
import { isIsoDate, NOTICE_UNIT_WORDS, noticeEnd, noticeProblem, type NoticePeriod, type Policy, type Rubric } from '../../../shared/model';
import { dayWords } from '../../../shared/people/dates';
import { presetPolicy, type PresetName } from '../../../shared/policy';
import { COMMUNITY_RUBRIC } from '../../../shared/rubric/community';
import { JIAOZHOU_RUBRIC } from '../../../shared/rubric/jiaozhou';
import { appendAudit, auditState } from './audit';
import { assertUnlocked, changeTables } from './lock';
import { newId, nowIso } from './ids';
import type { AssessmentRecord, ShuangpingDb } from './schema';

export interface NewAssessment {
  year: number;
  name: string;
  region: string;
  /** a preset, or a policy of the team's own (already validated) */
  policy: PresetName | Policy;
  rubric?: Rubric;
  /** the 社区 rubric, used when the policy's communityRubric is "own" (default: 第八条's, docs/method.md §2.6) */
  communityRubric?: Rubric;
}

export async function createAssessment(db: ShuangpingDb, input: NewAssessment, operator = ''): Promise<string> {
  const now = nowIso();
  const policy = typeof input.policy === 'string' ? presetPolicy(input.policy) : structuredClone(input.policy);
  const record: AssessmentRecord = {
    id: newId(),
    year: input.year,
    name: input.name.trim(),
    region: input.region.trim(),
    policy,
    rubric: structuredClone(input.rubric ?? JIAOZHOU_RUBRIC),
    ...(policy.communityRubric === 'own' || input.communityRubric ? { communityRubric: structuredClone(input.communityRubric ?? COMMUNITY_RUBRIC) } : {}),
    status: 'active',
    locked: false,
    createdAt: now,
    updatedAt: now,
  };
  await db.transaction('rw', changeTables(db), async () => {
    await db.assessments.add(record);
    await appendAudit(db, { assessmentId: record.id, operator, action: 'assessment.create', target: record.name, after: settingsState(record) });
  });
  return record.id;
}

/** A new assessment with the same settings, rubric and roster (for next year); no scores or ballots. */
export async function duplicateAssessment(db: ShuangpingDb, id: string, operator = ''): Promise<string> {
  const newAssessmentId = newId();
  await db.transaction('rw', [db.secretaries, ...changeTables(db)], async () => {
    const source = await db.assessments.get(id);
    if (!source) throw new Error(`assessment ${id} not found`);
    const now = nowIso();
    const record: AssessmentRecord = {
      ...structuredClone(source),
      id: newAssessmentId,
      name: `${source.name}（副本）`,
      status: 'active',
      locked: false,
      createdAt: now,
      updatedAt: now,
    };
    await db.assessments.add(record);
    const roster = (await db.secretaries.where('assessmentId').equals(id).toArray()).map((s) => ({ ...s, assessmentId: newAssessmentId }));
    await db.secretaries.bulkAdd(roster);
    await appendAudit(db, {
      assessmentId: newAssessmentId,
      operator,
      action: 'assessment.duplicate',
      target: record.name,
      before: `复制自“${source.name}”（${id}）`,
      after: `${settingsState(record)}；名册${auditState(roster, `${roster.length}人`)}`,
    });
  });
  return newAssessmentId;
}

export async function setArchived(db: ShuangpingDb, id: string, archived: boolean, operator = ''): Promise<void> {
  // archiving is not an edit: a locked assessment may be archived
  await db.transaction('rw', changeTables(db), async () => {
    const before = await db.assessments.get(id);
    if (!before) throw new Error(`assessment ${id} not found`);
    await db.assessments.update(id, { status: archived ? 'archived' : 'active', updatedAt: nowIso() });
    const words = { active: '进行中', archived: '已归档' } as const;
    await appendAudit(db, {
      assessmentId: id,
      operator,
      action: archived ? 'assessment.archive' : 'assessment.restore',
      target: before.name,
      before: words[before.status],
      after: words[archived ? 'archived' : 'active'],
    });
  });
}

const noticeWords = (p: NoticePeriod | undefined): string => (p ? `${p.start} 起 ${p.days}${NOTICE_UNIT_WORDS[p.unit]}（至 ${noticeEnd(p)}）` : '未设定');

/**
 * Sets the 公示 period printed on the 公示名单. Allowed after 定稿: the period is about the
 * notice, not the data assessed (公示 usually follows the review meeting and 定稿).
 */
export async function setNoticePeriod(db: ShuangpingDb, id: string, notice: NoticePeriod, operator = ''): Promise<void> {
  const problem = noticeProblem(notice);
  if (problem) throw new Error(problem);
  await db.transaction('rw', changeTables(db), async () => {
    const before = await db.assessments.get(id);
    if (!before) throw new Error(`assessment ${id} not found`);
    await db.assessments.update(id, { notice: { start: notice.start, days: notice.days, unit: notice.unit }, updatedAt: nowIso() });
    await appendAudit(db, {
      assessmentId: id,
      operator,
      action: 'assessment.update.notice',
      target: '公示期',
      before: noticeWords(before.notice),
      after: noticeWords(notice),
    });
  });
}

const approvalWords = (day: string | undefined): string => (day ? dayWords(day) : '未录入');

/**
 * Sets the 审批日期 (the day the results were approved; null clears it): the grades'
 * consequences run from it (docs/method.md §11.1). Allowed after 定稿 — the approval
 * follows it, and decides no grade of this year; logged with the date it replaced.
 */
export async function setApprovedAt(db: ShuangpingDb, id: string, approvedAt: string | null, operator = ''): Promise<void> {
  if (approvedAt !== null && !isIsoDate(approvedAt)) throw new Error('审批日期无效，应为 2025-01-06 这样的日期');
  await db.transaction('rw', changeTables(db), async () => {
    const before = await db.assessments.get(id);
    if (!before) throw new Error(`assessment ${id} not found`);
    if ((before.approvedAt ?? null) === approvedAt) return;
    const { approvedAt: _gone, ...rest } = before;
    await db.assessments.put({ ...rest, ...(approvedAt ? { approvedAt } : {}), updatedAt: nowIso() });
    await appendAudit(db, {
      assessmentId: id,
      operator,
      action: 'assessment.update.approvedAt',
      target: '审批日期',
      before: approvalWords(before.approvedAt),
      after: approvalWords(approvedAt ?? undefined),
    });
  });
}

type EditableFields = Partial<Pick<AssessmentRecord, 'year' | 'name' | 'region' | 'policy' | 'rubric' | 'communityRubric'>>;

const FIELD_WORDS: Record<keyof EditableFields, string> = {
  year: '年度',
  name: '考核名称',
  region: '地区',
  policy: '考核规则',
  rubric: '考评细则',
  communityRubric: '社区考评细则',
};

/** A setting as the log keeps it: short values in words, policy and rubric by name and digest. */
function fieldState(a: AssessmentRecord, key: keyof EditableFields): string {
  switch (key) {
    case 'year':
    case 'name':
    case 'region':
      return String(a[key]);
    case 'policy':
      return auditState(a.policy, `“${a.policy.name}”`);
    case 'rubric':
      return auditState(a.rubric, `“${a.rubric.name}”`);
    case 'communityRubric':
      return a.communityRubric ? auditState(a.communityRubric, `“${a.communityRubric.name}”`) : '无';
  }
}

/** The settings of an assessment as the log keeps them. */
function settingsState(a: AssessmentRecord): string {
  return auditState(
    { year: a.year, name: a.name, region: a.region, policy: a.policy, rubric: a.rubric, communityRubric: a.communityRubric },
    `${a.year}年度 ${a.name}，规则“${a.policy.name}”`,
  );
}

/**
 * Changes settings of an assessment, with an audit entry of before/after. A policy that
 * turns to the 社区 rubric of its own (communityRubric "own") on an assessment that has
 * none gets 第八条's, logged as its own change.
 */
export async function updateAssessment(db: ShuangpingDb, id: string, edits: EditableFields, operator = ''): Promise<void> {
  await db.transaction('rw', changeTables(db), async () => {
    const before = await assertUnlocked(db, id);
    const needsCommunity = edits.policy?.communityRubric === 'own' && !before.communityRubric && !edits.communityRubric;
    const changes: EditableFields = needsCommunity ? { ...edits, communityRubric: structuredClone(COMMUNITY_RUBRIC) } : edits;
    await db.assessments.update(id, { ...changes, updatedAt: nowIso() });
    const after = { ...before, ...changes };
    for (const key of Object.keys(changes) as (keyof EditableFields)[]) {
      await appendAudit(db, {
        assessmentId: id,
        operator,
        action: `assessment.update.${key}`,
        target: FIELD_WORDS[key],
        before: fieldState(before, key),
        after: fieldState(after, key),
      });
    }
  });
}
