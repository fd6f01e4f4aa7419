/** What a sheet parser hands to the cross-checks: values with the rows they came from. */
import type { Checked, InputError } from '../model';
import { cellDisplay } from './cells';
import { reportDuplicateIds, type Fields } from './fields';
import type { Table, TableRow } from './table';
import { openWorkbook, type OpenedWorkbook, type WorkbookSource } from './workbook';

export interface Located<T> {
  value: T;
  /** Excel row number */
  row: number;
}

/** The exchange workbooks of docs/formats.md. */
export type WorkbookKind = 'roster' | 'summary' | 'scores' | 'ballots' | 'events' | 'attendance';

/** A 姓名 written beside a 编号 (checked against the roster's name). */
export interface NamedRow {
  id: string;
  name: string;
  /** Excel row number */
  row: number;
}

export interface Parsed<T> {
  kind: WorkbookKind;
  sheet: string;
  /** the id column's header as written */
  idHeader: string;
  /** rows that read without error, an id given twice left out: what is imported */
  entries: Located<T>[];
  /** rows that read without error, ids given twice included: what the cross-checks look at */
  readRows: Located<T>[];
  /** every id on the sheet, valid row or not, with its first row */
  ids: Map<string, number>;
  /** every 姓名 given beside an id, valid row or not (none when the sheet has no 姓名 column) */
  names: NamedRow[];
  /** the 姓名 column's header as written */
  nameHeader: string;
  /** headers as written, by column key, for messages of the cross-checks ("发出票数") */
  headers: ReadonlyMap<string, string>;
}

/**
 * A parse: `parsed` whenever the sheet's columns were found — with the valid rows
 * even when other rows have errors, so the cross-checks run in the same round —
 * every error, and the warnings (a merged header, data under no header), which do
 * not stop an import.
 */
export interface ParseOutcome<T> {
  parsed: Parsed<T> | null;
  errors: InputError[];
  warnings: InputError[];
}

/** A Checked value with the warnings met on the way (errors or not). */
export type CheckedWithWarnings<T> = Checked<T> & { warnings: InputError[] };

/** Errors grouped by sheet (in the order sheets were met), then by row: how a person fixes them. */
export function sortErrors(errors: readonly InputError[]): InputError[] {
  const sheets = [...new Set(errors.map((e) => e.sheet ?? ''))];
  return errors
    .map((e, i) => ({ e, i }))
    .sort((a, b) => sheets.indexOf(a.e.sheet ?? '') - sheets.indexOf(b.e.sheet ?? '') || (a.e.row ?? 0) - (b.e.row ?? 0) || a.i - b.i)
    .map(({ e }) => e);
}

/** Opens a workbook and runs a parser: the shape every public reader shares. */
export async function readWith<T>(source: WorkbookSource, parse: (opened: OpenedWorkbook) => ParseOutcome<T>): Promise<Checked<T[]>> {
  const opened = await openWorkbook(source);
  if (!opened.ok) return opened;
  const { parsed, errors } = parse(opened.value);
  if (errors.length || !parsed) return { ok: false, errors: sortErrors(errors) };
  return { ok: true, value: parsed.entries.map((e) => e.value) };
}

export function idsOf(rows: readonly { row: number; id: string | undefined }[]): Map<string, number> {
  const ids = new Map<string, number>();
  for (const { row, id } of rows) if (id !== undefined && !ids.has(id)) ids.set(id, row);
  return ids;
}

/** The parts of a Parsed every reader fills the same way from its table. */
export function parsedOf<K extends string, T>(
  kind: WorkbookKind,
  table: Table<K>,
  fields: Fields<K>,
  rows: { entries: Located<T>[]; readRows?: Located<T>[]; ids: Map<string, number>; names?: NamedRow[] },
): Parsed<T> {
  return {
    kind,
    sheet: table.sheet,
    idHeader: fields.header('id' as K),
    nameHeader: table.headers.get('name' as K) ?? '姓名',
    headers: table.headers,
    entries: rows.entries,
    readRows: rows.readRows ?? rows.entries,
    ids: rows.ids,
    names: rows.names ?? [],
  };
}

/** The 姓名 of a row, when the sheet has that column and the cell holds text: never an error here. */
export function nameOf<K extends string>(table: Table<K>, row: TableRow<K>, id: string | undefined): NamedRow | undefined {
  if (id === undefined || !table.headers.has('name' as K)) return undefined;
  const cell = row.cell('name' as K);
  if (cell.kind !== 'text' && cell.kind !== 'number') return undefined;
  return { id, name: cellDisplay(cell), row: row.row };
}

/**
 * The loop every one-row-per-secretary sheet shares: each row's 编号 and its value from
 * `parseRow` (kept only when the row added no error, so every error of every row is
 * reported), then a 编号 given twice reported on each of its rows and dropped.
 */
export function parseIdRows<K extends string, T extends { id: string }>(
  kind: WorkbookKind,
  table: Table<K>,
  fields: Fields<K>,
  errors: readonly InputError[],
  parseRow: (row: TableRow<K>, id: string | undefined) => T | undefined,
): Parsed<T> {
  const idKey = 'id' as K;
  const readRows: Located<T>[] = [];
  const seen: { id: string; row: TableRow<K> }[] = [];
  const allIds: { row: number; id: string | undefined }[] = [];
  const names: NamedRow[] = [];
  for (const row of table.rows) {
    const before = errors.length;
    const id = fields.text(row, idKey, true);
    allIds.push({ row: row.row, id });
    if (id !== undefined) seen.push({ id, row });
    const named = kind === 'roster' ? undefined : nameOf(table, row, id);
    if (named) names.push(named);
    const value = parseRow(row, id);
    if (value !== undefined && errors.length === before) readRows.push({ value, row: row.row });
  }
  const duplicated = reportDuplicateIds(seen, fields, idKey);
  const entries = duplicated.size ? readRows.filter((e) => !duplicated.has(e.value.id)) : readRows;
  return parsedOf(kind, table, fields, { entries, readRows, ids: idsOf(allIds), names });
}
