/** What a sheet parser hands to the cross-checks: values with the rows they came from. */
import type { Checked, InputError } from '../model';
import { reportDuplicateIds, type Fields } from './fields';
import type { Table, TableRow } from './table';
import { openWorkbook, type OpenedWorkbook, type WorkbookSource } from './workbook';

export interface Located<T> {
  value: T;
  /** Excel row number */
  row: number;
}

export interface Parsed<T> {
  sheet: string;
  /** the id column's header as written */
  idHeader: string;
  /** rows that read without error */
  entries: Located<T>[];
  /** every id on the sheet, valid row or not, with its first row */
  ids: Map<string, number>;
}

export interface ParseOutcome<T> {
  parsed: Parsed<T> | null;
  errors: InputError[];
}

/** Errors grouped by sheet (in the order sheets were met), then by row: how a person fixes them. */
export function sortErrors(errors: readonly InputError[]): InputError[] {
  const sheets = [...new Set(errors.map((e) => e.sheet ?? ''))];
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => sheets.indexOf(a.e.sheet ?? '') - sheets.indexOf(b.e.sheet ?? '') || (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

/** Opens a workbook and runs a parser: the shape every public reader shares. */
export async function readWith<T>(
  source: WorkbookSource,
  parse: (opened: OpenedWorkbook) => ParseOutcome<T>,
): Promise<Checked<T[]>> {
  const opened = await openWorkbook(source);
  if (!opened.ok) return opened;
  const { parsed, errors } = parse(opened.value);
  if (errors.length || !parsed) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, value: parsed.entries.map((e) => e.value) };
}

export function idsOf<K extends string>(rows: readonly { row: number; id: string | undefined }[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const { row, id } of rows) if (id !== undefined && !ids.has(id)) ids.set(id, row);
  return ids;
}

/**
 * The loop every one-row-per-secretary sheet shares: each row's 编号 and its value from
 * `parseRow` (kept only when the row added no error, so every error of every row is
 * reported), then a 编号 given twice reported on each of its rows and dropped.
 */
export function parseIdRows<K extends string, T extends { id: string }>(
  sheet: string,
  table: Table<K>,
  fields: Fields<K>,
  errors: readonly InputError[],
  idKey: K,
  parseRow: (row: TableRow<K>, id: string | undefined) => T | undefined,
): Parsed<T> {
  const entries: Located<T>[] = [];
  const seen: { id: string; row: TableRow<K> }[] = [];
  const allIds: { row: number; id: string | undefined }[] = [];
  for (const row of table.rows) {
    const before = errors.length;
    const id = fields.text(row, idKey, true);
    allIds.push({ row: row.row, id });
    if (id !== undefined) seen.push({ id, row });
    const value = parseRow(row, id);
    if (value !== undefined && errors.length === before) entries.push({ value, row: row.row });
  }
  const duplicated = reportDuplicateIds(seen, fields, idKey);
  return { sheet, idHeader: fields.header(idKey), entries: entries.filter((e) => !duplicated.has(e.value.id)), ids: idsOf(allIds) };
}
