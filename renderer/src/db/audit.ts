/**
 * The audit log: every change a person makes (imports, decisions, settings) as
 * a hash chain, so a changed or deleted entry shows. Call `appendAudit` inside the
 * same transaction as the change it records (include `db.audit` in its tables).
 */
import Dexie from 'dexie';
import type { AuditRecord, ShuangpingDb } from './schema';
import { nowIso } from './ids';

export interface AuditEntry {
  assessmentId: string;
  operator: string;
  /** English key: 'roster.import', 'decision.set', 'policy.update' … */
  action: string;
  /** what was changed: a secretary id, a table, a setting */
  target: string;
  before?: unknown;
  after?: unknown;
}

const text = (v: unknown): string => (v === undefined ? '' : typeof v === 'string' ? v : JSON.stringify(v));

async function sha256Hex(input: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', new TextEncoder().encode(input));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** crypto.subtle is not IndexedDB: keep a surrounding transaction alive while it runs. */
const keepTransaction = <T>(p: Promise<T>): Promise<T> => (Dexie.currentTransaction ? Dexie.waitFor(p) : p);

export async function appendAudit(db: ShuangpingDb, entry: AuditEntry): Promise<void> {
  const last = await db.audit.orderBy('seq').last();
  const record: Omit<AuditRecord, 'hash'> = {
    assessmentId: entry.assessmentId,
    at: nowIso(),
    operator: entry.operator,
    action: entry.action,
    target: entry.target,
    before: text(entry.before),
    after: text(entry.after),
    prevHash: last?.hash ?? '',
  };
  // hashing is pure computation, it does not leave the Dexie transaction zone
  const hash = await keepTransaction(sha256Hex(JSON.stringify(record)));
  await db.audit.add({ ...record, hash });
}
