/**
 * Opening workbooks with ExcelJS's streaming reader (Node only): rows are parsed as
 * the zip is inflated and kept as plain value arrays, never as ExcelJS's workbook
 * model, so half a million ballot rows take seconds and little memory. The readers
 * of shared/io see the same `Sheet`s as from openWorkbook.
 */
import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { openWith, type Sheet, type WorkbookOpener } from '../io/workbook';

type Chunks = AsyncIterable<Uint8Array | string>;

/** The parts of ExcelJS's WorkbookReader (4.4) that read the xml of one zip entry. */
interface ReaderParts {
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseWorksheet(chunks: Chunks, sheetNo: string): Generator<unknown>;
  model?: { sheets?: { name: string }[] };
}

/** Chunks of utf-8 bytes as text, a character cut between two chunks kept whole. */
async function* utf8(chunks: Chunks): AsyncGenerator<string> {
  const decoder = new TextDecoder();
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
  yield decoder.decode();
}

/**
 * ExcelJS's stream reader turns each inflated chunk into text on its own, so a
 * Chinese character cut between two chunks comes out as "��" (exceljs#2063,
 * exceljs#2084). Its xml parser takes text as it is: the reader is given text.
 */
function decodingReader(reader: ExcelJS.stream.xlsx.WorkbookReader): ReaderParts {
  const parts = reader as unknown as ReaderParts;
  const { _parseWorkbook, _parseSharedStrings, _parseWorksheet } = parts;
  parts._parseWorkbook = function (entry) {
    return _parseWorkbook.call(this, entry.setEncoding('utf8'));
  };
  parts._parseSharedStrings = function (entry) {
    return _parseSharedStrings.call(this, entry.setEncoding('utf8'));
  };
  parts._parseWorksheet = function (chunks, sheetNo) {
    return _parseWorksheet.call(this, utf8(chunks), sheetNo);
  };
  return parts;
}

/** Every sheet of the workbook, rows as value arrays indexed by column, in the order the workbook shows them. */
async function readSheets(bytes: Uint8Array): Promise<Sheet[]> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)]), {
    worksheets: 'emit',
    sharedStrings: 'cache',
    // dates are told from numbers by their number format, as when the whole workbook is loaded
    styles: 'cache',
    hyperlinks: 'ignore',
    entries: 'ignore',
  });
  const parts = decodingReader(reader);
  const sheets: Sheet[] = [];
  for await (const worksheet of reader) {
    const rows: (CellValue | undefined)[][] = [];
    for await (const row of worksheet) rows[row.number] = row.values as (CellValue | undefined)[];
    // the stream reader's typings leave out the name and state it takes from workbook.xml
    const { name, state } = worksheet as unknown as { name: string; state?: string };
    sheets.push({
      name,
      hidden: state === 'hidden' || state === 'veryHidden',
      rowCount: Math.max(0, rows.length - 1),
      row: (r) => rows[r],
    });
  }
  // sheets come in the order of their files; a workbook lists them in the order they are shown
  const shown = (parts.model?.sheets ?? []).map((s) => s.name);
  const position = (sheet: Sheet) => (shown.includes(sheet.name) ? shown.indexOf(sheet.name) : shown.length);
  return sheets.sort((a, b) => position(a) - position(b));
}

/** openWorkbook, streaming: the same checks and messages, the same sheets. */
export const openWorkbookStreaming: WorkbookOpener = (source) => openWith(source, readSheets);
