/**
 * One worksheet's XML as rows of ExcelJS-shaped cell values, indexed from 1 as
 * ExcelJS's `row.values` are: numbers, text, booleans, errors `{ error }`, rich text
 * `{ richText }`, dates (numbers in a date format), and formulas `{ formula, result }`
 * or `{ sharedFormula, result }`, where `result` is left out when the file holds no
 * cached value (a formula written by a program, never calculated). Also the merged
 * ranges. A row or column beyond Excel's limits is refused as too large.
 */
import type { CellErrorValue, CellValue } from 'exceljs';
import { tooLarge } from './refusal';
import { readStringItem, type SharedString } from './parts';
import type { XmlScanner } from './xml';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export type RowValues = (CellValue | undefined)[];

export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetContent {
  /** rows by number (from 1); a row without values is absent */
  rows: RowValues[];
  /** the number of the last row with a value */
  rowCount: number;
  merges: CellRange[];
}

export interface SheetContext {
  /** the sheet's name, for messages */
  name: string;
  strings: readonly SharedString[];
  dateStyles: readonly boolean[];
  date1904: boolean;
}

/** The letters of column `col` (from 1): 1 → "A", 28 → "AB". */
export function columnName(col: number): string {
  let name = '';
  for (let c = col; c > 0; c = Math.floor((c - 1) / 26)) name = String.fromCharCode(65 + ((c - 1) % 26)) + name;
  return name;
}

/** "AB" → 28; 0 when there are no letters. Stops counting past Excel's last column. */
function columnOf(ref: string): number {
  let col = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i) | 0x20; // lower case
    if (c < 0x61 || c > 0x7a) break;
    col = col * 26 + (c - 0x60);
    if (col > MAX_COLUMNS) return col;
  }
  return col;
}

/** The row number a cell reference ends with ("AB12" → 12), or 0. */
function rowOfRef(ref: string): number {
  const m = /\d+$/.exec(ref);
  return m ? Number(m[0]) : 0;
}

/** "A1:C2" (or "B3") as a range, or null. */
function rangeOf(ref: string): CellRange | null {
  const [a, b = a] = ref.split(':');
  if (a === undefined || b === undefined) return null;
  const left = columnOf(a);
  const right = columnOf(b);
  const top = rowOfRef(a);
  const bottom = rowOfRef(b);
  if (!left || !right || !top || !bottom) return null;
  return { top: Math.min(top, bottom), left: Math.min(left, right), bottom: Math.max(top, bottom), right: Math.max(left, right) };
}

/** Excel's serial day number as a Date, exactly as ExcelJS converts it. */
export function excelToDate(serial: number, date1904: boolean): Date {
  return new Date(Math.round((serial - 25569 + (date1904 ? 1462 : 0)) * 24 * 3600 * 1000));
}

export class SheetReader {
  private readonly rows: RowValues[] = [];
  private readonly merges: CellRange[] = [];
  /** shared formulas: their index (`si`) → the address of the cell that holds the formula */
  private readonly sharedFormulas = new Map<string, string>();
  private rowCount = 0;

  constructor(
    private readonly s: XmlScanner,
    private readonly ctx: SheetContext,
  ) {}

  read(): SheetContent {
    const s = this.s;
    let row = 0;
    let inData = false;
    while (s.next()) {
      if (s.closing) {
        if (s.is('sheetData')) inData = false;
        continue;
      }
      if (s.is('sheetData')) inData = !s.empty;
      else if (inData && s.is('row')) {
        const r = s.attr('r');
        row = r === undefined ? row + 1 : Number(r);
        if (!Number.isInteger(row) || row < 1) s.malformed(`中的行号“${r}”无效`);
        if (row > MAX_ROWS) throw tooLarge(`工作表“${this.ctx.name}”的行号 ${row} 超过了 Excel 的上限 ${MAX_ROWS} 行`);
        if (!s.empty) this.readRow(row);
      } else if (s.is('mergeCell')) {
        const range = rangeOf(s.attr('ref') ?? '');
        if (!range) continue;
        this.checkColumn(range.right);
        if (range.bottom > MAX_ROWS) throw tooLarge(`工作表“${this.ctx.name}”的合并单元格超过了 Excel 的上限 ${MAX_ROWS} 行`);
        this.merges.push(range);
      }
    }
    return { rows: this.rows, rowCount: this.rowCount, merges: this.merges };
  }

  private checkColumn(col: number): void {
    if (col > MAX_COLUMNS) throw tooLarge(`工作表“${this.ctx.name}”的列超过了 Excel 的上限 ${MAX_COLUMNS} 列（XFD）`);
  }

  private readRow(row: number): void {
    const s = this.s;
    let values: RowValues | null = null;
    let col = 0;
    while (s.next()) {
      if (s.closing) {
        if (s.is('row')) break;
        continue;
      }
      if (!s.is('c')) {
        s.skip();
        continue;
      }
      const ref = s.attr('r');
      const refCol = ref === undefined ? 0 : columnOf(ref);
      col = refCol || col + 1;
      this.checkColumn(col);
      if (s.empty) continue;
      const value = this.readCellValue(ref ?? '', s.attr('t'), s.attr('s'));
      if (value === undefined) continue;
      (values ??= [])[col] = value;
    }
    if (values) {
      this.rows[row] = values;
      if (row > this.rowCount) this.rowCount = row;
    }
  }

  /** The value of the cell whose open tag is current; the scanner ends on its close tag. */
  private readCellValue(address: string, type: string | undefined, style: string | undefined): CellValue | undefined {
    const s = this.s;
    const isDate = style !== undefined && style !== '0' && this.ctx.dateStyles[Number(style)] === true;
    let v: string | undefined;
    let inline: SharedString | undefined;
    let formula: string | undefined;
    let shared: { si: string; master: boolean } | undefined;
    while (s.next()) {
      if (s.closing) {
        if (s.is('c')) break;
        continue;
      }
      if (s.is('v')) v = s.text();
      else if (s.is('f')) {
        const si = s.attr('si');
        if (s.attr('t') === 'shared' && si !== undefined) shared = { si, master: s.attr('ref') !== undefined };
        formula = s.text();
      } else if (s.is('is')) inline = readStringItem(s);
      else s.skip();
    }
    if (formula === undefined && shared === undefined) {
      if (v === undefined) return inline;
      return this.valueOf(v, type, isDate) ?? undefined;
    }
    const result = v === undefined ? undefined : (this.valueOf(v, type, isDate) ?? '');
    if (shared && shared.master) this.sharedFormulas.set(shared.si, address);
    const cell: { formula?: string; sharedFormula?: string; result?: CellFormulaResult } =
      shared && !shared.master ? { sharedFormula: this.sharedFormulas.get(shared.si) ?? '' } : { formula: formula ?? '' };
    if (result !== undefined) cell.result = result;
    return cell as CellValue;
  }

  /** A cell's `<v>` by its type; undefined for an empty `<v>`. */
  private valueOf(v: string, type: string | undefined, isDate: boolean): CellFormulaResult | undefined {
    switch (type) {
      case 's': {
        const text = this.ctx.strings[Number(v)];
        if (text === undefined) this.s.malformed(`引用了不存在的共享字符串（${v}）`);
        return text as CellFormulaResult;
      }
      case 'str':
      case 'inlineStr':
        return v;
      case 'b':
        return v === '' ? undefined : Number.parseInt(v, 10) !== 0;
      case 'e':
        return { error: v } as CellErrorValue;
      case 'd': {
        const date = new Date(v);
        return Number.isNaN(date.getTime()) ? v : date;
      }
      default: {
        if (v.trim() === '') return undefined;
        const n = Number(v);
        if (Number.isNaN(n)) return v;
        return isDate ? excelToDate(n, this.ctx.date1904) : n;
      }
    }
  }
}

type CellFormulaResult = number | string | boolean | Date | CellErrorValue;
