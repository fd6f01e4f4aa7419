import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { olderDatabase } from './older-database';
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
