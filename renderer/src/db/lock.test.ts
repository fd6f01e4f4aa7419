import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createAssessment, updateAssessment } from './assessments';
import { recordDecision } from './decisions';
import { importRoster } from './imports';
import { allowLockedWrites, changeTables, LOCKED_MESSAGE, LockedError, lockAssessment, unlockAssessment } from './lock';
import { saveSecretary } from './roster';
import { ShuangpingDb } from './schema';
import { secretary } from '../../../shared/method/testing';

const sec = (id: string) => secretary(id);

let db: ShuangpingDb;
let assessmentId: string;
let other: string;

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  assessmentId = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  other = await createAssessment(db, { year: 2024, name: '另一考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  await importRoster({ db, assessmentId, operator: '张三', sheet: '名册' }, [sec('S1'), sec('S2')]);
  await importRoster({ db, assessmentId: other, operator: '张三', sheet: '名册' }, [sec('S1')]);
  await lockAssessment(db, assessmentId, '李四');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a locked assessment refuses every write at the data layer', () => {
  it('through the repositories, with the Chinese message', async () => {
    await expect(saveSecretary(db, assessmentId, sec('S3'), '张三')).rejects.toThrow(LOCKED_MESSAGE);
    await expect(recordDecision(db, assessmentId, { id: 'S1', grade: 'excellent', reason: '会议', by: '王五' }, '张三')).rejects.toBeInstanceOf(LockedError);
    await expect(updateAssessment(db, assessmentId, { name: '改名' }, '张三')).rejects.toBeInstanceOf(LockedError);
    expect(await importRoster({ db, assessmentId, operator: '张三', sheet: '名册' }, [sec('X1')])).toEqual({
      ok: false,
      errors: [{ message: '本次考核已定稿，不能再导入' }],
    });
    expect(await db.secretaries.where('assessmentId').equals(assessmentId).count()).toBe(2);
  });

  it.each([
    ['put', (d: ShuangpingDb) => d.secretaries.put({ ...sec('S9'), assessmentId })],
    ['bulkAdd', (d: ShuangpingDb) => d.itemScores.bulkAdd([{ assessmentId, id: 'S1', inputs: {} }])],
    ['delete by key', (d: ShuangpingDb) => d.secretaries.delete([assessmentId, 'S1'])],
    ['delete by index', (d: ShuangpingDb) => d.secretaries.where('assessmentId').equals(assessmentId).delete()],
    ['modify', (d: ShuangpingDb) => d.secretaries.where('assessmentId').equals(assessmentId).modify({ name: '改' })],
    ['clear', (d: ShuangpingDb) => d.secretaries.clear()],
  ])('directly: %s', async (_, write: (d: ShuangpingDb) => Promise<unknown>) => {
    const before = await db.secretaries.toArray();
    await expect(db.transaction('rw', [db.secretaries, db.itemScores, ...changeTables(db)], async () => void (await write(db)))).rejects.toBeInstanceOf(
      LockedError,
    );
    expect(await db.secretaries.toArray()).toEqual(before);
  });

  it('a refused write takes its whole transaction with it, even if the code catches it', async () => {
    await expect(
      db.transaction('rw', [db.secretaries, ...changeTables(db)], async () => {
        await db.secretaries.put({ ...sec('S5'), assessmentId: other });
        await db.secretaries.delete([assessmentId, 'S1']).catch(() => undefined);
      }),
    ).rejects.toThrow();
    expect(await db.secretaries.get([other, 'S5'])).toBeUndefined();
  });

  it('a write outside a transaction over the assessments is a program error, not a silent write', async () => {
    await expect(db.secretaries.put({ ...sec('S9'), assessmentId: other })).rejects.toThrow(/lock cannot be checked/);
    // attachments and events are keyed without the assessment: the guard reads the record
    await db.transaction('rw', [db.events, ...changeTables(db)], () => db.events.add({ assessmentId: other, id: 'S1', kind: 'x', note: '' } as never));
    const [event] = await db.events.toArray();
    await db.assessments.update(other, { locked: true });
    await expect(db.transaction('rw', [db.events, ...changeTables(db)], () => db.events.delete(event!.key!))).rejects.toBeInstanceOf(LockedError);
  });

  it("the assessment's own settings stay as they are; archiving is allowed", async () => {
    const locked = (await db.assessments.get(assessmentId))!;
    await expect(db.assessments.update(assessmentId, { name: '改名' })).rejects.toBeInstanceOf(LockedError);
    await expect(db.assessments.put({ ...locked, policy: { ...locked.policy, minTurnout: '0.5' } })).rejects.toBeInstanceOf(LockedError);
    await expect(db.assessments.delete(assessmentId)).rejects.toBeInstanceOf(LockedError);
    await expect(db.assessments.clear()).rejects.toBeInstanceOf(LockedError);
    expect(await db.assessments.get(assessmentId)).toEqual(locked);
    await db.assessments.update(assessmentId, { status: 'archived', updatedAt: 'later' });
    expect((await db.assessments.get(assessmentId))?.status).toBe('archived');
  });

  it('other assessments stay editable', async () => {
    await saveSecretary(db, other, sec('S7'), '张三');
    expect(await db.secretaries.get([other, 'S7'])).toBeDefined();
  });

  it('a restore may copy locked data as it is', async () => {
    await db.transaction('rw', [db.secretaries, ...changeTables(db)], async () => {
      allowLockedWrites();
      await db.secretaries.put({ ...sec('S8'), assessmentId });
    });
    expect(await db.secretaries.get([assessmentId, 'S8'])).toBeDefined();
  });

  it('unlock needs a reason; lock and unlock are logged', async () => {
    await expect(unlockAssessment(db, assessmentId, '李四', '  ')).rejects.toThrow();
    await unlockAssessment(db, assessmentId, '李四', '部长办公会复议，调整S2等次');
    await saveSecretary(db, assessmentId, sec('S3'), '张三');
    const log = await db.audit.where('assessmentId').equals(assessmentId).toArray();
    const actions = log.map((e) => e.action);
    expect(actions.slice(-3)).toEqual(['assessment.lock', 'assessment.unlock', 'secretary.add']);
    const [lock, unlock] = log.slice(-3);
    expect(lock!.after).toMatch(/^已定稿，2人 · [0-9a-f]{16}$/);
    expect(unlock!.after).toBe('理由：部长办公会复议，调整S2等次');
    expect(unlock!.operator).toBe('李四');
  });
});
