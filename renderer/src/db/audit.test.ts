// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { acceptResolved, discardSecondEntry, resetTally, saveEntry } from '../features/ballots/store';
import { addAttachment, newEvidence, removeAttachment, removeEvidence, saveEvidence, verifyEvidence } from '../features/evidence/store';
import { actionLabel } from '../../../shared/audit/actions';
import { createAssessment, duplicateAssessment, setArchived, updateAssessment } from './assessments';
import { auditState, checkAuditLog, digestOf, readAuditLog } from './audit';
import { recordDecision, removeDecision } from './decisions';
import { importRoster, importTallies } from './imports';
import { lockAssessment, unlockAssessment } from './lock';
import { saveSecretary } from './roster';
import { ShuangpingDb } from './schema';
import { enterSummaryScore, saveItemScores, scoreByItems } from './scores';
import { secretary } from '../../../shared/method/testing';

const sec = (id: string) => secretary(id);
const counts = { verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 };

let db: ShuangpingDb;
let a: string;

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  a = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  await importRoster({ db, assessmentId: a, operator: '张三', sheet: '名册' }, [sec('S1'), sec('S2')]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('digests', () => {
  it('are the first 16 hex of the SHA-256 of canonical JSON: key order does not matter', () => {
    expect(digestOf({ b: 1, a: [1, 2] })).toBe(digestOf({ a: [1, 2], b: 1 }));
    expect(digestOf({ a: 1 })).toMatch(/^[0-9a-f]{16}$/);
    expect(auditState([1, 2], '2人')).toBe(`2人 · ${digestOf([1, 2])}`);
    expect(auditState(undefined, '无')).toBe('无');
  });
});

describe('every change is logged, in its own transaction, with digests rather than records', () => {
  it('each write path appends its entry', async () => {
    const file = new File([new Uint8Array([1, 2, 3])], 'S1_照片.png', { type: 'image/png' });
    const steps: [string, () => Promise<unknown>][] = [
      ['secretary.add', () => saveSecretary(db, a, sec('S3'), '张三')],
      ['secretary.update', () => saveSecretary(db, a, { ...sec('S3'), name: '改名' }, '张三', 'S3')],
      ['ballots.import', () => importTallies({ db, assessmentId: a, operator: '张三', sheet: '计票' }, [{ id: 'S2', ...counts }])],
      ['scores.save', () => saveItemScores(db, a, 'S1', { 'A1.2': '1' }, '张三')],
      ['summary.enter', () => enterSummaryScore(db, a, 'S2', { baseScore: '80', orgScore: '90' }, '张三')],
      ['scores.byItems', () => scoreByItems(db, a, 'S2', '张三')],
      ['evidence.add', () => saveEvidence(db, newEvidence(a, 'S1', 'A1.1', 'diary', '张三'), '张三')],
      ['evidence.update', () => saveEvidence(db, { ...newEvidence(a, 'S1', 'A1.1', 'diary', '张三'), reference: '第3页' }, '张三')],
      ['evidence.verify', () => verifyEvidence(db, newEvidence(a, 'S1', 'A1.1', 'diary', '张三'), 'missing', '李四')],
      ['evidence.remove', () => removeEvidence(db, newEvidence(a, 'S1', 'A1.1', 'diary', '张三'), '张三')],
      ['attachment.add', () => addAttachment(db, a, 'S1', 'A1.1', file, '张三')],
      ['attachment.remove', async () => removeAttachment(db, (await db.attachments.toArray())[0]!, '张三')],
      ['tally.entry', () => saveEntry(db, a, 'S1', 1, '张三', counts)],
      ['tally.entry', () => saveEntry(db, a, 'S1', 2, '李四', { ...counts, basic: 3 })],
      ['tally.reenter', () => discardSecondEntry(db, a, 'S1', '王五')],
      ['tally.resolve', () => acceptResolved(db, a, 'S1', '王五', counts, { ...counts, basic: 3 }, counts)],
      ['tally.reset', () => resetTally(db, a, 'S1', '王五')],
      ['decision.set', () => recordDecision(db, a, { id: 'S1', grade: 'excellent', reason: '会议研究', by: '部长办公会' }, '张三')],
      ['decision.remove', () => removeDecision(db, a, 'S1', '张三')],
      ['assessment.update.policy', async () => updateAssessment(db, a, { policy: { ...(await db.assessments.get(a))!.policy, minTurnout: '0.6' } }, '张三')],
      ['assessment.lock', () => lockAssessment(db, a, '张三')],
      ['assessment.unlock', () => unlockAssessment(db, a, '张三', '复议')],
      ['assessment.archive', () => setArchived(db, a, true, '张三')],
    ];
    for (const [action, step] of steps) {
      const before = await db.audit.count();
      await step();
      const last = (await readAuditLog(db, a)).at(-1)!;
      expect(await db.audit.count(), action).toBe(before + 1);
      expect(last.action).toBe(action);
      expect(actionLabel(action), action).not.toBe(action);
      expect(last.operator).not.toBe('');
      // no whole records: short words and digests
      expect(last.before.length + last.after.length, action).toBeLessThan(200);
    }
    const log = await readAuditLog(db, a);
    expect(log.find((e) => e.action === 'secretary.update')?.before).toMatch(/^S3 书记S3 · [0-9a-f]{16}$/);
    expect(log.find((e) => e.action === 'attachment.add')?.after).toMatch(/^S1_照片\.png · [0-9a-f]{16}$/);
    expect(log.find((e) => e.action === 'ballots.import')?.before).toMatch(/^0人 · [0-9a-f]{16}$/);
    const policy = log.find((e) => e.action === 'assessment.update.policy')!;
    expect(policy.before).not.toBe(policy.after);
    expect((await checkAuditLog(db, a)).check).toMatchObject({ ok: true, count: log.length });
  });

  it('the roster import digest is the digest of the table as it stands', async () => {
    const [, imported] = await readAuditLog(db, a);
    const rows = await db.secretaries.where('assessmentId').equals(a).toArray();
    expect(imported?.after).toBe(`2人 · ${digestOf(rows)}`);
  });

  it('unchanged item scores write nothing and log nothing', async () => {
    await saveItemScores(db, a, 'S1', { 'A1.2': '1' }, '张三');
    const n = await db.audit.count();
    await saveItemScores(db, a, 'S1', { 'A1.2': '1' }, '张三');
    expect(await db.audit.count()).toBe(n);
  });

  it('a duplicate starts its own log', async () => {
    const copy = await duplicateAssessment(db, a, '张三');
    const log = await readAuditLog(db, copy);
    expect(log.map((e) => e.action)).toEqual(['assessment.duplicate']);
    expect(log[0]!.prevHash).toBe('');
  });
});

describe('tampering with the log is detected and the first broken entry named', () => {
  beforeEach(async () => {
    await saveSecretary(db, a, sec('S3'), '张三');
    await recordDecision(db, a, { id: 'S1', grade: 'excellent', reason: '会议研究', by: '部长办公会' }, '李四');
  });
  const entries = () => readAuditLog(db, a);

  it('an intact log: count and head', async () => {
    const log = await entries();
    expect((await checkAuditLog(db, a)).check).toEqual({ ok: true, count: 4, head: log[3]!.hash });
  });

  it('an edited entry', async () => {
    const log = await entries();
    await db.audit.update(log[1]!.seq!, { operator: '王五' });
    const { check } = await checkAuditLog(db, a);
    expect(check).toMatchObject({ ok: false, index: 1, message: expect.stringContaining('审计日志第2条') });
    expect(check.ok || check.message).toContain('被改动过');
  });

  it('an edited entry whose hash was recomputed breaks the link of the next', async () => {
    const { auditHash } = await import('../../../shared/audit/chain');
    const log = await entries();
    const changed = { ...log[1]!, after: '0人' };
    await db.audit.put({ ...changed, hash: auditHash(changed) });
    expect((await checkAuditLog(db, a)).check).toMatchObject({ ok: false, index: 2, message: expect.stringContaining('接不上') });
  });

  it('a deleted entry in the middle', async () => {
    const log = await entries();
    await db.audit.delete(log[1]!.seq!);
    expect((await checkAuditLog(db, a)).check).toMatchObject({ ok: false, index: 1, message: expect.stringContaining('与前一条接不上') });
  });

  it('the last entry deleted: the head kept in meta shows it', async () => {
    const log = await entries();
    await db.audit.delete(log[3]!.seq!);
    expect((await checkAuditLog(db, a)).check).toMatchObject({ ok: false, index: 3, message: expect.stringContaining('末尾缺少记录') });
  });

  it('the log of another assessment is not affected', async () => {
    const other = await createAssessment(db, { year: 2025, name: '另一', region: '', policy: 'jiaozhou' }, '张三');
    const log = await entries();
    await db.audit.delete(log[1]!.seq!);
    expect((await checkAuditLog(db, other)).check).toMatchObject({ ok: true, count: 1 });
  });
});
