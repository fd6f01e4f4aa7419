/** What a cell holds once formulas, rich text and hyperlinks are looked through. */
import type { CellValue } from 'exceljs';
import { normalizeText } from './normalize';

export type Cell =
  | { kind: 'blank' }
  | { kind: 'number'; value: number }
  | { kind: 'text'; text: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'error'; text: string };

const BLANK: Cell = { kind: 'blank' };

/** Reads a raw ExcelJS value; formulas by their cached result; text normalised. */
export function readCell(value: CellValue | undefined): Cell {
  if (value === null || value === undefined) return BLANK;
  if (typeof value === 'number') return { kind: 'number', value };
  if (typeof value === 'boolean') return { kind: 'bool', value };
  if (typeof value === 'string') {
    const text = normalizeText(value);
    return text === '' ? BLANK : { kind: 'text', text };
  }
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
