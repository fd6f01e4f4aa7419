/**
 * Locking (定稿). A locked assessment takes no change: the UI hides its edit controls,
 * and the database refuses the write anyway (lock-guard.ts). Every transaction that
 * writes an assessment's records includes `changeTables` (assessments, audit, meta,
 * tombstones); locking and unlocking are logged with a digest of what was finalized.
 */
import type { Table } from 'dexie';
import { appendAudit, auditState } from './audit';
import { readCarried } from './history';
import { UNIT_TABLES, type UnitKind } from '../../../shared/exchange/units';
import { allowAfterLock, LockedError } from './lock-guard';
import { nowIso } from './ids';
import type { AssessmentRecord, ShuangpingDb } from './schema';
import { unitTableList } from './units';

/** The tables a change of an assessment's data writes with, besides its own (a deletion leaves a tombstone). */
export function changeTables(db: ShuangpingDb): Table[] {
  return [db.assessments, db.audit, db.meta, db.tombstones];
}

/** Inside a transaction over db.assessments: throws LockedError when the assessment is locked. */
export async function assertUnlocked(db: ShuangpingDb, assessmentId: string): Promise<AssessmentRecord> {
  const a = await db.assessments.get(assessmentId);
  if (!a) throw new Error(`assessment ${assessmentId} not found`);
  if (a.locked) throw new LockedError(assessmentId);
  return a;
}

/**
 * What a finalized assessment still takes: the 奖惩意见 as edited after the review
 * meeting, proposed for approval after 定稿 like the 审批日期 (assessments.ts
 * `setApprovedAt`), and the 期满评价 of a term ending with this year, which the 派出单位
 * and the 组织部门 give after the year's assessment. Neither decides a grade of the year
 * (the lock protects what does).
 */
export const AFTER_LOCK_KINDS: readonly UnitKind[] = ['award', 'term'];

export const allowedAfterLock = (kinds: readonly UnitKind[]): boolean => kinds.length > 0 && kinds.every((k) => AFTER_LOCK_KINDS.includes(k));

/**
 * Runs `write` in one rw transaction over `tables` and the change tables, after checking
 * the lock — unless `kinds` are all of AFTER_LOCK_KINDS: then their tables (and tombstones) may be written.
 */
export function editAssessment<T>(
  db: ShuangpingDb,
  assessmentId: string,
  tables: Table[],
  write: () => Promise<T>,
  kinds: readonly UnitKind[] = [],
): Promise<T> {
  return db.transaction('rw', [...tables, ...changeTables(db)], async () => {
    if (allowedAfterLock(kinds)) allowAfterLock([...kinds.flatMap((k) => UNIT_TABLES[k]), 'tombstones']);
    else await assertUnlocked(db, assessmentId);
    return write();
  });
}

/** Every table of an assessment's records, for its digest at lock time. */
const dataTables = unitTableList;

/** What was finalized: the settings, every record (attachments by their SHA-256) and the carried blocks kept with the lock, as `N人 · digest`. */
async function assessmentState(db: ShuangpingDb, a: AssessmentRecord): Promise<string> {
  const tables = await Promise.all(dataTables(db).map((t) => t.where('assessmentId').equals(a.id).toArray()));
  const records = tables.map((rows) => rows.map((r) => ('blob' in r ? { ...r, blob: undefined } : r)));
  const carried = a.carriedAtLock ? { carried: a.carriedAtLock } : {};
  return auditState({ policy: a.policy, rubric: a.rubric, communityRubric: a.communityRubric, records, ...carried }, `${tables[0]?.length ?? 0}人`);
}

/**
 * 定稿: no edits from now on; the log keeps a digest of what was finalized. The carried
 * blocks the method took are kept with the lock (`carriedAtLock`): a link made later to
 * an earlier year changes no finalized grade.
 */
export async function lockAssessment(db: ShuangpingDb, assessmentId: string, operator: string): Promise<void> {
  await db.transaction('rw', [...dataTables(db), ...changeTables(db)], async () => {
    const a = await db.assessments.get(assessmentId);
    if (!a) throw new Error(`assessment ${assessmentId} not found`);
    if (a.locked) return;
    // what the secretaries carry from earlier years stays as it was finalized (docs/method.md §11.3)
    const { blocks } = await readCarried(db, a);
    await db.assessments.update(assessmentId, { locked: true, carriedAtLock: blocks, updatedAt: nowIso() });
    await appendAudit(db, {
      assessmentId,
      operator,
      action: 'assessment.lock',
      target: a.name,
      before: '未定稿',
      after: `已定稿，${await assessmentState(db, { ...a, carriedAtLock: blocks })}`,
    });
  });
}

/** 解除定稿: only with a reason, which the log keeps. */
export async function unlockAssessment(db: ShuangpingDb, assessmentId: string, operator: string, reason: string): Promise<void> {
  const why = reason.trim();
  if (!why) throw new Error('unlocking needs a reason');
  await db.transaction('rw', [...dataTables(db), ...changeTables(db)], async () => {
    const a = await db.assessments.get(assessmentId);
    if (!a) throw new Error(`assessment ${assessmentId} not found`);
    if (!a.locked) return;
    // open again, it computes what it carries from the history as it is now
    const { carriedAtLock: _kept, ...open } = a;
    await db.assessments.put({ ...open, locked: false, updatedAt: nowIso() });
    await appendAudit(db, {
      assessmentId,
      operator,
      action: 'assessment.unlock',
      target: a.name,
      before: `已定稿，${await assessmentState(db, a)}`,
      after: `理由：${why}`,
    });
  });
}

export { allowLockedWrites, LOCKED_MESSAGE, LockedError } from './lock-guard';
