import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { ShuangpingDb } from './schema';

describe('schema version 4', () => {
  it('opens a version-2 database with its data, and empty tables of the field work', async () => {
    const name = `test-v2-${Math.random()}`;
    const v2 = new Dexie(name);
    v2.version(1).stores({
      assessments: 'id, year, status',
      secretaries: '[assessmentId+id], assessmentId, [assessmentId+town]',
      itemScores: '[assessmentId+id], assessmentId',
      summaryScores: '[assessmentId+id], assessmentId',
      tallies: '[assessmentId+id], assessmentId',
      tallyEntries: '[assessmentId+id+slot], assessmentId, [assessmentId+id]',
      events: '++key, assessmentId, [assessmentId+id]',
      decisions: '[assessmentId+id], assessmentId',
      evidence: '[assessmentId+id+itemCode+kind], assessmentId, [assessmentId+id]',
      attachments: 'key, assessmentId, [assessmentId+id], sha256',
      audit: '++seq, assessmentId',
      meta: 'key',
    });
    v2.version(2).stores({ tombstones: '[assessmentId+key+fingerprint], assessmentId' });
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
