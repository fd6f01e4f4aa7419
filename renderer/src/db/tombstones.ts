/**
 * Deletions that travel (shared/exchange/merge.ts). Every change reads the merge units
 * of the secretaries it touches before and after (change.ts) and leaves a tombstone for
 * each unit that is gone, stamped with the audit entry of the deletion — so another
 * laptop's package does not bring it back. The transaction includes db.tombstones
 * (lock.ts `changeTables`); a locked assessment refuses tombstones like any write.
 */
import { unitDigest } from '../../../shared/exchange/merge';
import type { TombstoneRow } from '../../../shared/exchange/types';
import type { Unit } from '../../../shared/exchange/units';
import type { ShuangpingDb } from './schema';

/**
 * Leaves a tombstone for every unit of `before` that `after` lacks, stamped with the
 * deletion's audit entry; returns how many. A tombstone already kept for the same
 * content stays as it is (the earlier deletion is the one every laptop keeps).
 */
export async function recordDeletions(
  db: ShuangpingDb,
  assessmentId: string,
  before: ReadonlyMap<string, Unit>,
  after: ReadonlyMap<string, Unit>,
  audit: { hash: string; at: string; operator: string },
): Promise<number> {
  const gone: TombstoneRow[] = [];
  for (const unit of before.values()) {
    if (after.has(unit.key) || unit.secretaryId === null) continue;
    gone.push({
      assessmentId,
      id: unit.secretaryId,
      key: unit.key,
      fingerprint: unitDigest(unit),
      at: audit.at,
      operator: audit.operator,
      auditHash: audit.hash,
    });
  }
  if (!gone.length) return 0;
  const held = await db.tombstones.bulkGet(gone.map((t): [string, string, string] => [assessmentId, t.key, t.fingerprint]));
  const fresh = gone.filter((_, i) => held[i] === undefined);
  await db.tombstones.bulkAdd(fresh);
  return fresh.length;
}
