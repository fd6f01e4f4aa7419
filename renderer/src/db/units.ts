/**
 * A secretary's records as the units a merge compares (shared/exchange/units.ts): what
 * belongs together and is replaced, removed or brought back as a whole. Edits read the
 * units they touch before and after, so the log can keep what they replaced (`prior`,
 * audit.ts) and a replaced value can be brought back.
 */
import type { Table } from 'dexie';
import { emptyData, UNIT_TABLES, unitsOf, type Unit, type UnitKind } from '../../../shared/exchange/units';
import type { AssessmentTables, TableName } from '../../../shared/exchange/types';
import type { ShuangpingDb } from './schema';

/** The tables of per-secretary records, each read by [assessmentId+id] or by assessmentId. */
const unitTables = (db: ShuangpingDb): Record<TableName, Table> => ({
  secretaries: db.secretaries,
  itemScores: db.itemScores,
  summaryScores: db.summaryScores,
  tallies: db.tallies,
  tallyEntries: db.tallyEntries,
  events: db.events,
  decisions: db.decisions,
  evidence: db.evidence,
  attachments: db.attachments,
});

/** Tables whose primary key is [assessmentId+id]: one record per secretary. */
const BY_SECRETARY = new Set<TableName>(['secretaries', 'itemScores', 'summaryScores', 'tallies', 'decisions']);

/** The tables a unit write touches (for the caller's transaction). */
export const unitTableList = (db: ShuangpingDb): Table[] => Object.values(unitTables(db));

/**
 * The units of the secretaries `ids` (null: every secretary of the assessment), of the
 * `kinds` given (default all), read in the caller's transaction. Attachment blobs are left out.
 */
export async function readUnits(
  db: ShuangpingDb,
  assessmentId: string,
  ids: readonly string[] | null,
  kinds: readonly UnitKind[] = Object.keys(UNIT_TABLES) as UnitKind[],
): Promise<Map<string, Unit>> {
  const assessment = await db.assessments.get(assessmentId);
  if (!assessment) throw new Error(`assessment ${assessmentId} not found`);
  const data = emptyData(assessment);
  const tables = unitTables(db);
  for (const name of new Set(kinds.flatMap((k) => UNIT_TABLES[k]))) {
    const table = tables[name];
    let rows: unknown[];
    if (ids === null) rows = await table.where('assessmentId').equals(assessmentId).toArray();
    else if (BY_SECRETARY.has(name)) rows = (await table.bulkGet(ids.map((id) => [assessmentId, id]))).filter((r) => r !== undefined);
    else rows = await table.where('[assessmentId+id]').anyOf(ids.map((id) => [assessmentId, id])).toArray();
    (data[name] as unknown[]) = name === 'attachments' ? rows.map((r) => ({ ...(r as object), blob: undefined })) : rows;
  }
  const units = unitsOf(data);
  units.delete('settings|');
  return units;
}

/** The primary key of a record of `table`, as the database keys it. */
function primaryKeyOf(table: TableName, row: Record<string, unknown>): unknown {
  switch (table) {
    case 'tallyEntries':
      return [row.assessmentId, row.id, row.slot];
    case 'evidence':
      return [row.assessmentId, row.id, row.itemCode, row.kind];
    case 'events':
    case 'attachments':
      return row.key;
    default:
      return [row.assessmentId, row.id];
  }
}

/**
 * Replaces the records of each unit by `rows` (empty: the unit goes), in the caller's
 * transaction; `current` holds the units as they stand (readUnits).
 */
export async function replaceUnits(
  db: ShuangpingDb,
  current: ReadonlyMap<string, Unit>,
  replacements: readonly { key: string; rows: Partial<AssessmentTables> }[],
): Promise<void> {
  const tables = unitTables(db);
  for (const { key, rows } of replacements) {
    const now = current.get(key);
    for (const [name, list] of Object.entries(now?.rows ?? {}) as unknown as [TableName, Record<string, unknown>[]][]) {
      await tables[name].bulkDelete(list.map((r) => primaryKeyOf(name, r)));
    }
    for (const [name, list] of Object.entries(rows) as unknown as [TableName, Record<string, unknown>[]][]) {
      // events get a new counter: the old one may be taken
      await tables[name].bulkAdd(name === 'events' ? list.map(({ key: _key, ...e }) => e) : list);
    }
  }
}
