/**
 * A sheet as a table: the header row found by text (Chinese header or English key,
 * any order), then one record per non-blank row, with the Excel row number.
 */
import type { InputError } from '../model';
import { BLANK, readCell, type Cell } from './cells';
import { headerKey, normalizeText } from './normalize';
import type { Sheet } from './workbook';
import { columnName } from './xlsx/sheet';

export interface ColumnSpec<K extends string = string> {
  key: K;
  /** Chinese header, as the template writes it */
  header: string;
  required: boolean;
  /** other accepted headers */
  aliases?: readonly string[];
}

export interface TableRow<K extends string> {
  /** Excel row number */
  row: number;
  cell(key: K): Cell;
}

export interface Table<K extends string> {
  sheet: string;
  headerRow: number;
  /** header text as written in the file, per matched column */
  headers: Map<K, string>;
  /** the column number (from 1) of each matched column */
  columns: ReadonlyMap<K, number>;
  rows: TableRow<K>[];
  /** what was read but may not be what the person meant: a merged header, data under no header */
  warnings: InputError[];
}

/** Maps a header cell's text to a column key, or null for a column the reader ignores. */
export type HeaderMatcher<K extends string> = (header: string) => K | null;

export function matcherFor<K extends string>(specs: readonly ColumnSpec<K>[]): HeaderMatcher<K> {
  const byHeader = new Map<string, K>();
  for (const spec of specs) {
    for (const form of [spec.header, spec.key, ...(spec.aliases ?? [])]) byHeader.set(headerKey(form), spec.key);
  }
  return (header) => byHeader.get(headerKey(header)) ?? null;
}

/** How many rows from the top may hold a title before the header row. */
const HEADER_SEARCH_ROWS = 10;

/** The texts of row `r` (text cells only, numbers left out), in column order. */
export function textCells(ws: Sheet, r: number): string[] {
  const texts: string[] = [];
  ws.row(r)?.forEach((value) => {
    const c = readCell(value);
    if (c.kind === 'text') texts.push(c.text);
  });
  return texts;
}

/** The text of each non-blank cell of row `r`, by column. */
function rowTexts(ws: Sheet, r: number): Map<number, string> {
  const texts = new Map<number, string>();
  ws.row(r)?.forEach((value, col) => {
    const c = readCell(value);
    if (c.kind === 'text') texts.set(col, c.text);
    else if (c.kind === 'number') texts.set(col, String(c.value));
  });
  return texts;
}

/**
 * Reads a sheet. The header row is the first of the top rows where `anchor`
 * (usually the id column) is found; missing required columns and repeated columns
 * are errors.
 */
export function readTable<K extends string>(
  ws: Sheet,
  sheet: string,
  match: HeaderMatcher<K>,
  required: readonly { key: K; header: string }[],
  anchor: K,
  errors: InputError[],
): Table<K> | null {
  let headerRow = 1;
  for (let r = 1; r <= Math.min(HEADER_SEARCH_ROWS, ws.rowCount); r++) {
    if ([...rowTexts(ws, r).values()].some((t) => match(t) === anchor)) {
      headerRow = r;
      break;
    }
  }
  const columns = new Map<K, number>();
  const headers = new Map<K, string>();
  let ok = true;
  for (const [col, text] of rowTexts(ws, headerRow)) {
    const key = match(text);
    if (key === null) continue;
    if (columns.has(key)) {
      errors.push({ sheet, row: headerRow, column: text, message: `与“${headers.get(key)}”是同一列，表头重复` });
      ok = false;
      continue;
    }
    columns.set(key, col);
    headers.set(key, normalizeText(text));
  }
  for (const spec of required) {
    if (!columns.has(spec.key)) {
      errors.push({ sheet, row: headerRow, column: spec.header, message: `缺少必填列“${spec.header}”` });
      ok = false;
    }
  }
  if (!ok) return null;

  const texts = rowTexts(ws, headerRow);
  const warnings: InputError[] = [];
  const merged = headerMerges(ws, sheet, headerRow, texts, warnings);
  const lastHeader = Math.max(0, ...texts.keys());
  // a column without header text, among the headed ones or after them (under a merged header: warned above)
  const headerless = (col: number) => !texts.has(col) && !merged.has(col);
  let gaps = false;
  for (let col = 1; col < lastHeader && !gaps; col++) gaps = headerless(col);
  const unread = new Map<number, { first: number; count: number }>();
  const note = (col: number, r: number) => {
    const seen = unread.get(col);
    if (seen) seen.count++;
    else unread.set(col, { first: r, count: 1 });
  };

  // a row keeps its cells in the order of `keys`: one small array, no map per row
  const keys = [...columns.keys()];
  const slots = new Map(keys.map((key, i) => [key, i]));
  const rows: TableRow<K>[] = [];
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const values = ws.row(r);
    if (!values) continue;
    // the cells a row has, not every column up to its last (a cell at XFD makes a row 16,384 long)
    if (gaps || values.length > lastHeader + 1) {
      for (const key in values) {
        const col = Number(key);
        if (headerless(col) && readCell(values[col]).kind !== 'blank') note(col, r);
      }
    }
    const cells = keys.map((key) => readCell(values[columns.get(key)!]));
    if (cells.every((c) => c.kind === 'blank')) continue;
    rows.push(new Row(r, cells, slots));
  }
  for (const [col, { first, count }] of [...unread].sort(([a], [b]) => a - b)) {
    const more = count > 1 ? `等 ${count} 行` : '';
    warnings.push({ sheet, row: first, column: columnName(col), message: `这一列没有表头，其中第${first}行${more}的数据未被读取；如需读取，请填写表头` });
  }
  return { sheet, headerRow, headers, columns, rows, warnings };
}

const MAX_HEADER_MERGES = 32;

/**
 * Header cells merged over several columns: a warning each, naming the header; only
 * the first column of the merge is read. Returns the other columns of those merges.
 */
function headerMerges(ws: Sheet, sheet: string, headerRow: number, texts: Map<number, string>, warnings: InputError[]): Set<number> {
  const covered = new Set<number>();
  // a header has tens of columns: a few dozen merges are plenty to warn about
  const merges = ws.merges.filter((m) => m.top <= headerRow && m.bottom >= headerRow && m.right > m.left).slice(0, MAX_HEADER_MERGES);
  for (const m of merges) {
    const first = columnName(m.left);
    const range = `${first}${m.top}:${columnName(m.right)}${m.bottom}`;
    warnings.push({
      sheet,
      row: headerRow,
      column: texts.get(m.left) ?? first,
      message: `表头单元格合并了 ${range}（共 ${m.right - m.left + 1} 列），只读取 ${first} 列的数据；请取消合并，每列一个表头`,
    });
    for (let col = m.left + 1; col <= m.right; col++) covered.add(col);
  }
  return covered;
}

/** A row of a table: its cells by column key. A class, not a closure per row: sheets have half a million rows. */
class Row<K extends string> implements TableRow<K> {
  constructor(
    readonly row: number,
    private readonly cells: readonly Cell[],
    private readonly slots: ReadonlyMap<K, number>,
  ) {}

  cell(key: K): Cell {
    return this.cells[this.slots.get(key) ?? -1] ?? BLANK;
  }
}
