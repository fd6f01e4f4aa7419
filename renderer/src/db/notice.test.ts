/** The 公示 period: kept with the assessment, in the log, allowed after 定稿. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssessment, setNoticePeriod } from './assessments';
import { lockAssessment } from './lock';
import { ShuangpingDb } from './schema';

let db: ShuangpingDb;
let assessmentId: string;

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  assessmentId = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('setNoticePeriod', () => {
  it('keeps the period with the assessment and logs before and after, also once locked', async () => {
    await setNoticePeriod(db, assessmentId, { start: '2025-01-06', days: 7, unit: 'day' }, '张三');
    await lockAssessment(db, assessmentId, '李四');
    await setNoticePeriod(db, assessmentId, { start: '2025-01-08', days: 5, unit: 'workday' }, '张三');
    expect((await db.assessments.get(assessmentId))?.notice).toEqual({ start: '2025-01-08', days: 5, unit: 'workday' });
    const log = await db.audit
      .where('assessmentId')
      .equals(assessmentId)
      .filter((e) => e.action === 'assessment.update.notice')
      .toArray();
    expect(log.map((e) => [e.before, e.after])).toEqual([
      ['未设定', '2025-01-06 起 7天（至 2025-01-12）'],
      ['2025-01-06 起 7天（至 2025-01-12）', '2025-01-08 起 5个工作日（至 2025-01-14）'],
    ]);
  });

  it('refuses a period that is not one', async () => {
    await expect(setNoticePeriod(db, assessmentId, { start: '2025-13-01', days: 5, unit: 'day' })).rejects.toThrow(/开始日期无效/);
  });
});
