import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAssessment } from '../../../shared/method';
import { secretary } from '../../../shared/method/testing';
import { createAssessment } from './assessments';
import { checkAuditLog, readAuditLog } from './audit';
import { acknowledgeWarning, acknowledgeWarnings, readWarningStatuses, recordHold, removeHold } from './checks';
import { importRoster, importSummaryScores, importTallies } from './imports';
import { loadAssessmentInput } from './load-input';
import { olderDatabase } from './older-database';
import { ShuangpingDb } from './schema';

const ids = ['A', 'B', 'C', 'D'];
let db: ShuangpingDb;
let a: string;
const ctx = () => ({ db, assessmentId: a, operator: '张三', sheet: '测试' });
/** no two alike (else: identical tallies); D's 废票 above 5 % */
const votes = (id: string, invalid = 0) => {
  const i = ids.indexOf(id);
  return { id, verySatisfied: 30 - invalid, satisfied: 10 - i, basic: 5 + i, dissatisfied: 0, invalid, abstain: 0 };
};

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  a = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  await importRoster(
    ctx(),
    ids.map((id) => secretary(id)),
  );
  await importSummaryScores(
    ctx(),
    ids.map((id, i) => ({ id, baseScore: '90', orgScore: String(95 - i) })),
  );
  await importTallies(ctx(), [votes('A'), votes('B'), votes('C'), votes('D', 5)]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('plausibility warnings in the database', () => {
  it('a warning is open, acknowledged with a reason, and stale when the data it rests on changes', async () => {
    const [open] = await readWarningStatuses(db, a);
    expect(open).toMatchObject({ warning: { code: 'manyInvalid', id: 'D' }, ack: null, state: 'open' });

    const ack = await acknowledgeWarning(db, a, open!.warning, '已核对计票单，废票属实', '李四');
    expect(ack).toMatchObject({ id: 'D', warning: 'manyInvalid', digest: open!.warning.digest, reason: '已核对计票单，废票属实', by: '李四' });
    expect(await readWarningStatuses(db, a)).toMatchObject([{ state: 'acknowledged', ack: { by: '李四' } }]);
    const entry = (await readAuditLog(db, a)).at(-1)!;
    expect(entry).toMatchObject({ action: 'warning.ack', target: 'D', operator: '李四' });
    expect(entry.after).toContain('废票较多：已核对计票单，废票属实（李四）');

    // the tally is corrected: still many 废票, but other figures — the acknowledgment no longer covers it
    await importTallies(ctx(), [votes('A'), votes('B'), votes('C'), votes('D', 6)], { D: 'theirs' });
    const [stale] = await readWarningStatuses(db, a);
    expect(stale).toMatchObject({ state: 'stale', ack: { digest: open!.warning.digest } });
    expect(stale!.warning.digest).not.toBe(open!.warning.digest);
    await acknowledgeWarning(db, a, stale!.warning, '复核后确认', '李四');
    expect((await readWarningStatuses(db, a))[0]!.state).toBe('acknowledged');
    expect((await checkAuditLog(db, a)).check.ok).toBe(true);
  });

  it('a warning no longer raised is not acknowledged; a reason is required', async () => {
    await expect(acknowledgeWarning(db, a, { id: 'D', warning: 'manyInvalid' }, '  ', '李四')).rejects.toThrow();
    expect(await acknowledgeWarning(db, a, { id: 'A', warning: 'manyInvalid' }, '无', '李四')).toBeNull();
    expect(await db.warningAcks.count()).toBe(0);
  });
});

describe('several warnings acknowledged with one reason', () => {
  it('each gets its own acknowledgment and audit entry, in one transaction; those no longer raised are skipped', async () => {
    // C's box too: 4 废票 of 45
    await importTallies(ctx(), [votes('A'), votes('B'), votes('C', 4), votes('D', 5)], { C: 'theirs' });
    const open = await readWarningStatuses(db, a);
    expect(open.map((s) => s.warning.id).sort()).toEqual(['C', 'D']);
    const before = (await readAuditLog(db, a)).length;
    const saved = await acknowledgeWarnings(db, a, [...open.map((s) => s.warning), { id: 'A', warning: 'manyInvalid' }], '已逐一核对计票单原件', '李四');
    expect(saved.map((r) => r.id).sort()).toEqual(['C', 'D']);
    expect((await readWarningStatuses(db, a)).every((s) => s.state === 'acknowledged')).toBe(true);
    const log = await readAuditLog(db, a);
    expect(
      log
        .slice(before)
        .map((e) => [e.action, e.target])
        .sort(),
    ).toEqual([
      ['warning.ack', 'C'],
      ['warning.ack', 'D'],
    ]);
    expect((await checkAuditLog(db, a)).check.ok).toBe(true);
  });
});

describe('暂缓定等 in the database', () => {
  it('a hold is recorded, takes the holder out of the band, and is removed leaving a tombstone', async () => {
    const graded = async () => computeAssessment(await loadAssessmentInput(db, a)).categories[0]!.rows.map((r) => [r.id, r.grade]);
    expect(await graded()).toEqual([
      ['A', 'excellent'],
      ['B', 'good'],
      ['C', 'competent'],
      ['D', 'competent'],
    ]);
    await expect(recordHold(db, a, { id: 'A', reason: 'other' }, '张三')).rejects.toThrow();
    const hold = await recordHold(db, a, { id: 'A', reason: 'investigation' }, '张三');
    expect(hold).toMatchObject({ id: 'A', reason: 'investigation', by: '张三' });
    expect(await graded()).toEqual([
      ['A', 'pending'],
      ['B', 'excellent'],
      ['C', 'good'],
      ['D', 'competent'],
    ]);
    expect((await readAuditLog(db, a)).at(-1)).toMatchObject({ action: 'hold.set', target: 'A' });
    await removeHold(db, a, 'A', '张三');
    expect((await graded())[0]).toEqual(['A', 'excellent']);
    expect(await db.tombstones.toArray()).toMatchObject([{ key: 'hold|A' }]);
    expect((await checkAuditLog(db, a)).check.ok).toBe(true);
  });
});

describe('schema version 5', () => {
  it('opens a version-2 database with its data, and empty holds and acknowledgments', async () => {
    const name = `test-v2-${Math.random()}`;
    const v2 = olderDatabase(name, 2);
    await v2.table('assessments').add((await db.assessments.get(a))!);
    await v2.table('secretaries').bulkAdd(await db.secretaries.toArray());
    v2.close();

    const upgraded = new ShuangpingDb(name);
    try {
      expect(upgraded.verno).toBeGreaterThanOrEqual(5);
      expect(await upgraded.secretaries.count()).toBe(4);
      expect(await upgraded.holds.count()).toBe(0);
      expect(await upgraded.warningAcks.count()).toBe(0);
      await recordHold(upgraded, a, { id: 'B', reason: 'shortPresence' }, '张三');
      expect(await upgraded.holds.toArray()).toMatchObject([{ id: 'B', reason: 'shortPresence' }]);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});
