import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import type { BallotTally, Secretary } from '../../../shared/model';
import { readPackage, type AssessmentData } from '../../../shared/exchange';
import { saveEvidence, addAttachment, newEvidence } from '../features/evidence/store';
import { createAssessment } from './assessments';
import { checkAuditLog } from './audit';
import { recordDecision } from './decisions';
import { applyMerge, exportPackage, openPackage, previewMerge, setTeamKey, StalePreview, teamKey, type MergePreview } from './exchange';
import { removeDecision } from './decisions';
import { isEnvelope } from '../../../shared/exchange';
import { importRoster, importTallies } from './imports';
import { lockAssessment, LockedError } from './lock';
import { ShuangpingDb } from './schema';
import { readAssessment } from './snapshot';

const sec = (id: string, town: string): Secretary => ({
  id,
  name: `书记${id}`,
  source: 'town',
  mode: 'fulltime',
  rankClass: 'section',
  town,
  postType: 'village',
  eligibleVoters: 45,
});
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

async function send(
  from: ShuangpingDb,
  id: string,
  to: ShuangpingDb,
  scope: Parameters<typeof exportPackage>[2] = { kind: 'assessment' },
): Promise<MergePreview> {
  const { bytes } = await exportPackage(from, id, scope, '张三');
  const opened = await openPackage(bytes, await teamKey(to));
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
    expect(log.entries.at(-1)!.after).toMatch(
      /^来自电脑 .{8}（张三，.*）：新增 10（考核设置1、名册4、测评计票2、审定意见1、佐证材料1、附件1），相同 0，冲突 0$/,
    );
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
    expect(manifest.assessments[0]!.received).toEqual([
      { laptopId: (await a.db.meta.get('laptopId'))!.value, count: aChain.length, head: aChain.at(-1)!.hash },
    ]);
  });
});

describe('exporting logs what left the laptop', () => {
  it('the package’s chain ends with the export entry of its data, which is this laptop’s log too', async () => {
    const a = await laptopA();
    const { bytes, manifest } = await exportPackage(a.db, a.id, { kind: 'towns', towns: ['里岔镇'] }, '张三');
    const log = await checkAuditLog(a.db, a.id);
    expect(log.check.ok).toBe(true);
    expect(log.entries.at(-1)).toMatchObject({ action: 'export', operator: '张三', target: '镇街：里岔镇' });
    expect(manifest.assessments[0]!.audit.head).toBe(log.entries.at(-1)!.hash);
    const opened = await readPackage(bytes);
    expect(opened.ok && opened.value.assessments[0]!.audit.at(-1)!.after).toBe(log.entries.at(-1)!.after);
  });

  it('a finalized assessment can still be exported', async () => {
    const a = await laptopA();
    await lockAssessment(a.db, a.id, '张三');
    expect((await readPackage((await exportPackage(a.db, a.id, { kind: 'assessment' }, '张三')).bytes)).ok).toBe(true);
  });
});

describe('deletions travel', () => {
  /** A and B hold the same assessment. */
  async function pair() {
    const a = await laptopA();
    const b = laptop();
    await applyMerge(b, await send(a.db, a.id, b), {}, '李四');
    return { a, b, id: a.id };
  }

  it('a decision revoked on A is removed on B (对方已删除), and B’s old copy does not bring it back to A', async () => {
    const { a, b, id } = await pair();
    const stale = await exportPackage(b, id, { kind: 'assessment' }, '李四');
    await removeDecision(a.db, id, 'S1', '张三');
    const toB = await send(a.db, id, b);
    expect(toB.plans[0]!.deletedThere.map((d) => d.unit.key)).toEqual(['decision|S1']);
    expect(toB.plans[0]!.conflicts).toEqual([]);
    const [result] = await applyMerge(b, toB, {}, '李四');
    expect(result).toMatchObject({ deletedThere: 1 });
    expect(await b.decisions.count()).toBe(0);
    expect((await b.audit.where('assessmentId').equals(id).toArray()).at(-1)!.after).toContain('对方已删除 1（审定意见 S1）');

    const opened = await openPackage(stale.bytes);
    if (!opened.ok) throw new Error(opened.errors[0]!.message);
    const back = await previewMerge(a.db, opened.value);
    expect(back.plans[0]!.deletedHere.map((d) => d.unit.key)).toEqual(['decision|S1']);
    expect(back.plans[0]!.added).toEqual([]);
    await applyMerge(a.db, back, {}, '张三');
    expect(await a.db.decisions.count()).toBe(0);
  });

  it('deleted on one laptop, changed on the other: a conflict both ways, for a person', async () => {
    const { a, b, id } = await pair();
    await removeDecision(a.db, id, 'S1', '张三');
    await recordDecision(b, id, { id: 'S1', grade: 'good', reason: '改为良好', by: '李四' }, '李四');
    const onB = await send(a.db, id, b);
    expect(onB.plans[0]!.conflicts).toMatchObject([{ key: 'decision|S1', theirs: null, deletion: { operator: '张三' } }]);
    const onA = await send(b, id, a.db);
    expect(onA.plans[0]!.conflicts).toMatchObject([{ key: 'decision|S1', mine: null }]);
    // A keeps the deletion: the changed decision is deleted too, and stays deleted
    await applyMerge(a.db, onA, { [id]: { 'decision|S1': 'mine' } }, '张三');
    expect(await a.db.decisions.count()).toBe(0);
    const again = await send(b, id, a.db);
    expect(again.plans[0]!.conflicts).toEqual([]);
    expect(again.plans[0]!.deletedHere.map((d) => d.unit.key)).toEqual(['decision|S1']);
    // and B, taking A's package, now sees its own change deleted there
    const back = await send(a.db, id, b);
    expect(back.plans[0]!.deletedThere.map((d) => d.unit.key)).toEqual(['decision|S1']);
  });
});

describe('a team key', () => {
  it('two laptops with the same key exchange; a laptop with another key, or none, cannot open the package', async () => {
    const a = await laptopA();
    const b = laptop();
    const c = laptop();
    const d = laptop();
    await setTeamKey(a.db, 'SPK1-ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567');
    await setTeamKey(b, 'spk1 abcd efgh ijkl mnop qrst uvwx yz23 4567');
    await setTeamKey(c, '另一个工作组自己定的密钥');
    const { bytes } = await exportPackage(a.db, a.id, { kind: 'assessment' }, '张三');
    expect(isEnvelope(bytes)).toBe(true);
    const onB = await openPackage(bytes, await teamKey(b));
    expect(onB.ok && onB.value.security).toEqual({ encrypted: true, signature: 'verified' });
    expect(await openPackage(bytes, await teamKey(c))).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/^该文件是用另一个工作组密钥加密的/) }],
    });
    expect(await openPackage(bytes, await teamKey(d))).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/本机没有设置工作组密钥，无法打开$/) }],
    });
    // and with the key set, a package from a laptop without one is refused
    const plain = await exportPackage(
      d,
      await createAssessment(d, { year: 2024, name: '外来考核', region: '', policy: 'jiaozhou' }, '赵六'),
      { kind: 'assessment' },
      '赵六',
    );
    expect(await openPackage(plain.bytes, await teamKey(b))).toMatchObject({
      ok: false,
      errors: [{ message: expect.stringMatching(/^该文件没有工作组签名/) }],
    });
    expect(await setTeamKey(b, '太短')).toMatchObject({ ok: false });
  });
});
