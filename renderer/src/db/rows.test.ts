import 'fake-indexeddb/auto';
import type { Table } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { secretary } from '../../../shared/method/testing';
import { createAssessment } from './assessments';
import { auditState, readAuditLog } from './audit';
import { importEvents, importItemScores, importRoster, importSummaryScores, importTallies, WRITE_CHUNK } from './imports';
import { assessmentRows } from './rows';
import { ShuangpingDb } from './schema';

let db: ShuangpingDb;

beforeEach(() => {
  db = new ShuangpingDb(`test-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('an assessment’s records by the primary key’s range', () => {
  it('are those of the assessment index, in the same order, and no other assessment’s', async () => {
    const a = await createAssessment(db, { year: 2024, name: '甲', region: '胶州市', policy: 'jiaozhou' }, '张三');
    const b = await createAssessment(db, { year: 2024, name: '乙', region: '胶州市', policy: 'jiaozhou' }, '张三');
    // more than one chunk of the import's write, ids that sort differently as text and as numbers
    const ids = Array.from({ length: WRITE_CHUNK + 7 }, (_, i) => `S${(i * 7919) % 2000}`).filter((id, i, all) => all.indexOf(id) === i);
    await importRoster(
      { db, assessmentId: a, operator: '张三', sheet: '名册' },
      ids.map((id) => secretary(id)),
    );
    await importRoster(
      { db, assessmentId: b, operator: '张三', sheet: '名册' },
      ['S1', 'S2'].map((id) => secretary(id)),
    );
    await importTallies(
      { db, assessmentId: a, operator: '张三', sheet: '计票' },
      ids.map((id) => ({ id, verySatisfied: 30, satisfied: 10, basic: 5, dissatisfied: 0, invalid: 0, abstain: 0 })),
    );
    for (const table of [db.secretaries, db.tallies] as const) {
      const byIndex = await table.where('assessmentId').equals(a).toArray();
      expect(byIndex).toHaveLength(ids.length);
      expect(await assessmentRows<unknown>(table, a)).toEqual(byIndex);
    }
    expect((await assessmentRows(db.secretaries, b)).map((s) => s.id)).toEqual(['S1', 'S2']);
    // the import's audit entry digests the whole table as auditState does, though written and digested in parts
    const log = await readAuditLog(db, a);
    const rosterEntry = log.find((e) => e.action === 'roster.import')!;
    expect(rosterEntry.before).toBe(auditState([], '0人'));
    expect(rosterEntry.after).toBe(auditState(await db.secretaries.where('assessmentId').equals(a).toArray(), `${ids.length}人`));
    expect(log.find((e) => e.action === 'ballots.import')!.after).toBe(
      auditState(await db.tallies.where('assessmentId').equals(a).toArray(), `${ids.length}人`),
    );
  });

  it('an import’s audit entry gives each table’s state before and after as a read of the table does, for every kind', async () => {
    const a = await createAssessment(db, { year: 2024, name: '甲', region: '胶州市', policy: 'jiaozhou' }, '张三');
    const ctx = { db, assessmentId: a, operator: '张三', sheet: '表' };
    const ids = Array.from({ length: 40 }, (_, i) => `S${(i * 37) % 100}`);
    const tally = (id: string, n: number) => ({ id, verySatisfied: n, satisfied: 10, basic: 5, dissatisfied: 0, invalid: 0, abstain: 0 });
    const steps: [string, Table<unknown>, string, () => Promise<unknown>][] = [
      [
        'roster.import',
        db.secretaries,
        '人',
        () =>
          importRoster(
            ctx,
            ids.map((id) => secretary(id)),
          ),
      ],
      [
        'roster.import',
        db.secretaries,
        '人',
        () =>
          importRoster(
            ctx,
            [...ids.slice(3), 'S100', 'S101'].map((id) => secretary(id, { name: `新${id}` })),
            Object.fromEntries(ids.map((id) => [id, 'theirs'])),
          ),
      ],
      [
        'summary.import',
        db.summaryScores,
        '人',
        () =>
          importSummaryScores(
            ctx,
            ids.slice(5, 20).map((id) => ({ id, baseScore: '90', orgScore: '91' })),
          ),
      ],
      [
        'scores.import',
        db.itemScores,
        '人',
        () =>
          importItemScores(
            ctx,
            ids.slice(15, 30).map((id) => ({ id, inputs: {} })),
            Object.fromEntries(ids.map((id) => [id, 'theirs'])),
          ),
      ],
      [
        'ballots.import',
        db.tallies,
        '人',
        () =>
          importTallies(
            ctx,
            ids.slice(3).map((id) => tally(id, 30)),
          ),
      ],
      [
        'ballots.import',
        db.tallies,
        '人',
        () =>
          importTallies(
            ctx,
            ids.slice(3).map((id, i) => tally(id, 20 + (i % 3))),
            Object.fromEntries(ids.map((id) => [id, 'theirs'])),
          ),
      ],
      [
        'events.import',
        db.events,
        '条',
        () =>
          importEvents(ctx, [
            { id: ids[4]!, kind: 'recall' },
            { id: ids[9]!, kind: 'recall', note: '甲' },
            { id: ids[4]!, kind: 'recall', note: '乙' },
          ] as never),
      ],
    ];
    for (const [action, table, unit, run] of steps) {
      const rowsBefore = await table.where('assessmentId').equals(a).toArray();
      const outcome = await run();
      expect(outcome, `${action}: ${JSON.stringify(outcome)}`).toMatchObject({ ok: true });
      const rowsAfter = await table.where('assessmentId').equals(a).toArray();
      const entry = (await readAuditLog(db, a)).at(-1)!;
      expect(entry.action).toBe(action);
      expect(entry.before).toBe(auditState(rowsBefore, `${rowsBefore.length}${unit}`));
      expect(entry.after).toBe(auditState(rowsAfter, `${rowsAfter.length}${unit}`));
    }
  });
});
