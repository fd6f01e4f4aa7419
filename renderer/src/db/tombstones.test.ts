import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Secretary } from '../../../shared/model';
import { unitDigest } from '../../../shared/exchange/merge';
import { resetTally, saveEntry } from '../features/ballots/store';
import { addAttachment, newEvidence, removeAttachment, removeEvidence, saveEvidence } from '../features/evidence/store';
import { createAssessment } from './assessments';
import { recordDecision, removeDecision } from './decisions';
import { importEvents, importRoster } from './imports';
import { changeTables, LockedError, lockAssessment } from './lock';
import { saveSecretary } from './roster';
import { olderDatabase } from './older-database';
import { ShuangpingDb } from './schema';
import { enterSummaryScore, saveItemScores } from './scores';
import { recordDeletions } from './tombstones';
import { readUnits } from './units';

const sec = (id: string): Secretary => ({
  id,
  name: `书记${id}`,
  source: 'town',
  mode: 'fulltime',
  rankClass: 'section',
  town: '胶莱镇',
  postType: 'village',
  eligibleVoters: 45,
});
const COUNTS = { verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 };

let db: ShuangpingDb;
let id: string;
const ctx = () => ({ db, assessmentId: id, operator: '张三', sheet: '测试' });

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  id = await createAssessment(db, { year: 2024, name: '胶州市考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  await importRoster(ctx(), [sec('S1'), sec('S2'), sec('S3')]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

/** The one tombstone left, and the audit entry it names. */
async function lastDeletion() {
  const tombstones = await db.tombstones.toArray();
  const entry = (await db.audit.where('assessmentId').equals(id).toArray()).at(-1)!;
  return { tombstones, entry };
}

describe('deletions leave a tombstone, stamped with the audit entry that deleted', () => {
  it.each<[string, () => Promise<unknown>, () => Promise<unknown>, string]>([
    [
      '清空计票 (both entries of a double entry)',
      () => saveEntry(db, id, 'S1', 1, '张三', COUNTS).then(() => saveEntry(db, id, 'S1', 2, '李四', COUNTS)),
      () => resetTally(db, id, 'S1', '张三'),
      'tally|S1',
    ],
    [
      '撤销审定意见',
      () => recordDecision(db, id, { id: 'S1', grade: 'excellent', reason: '会议', by: '王五' }, '张三'),
      () => removeDecision(db, id, 'S1', '张三'),
      'decision|S1',
    ],
    [
      '删除佐证材料',
      () => saveEvidence(db, newEvidence(id, 'S1', 'A1.1', 'diary', '张三'), '张三'),
      () => removeEvidence(db, newEvidence(id, 'S1', 'A1.1', 'diary', '张三'), '张三'),
      'evidence|S1|A1.1|diary',
    ],
    [
      '导入名册, removing who the file lacks (by choice)',
      async () => undefined,
      () => importRoster(ctx(), [sec('S1'), sec('S2')], { S3: 'theirs' }),
      'roster|S3',
    ],
    ['修改编号', async () => undefined, () => saveSecretary(db, id, sec('S9'), '张三', 'S3'), 'roster|S3'],
    [
      '导入直接定等事项, removing the events the file lacks (by choice)',
      () => importEvents(ctx(), [{ id: 'S2', kind: 'breach', note: '通报' }]),
      () => importEvents(ctx(), [], { S2: 'theirs' }),
      'events|S2',
    ],
  ])('%s', async (_, make, remove, key) => {
    await make();
    const [secretary] = key.split('|').slice(1, 2);
    const before = await db.transaction('r', db.tables, () => readUnits(db, id, [secretary!]));
    await remove();
    const { tombstones, entry } = await lastDeletion();
    expect(tombstones).toEqual([
      { assessmentId: id, id: secretary, key, fingerprint: unitDigest(before.get(key)!), at: entry.at, operator: '张三', auditHash: entry.hash },
    ]);
  });

  it('删除附件: the attachment unit, its bytes not part of it', async () => {
    const { record } = await addAttachment(db, id, 'S1', 'A1.1', new File([new Uint8Array([1, 2, 3])], '照片.jpg', { type: 'image/jpeg' }), '张三');
    await removeAttachment(db, record, '张三');
    const { tombstones, entry } = await lastDeletion();
    expect(tombstones).toMatchObject([{ key: `attachment|S1|${record.sha256}`, auditHash: entry.hash }]);
  });

  it('an edit that keeps the unit leaves none: 录入汇总分 in place of item scores', async () => {
    await saveItemScores(db, id, 'S1', { 'A3.2': '1' }, '张三');
    await enterSummaryScore(db, id, 'S1', { baseScore: '90', orgScore: '95' }, '张三');
    await saveSecretary(db, id, { ...sec('S2'), name: '改名' }, '张三', 'S2');
    expect(await db.tombstones.count()).toBe(0);
  });

  it('the same content deleted twice keeps its first tombstone', async () => {
    const decision = { id: 'S1', grade: 'excellent' as const, reason: '会议', by: '王五' };
    await recordDecision(db, id, decision, '张三');
    await removeDecision(db, id, 'S1', '张三');
    const first = await db.tombstones.toArray();
    await recordDecision(db, id, decision, '李四');
    await removeDecision(db, id, 'S1', '李四');
    expect(await db.tombstones.toArray()).toEqual(first);
  });

  it('a locked assessment refuses tombstones too', async () => {
    await lockAssessment(db, id, '张三');
    const write = db.transaction('rw', [db.secretaries, ...changeTables(db)], async () => {
      const before = await readUnits(db, id, ['S1'], ['roster']);
      await recordDeletions(db, id, before, new Map(), { hash: 'h', at: '2024-12-01T00:00:00.000Z', operator: '张三' });
    });
    await expect(write).rejects.toBeInstanceOf(LockedError);
    expect(await db.tombstones.count()).toBe(0);
  });
});

describe('schema version 2', () => {
  it('opens a version-1 database with its data, and an empty tombstones table', async () => {
    const name = `test-v1-${Math.random()}`;
    const v1 = olderDatabase(name, 1);
    const assessment = (await db.assessments.get(id))!;
    await v1.table('assessments').add(assessment);
    await v1.table('secretaries').bulkAdd([{ ...sec('S1'), assessmentId: id }]);
    await v1.table('decisions').add({ assessmentId: id, id: 'S1', grade: 'good', reason: '', by: '张三' });
    v1.close();

    const upgraded = new ShuangpingDb(name);
    try {
      expect(upgraded.verno).toBeGreaterThanOrEqual(2);
      expect(await upgraded.secretaries.toArray()).toEqual([{ ...sec('S1'), assessmentId: id }]);
      expect(await upgraded.tombstones.count()).toBe(0);
      await removeDecision(upgraded, id, 'S1', '张三');
      expect(await upgraded.tombstones.toArray()).toMatchObject([{ key: 'decision|S1' }]);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});
