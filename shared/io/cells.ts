/**
 * What a cell holds once formulas, rich text and hyperlinks are looked through. A
 * formula is read by its cached result; one without (a workbook written by a program
 * and never opened in Excel/WPS) is a `formula` cell, never blank.
 */
import type { CellValue } from 'exceljs';
import { normalizeText } from './normalize';

export type Cell =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string }
  /** a formula with no cached result: its text, "" when not known (a shared formula) */
  | { kind: 'formula'; formula: string };

export const BLANK: Cell = { kind: 'blank' };

/** Text cells by raw text: a sheet repeats its ids, options and names row after row. */
const texts = new Map<string, Cell>();
const TEXTS_MAX = 4096;

function textCell(value: string): Cell {
  let cell = texts.get(value);
  if (cell) return cell;
  const text = normalizeText(value);
  cell = text === '' ? BLANK : { kind: 'text', text };
  if (texts.size >= TEXTS_MAX) texts.clear();
  texts.set(value, cell);
  return cell;
}

/** Reads a raw ExcelJS value; formulas by their cached result; text normalised. */
export function readCell(value: CellValue | undefined): Cell {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'string') return textCell(value);
  if (value instanceof Date) return { kind: 'text', text: value.toISOString().slice(0, 10) };
  if ('error' in value) return { kind: 'error', text: String(value.error) };
  if ('richText' in value) return readCell(value.richText.map((part) => part.text).join(''));
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: unknown }).result;
    if (result === undefined) return { kind: 'formula', formula: 'formula' in value ? (value.formula ?? '') : '' };
    if (result !== null && typeof result === 'object' && 'error' in result) {
      return { kind: 'error', text: String((result as { error: unknown }).error) };
    }
    return readCell(result as CellValue | undefined);
  }
  if ('text' in value) return readCell(String((value as { text: unknown }).text));
  return BLANK;
}

/** The cell as a person reads it, for messages: "12", "是", "" */
export function cellDisplay(cell: Cell): string {
  switch (cell.kind) {
    case 'blank':
      return '';
    case 'number':
      return String(cell.value);
    case 'text':
    case 'error':
      return cell.text;
    case 'bool':
      return cell.value ? 'TRUE' : 'FALSE';
    case 'formula':
      return cell.formula ? `=${cell.formula}` : '';
  }
}

/** Why a cell cannot be read as a value: an error value, or a formula never calculated; null when it can. */
export function cellProblem(cell: Cell): string | null {
  if (cell.kind === 'error') return `单元格是错误值 ${cell.text}，请检查公式`;
  if (cell.kind === 'formula') {
    const formula = cell.formula ? `（=${cell.formula}）` : '';
    return `公式${formula}没有计算结果（文件由程序生成，未在 Excel/WPS 中保存过），请打开并保存后再导入`;
  }
  return null;
}

/**
 * A text cell as it was typed, only trimmed: names kept with their full-width （） and
 * spaces, for what is read back to be the same (the rules workbook); undefined for
 * anything that is not text.
 */
export function cellRawText(value: CellValue | undefined): string | undefined {
  if (typeof value === 'string') return value.trim() || undefined;
  if (value !== null && typeof value === 'object' && 'richText' in value) return cellRawText(value.richText.map((part) => part.text).join(''));
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result = (value as { result?: unknown }).result;
    return typeof result === 'string' ? cellRawText(result) : undefined;
  }
  return undefined;
}
