/**
 * The audit log: every change to an assessment (imports, edits, tallies, decisions,
 * settings, lock) as a hash chain per assessment (shared/audit/chain.ts), so a changed
 * or deleted entry shows. Call `appendAudit` inside the same transaction as the change
 * it records. Entries hold digests of the state before and after, with a few words a
 * person can read (`198人 · 3f2a…`), never whole records.
 *
 * The newest hash is also kept in `meta` (`auditHead:<id>`) when the transaction
 * includes db.meta (see lock.ts `changeTables`), so entries cut off at the end show too.
 */
import Dexie, { type Table } from 'dexie';
import { chainEntry, verifyChain, type ChainCheck } from '../../../shared/audit/chain';
import { canonicalJson, sha256Hex } from '../../../shared/digest';
import { breathe, PART } from './breathe';
import { nowIso } from './ids';
import type { AuditPrior } from './prior';
import type { AuditRecord, ShuangpingDb } from './schema';

export interface AuditEntry {
  assessmentId: string;
  operator: string;
  /** English key: 'roster.import', 'decision.set', 'assessment.lock' … (labels: shared/audit/actions.ts) */
  action: string;
  /** what was changed: a secretary's 编号, a sheet, a setting */
  target: string;
  /** the state before and after: `auditState(record, words)` or plain words */
  before?: string | undefined;
  after?: string | undefined;
  /** what the change replaced or removed, to see and bring back (prior.ts) */
  prior?: AuditPrior | undefined;
}

/** The first 16 hex digits of the SHA-256 of the value's canonical JSON. */
export function digestOf(value: unknown): string {
  return sha256Hex(canonicalJson(value)).slice(0, 16);
}

/** A state as the log keeps it: a few words and the digest (`198人 · 3f2a…`); '' for nothing. */
export function auditState(value: unknown, words?: string): string {
  if (value === undefined || value === null) return words ?? '';
  return words ? `${words} · ${digestOf(value)}` : digestOf(value);
}

/**
 * `digestOf(records)` for a province's records without a long frame: the canonical JSON
 * written a thousand records at a time, hashed by Web Crypto where there is one.
 */
async function digestOfMany(records: readonly unknown[]): Promise<string> {
  if (records.length <= PART || !globalThis.crypto?.subtle) return digestOf(records);
  const parts: string[] = [];
  for (let i = 0; i < records.length; i += PART) {
    if (i > 0) await breathe();
    parts.push(
      records
        .slice(i, i + PART)
        .map(canonicalJson)
        .join(','),
    );
  }
  const bytes = new TextEncoder().encode(`[${parts.join(',')}]`);
  const hash = new Uint8Array(await Dexie.waitFor(crypto.subtle.digest('SHA-256', bytes)));
  return Array.from(hash.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The state of records in key order, as auditState(records, `${records.length}${unit}`) gives it, for a province's without a long frame. */
export async function recordsState(records: readonly unknown[], unit: string): Promise<string> {
  return `${records.length}${unit} · ${await digestOfMany(records)}`;
}

/** The state of one table's records of an assessment, in key order: `198人 · 3f2a…`. */
export async function tableState(table: Table, assessmentId: string, unit: string): Promise<string> {
  return recordsState(await table.where('assessmentId').equals(assessmentId).toArray(), unit);
}

export const auditHeadKey = (assessmentId: string) => `auditHead:${assessmentId}`;

interface StoredHead {
  hash: string;
  count: number;
}

export async function appendAudit(db: ShuangpingDb, entry: AuditEntry): Promise<AuditRecord> {
  const previous = await db.audit.where('assessmentId').equals(entry.assessmentId).last();
  const fields = {
    assessmentId: entry.assessmentId,
    at: nowIso(),
    operator: entry.operator,
    action: entry.action,
    target: entry.target,
    before: entry.before ?? '',
    after: entry.after ?? '',
    ...(entry.prior ? { prior: canonicalJson(entry.prior) } : {}),
  };
  const record: AuditRecord = chainEntry(fields, previous);
  await db.audit.add(record);
  if (Dexie.currentTransaction?.storeNames.includes('meta')) {
    const head: StoredHead = { hash: record.hash, count: await countOf(db, entry.assessmentId) };
    await db.meta.put({ key: auditHeadKey(entry.assessmentId), value: head });
  }
  return record;
}

const countOf = (db: ShuangpingDb, assessmentId: string) => db.audit.where('assessmentId').equals(assessmentId).count();

/** An assessment's log in chain order (oldest first). */
export function readAuditLog(db: ShuangpingDb, assessmentId: string): Promise<AuditRecord[]> {
  return db.audit.where('assessmentId').equals(assessmentId).toArray();
}

const isStoredHead = (v: unknown): v is StoredHead =>
  typeof v === 'object' && v !== null && typeof (v as StoredHead).hash === 'string' && typeof (v as StoredHead).count === 'number';

/**
 * Checks the chain of `entries` (oldest first) and, when the database keeps a head,
 * that the head is still in it: a missing head means entries were cut off the end.
 * A head found earlier in the chain is fine (entries appended where meta was not written).
 */
export function checkAuditEntries(entries: readonly AuditRecord[], storedHead?: unknown): ChainCheck {
  const check = verifyChain(entries);
  if (!check.ok || !isStoredHead(storedHead)) return check;
  if (entries.some((e) => e.hash === storedHead.hash)) return check;
  return verifyChain(entries, storedHead.hash);
}

/** Reads and checks an assessment's log in one snapshot. */
export async function checkAuditLog(db: ShuangpingDb, assessmentId: string): Promise<{ entries: AuditRecord[]; check: ChainCheck }> {
  return db.transaction('r', db.audit, db.meta, async () => {
    const entries = await readAuditLog(db, assessmentId);
    const head = await db.meta.get(auditHeadKey(assessmentId));
    return { entries, check: checkAuditEntries(entries, head?.value) };
  });
}
