import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Unit } from '../../../shared/exchange/units';
import type { Secretary } from '../../../shared/model';
import { recordsState, readAuditLog } from './audit';
import { createAssessment } from './assessments';
import { IMPORT_UNIT, type ImportKind, type ImportRecords } from './import-plan';
import { importRecords } from './imports';
import { priorOf } from './prior';
import { ShuangpingDb } from './schema';
import { saveItemScores } from './scores';
import { readUnits, tableRowsOf } from './units';

// An import works out the state after its write from what it wrote (it does not read it back):
// its audit entry, the replaced values and the tombstones must be those a read of the tables gives.

const sec = (id: string, name = `书记${id}`): Secretary => ({
  id,
  name,
  source: 'town',
  mode: 'fulltime',
  rankClass: 'section',
  postType: 'village',
  eligibleVoters: 45,
});
const tally = (id: string, verySatisfied: number) => ({ id, verySatisfied, satisfied: 5, basic: 0, dissatisfied: 0, invalid: 0, abstain: 0 });

const TABLE = {
  roster: 'secretaries',
  summary: 'summaryScores',
  scores: 'itemScores',
  ballots: 'tallies',
  events: 'events',
  attendance: 'attendance',
} as const;
const UNIT = { roster: '人', summary: '人', scores: '人', ballots: '人', events: '条', attendance: '条' } as const;

// the units the import tells its change after the write, to compare with a read
const told: ReadonlyMap<string, Unit>[] = [];
vi.mock('./change', async (original) => {
  const actual = await original<typeof import('./change')>();
  return {
    ...actual,
    changeRecords: ((db, assessmentId, scope, write) =>
      actual.changeRecords(db, assessmentId, scope, (log, before, known) =>
        write(log, before, (after) => {
          told.push(after);
          known(after);
        }),
      )) as typeof actual.changeRecords,
  };
});

let db: ShuangpingDb;
let assessmentId: string;

beforeEach(async () => {
  db = new ShuangpingDb(`test-after-${Math.random()}`);
  assessmentId = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const unitsNow = (kind: ImportKind) => db.transaction('r', db.tables, () => readUnits(db, assessmentId, null, [IMPORT_UNIT[kind]]));

/** Imports, then checks the new audit entry and tombstones against a read of the tables before and after. */
async function importAndCompare<K extends ImportKind>(kind: K, records: ImportRecords[K][], choices: Record<string, 'mine' | 'theirs'> = {}) {
  const before = await unitsNow(kind);
  const tombstones = await db.tombstones.count();
  const outcome = await importRecords({ db, assessmentId, operator: '张三', sheet: '表' }, kind, records, choices);
  expect(outcome).toMatchObject({ ok: true });
  const after = await unitsNow(kind);
  const derived = told.at(-1)!;
  expect([...derived.keys()].sort()).toEqual([...after.keys()].sort());
  for (const [key, unit] of after) expect({ key, fingerprint: derived.get(key)!.fingerprint }).toEqual({ key, fingerprint: unit.fingerprint });
  const entry = (await readAuditLog(db, assessmentId)).at(-1)!;
  expect(entry.action).toBe(`${kind}.import`);
  expect(entry.after).toBe(await recordsState(tableRowsOf(after, TABLE[kind]), UNIT[kind]));
  const prior = priorOf(before, after);
  expect(entry.prior ? JSON.parse(entry.prior) : null).toEqual(prior ? JSON.parse(JSON.stringify(prior)) : null);
  const gone = [...before.keys()].filter((k) => !after.has(k)).length;
  expect((await db.tombstones.count()) - tombstones).toBe(gone);
  if (outcome.ok) expect(outcome.total).toBe(tableRowsOf(after, TABLE[kind]).length);
}

describe('the state after an import, worked out without reading it back', () => {
  it('is the state a read gives, for every kind: new, taken, kept, removed, set aside, replaced entries and events', async () => {
    await importAndCompare('roster', [sec('S1'), sec('S2'), sec('S3')]);
    await importAndCompare('roster', [sec('S1', '新名'), sec('S2', '改名'), sec('S4')], { S1: 'theirs', S2: 'mine', S3: 'theirs' });

    await saveItemScores(db, assessmentId, 'S2', { 'A1.2': '1' }, '张三');
    await importAndCompare(
      'summary',
      [
        { id: 'S1', baseScore: '90', orgScore: '96' },
        { id: 'S2', baseScore: '80', orgScore: '90' },
      ],
      { S2: 'theirs' },
    );
    await importAndCompare('scores', [{ id: 'S2', inputs: { 'A1.2': '2' } }], { S2: 'theirs' });
    await importAndCompare('summary', [{ id: 'S2', baseScore: '81', orgScore: '91' }], { S2: 'theirs' });

    await db.transaction('rw', [db.tallyEntries, db.assessments], () => db.tallyEntries.add({ assessmentId, ...tally('S1', 20), slot: 1, operator: '李四' }));
    await importAndCompare('ballots', [tally('S1', 30), tally('S2', 31)], { S1: 'theirs' });
    await importAndCompare('ballots', [tally('S1', 32), tally('S2', 31), tally('S4', 10)], { S1: 'theirs' });

    await importAndCompare('events', [
      { id: 'S1', kind: 'breach', note: '甲' },
      { id: 'S2', kind: 'breach' },
    ]);
    await importAndCompare(
      'events',
      [
        { id: 'S1', kind: 'breach', note: '乙' },
        { id: 'S4', kind: 'breach' },
      ],
      { S1: 'theirs', S2: 'theirs' },
    );

    await importAndCompare('attendance', [{ id: 'S1', month: '2024-03', daysPresent: 18, workDays: 21, leaveDays: 1 }]);
    await importAndCompare('attendance', [{ id: 'S1', month: '2024-03', daysPresent: 19, workDays: 21, leaveDays: 0 }], { S1: 'theirs' });
  });
});

describe('the roster a file is checked against', () => {
  it('a large file (read with the whole roster) and a small one (its secretaries looked up): the same errors', async () => {
    const ids = Array.from({ length: 2100 }, (_, i) => `S${i + 1}`);
    await importAndCompare(
      'roster',
      ids.map((id) => sec(id)),
    );
    const ctx = { db, assessmentId, operator: '张三', sheet: '测评计票' };
    const wrong = [tally('S7', 50), tally('X1', 1)];
    const small = await importRecords(ctx, 'ballots', wrong);
    const large = await importRecords(ctx, 'ballots', [...ids.slice(10, 2100).map((id) => tally(id, 1)), ...wrong]);
    expect(small.ok).toBe(false);
    expect(large.ok).toBe(false);
    if (small.ok || large.ok) return;
    expect(small.errors.map((e) => e.message)).toEqual(large.errors.map((e) => e.message));
    expect(small.errors).toHaveLength(2);
    expect(await db.tallies.count()).toBe(0);
  });
});
