/**
 * Deletions that travel (shared/exchange/merge.ts). Where a person deletes records, the
 * code reads the merge units of the secretaries it changes before and after, inside its
 * own transaction, and leaves a tombstone for each unit that is gone, stamped with the
 * audit entry of the deletion — so another laptop's package does not bring it back:
 *
 *   await editAssessment(db, id, [db.decisions], async () => {
 *     const before = await unitsOfSecretaries(db, id, [sid], ['decision']);
 *     await db.decisions.delete([id, sid]);
 *     const entry = await appendAudit(db, { … });
 *     await recordDeletions(db, id, before, await unitsOfSecretaries(db, id, [sid], ['decision']), entry);
 *   });
 *
 * The transaction must include the tables of the kinds read and db.tombstones (which
 * lock.ts `changeTables` does); a locked assessment refuses tombstones like any write.
 */
import type { Table } from 'dexie';
import { unitDigest } from '../../../shared/exchange/merge';
import type { TombstoneRow } from '../../../shared/exchange/types';
import { recordUnits, UNIT_KINDS, UNIT_TABLES, type Unit, type UnitKind, type UnitRecords } from '../../../shared/exchange/units';
import type { ShuangpingDb } from './schema';

const tableOf = (db: ShuangpingDb, name: keyof UnitRecords): Table => db[name] as Table;

/**
 * The merge units of some secretaries (null: the whole assessment), by key; only units
 * of `kinds` when given (then only their tables need be in the transaction). No settings.
 * Read inside the caller's transaction.
 */
export async function unitsOfSecretaries(
  db: ShuangpingDb,
  assessmentId: string,
  ids: readonly string[] | null,
  kinds: readonly UnitKind[] = UNIT_KINDS,
): Promise<Map<string, Unit>> {
  const records: Partial<UnitRecords> = {};
  const tables = [...new Set(kinds.flatMap((k) => UNIT_TABLES[k]))] as (keyof UnitRecords)[];
  for (const name of tables) {
    const table = tableOf(db, name);
    const rows =
      ids === null
        ? await table.where('assessmentId').equals(assessmentId).toArray()
        : ids.length
          ? await table.where('[assessmentId+id]').anyOf(ids.map((id) => [assessmentId, id])).toArray()
          : [];
    // an attachment's bytes are not part of its unit (the record names them by SHA-256)
    (records as Record<string, unknown[]>)[name] = name === 'attachments' ? rows.map(({ blob: _blob, ...row }) => row) : rows;
  }
  return recordUnits(records);
}

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
    gone.push({ assessmentId, id: unit.secretaryId, key: unit.key, fingerprint: unitDigest(unit), at: audit.at, operator: audit.operator, auditHash: audit.hash });
  }
  if (!gone.length) return 0;
  const held = await db.tombstones.bulkGet(gone.map((t): [string, string, string] => [assessmentId, t.key, t.fingerprint]));
  const fresh = gone.filter((_, i) => held[i] === undefined);
  await db.tombstones.bulkAdd(fresh);
  return fresh.length;
}
