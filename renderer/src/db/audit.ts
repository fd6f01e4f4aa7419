/**
 * The audit log: every change a person makes (imports, decisions, settings) as a
 * hash chain per assessment (shared/audit/chain.ts), so a changed or deleted entry
 * shows. Call `appendAudit` inside the same transaction as the change it records
 * (include `db.audit` in its tables).
 */
import { chainEntry } from '../../../shared/audit/chain';
import type { ShuangpingDb } from './schema';
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

export async function appendAudit(db: ShuangpingDb, entry: AuditEntry): Promise<void> {
  const previous = await db.audit.where('assessmentId').equals(entry.assessmentId).last();
  const fields = { assessmentId: entry.assessmentId, at: nowIso(), operator: entry.operator, action: entry.action, target: entry.target, before: text(entry.before), after: text(entry.after) };
  await db.audit.add(chainEntry(fields, previous));
}
