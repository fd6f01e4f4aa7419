/** The audit log as a file a person can keep or hand on, and times as people read them. */
import type { ChainCheck } from '../../../../shared/audit/chain';
import type { AssessmentRecord, AuditRecord } from '../../db/schema';

/** `2024-12-20 14:03:05` in the machine's time zone. */
export function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** The export: the assessment, the check as it stood, and every entry in chain order (the hash fields only). */
export function auditExport(a: Pick<AssessmentRecord, 'id' | 'year' | 'name' | 'region' | 'locked'>, entries: readonly AuditRecord[], check: ChainCheck) {
  return {
    format: 'shuangping-audit-log',
    version: 1,
    assessment: { id: a.id, year: a.year, name: a.name, region: a.region, locked: a.locked },
    exportedAt: new Date().toISOString(),
    check,
    entries: entries.map(({ assessmentId, at, operator, action, target, before, after, prevHash, hash }) => ({
      assessmentId,
      at,
      operator,
      action,
      target,
      before,
      after,
      prevHash,
      hash,
    })),
  };
}
