import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { olderDatabase } from './older-database';
import { LockedError } from './lock';
import { ShuangpingDb } from './schema';

describe('schema version 4', () => {
  it('opens a version-2 database with its data, and empty tables of the field work', async () => {
    const name = `test-v2-${Math.random()}`;
    const v2 = olderDatabase(name, 2);
    await v2.table('decisions').add({ assessmentId: 'a', id: 'S1', grade: 'good', reason: '', by: '张三' });
    v2.close();

    const upgraded = new ShuangpingDb(name);
    try {
      expect(upgraded.verno).toBeGreaterThanOrEqual(4);
      expect(await upgraded.decisions.count()).toBe(1);
      for (const table of [upgraded.attendance, upgraded.reviews, upgraded.papers, upgraded.assignments, upgraded.boxes]) expect(await table.count()).toBe(0);
      // its indexes are there
      expect(await upgraded.attendance.where('[assessmentId+month]').equals(['a', '2024-03']).count()).toBe(0);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});

describe('schema version 7', () => {
  it('drops the indexes that repeat the primary key; records are read by assessment as before, in key order, and a locked assessment still refuses writes', async () => {
    const name = `test-v6-${Math.random()}`;
    const v6 = olderDatabase(name, 6);
    const row = (assessmentId: string, id: string) => ({ assessmentId, id, name: `书记${id}`, town: '城关镇' });
    await v6.table('assessments').bulkAdd([
      { id: 'a', locked: true },
      { id: 'b', locked: false },
    ]);
    await v6.table('secretaries').bulkAdd([row('b', 'S2'), row('a', 'S1'), row('b', 'S1'), row('c', 'S1')]);
    await v6.table('tallies').add({ assessmentId: 'b', id: 'S1', verySatisfied: 1 });
    v6.close();

    const upgraded = new ShuangpingDb(name);
    try {
      expect(upgraded.verno).toBe(7);
      expect((await upgraded.secretaries.where('assessmentId').equals('b').toArray()).map((s) => s.id)).toEqual(['S1', 'S2']);
      expect(await upgraded.secretaries.where('assessmentId').equals('a').count()).toBe(1);
      expect(await upgraded.tallies.where('assessmentId').equals('b').count()).toBe(1);
      const store = upgraded.backendDB().transaction(['secretaries', 'tallies']);
      expect([...store.objectStore('secretaries').indexNames]).toEqual([]);
      expect([...store.objectStore('tallies').indexNames]).toEqual([]);
      // the lock guard knows these tables by their key
      await expect(
        upgraded.transaction('rw', upgraded.secretaries, upgraded.assessments, () => upgraded.secretaries.put(row('a', 'S9') as never)),
      ).rejects.toThrow(LockedError);
      await upgraded.transaction('rw', upgraded.secretaries, upgraded.assessments, () => upgraded.secretaries.put(row('b', 'S9') as never));
      expect(await upgraded.secretaries.where('assessmentId').equals('b').count()).toBe(3);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});
