/**
 * Bringing back what a logged change replaced (its `prior`, prior.ts): the units it
 * touched are set back to their records before it, as a new change — logged, with its
 * own prior, so a revert can itself be reverted. A locked assessment refuses it like any edit.
 */
import { actionLabel } from '../../../shared/audit/actions';
import type { Unit, UnitKind } from '../../../shared/exchange/units';
import { canonicalJson } from '../../../shared/digest';
import { changeRecords } from './change';
import { parsePrior, type PriorUnit } from './prior';
import type { AuditRecord, ShuangpingDb } from './schema';
import { readUnits, replaceUnits, unitTableList } from './units';

const kindOf = (key: string) => key.split('|')[0] as UnitKind;
const secretaryOf = (key: string) => key.split('|')[1] ?? '';

/** A unit of a prior as the merge units are (for showing it beside the current one). */
export function priorUnit(p: PriorUnit): Unit {
  return { kind: kindOf(p.key), key: p.key, secretaryId: secretaryOf(p.key), rows: p.rows, fingerprint: canonicalJson(p.rows) };
}

/** The units of an entry's prior and the same units as they are now. */
export async function priorAndNow(db: ShuangpingDb, entry: AuditRecord): Promise<{ key: string; before: Unit | undefined; now: Unit | undefined }[]> {
  const prior = parsePrior(entry.prior);
  if (!prior) return [];
  const ids = [...new Set(prior.units.map((u) => secretaryOf(u.key)))];
  const kinds = [...new Set(prior.units.map((u) => kindOf(u.key)))];
  const now = await db.transaction('r', [db.assessments, ...unitTableList(db)], () => readUnits(db, entry.assessmentId, ids, kinds));
  return prior.units.map((u) => ({
    key: u.key,
    before: Object.values(u.rows).some((r) => (r as unknown[]).length) ? priorUnit(u) : undefined,
    now: now.get(u.key),
  }));
}

/** Sets the units of `entry`'s prior back to what they were before it. */
export async function revertEntry(db: ShuangpingDb, entry: AuditRecord, operator: string): Promise<void> {
  const prior = parsePrior(entry.prior);
  if (!prior) throw new Error('this audit entry keeps no prior values');
  const ids = [...new Set(prior.units.map((u) => secretaryOf(u.key)))];
  const kinds = [...new Set(prior.units.map((u) => kindOf(u.key)))];
  await changeRecords(db, entry.assessmentId, { ids, kinds }, async (log) => {
    await replaceUnits(db, await readUnits(db, entry.assessmentId, ids, kinds), prior.units);
    log({
      operator,
      action: 'revert',
      target: `${actionLabel(entry.action)}：${entry.target}`,
      before: `恢复 ${entry.at.slice(0, 16).replace('T', ' ')} ${entry.operator || '未署名'} 的操作之前的值（哈希 ${entry.hash.slice(0, 8)}）`,
      after: prior.units.map((u) => u.key.split('|').slice(1).join(' ')).join('、'),
    });
  });
}
