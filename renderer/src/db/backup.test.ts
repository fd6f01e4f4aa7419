import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../../shared/ipc/contract';
import { addAttachment, newEvidence, saveEvidence } from '../features/evidence/store';
import { createAssessment } from './assessments';
import { auditHeadKey, checkAuditLog, readAuditLog } from './audit';
import {
  BACKUP_LEDGER,
  backupBytes,
  backupName,
  dueBackups,
  openBackup,
  previewRestore,
  restoreBackup,
  runAutoBackup,
  StaleRestore,
  writeBackup,
  writtenHere,
  type BackupStore,
} from './backup';
import { openTeamKey } from '../../../shared/exchange/team-key';
import { removeDecision, recordDecision } from './decisions';
import { isEnvelope } from '../../../shared/exchange';
import { exportPackage, setTeamKey, teamKeyText } from './exchange';
import { importRoster, importTallies } from './imports';
import { lockAssessment, unlockAssessment } from './lock';
import { chainFields } from '../../../shared/exchange/canonical';
import { ShuangpingDb } from './schema';
import { bytesOf, readAll } from './snapshot';

let db: ShuangpingDb;
let first: string;
let second: string;

const ctx = (assessmentId: string) => ({ db, assessmentId, operator: '张三', sheet: '测试' });
const sec = (id: string) => ({
  id,
  name: `书记${id}`,
  source: 'town' as const,
  mode: 'fulltime' as const,
  rankClass: 'section' as const,
  town: '胶莱镇',
  postType: 'village' as const,
  eligibleVoters: 45,
});

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  first = await createAssessment(db, { year: 2024, name: '胶州市考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  second = await createAssessment(db, { year: 2023, name: '去年的考核', region: '胶州市', policy: 'daan' }, '张三');
  await importRoster(ctx(first), [sec('S1'), sec('S2')]);
  await importRoster(ctx(second), [sec('S1')]);
  await importTallies(ctx(first), [{ id: 'S1', verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 }]);
  await saveEvidence(db, newEvidence(first, 'S1', 'A1.1', 'diary', '张三'), '张三');
  await addAttachment(db, first, 'S1', 'A1.1', new File([new Uint8Array([9, 8, 7])], '照片.jpg', { type: 'image/jpeg' }), '张三');
  await addAttachment(db, second, 'S1', '', new File([new Uint8Array([9, 8, 7])], '同一张照片.jpg', { type: 'image/jpeg' }), '张三');
  await lockAssessment(db, second, '张三');
});
afterEach(async () => {
  await db.delete();
});

/** Everything a restore must bring back: records, attachment bytes, each assessment's chain. */
async function everythingOf(target: ShuangpingDb) {
  const { assessments, blobs } = await readAll(target);
  return {
    assessments: assessments.map((a) => ({ ...a, audit: a.audit.map((e) => chainFields(e)) })),
    files: await bytesOf(blobs),
    attachmentTypes: (await target.attachments.toArray()).map((a) => a.blob.type),
  };
}
const everything = () => everythingOf(db);

function memoryStore(): BackupStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const entry = (name: string): BackupEntry => ({ name, size: files.get(name)!.length, at: name });
  return {
    files,
    writeBackup: async (name, bytes) => (files.set(name, bytes), entry(name)),
    listBackups: async () => [...files.keys()].sort().reverse().map(entry),
    readBackup: async (name) => files.get(name)!,
    pruneBackups: async (prefix, keep) => {
      const stale = [...files.keys()]
        .filter((n) => n.startsWith(prefix))
        .sort()
        .reverse()
        .slice(keep);
      stale.forEach((n) => files.delete(n));
      return stale.length;
    },
  };
}

/** Opens backup bytes and previews restoring them into `target`. */
async function previewOf(bytes: Uint8Array, target: ShuangpingDb = db) {
  const opened = await openBackup(target, bytes);
  if (!opened.ok) throw new Error(opened.errors[0]!.message);
  return previewRestore(target, opened.value);
}

const chainOf = async (target: ShuangpingDb, id: string) => (await readAuditLog(target, id)).map((e) => chainFields(e));
const recordsOf = async (target: ShuangpingDb) =>
  (await readAll(target)).assessments.map((a) => ({ ...a.data, assessment: { ...a.data.assessment, updatedAt: '' } }));

describe('backup and restore', () => {
  it('restore into an empty database: every record, attachment and audit entry as it was, finalized assessments finalized', async () => {
    const original = await everything();
    const { bytes } = await backupBytes(db, '张三');
    const empty = new ShuangpingDb(`test-${Math.random()}`);
    try {
      const preview = await previewOf(bytes, empty);
      expect(preview.kept).toEqual([]);
      expect(preview.assessments.map((a) => [a.here, a.chain, a.changes, a.needsConsent])).toEqual([
        [null, 'new', true, false],
        [null, 'new', true, false],
      ]);
      await restoreBackup(empty, preview, '李四', '手动备份-20241221.zip');
      const restored = await everythingOf(empty);
      // each chain has one more entry: the restore itself
      for (const a of restored.assessments) {
        const last = a.audit.pop()!;
        expect(last).toMatchObject({ action: 'restore', operator: '李四', target: '手动备份-20241221.zip', before: '本机无此考核' });
        expect(last.after).toContain('本机原无此考核，备份的审计日志即本机的审计日志');
      }
      expect(restored).toEqual(original);
      for (const id of [first, second]) expect((await checkAuditLog(empty, id)).check.ok).toBe(true);
      expect((await empty.assessments.get(second))!.locked).toBe(true);
    } finally {
      empty.close();
      await empty.delete();
    }
  });

  it('history is kept: entries after the backup survive, the restore names the chain before it, assessments the backup lacks stay', async () => {
    const before = await recordsOf(db);
    const { bytes } = await backupBytes(db, '张三');
    const backupChain = await chainOf(db, first);
    // changes after the backup: a tally, the roster replaced, a new assessment
    await importTallies(ctx(first), [{ id: 'S2', verySatisfied: 1, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 0, abstain: 0 }]);
    await importRoster(ctx(first), [sec('X1')], { S1: 'theirs', S2: 'theirs' });
    const third = await createAssessment(db, { year: 2025, name: '新考核', region: '', policy: 'jiaozhou' }, '张三');
    const later = await chainOf(db, first);

    const preview = await previewOf(bytes);
    const mine = preview.assessments.find((a) => a.id === first)!;
    expect(mine).toMatchObject({
      chain: 'behind',
      changes: true,
      needsConsent: false,
      here: { locked: false, chain: { count: later.length } },
      backup: { locked: false, chain: { count: backupChain.length } },
    });
    expect(mine.counts.roster).toEqual({ added: 2, identical: 0, different: 0, removed: 1 });
    expect(mine.counts.tally).toEqual({ added: 0, identical: 1, different: 0, removed: 1 });
    expect(preview.assessments.find((a) => a.id === second)).toMatchObject({ changes: false, needsConsent: false });
    expect(preview.kept).toEqual([{ id: third, title: '2025年度 新考核', locked: false }]);

    await restoreBackup(db, preview, '李四', '手动备份-20241221.zip');
    expect((await recordsOf(db)).filter((a) => a.assessment.id !== third)).toEqual(before);
    expect(await db.assessments.get(third)).toBeTruthy();
    const after = await chainOf(db, first);
    expect(after.slice(0, later.length)).toEqual(later);
    expect(after).toHaveLength(later.length + 1);
    const entry = after.at(-1)!;
    expect(entry).toMatchObject({
      action: 'restore',
      operator: '李四',
      before: `本机审计日志 ${later.length} 条（末条 ${later.at(-1)!.hash.slice(0, 16)}），未定稿`,
    });
    expect(entry.after).toContain(
      `审计日志 ${backupChain.length} 条（末条 ${backupChain.at(-1)!.hash.slice(0, 16)}），备份的审计日志已全部含在本机审计日志中；新增 `,
    );
    for (const id of [first, second, third]) expect((await checkAuditLog(db, id)).check.ok).toBe(true);
    expect((await db.meta.get(auditHeadKey(first)))?.value).toEqual({ hash: entry.hash, count: after.length });
  });

  describe('a finalized assessment whose data the backup would change', () => {
    let bytes: Uint8Array;
    let changed: Awaited<ReturnType<typeof recordsOf>>;
    beforeEach(async () => {
      bytes = (await backupBytes(db, '张三')).bytes;
      await importTallies(ctx(first), [{ id: 'S2', verySatisfied: 1, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 0, abstain: 0 }]);
      await lockAssessment(db, first, '张三');
      changed = await recordsOf(db);
    });

    it('needs consent; without it, it is left as it is and stays finalized', async () => {
      const preview = await previewOf(bytes);
      expect(preview.assessments.find((a) => a.id === first)).toMatchObject({ needsConsent: true, here: { locked: true }, backup: { locked: false } });
      const log = await chainOf(db, first);
      await restoreBackup(db, preview, '李四', '备份.zip');
      expect((await db.assessments.get(first))!.locked).toBe(true);
      expect((await recordsOf(db)).find((a) => a.assessment.id === first)).toEqual(changed.find((a) => a.assessment.id === first));
      expect(await chainOf(db, first)).toEqual(log);
    });

    it('restored and kept finalized, with the reason logged', async () => {
      const preview = await previewOf(bytes);
      await expect(restoreBackup(db, preview, '李四', '备份.zip', { finalized: { [first]: 'keepLocked' }, reason: ' ' })).rejects.toThrow('needs a reason');
      await restoreBackup(db, preview, '李四', '备份.zip', { finalized: { [first]: 'keepLocked' }, reason: '计票录错，按备份恢复' });
      expect((await db.assessments.get(first))!.locked).toBe(true);
      expect(await db.tallies.where('assessmentId').equals(first).count()).toBe(1);
      const last = (await chainOf(db, first)).at(-1)!;
      expect(last).toMatchObject({ action: 'restore', before: expect.stringContaining('已定稿') });
      expect(last.after).toContain('保持定稿，理由：计票录错，按备份恢复');
      expect((await checkAuditLog(db, first)).check.ok).toBe(true);
    });

    it('unlocked only when chosen, with an unlock entry and its reason', async () => {
      const preview = await previewOf(bytes);
      await restoreBackup(db, preview, '李四', '备份.zip', { finalized: { [first]: 'unlock' }, reason: '部长办公会复议' });
      expect((await db.assessments.get(first))!.locked).toBe(false);
      const [unlock, restore] = (await chainOf(db, first)).slice(-2);
      expect(unlock).toMatchObject({ action: 'assessment.unlock', operator: '李四', before: '已定稿', after: '理由：部长办公会复议（从备份恢复：备份.zip）' });
      expect(restore!.after).toContain('解除定稿，理由：部长办公会复议');
      expect((await checkAuditLog(db, first)).check.ok).toBe(true);
    });

    it('a backup that has it finalized cannot be taken to unlock it', async () => {
      await lockAssessment(db, first, '张三');
      const locked = (await backupBytes(db, '张三')).bytes;
      await unlockAssessment(db, first, '张三', '补录');
      await importTallies(ctx(first), [{ id: 'S1', verySatisfied: 2, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 0, abstain: 0 }], { S1: 'theirs' });
      await lockAssessment(db, first, '张三');
      const preview = await previewOf(locked);
      await expect(restoreBackup(db, preview, '李四', '备份.zip', { finalized: { [first]: 'unlock' }, reason: '试' })).rejects.toThrow('finalized');
    });
  });

  it('a restore of the same backup on an unlocked assessment finalized in the backup finalizes it, as the preview says', async () => {
    await lockAssessment(db, first, '张三');
    const { bytes } = await backupBytes(db, '张三');
    await unlockAssessment(db, first, '张三', '补录');
    const preview = await previewOf(bytes);
    expect(preview.assessments.find((a) => a.id === first)).toMatchObject({ changes: false, here: { locked: false }, backup: { locked: true } });
    await restoreBackup(db, preview, '李四', '备份.zip');
    expect((await db.assessments.get(first))!.locked).toBe(true);
    expect((await chainOf(db, first)).at(-1)!.after).toContain('数据与本机相同；按备份为已定稿');
  });

  it('a backup whose chain went apart from this one is kept beside it, and passed on in the next backup', async () => {
    // laptop 2 restores this laptop's backup, then changes the tallies and backs up
    const other = new ShuangpingDb(`test-${Math.random()}`);
    try {
      await restoreBackup(other, await previewOf((await backupBytes(db, '张三')).bytes, other), '王五', '来自1号机.zip');
      await importTallies({ db: other, assessmentId: first, operator: '王五', sheet: '测试' }, [
        { id: 'S2', verySatisfied: 5, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 0, abstain: 0 },
      ]);
      const theirs = await backupBytes(other, '王五');
      const theirChain = await chainOf(other, first);
      // meanwhile this laptop replaced the roster
      await importRoster(ctx(first), [sec('S1'), sec('S2'), sec('S3')]);
      const mine = await chainOf(db, first);

      const preview = await previewOf(theirs.bytes);
      expect(preview.assessments.find((a) => a.id === first)!.chain).toBe('diverged');
      await restoreBackup(db, preview, '李四', '来自2号机.zip');
      const after = await chainOf(db, first);
      expect(after.slice(0, mine.length)).toEqual(mine);
      expect(after.at(-1)!.after).toContain('备份的审计日志与本机的分叉，另行保存为转来的审计日志');
      expect((await checkAuditLog(db, first)).check.ok).toBe(true);
      // the backup's data, and its chain kept whole as received from laptop 2
      expect((await db.tallies.get([first, 'S2']))?.verySatisfied).toBe(5);
      const received = (await readAll(db)).assessments.find((a) => a.data.assessment.id === first)!.received;
      expect(received.map((c) => [c.laptopId, c.entries.map((e) => chainFields(e))])).toEqual([[theirs.manifest.laptopId, theirChain]]);
      const next = await openBackup(db, (await backupBytes(db, '张三')).bytes);
      if (!next.ok) throw new Error(next.errors[0]!.message);
      expect(next.value.manifest.assessments.find((a) => a.id === first)!.received).toEqual([
        { laptopId: theirs.manifest.laptopId, count: theirChain.length, head: theirChain.at(-1)!.hash },
      ]);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('a backup whose chain continues this one adds its later entries: one chain', async () => {
    const other = new ShuangpingDb(`test-${Math.random()}`);
    try {
      await restoreBackup(other, await previewOf((await backupBytes(db, '张三')).bytes, other), '王五', '来自1号机.zip');
      await importTallies({ db: other, assessmentId: first, operator: '王五', sheet: '测试' }, [
        { id: 'S2', verySatisfied: 5, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 0, abstain: 0 },
      ]);
      const theirChain = await chainOf(other, first);
      const preview = await previewOf((await backupBytes(other, '王五')).bytes);
      expect(preview.assessments.find((a) => a.id === first)!.chain).toBe('ahead');
      await restoreBackup(db, preview, '李四', '来自2号机.zip');
      const after = await chainOf(db, first);
      expect(after.slice(0, -1)).toEqual(theirChain);
      expect(after.at(-1)!.after).toContain(`备份的审计日志接续本机审计日志，其后 2 条已接入`);
      expect((await checkAuditLog(db, first)).check.ok).toBe(true);
    } finally {
      other.close();
      await other.delete();
    }
  });

  it('refuses when this laptop changed after the preview, and changes nothing', async () => {
    const { bytes } = await backupBytes(db, '张三');
    const preview = await previewOf(bytes);
    await importTallies(ctx(first), [{ id: 'S2', verySatisfied: 1, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 0, abstain: 0 }]);
    const now = await everything();
    await expect(restoreBackup(db, preview, '李四', '备份.zip')).rejects.toBeInstanceOf(StaleRestore);
    expect(await everything()).toEqual(now);
  });

  it('refuses an exchange package as a backup, and a changed byte', async () => {
    const { bytes } = await exportPackage(db, first, { kind: 'assessment' }, '张三');
    expect(await openBackup(db, bytes)).toEqual({
      ok: false,
      errors: [{ message: '这是交换包，不是备份：请在考核的“交换”页导入，它会与本机数据合并而不是替换' }],
    });
    const backup = (await backupBytes(db, '张三')).bytes;
    const tampered = backup.slice();
    tampered[Math.floor(backup.length / 2)] = tampered[Math.floor(backup.length / 2)]! ^ 1;
    expect((await openBackup(db, tampered)).ok).toBe(false);
  });

  it('names and rotation: each kind pruned to its bound', async () => {
    const at = new Date(2024, 11, 21, 10, 3, 4, 5);
    expect(backupName('auto', at)).toBe('自动备份-20241221-100304-005.zip');
    expect(backupName('daily', at)).toBe('每日备份-20241221.zip');
    expect(backupName('before', at, '合并')).toBe('操作前备份-合并-20241221-100304-005.zip');
    const store = memoryStore();
    for (let i = 0; i < 22; i++) await writeBackup(db, store, 'auto', '张三', '', new Date(2024, 11, 21, 10, i));
    await writeBackup(db, store, 'manual', '张三');
    const names = [...store.files.keys()];
    expect(names.filter((n) => n.startsWith('自动备份-'))).toHaveLength(20);
    expect(names.filter((n) => n.startsWith('手动备份-'))).toHaveLength(1);
    expect(names).not.toContain('自动备份-20241221-100000-000.zip');
  });

  it.each([
    ['nothing changed, daily done', {}, false, { auto: false, daily: false }],
    ['changed, never backed up', {}, true, { auto: true, daily: false }],
    ['changed 5 minutes after the last', { lastAutoAt: '2024-12-21T09:55:00.000Z' }, true, { auto: false, daily: false }],
    ['changed 10 minutes after the last', { lastAutoAt: '2024-12-21T09:50:00.000Z' }, true, { auto: true, daily: false }],
  ])('automatic backups: %s', (_, state, changed, expected) => {
    const now = new Date('2024-12-21T10:00:00.000Z');
    const today = `${now.getFullYear()}${String(now.getMonth() + 1).padStart(2, '0')}${String(now.getDate()).padStart(2, '0')}`;
    expect(dueBackups({ lastDaily: today, ...state }, now, changed, true)).toEqual(expected);
    expect(dueBackups({}, now, false, true).daily).toBe(true);
    expect(dueBackups({}, now, false, false).daily).toBe(false);
  });

  it('runs the due automatic backups once', async () => {
    const store = memoryStore();
    const now = new Date(2024, 11, 21, 10, 0);
    expect(await runAutoBackup(db, store, '张三', true, now)).toEqual(['auto', 'daily']);
    expect(await runAutoBackup(db, store, '张三', true, new Date(2024, 11, 21, 10, 5))).toEqual([]);
    expect(await runAutoBackup(db, store, '张三', true, new Date(2024, 11, 21, 10, 11))).toEqual(['auto']);
    expect([...store.files.keys()].sort()).toEqual(['每日备份-20241221.zip', '自动备份-20241221-100000-000.zip', '自动备份-20241221-101100-000.zip']);
  });
});

const KEY_OLD = 'SPK1-AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH';
const KEY_NEW = 'SPK1-2222-3333-4444-5555-6666-7777-AAAA-BBBB';
const messageOf = (r: { ok: boolean; errors?: { message: string }[] }) => (r.ok ? 'ok' : r.errors![0]!.message);

describe('backups with a team key', () => {
  it('are encrypted; after the key changed, the old key opens an old backup', async () => {
    await setTeamKey(db, KEY_OLD);
    const store = memoryStore();
    const entry = await writeBackup(db, store, 'manual', '张三');
    const bytes = store.files.get(entry.name)!;
    expect(isEnvelope(bytes)).toBe(true);
    expect(messageOf(await openBackup(db, bytes))).toBe('ok');

    await setTeamKey(db, KEY_NEW);
    expect(messageOf(await openBackup(db, bytes))).toMatch(/^该文件是用另一个工作组密钥加密的（密钥标识 [0-9a-f]{8}，本机为 [0-9a-f]{8}），无法打开$/);
    const old = await openTeamKey(KEY_OLD);
    const opened = await openBackup(db, bytes, old.ok ? old.value : null);
    expect(opened.ok && opened.value.security).toEqual({ encrypted: true, signature: 'verified' });
  });

  it('an unsigned backup is restored under a key only when this laptop wrote it', async () => {
    const store = memoryStore();
    const entry = await writeBackup(db, store, 'manual', '张三');
    const mine = store.files.get(entry.name)!;
    const elsewhere = (await backupBytes(db, '李四')).bytes;
    await setTeamKey(db, KEY_OLD);
    expect(messageOf(await openBackup(db, mine))).toBe('ok');
    expect(messageOf(await openBackup(db, elsewhere))).toBe('该文件没有工作组签名：本机已设置工作组密钥，只接受用本组密钥签名的交换包和备份，拒绝导入');
  });

  it('the ledger names the backups written here; writing one is not a change of the data', async () => {
    const store = memoryStore();
    const entry = await writeBackup(db, store, 'auto', '张三');
    const opened = await openBackup(db, store.files.get(entry.name)!);
    if (!opened.ok) throw new Error(messageOf(opened));
    expect(await writtenHere(db, opened.value.manifest.digest)).toMatchObject({ name: entry.name });
    const other = await openBackup(db, (await backupBytes(db, '张三')).bytes);
    expect(other.ok && (await writtenHere(db, other.value.manifest.digest))).toBeNull();
    // the ledger is in meta: the automatic backups do not see it as a change
    expect((await db.meta.get(BACKUP_LEDGER))?.value).toHaveLength(1);
    const audit = await db.audit.count();
    await writeBackup(db, store, 'auto', '张三');
    expect(await db.audit.count()).toBe(audit);
  });

  it('a restore keeps the key and brings back the deletions', async () => {
    await recordDecision(db, first, { id: 'S1', grade: 'good', reason: '研究确定', by: '张三' }, '张三');
    await removeDecision(db, first, 'S1', '张三');
    expect(await db.tombstones.count()).toBe(1);
    await setTeamKey(db, KEY_OLD);
    const opened = await openBackup(db, (await backupBytes(db, '张三')).bytes);
    if (!opened.ok) throw new Error(messageOf(opened));
    await db.transaction('rw', [db.assessments, db.tombstones], () => db.tombstones.clear());
    await restoreBackup(db, await previewRestore(db, opened.value), '张三', '测试');
    expect(await teamKeyText(db)).toBe(KEY_OLD);
    expect(await db.tombstones.toArray()).toMatchObject([{ assessmentId: first, id: 'S1', key: 'decision|S1' }]);
  });
});
