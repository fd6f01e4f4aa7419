// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { presetPolicy } from '../../../../shared/policy';
import { JIAOZHOU_RUBRIC } from '../../../../shared/rubric/jiaozhou';
import { lockAssessment, LockedError } from '../../db/lock';
import { ShuangpingDb } from '../../db/schema';
import { acceptResolved, discardSecondEntry, saveEntry, tallyStatus } from './store';
import type { TallyCounts } from './tally';

const A = 'a1';
const counts: TallyCounts = { issued: 45, verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 };
let db: ShuangpingDb;

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  const now = new Date().toISOString();
  await db.assessments.add({
    id: A,
    year: 2024,
    name: '测试',
    region: '',
    policy: presetPolicy('jiaozhou'),
    rubric: JIAOZHOU_RUBRIC,
    status: 'active',
    locked: false,
    createdAt: now,
    updatedAt: now,
  });
});
afterEach(async () => {
  await db.delete();
});

async function status() {
  return tallyStatus(await db.tallies.get([A, 'S1']), await db.tallyEntries.where('[assessmentId+id]').equals([A, 'S1']).toArray());
}

describe('double entry in the database', () => {
  it('accepts a tally only when the second entry agrees', async () => {
    expect(await saveEntry(db, A, 'S1', 1, '张三', counts)).toBe('saved');
    expect(await status()).toBe('firstEntered');
    expect(await db.tallies.count()).toBe(0);
    expect(await saveEntry(db, A, 'S1', 2, '李四', { ...counts })).toBe('accepted');
    const tally = await db.tallies.get([A, 'S1']);
    expect(tally).toMatchObject({ ...counts, id: 'S1', source: 'doubleEntry' });
    expect(await status()).toBe('accepted');
  });

  it('keeps a differing pair out of tallies until resolved, and audits the resolution', async () => {
    await saveEntry(db, A, 'S1', 1, '张三', counts);
    const second = { ...counts, satisfied: 9 };
    expect(await saveEntry(db, A, 'S1', 2, '李四', second)).toBe('differs');
    expect(await status()).toBe('differs');
    expect(await db.tallies.count()).toBe(0);
    await acceptResolved(db, A, 'S1', '王五', counts, second, counts);
    expect((await db.tallies.get([A, 'S1']))?.satisfied).toBe(8);
    const audit = await db.audit.toArray();
    expect(audit.map((a) => a.action)).toEqual(['tally.entry', 'tally.entry', 'tally.resolve']);
    expect(audit[2]?.before).toBe('满意：8/9→8');
    expect(audit[2]?.after).toMatch(/^40票 · [0-9a-f]{16}$/);
  });

  it('takes no entry once the assessment is locked', async () => {
    await lockAssessment(db, A, '王五');
    await expect(saveEntry(db, A, 'S1', 1, '张三', counts)).rejects.toBeInstanceOf(LockedError);
    expect(await db.tallyEntries.count()).toBe(0);
  });

  it('audits entries without their numbers (the second person stays blind)', async () => {
    await saveEntry(db, A, 'S1', 1, '张三', counts);
    const [entry] = await db.audit.toArray();
    expect(entry?.after).toBe('第1次录入');
  });

  it('re-entering the second entry drops it only', async () => {
    await saveEntry(db, A, 'S1', 1, '张三', counts);
    await saveEntry(db, A, 'S1', 2, '李四', { ...counts, basic: 3 });
    await discardSecondEntry(db, A, 'S1', '王五');
    expect(await status()).toBe('firstEntered');
  });

  it('stores counts only: no voter, no order, no time on an entry', async () => {
    await saveEntry(db, A, 'S1', 1, '张三', counts);
    const [entry] = await db.tallyEntries.toArray();
    expect(Object.keys(entry!).sort()).toEqual(
      ['abstain', 'assessmentId', 'basic', 'dissatisfied', 'id', 'invalid', 'issued', 'operator', 'satisfied', 'slot', 'verySatisfied'].sort(),
    );
  });
});
