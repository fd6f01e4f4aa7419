import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BallotTally, Secretary } from '../../../shared/model';
import { readPackage, type AssessmentData } from '../../../shared/exchange';
import { saveEvidence, addAttachment, newEvidence } from '../features/evidence/store';
import { createAssessment } from './assessments';
import { checkAuditLog } from './audit';
import { recordDecision } from './decisions';
import { applyMerge, exportPackage, openPackage, previewMerge, StalePreview, type MergePreview } from './exchange';
import { importRoster, importTallies } from './imports';
import { lockAssessment, LockedError } from './lock';
import { ShuangpingDb } from './schema';
import { readAssessment } from './snapshot';

const sec = (id: string, town: string): Secretary => ({ id, name: `书记${id}`, source: 'town', mode: 'fulltime', rankClass: 'section', town, postType: 'village', eligibleVoters: 45 });
const tally = (id: string, verySatisfied: number): BallotTally => ({ id, verySatisfied, satisfied: 5, basic: 2, dissatisfied: 1, invalid: 0, abstain: 0 });
const ROSTER = [sec('S1', '胶莱镇'), sec('S2', '胶莱镇'), sec('S3', '里岔镇'), sec('S4', '里岔镇')];

const open: ShuangpingDb[] = [];
function laptop(): ShuangpingDb {
  const db = new ShuangpingDb(`test-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) await db.delete();
});

const ctx = (db: ShuangpingDb, assessmentId: string, operator = '张三') => ({ db, assessmentId, operator, sheet: '测试' });

/** Laptop A: the assessment with its roster, 胶莱镇's tallies, a decision, evidence and a photo. */
async function laptopA(): Promise<{ db: ShuangpingDb; id: string }> {
  const db = laptop();
  const id = await createAssessment(db, { year: 2024, name: '胶州市考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  await importRoster(ctx(db, id), ROSTER);
  await importTallies(ctx(db, id), [tally('S1', 30), tally('S2', 28)]);
  await recordDecision(db, id, { id: 'S1', grade: 'excellent', reason: '研究确定', by: '张三' }, '张三');
  await saveEvidence(db, newEvidence(id, 'S1', 'A1.1', 'diary', '张三'), '张三');
  await addAttachment(db, id, 'S1', 'A1.1', new File([new Uint8Array([1, 2, 3, 4])], '民情日记.jpg', { type: 'image/jpeg' }), '张三');
  return { db, id };
}

async function send(from: ShuangpingDb, id: string, to: ShuangpingDb, scope: Parameters<typeof exportPackage>[2] = { kind: 'assessment' }): Promise<MergePreview> {
  const { bytes } = await exportPackage(from, id, scope, '张三');
  const opened = await openPackage(bytes);
  if (!opened.ok) throw new Error(opened.errors[0]!.message);
  return previewMerge(to, opened.value);
}

/** The records, without what is only local bookkeeping (updatedAt, the event counter). */
async function dataOf(db: ShuangpingDb, id: string): Promise<Omit<AssessmentData, 'assessment'> & { settings: unknown }> {
  const data = (await readAssessment(db, id))!.assessments[0]!.data;
  const { assessment, events, ...rest } = data;
  const { updatedAt: _u, ...settings } = assessment;
  return { ...rest, events: events.map(({ key: _k, ...e }) => e), settings };
}

describe('merging packages between laptops', () => {
  it('a new laptop receives the whole assessment, attachments and all, and its log says so', async () => {
    const a = await laptopA();
    const b = laptop();
    const preview = await send(a.db, a.id, b);
    // written with Web Crypto's SHA-256, verified by the pure one of the command line
    expect((await readPackage((await exportPackage(a.db, a.id, { kind: 'assessment' }, '张三')).bytes)).ok).toBe(true);
    expect(preview.plans[0]!.creates).toBe(true);
    expect(preview.plans[0]!.conflicts).toEqual([]);
    const [result] = await applyMerge(b, preview, {}, '李四');
    expect(result).toMatchObject({ created: true, identical: 0, conflicts: 0 });
    expect(await dataOf(b, a.id)).toEqual(await dataOf(a.db, a.id));
    const photo = (await b.attachments.toArray())[0]!;
    expect(new Uint8Array(await photo.blob.arrayBuffer())).toEqual(new Uint8Array([1, 2, 3, 4]));
    const log = await checkAuditLog(b, a.id);
    expect(log.check.ok).toBe(true);
    expect(log.entries.at(-1)).toMatchObject({ action: 'merge', operator: '李四', before: '本机无此考核' });
    expect(log.entries.at(-1)!.after).toMatch(/^来自电脑 .{8}（张三，.*）：新增 10（考核设置1、名册4、测评计票2、审定意见1、佐证材料1、附件1），相同 0，冲突 0$/);
  });

  it('is idempotent: the same package again reports nothing new and writes nothing', async () => {
    const a = await laptopA();
    const b = laptop();
    await applyMerge(b, await send(a.db, a.id, b), {}, '李四');
    const before = await dataOf(b, a.id);
    const auditBefore = await b.audit.count();
    const again = await send(a.db, a.id, b);
    expect(again.plans[0]!.added).toEqual([]);
    expect(again.plans[0]!.conflicts).toEqual([]);
    const [result] = await applyMerge(b, again, {}, '李四');
    expect(result).toMatchObject({ added: 0, conflicts: 0 });
    expect(await dataOf(b, a.id)).toEqual(before);
    expect(await b.audit.count()).toBe(auditBefore);
  });

  it('two teams enter different towns; their shares merge without conflict, in either order to the same data', async () => {
    const a = await laptopA();
    const b = laptop();
    await applyMerge(b, await send(a.db, a.id, b), {}, '李四');
    await importTallies(ctx(b, a.id, '李四'), [tally('S3', 20), tally('S4', 18)]);
    const c = laptop();
    const d = laptop();
    const shareA = (to: ShuangpingDb) => send(a.db, a.id, to, { kind: 'towns', towns: ['胶莱镇'] });
    const shareB = (to: ShuangpingDb) => send(b, a.id, to, { kind: 'towns', towns: ['里岔镇'] });
    await applyMerge(c, await shareA(c), {}, '王五');
    await applyMerge(c, await shareB(c), {}, '王五');
    await applyMerge(d, await shareB(d), {}, '王五');
    await applyMerge(d, await shareA(d), {}, '王五');
    expect(await dataOf(c, a.id)).toEqual(await dataOf(d, a.id));
    expect((await c.tallies.toArray()).map((t) => t.id).sort()).toEqual(['S1', 'S2', 'S3', 'S4']);
    // and back on A: B's town arrives, nothing of A's is lost
    await applyMerge(a.db, await shareB(a.db), {}, '张三');
    expect(await dataOf(a.db, a.id)).toEqual(await dataOf(c, a.id));
  });

  it('the same secretary’s tally differing on two laptops is a conflict; the choice decides, nothing is summed', async () => {
    const a = await laptopA();
    const b = laptop();
    await applyMerge(b, await send(a.db, a.id, b), {}, '李四');
    await importTallies(ctx(b, a.id, '李四'), [tally('S1', 25)], { S1: 'theirs' });
    const preview = await send(b, a.id, a.db);
    expect(preview.plans[0]!.conflicts.map((c) => c.key)).toEqual(['tally|S1']);
    await expect(applyMerge(a.db, preview, {}, '张三')).rejects.toThrow();
    expect((await a.db.tallies.get([a.id, 'S1']))!.verySatisfied).toBe(30);
    await applyMerge(a.db, preview, { [a.id]: { 'tally|S1': 'theirs' } }, '张三');
    expect((await a.db.tallies.get([a.id, 'S1']))!.verySatisfied).toBe(25);
    const last = (await a.db.audit.where('assessmentId').equals(a.id).toArray()).at(-1)!;
    expect(last.after).toContain('冲突 1（采用对方：测评计票 S1）');
  });

  it('refuses a preview that went stale, and a finalized assessment', async () => {
    const a = await laptopA();
    const b = laptop();
    await applyMerge(b, await send(a.db, a.id, b), {}, '李四');
    await importTallies(ctx(b, a.id, '李四'), [tally('S3', 20)]);
    const preview = await send(b, a.id, a.db);
    await importTallies(ctx(a.db, a.id), [tally('S3', 21)]);
    await expect(applyMerge(a.db, preview, {}, '张三')).rejects.toBeInstanceOf(StalePreview);
    await lockAssessment(a.db, a.id, '张三');
    const locked = await send(b, a.id, a.db);
    expect(locked.locked).toEqual([a.id]);
    await expect(applyMerge(a.db, locked, { [a.id]: { 'tally|S3': 'theirs' } }, '张三')).rejects.toBeInstanceOf(LockedError);
    expect((await a.db.tallies.get([a.id, 'S3']))!.verySatisfied).toBe(21);
  });

  it('logs travel: a laptop passes on the chains it received', async () => {
    const a = await laptopA();
    const b = laptop();
    await applyMerge(b, await send(a.db, a.id, b), {}, '李四');
    const { manifest } = await exportPackage(b, a.id, { kind: 'assessment' }, '李四');
    const aChain = await a.db.audit.where('assessmentId').equals(a.id).toArray();
    expect(manifest.assessments[0]!.received).toEqual([{ laptopId: (await a.db.meta.get('laptopId'))!.value, count: aChain.length, head: aChain.at(-1)!.hash }]);
  });
});
