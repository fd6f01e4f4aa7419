import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex } from '../digest';
import { auditHash, chainEntry, verifyChain, type ChainedAuditEntry } from './chain';

function log(n: number): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  for (let i = 0; i < n; i++) {
    const fields = {
      assessmentId: 'a1',
      at: `2025-01-0${i + 1}T08:00:00.000Z`,
      operator: '张三',
      action: 'tally.accept',
      target: `S${i}`,
      before: '',
      after: `很满意${i}`,
    };
    entries.push(chainEntry(fields, entries.at(-1)));
  }
  return entries;
}

describe('the audit chain', () => {
  it('a log as written verifies, with its head', () => {
    const entries = log(4);
    expect(entries[0]!.prevHash).toBe('');
    expect(verifyChain(entries)).toEqual({ ok: true, count: 4, head: entries[3]!.hash });
    expect(verifyChain([])).toEqual({ ok: true, count: 0, head: '' });
  });

  it('an edited entry is named', () => {
    const entries = log(4);
    entries[2] = { ...entries[2]!, after: '很满意99' };
    const check = verifyChain(entries);
    expect(check).toMatchObject({ ok: false, index: 2 });
    expect(!check.ok && check.message).toContain('审计日志第3条');
    expect(!check.ok && check.message).toContain('被改动过');
  });

  it('a deleted or moved entry breaks the link of the next one', () => {
    const entries = log(4);
    expect(verifyChain([entries[0]!, entries[2]!, entries[3]!])).toMatchObject({ ok: false, index: 1 });
    expect(verifyChain([entries[1]!, entries[0]!, entries[2]!, entries[3]!])).toMatchObject({ ok: false, index: 0 });
  });

  it('a cut-off end shows against the expected head', () => {
    const entries = log(4);
    expect(verifyChain(entries.slice(0, 3), entries[3]!.hash)).toMatchObject({ ok: false, index: 3 });
    expect(verifyChain(entries, entries[3]!.hash).ok).toBe(true);
  });

  it('a rehashed edit still breaks the link of the entry after it', () => {
    const entries = log(3);
    const forged = chainEntry({ ...entries[1]!, operator: '李四' }, entries[0]);
    expect(verifyChain([entries[0]!, forged, entries[2]!])).toMatchObject({ ok: false, index: 2 });
  });

  it('an entry without `prior` hashes as entries always did; with it, `prior` is covered', () => {
    const fields = {
      assessmentId: 'a1',
      at: '2025-01-01T08:00:00.000Z',
      operator: '张三',
      action: 'tally.reset',
      target: 'S1',
      before: '40票',
      after: '',
      prevHash: '',
    };
    expect(auditHash(fields)).toBe(sha256Hex(canonicalJson(fields)));
    const withPrior = chainEntry({ ...fields, prior: '{"id":"S1","verySatisfied":30}' }, undefined);
    expect(withPrior.hash).not.toBe(auditHash(fields));
    expect(verifyChain([withPrior]).ok).toBe(true);
    expect(verifyChain([{ ...withPrior, prior: '{"id":"S1","verySatisfied":31}' }])).toMatchObject({ ok: false, index: 0 });
  });
});
