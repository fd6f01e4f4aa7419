/**
 * The look shared by every workbook the program writes (types of ExcelJS only: the
 * workbook model itself is in workbook-model.ts, loaded by what writes with it).
 */
import type ExcelJS from 'exceljs';

export const FONT = '宋体';
export const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFDCE6F1' } };
export const REQUIRED_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFCE4D6' } };
export const TITLE_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 16, bold: true };
export const HEADER_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11, bold: true };
export const BODY_FONT: Partial<ExcelJS.Font> = { name: FONT, size: 11 };
const THIN: Partial<ExcelJS.Border> = { style: 'thin', color: { argb: 'FF808080' } };
export const BORDER: Partial<ExcelJS.Borders> = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** A4 landscape, fit to one page wide, header rows repeated on every page: options of a new sheet. */
export function printOptions(headerRows: string): Pick<ExcelJS.AddWorksheetOptions, 'pageSetup' | 'headerFooter'> {
  return {
    pageSetup: {
      paperSize: 9,
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      printTitlesRow: headerRows,
      margins: { left: 0.4, right: 0.4, top: 0.6, bottom: 0.6, header: 0.3, footer: 0.3 },
    },
    headerFooter: { oddFooter: '第 &P 页，共 &N 页' },
  };
}

/** The same print setup on a sheet that exists. */
export function printSetup(ws: ExcelJS.Worksheet, headerRows: string): void {
  const { pageSetup, headerFooter } = printOptions(headerRows);
  ws.pageSetup = pageSetup;
  ws.headerFooter = headerFooter;
}

/** Stamps the program's name and a fixed date on a workbook (model or streaming writer). */
export function stamp(workbook: Pick<ExcelJS.Workbook, 'creator' | 'lastModifiedBy' | 'created' | 'modified'>, date = new Date(Date.UTC(2024, 0, 1))): void {
  workbook.creator = '双评工作站';
  workbook.lastModifiedBy = '双评工作站';
  workbook.created = date;
  workbook.modified = date;
}

/** Excel-safe sheet name: no []:*?/\, at most 31 characters, unique in the workbook. */
export function safeSheetName(name: string, taken: Set<string>): string {
  const base =
    name
      .replace(/[[\]:*?/\\]/g, '·')
      .replace(/^'+|'+$/g, '')
      .slice(0, 31) || '工作表';
  let candidate = base;
  for (let i = 2; taken.has(candidate.toLowerCase()); i++) {
    const suffix = `(${i})`;
    candidate = base.slice(0, 31 - suffix.length) + suffix;
  }
  taken.add(candidate.toLowerCase());
  return candidate;
}

/** A header row's cells: the words, bold on the header fill, bordered, centred and wrapped. */
export function fillHeaderCells(row: ExcelJS.Row, headers: readonly string[]): void {
  headers.forEach((h, i) => {
    const cell = row.getCell(i + 1);
    cell.value = h;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  });
}
