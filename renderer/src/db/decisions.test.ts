import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssessment } from './assessments';
import { checkAuditLog, readAuditLog } from './audit';
import { recordDecision, removeDecision } from './decisions';
import { importRoster, importSummaryScores, importTallies } from './imports';
import { ShuangpingDb } from './schema';
import { secretary } from '../../../shared/method/testing';

const sec = (id: string) => secretary(id);
/** 4 secretaries (优秀 1, 良好 1): A first, B second, C third, D fourth */
const ids = ['A', 'B', 'C', 'D'];

let db: ShuangpingDb;
let a: string;

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  a = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  const ctx = { db, assessmentId: a, operator: '张三', sheet: '测试' };
  await importRoster(ctx, ids.map(sec));
  await importSummaryScores(
    ctx,
    ids.map((id, i) => ({ id, baseScore: '90', orgScore: String(95 - i) })),
  );
  await importTallies(
    ctx,
    ids.map((id) => ({ id, verySatisfied: 30, satisfied: 10, basic: 5, dissatisfied: 0, invalid: 0, abstain: 0 })),
  );
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a decision against the quota', () => {
  it('keeps what it did, from the data as saved, and says it in its audit entry', async () => {
    const record = await recordDecision(db, a, { id: 'B', grade: 'excellent', reason: '部长办公会研究', by: '李四' }, '张三');
    expect(record.quotaNote).toBe('本类别优秀 2 人，超出名额（1 人）1 人；良好 0 人，名额（1 人）空出 1 个，不由他人递补');
    expect((await db.decisions.get([a, 'B']))!.quotaNote).toBe(record.quotaNote);
    const entry = (await readAuditLog(db, a)).at(-1)!;
    expect(entry).toMatchObject({ action: 'decision.set', target: 'B' });
    expect(entry.after).toContain('优秀（李四）；本类别优秀 2 人，超出名额（1 人）1 人');
    expect((await checkAuditLog(db, a)).check.ok).toBe(true);
  });

  it('a decision within the quota keeps no note, and changing one drops the old note', async () => {
    await recordDecision(db, a, { id: 'B', grade: 'excellent', reason: '会议', by: '李四' }, '张三');
    const within = await recordDecision(db, a, { id: 'B', grade: 'good', reason: '复议', by: '李四' }, '张三');
    expect(within).not.toHaveProperty('quotaNote');
    expect((await db.decisions.get([a, 'B']))!).not.toHaveProperty('quotaNote');
    // C into 良好 in place of B (moved to 称职): within the quota
    await removeDecision(db, a, 'B', '张三');
    expect(await recordDecision(db, a, { id: 'C', grade: 'basic', reason: '会议', by: '李四' }, '张三')).not.toHaveProperty('quotaNote');
  });

  it('counts the decisions already recorded', async () => {
    await recordDecision(db, a, { id: 'C', grade: 'excellent', reason: '会议', by: '李四' }, '张三');
    const second = await recordDecision(db, a, { id: 'D', grade: 'excellent', reason: '会议', by: '李四' }, '张三');
    expect(second.quotaNote).toBe('本类别优秀 3 人，超出名额（1 人）2 人');
  });
});
