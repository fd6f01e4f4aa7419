/** What a cell holds once formulas, rich text and hyperlinks are looked through. */
import type { CellValue } from 'exceljs';
import { normalizeText } from './normalize';

export type Cell =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string };

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
  }
}
