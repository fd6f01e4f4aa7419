/**
 * What a change replaced, kept in its audit entry (`prior`), so every replaced value can
 * be seen and brought back from the log: the units the change touched (units.ts), each as
 * it was before — no records meaning it did not exist. Left out: a tally's blind entries
 * (the second person must not find the first one's numbers in the log) and attachments
 * (their bytes are not in the log, so they could not come back).
 */
import type { AssessmentTables } from '../../../shared/exchange/types';
import type { Unit } from '../../../shared/exchange/units';
import { canonicalJson } from '../../../shared/digest';

export interface PriorUnit {
  key: string;
  rows: Partial<AssessmentTables>;
}

export interface AuditPrior {
  units: PriorUnit[];
}

/** The rows of a unit as the log keeps them. */
function kept(unit: Unit | undefined): Partial<AssessmentTables> {
  if (!unit) return {};
  const { tallyEntries: _blind, ...rows } = unit.rows;
  return rows;
}

/** Whether kept rows say anything (canonicalJson would write more than `{}`). */
const holdsRows = (rows: Partial<AssessmentTables>) => Object.values(rows).some((v) => v !== undefined);

/** The units that `before` → `after` changed, as they were (null when nothing kept changed). */
export function priorOf(before: ReadonlyMap<string, Unit>, after: ReadonlyMap<string, Unit>): AuditPrior | undefined {
  const units: PriorUnit[] = [];
  for (const key of [...new Set([...before.keys(), ...after.keys()])].sort()) {
    if (key.startsWith('attachment|')) continue;
    const was = kept(before.get(key));
    const now = kept(after.get(key));
    // a unit on one side only changed if it keeps any rows (no need to write out a province's new units to see it)
    const changed = !before.has(key) || !after.has(key) ? holdsRows(was) || holdsRows(now) : canonicalJson(was) !== canonicalJson(now);
    if (changed) units.push({ key, rows: was });
  }
  return units.length ? { units } : undefined;
}

/** The prior of a stored entry, or null (none, or not readable). */
export function parsePrior(text: string | undefined): AuditPrior | null {
  if (!text) return null;
  try {
    const value = JSON.parse(text) as AuditPrior;
    return Array.isArray(value?.units) ? value : null;
  } catch {
    return null;
  }
}
