/**
 * A secretary's records as the units a merge compares (shared/exchange/units.ts): what
 * belongs together and is replaced, removed or brought back as a whole. Edits read the
 * units they touch before and after (change.ts), so the log keeps what they replaced
 * (`prior`), a removed unit leaves a tombstone (tombstones.ts), and a replaced value can
 * be brought back (revert.ts).
 */
import { cmp, type Table } from 'dexie';
import { recordUnits, UNIT_KINDS, UNIT_TABLES, unitFingerprint, type Unit, type UnitKind, type UnitRecords } from '../../../shared/exchange/units';
import { inParts, PART } from './breathe';
import type { ShuangpingDb } from './schema';

const tableOf = (db: ShuangpingDb, name: keyof UnitRecords): Table => db[name] as Table;

/** The tables of per-secretary records. */
const UNIT_TABLE_NAMES = [...new Set(UNIT_KINDS.flatMap((k) => UNIT_TABLES[k]))] as (keyof UnitRecords)[];

/** The tables a unit write touches (for the caller's transaction). */
export const unitTableList = (db: ShuangpingDb): Table[] => UNIT_TABLE_NAMES.map((name) => tableOf(db, name));

/**
 * The units of some secretaries (null: the whole assessment), by key; only units of
 * `kinds` when given (then only their tables need be in the transaction). No settings.
 * Read inside the caller's transaction; attachments without their bytes.
 */
export async function readUnits(
  db: ShuangpingDb,
  assessmentId: string,
  ids: readonly string[] | null,
  kinds: readonly UnitKind[] = UNIT_KINDS,
): Promise<Map<string, Unit>> {
  const records: Partial<UnitRecords> = {};
  for (const name of new Set(kinds.flatMap((k) => UNIT_TABLES[k])) as Set<keyof UnitRecords>) {
    const table = tableOf(db, name);
    const rows =
      ids === null
        ? await table.where('assessmentId').equals(assessmentId).toArray()
        : ids.length
          ? await table
              .where('[assessmentId+id]')
              .anyOf(ids.map((id) => [assessmentId, id]))
              .toArray()
          : [];
    // an attachment's bytes are not part of its unit (the record names them by SHA-256)
    (records as Record<string, unknown[]>)[name] = name === 'attachments' ? rows.map(({ blob: _blob, ...row }) => row) : rows;
  }
  // a province's units are fingerprinted a thousand at a time, the page painting between
  const units = recordUnits(records, false);
  if (units.size <= PART) for (const unit of units.values()) unit.fingerprint = unitFingerprint(unit);
  else await inParts(units.values(), (unit) => (unit.fingerprint = unitFingerprint(unit)));
  return units;
}

/** The primary key of a record of `table`, as the database keys it. */
export function primaryKeyOf(table: keyof UnitRecords, row: Record<string, unknown>): unknown {
  switch (table) {
    case 'tallyEntries':
      return [row.assessmentId, row.id, row.slot];
    case 'evidence':
      return [row.assessmentId, row.id, row.itemCode, row.kind];
    case 'warningAcks':
      return [row.assessmentId, row.id, row.warning];
    case 'attendance':
      return [row.assessmentId, row.id, row.month];
    case 'reviews':
      return [row.assessmentId, row.id, row.quarter];
    case 'papers':
      return [row.assessmentId, row.id, row.kind];
    case 'events':
    case 'attachments':
      return row.key;
    default:
      return [row.assessmentId, row.id];
  }
}

/**
 * One table's records among `units` (read by readUnits), in the table's key order: the
 * records a read of the table gives, without reading it again.
 */
export function tableRowsOf(units: ReadonlyMap<string, Unit>, table: keyof UnitRecords): Record<string, unknown>[] {
  const rows: Record<string, unknown>[] = [];
  for (const unit of units.values()) rows.push(...((unit.rows[table] ?? []) as unknown as Record<string, unknown>[]));
  return rows.sort((a, b) => cmp(primaryKeyOf(table, a), primaryKeyOf(table, b)));
}

/**
 * Replaces the records of each unit by `rows` (empty: the unit goes), in the caller's
 * transaction; `current` holds the units as they stand (readUnits).
 */
export async function replaceUnits(
  db: ShuangpingDb,
  current: ReadonlyMap<string, Unit>,
  replacements: readonly { key: string; rows: Partial<UnitRecords> }[],
): Promise<void> {
  for (const { key, rows } of replacements) {
    const now = current.get(key);
    for (const [name, list] of Object.entries(now?.rows ?? {}) as unknown as [keyof UnitRecords, Record<string, unknown>[]][]) {
      await tableOf(db, name).bulkDelete(list.map((r) => primaryKeyOf(name, r)));
    }
    for (const [name, list] of Object.entries(rows) as unknown as [keyof UnitRecords, Record<string, unknown>[]][]) {
      // events get a new counter: the old one may be taken
      await tableOf(db, name).bulkAdd(name === 'events' ? list.map(({ key: _key, ...e }) => e) : list);
    }
  }
}
