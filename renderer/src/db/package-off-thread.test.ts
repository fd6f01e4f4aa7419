import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { secretary } from '../../../shared/method/testing';
import { createAssessment } from './assessments';
import { importRoster, importTallies } from './imports';
import { packageJobs, packageReceiver } from './package-off-thread';
import { ShuangpingDb } from './schema';
import { readAll } from './snapshot';

let db: ShuangpingDb;
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a package handed to the backup worker', () => {
  it('goes over in parts of a thousand records and comes out whole, as it was', async () => {
    db = new ShuangpingDb(`test-${Math.random()}`);
    const ids = Array.from({ length: 2345 }, (_, i) => `S${i + 1}`);
    for (const name of ['甲', '乙']) {
      const a = await createAssessment(db, { year: 2024, name, region: '胶州市', policy: 'jiaozhou' }, '张三');
      await importRoster(
        { db, assessmentId: a, operator: '张三', sheet: '名册' },
        (name === '甲' ? ids : ids.slice(0, 10)).map((id) => secretary(id)),
      );
      await importTallies(
        { db, assessmentId: a, operator: '张三', sheet: '计票' },
        ids.slice(0, name === '甲' ? 1500 : 10).map((id) => ({ id, verySatisfied: 30, satisfied: 10, basic: 5, dissatisfied: 0, invalid: 0, abstain: 0 })),
      );
    }
    const snapshot = await readAll(db);
    const input = {
      kind: 'backup' as const,
      createdAt: '2024-12-21T10:00:00.000Z',
      laptopId: 'L1',
      operator: '张三',
      scope: { kind: 'backup' as const },
      assessments: snapshot.assessments,
      files: new Map(),
    };
    const jobs = packageJobs(input, null);
    // 甲's roster in 3 parts and its tallies in 2; 乙's small tables go with the package
    expect(jobs.flatMap((j) => ('rows' in j ? [`${j.rows.table} ${j.rows.part.length}`] : []))).toEqual([
      'secretaries 1000',
      'secretaries 1000',
      'secretaries 345',
      'tallies 1000',
      'tallies 500',
    ]);
    const receive = packageReceiver();
    // each message as the worker receives it: a structured clone
    const whole = jobs.map((j) => receive(structuredClone(j))).at(-1);
    expect(whole).toEqual({ input, key: null });
    // the input handed over is left as it was
    expect(snapshot.assessments.map((a) => a.data.secretaries.length).sort()).toEqual([10, 2345]);
  });
});
