import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BackupEntry } from '../../../shared/ipc/contract';
import { addAttachment, newEvidence, saveEvidence } from '../features/evidence/store';
import { createAssessment } from './assessments';
import { checkAuditLog } from './audit';
import { BACKUP_LEDGER, backupBytes, backupName, dueBackups, openBackup, restoreBackup, runAutoBackup, writeBackup, writtenHere, type BackupStore } from './backup';
import { openTeamKey } from '../../../shared/exchange/team-key';
import { removeDecision, recordDecision } from './decisions';
import { isEnvelope } from '../../../shared/exchange';
import { exportPackage, setTeamKey, teamKeyText } from './exchange';
import { importRoster, importTallies } from './imports';
import { lockAssessment } from './lock';
import { chainFields } from '../../../shared/exchange/canonical';
import { ShuangpingDb } from './schema';
import { bytesOf, readAll } from './snapshot';

let db: ShuangpingDb;
let first: string;
let second: string;

const ctx = (assessmentId: string) => ({ db, assessmentId, operator: '张三', sheet: '测试' });
const sec = (id: string) => ({ id, name: `书记${id}`, source: 'town' as const, mode: 'fulltime' as const, rankClass: 'section' as const, town: '胶莱镇', postType: 'village' as const, eligibleVoters: 45 });

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
async function everything() {
  const { assessments, blobs } = await readAll(db);
  return {
    assessments: assessments.map((a) => ({ ...a, audit: a.audit.map((e) => chainFields(e)) })),
    files: await bytesOf(blobs),
    attachmentTypes: (await db.attachments.toArray()).map((a) => a.blob.type),
  };
}

function memoryStore(): BackupStore & { files: Map<string, Uint8Array> } {
  const files = new Map<string, Uint8Array>();
  const entry = (name: string): BackupEntry => ({ name, size: files.get(name)!.length, at: name });
  return {
    files,
    writeBackup: async (name, bytes) => (files.set(name, bytes), entry(name)),
    listBackups: async () => [...files.keys()].sort().reverse().map(entry),
    readBackup: async (name) => files.get(name)!,
    pruneBackups: async (prefix, keep) => {
      const stale = [...files.keys()].filter((n) => n.startsWith(prefix)).sort().reverse().slice(keep);
      stale.forEach((n) => files.delete(n));
      return stale.length;
    },
  };
}

describe('backup and restore', () => {
  it('restore round trip: every record, attachment and audit entry as it was, finalized assessments included', async () => {
    const original = await everything();
    const { bytes } = await backupBytes(db, '张三');

    // changes after the backup: a tally, a new assessment, the roster replaced
    await importTallies(ctx(first), [{ id: 'S2', verySatisfied: 1, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 0, abstain: 0 }]);
    await importRoster(ctx(first), [sec('X1')]);
    await createAssessment(db, { year: 2025, name: '新考核', region: '', policy: 'jiaozhou' }, '张三');

    const opened = await openBackup(db, bytes);
    if (!opened.ok) throw new Error(opened.errors[0]!.message);
    await restoreBackup(db, opened.value, '李四', '手动备份-20241221.zip');

    const restored = await everything();
    // each chain has one more entry: the restore itself
    for (const a of restored.assessments) {
      const last = a.audit.pop()!;
      expect(last).toMatchObject({ action: 'restore', operator: '李四', target: '手动备份-20241221.zip' });
    }
    expect(restored).toEqual(original);
    for (const id of [first, second]) expect((await checkAuditLog(db, id)).check.ok).toBe(true);
    expect((await db.assessments.get(second))!.locked).toBe(true);
  });

  it('refuses an exchange package as a backup, and a changed byte', async () => {
    const { bytes } = await exportPackage(db, first, { kind: 'assessment' }, '张三');
    expect(await openBackup(db, bytes)).toEqual({ ok: false, errors: [{ message: '这是交换包，不是备份：请在考核的“交换”页导入，它会与本机数据合并而不是替换' }] });
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
    await restoreBackup(db, opened.value, '张三', '测试');
    expect(await teamKeyText(db)).toBe(KEY_OLD);
    expect(await db.tombstones.toArray()).toMatchObject([{ assessmentId: first, id: 'S1', key: 'decision|S1' }]);
  });
});
