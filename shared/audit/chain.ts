/**
 * The audit log as a hash chain, per assessment: each entry's hash covers its fields
 * and the previous entry's hash, so changing, deleting or reordering an entry breaks
 * the chain at that point. Pure, so the app, a package and `shuangping verify` check it
 * the same way.
 */
import { canonicalJson, sha256Hex } from '../digest';
import { actionLabel } from './actions';

export interface AuditFields {
  assessmentId: string;
  /** ISO time */
  at: string;
  operator: string;
  /** English key: 'roster.import', 'decision.set', 'merge' … */
  action: string;
  /** what was changed: a secretary's 编号, a sheet, a setting */
  target: string;
  /** short words or digests of the state before and after */
  before: string;
  after: string;
  /** hash of the previous entry of the same assessment; '' for the first */
  prevHash: string;
  /** canonical JSON of the records a change replaced, when the change keeps them (hashed only when present) */
  prior?: string;
}

export interface ChainedAuditEntry extends AuditFields {
  hash: string;
}

/** The hash of an entry's fields; `prior` counts only when present, so entries without it hash as they always did. */
export function auditHash(fields: AuditFields): string {
  const { assessmentId, at, operator, action, target, before, after, prevHash, prior } = fields;
  const hashed = { assessmentId, at, operator, action, target, before, after, prevHash };
  return sha256Hex(canonicalJson(prior === undefined ? hashed : { ...hashed, prior }));
}

/** The entry that follows `previous` (undefined for the first), with its hash. */
export function chainEntry(fields: Omit<AuditFields, 'prevHash'>, previous: ChainedAuditEntry | undefined): ChainedAuditEntry {
  const linked: AuditFields = { ...fields, prevHash: previous?.hash ?? '' };
  return { ...linked, hash: auditHash(linked) };
}

export type ChainCheck =
  | { ok: true; count: number; head: string }
  | {
      ok: false;
      /** 0-based position of the first broken entry in the list checked */
      index: number;
      /** in Chinese: which entry and what is wrong */
      message: string;
    };

/**
 * Checks entries in log order. `expectedHead`, when known (from a package manifest or
 * the last verified state), also catches entries cut off at the end.
 */
export function verifyChain(entries: readonly ChainedAuditEntry[], expectedHead?: string): ChainCheck {
  let previous = '';
  for (const [index, entry] of entries.entries()) {
    const where = `审计日志第${index + 1}条（${entry.at}，${entry.operator || '未署名'}，${actionLabel(entry.action)}）`;
    if (entry.prevHash !== previous) {
      return { ok: false, index, message: `${where}与前一条接不上：之前的记录被删除、插入或调换了顺序` };
    }
    if (auditHash(entry) !== entry.hash) {
      return { ok: false, index, message: `${where}的内容与其哈希不符：该条记录被改动过` };
    }
    previous = entry.hash;
  }
  if (expectedHead !== undefined && previous !== expectedHead) {
    return { ok: false, index: entries.length, message: `审计日志末尾缺少记录：最后一条的哈希不是应有的 ${expectedHead.slice(0, 12)}…` };
  }
  return { ok: true, count: entries.length, head: previous };
}
