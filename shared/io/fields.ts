/** Typed values from cells; every problem becomes an InputError naming sheet, row and column. */
import { fromSpreadsheetNumber, parseRational, type Rational } from '../exact/rational';
import type { InputError } from '../model';
import { cellDisplay, cellProblem, type Cell } from './cells';
import { enumChoices, matchBool, matchEnum, type Enumeration } from './enums';
import type { Table, TableRow } from './table';

const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/;

/** The exact number a cell holds ("1,000" and "79.75" included), or null. */
export function cellRational(cell: Cell): Rational | null {
  if (cell.kind === 'number') return fromSpreadsheetNumber(cell.value);
  if (cell.kind === 'text') {
    const text = THOUSANDS.test(cell.text) ? cell.text.replace(/,/g, '') : cell.text;
    return parseRational(text);
  }
  return null;
}

export interface IntOptions {
  required?: boolean;
  min?: number;
  max?: number;
}

/** Reads the fields of one table; errors are collected, missing values are undefined. */
export class Fields<K extends string> {
  constructor(
    private readonly table: Table<K>,
    private readonly errors: InputError[],
    /** headers of columns that may be absent from the file, for messages */
    private readonly defaultHeaders: Partial<Record<K, string>> = {},
  ) {}

  header(key: K): string {
    return this.table.headers.get(key) ?? this.defaultHeaders[key] ?? key;
  }

  fail(row: TableRow<K>, key: K, message: string): undefined {
    this.errors.push({ sheet: this.table.sheet, row: row.row, column: this.header(key), message });
    return undefined;
  }

  private present(row: TableRow<K>, key: K, required: boolean): Cell | undefined {
    const cell = row.cell(key);
    if (cell.kind === 'blank') return required ? this.fail(row, key, '必填，不能为空') : undefined;
    const problem = cellProblem(cell);
    return problem === null ? cell : this.fail(row, key, problem);
  }

  text(row: TableRow<K>, key: K, required = false): string | undefined {
    const cell = this.present(row, key, required);
    return cell && cellDisplay(cell);
  }

  number(row: TableRow<K>, key: K, required = false, nonNegative = false): Rational | undefined {
    const cell = this.present(row, key, required);
    if (!cell) return undefined;
    const value = cellRational(cell);
    if (!value) return this.fail(row, key, `“${cellDisplay(cell)}”不是有效的数字`);
    if (nonNegative && value.n < 0n) return this.fail(row, key, `不能为负数（${cellDisplay(cell)}）`);
    return value;
  }

  int(row: TableRow<K>, key: K, { required = false, min = 0, max }: IntOptions = {}): number | undefined {
    const cell = this.present(row, key, required);
    if (!cell) return undefined;
    const value = cellRational(cell);
    if (!value) return this.fail(row, key, `“${cellDisplay(cell)}”不是有效的数字`);
    if (value.d !== 1n) return this.fail(row, key, `应为整数，不能是 ${cellDisplay(cell)}`);
    if (value.n < 0n && min >= 0) return this.fail(row, key, `不能为负数（${cellDisplay(cell)}）`);
    if (value.n < BigInt(min)) return this.fail(row, key, `应不小于 ${min}（${cellDisplay(cell)}）`);
    if (max !== undefined && value.n > BigInt(max)) return this.fail(row, key, `不能超过 ${max}（${cellDisplay(cell)}）`);
    if (value.n > BigInt(Number.MAX_SAFE_INTEGER)) return this.fail(row, key, `数值过大（${cellDisplay(cell)}）`);
    return Number(value.n);
  }

  enumeration<E extends string>(row: TableRow<K>, key: K, e: Enumeration<E>, required = false): E | undefined {
    const cell = this.present(row, key, required);
    if (!cell) return undefined;
    const text = cellDisplay(cell);
    const value = matchEnum(e, text);
    return value ?? this.fail(row, key, `“${text}”不是有效的${e.name}，可填：${enumChoices(e)}`);
  }

  bool(row: TableRow<K>, key: K, required = false): boolean | undefined {
    const cell = this.present(row, key, required);
    if (!cell) return undefined;
    if (cell.kind === 'bool') return cell.value;
    const value = matchBool(cellDisplay(cell));
    return value ?? this.fail(row, key, `“${cellDisplay(cell)}”应填“是”或“否”`);
  }
}

/**
 * Ids that occur on more than one row: every repeated row is named, with the
 * rows it repeats.
 */
export function reportDuplicateIds<K extends string>(entries: readonly { id: string; row: TableRow<K> }[], fields: Fields<K>, idKey: K): Set<string> {
  const rowsById = new Map<string, number[]>();
  for (const { id, row } of entries) rowsById.set(id, [...(rowsById.get(id) ?? []), row.row]);
  const duplicated = new Set<string>();
  for (const { id, row } of entries) {
    const rows = rowsById.get(id) ?? [];
    if (rows.length < 2) continue;
    duplicated.add(id);
    const others = rows.filter((r) => r !== row.row).map((r) => `第${r}行`);
    fields.fail(row, idKey, `编号“${id}”重复（另见${others.join('、')}）`);
  }
  return duplicated;
}
