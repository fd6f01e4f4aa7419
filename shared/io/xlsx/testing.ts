/**
 * Test helpers: workbooks written part by part, as other programs write them
 * (inline strings, prefixes, formulas never calculated …), and ExcelJS's reading of
 * a workbook as `Sheet`s — the oracle the reader is compared with.
 */
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { zipSync, strToU8 } from 'fflate';
import type { Sheet } from '../workbook';
import { readCell, type Cell } from '../cells';

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** A zip of the given parts (text or bytes), deflated. */
export function zipOf(parts: Record<string, string | Uint8Array>): Uint8Array {
  return zipSync(Object.fromEntries(Object.entries(parts).map(([name, part]) => [name, typeof part === 'string' ? strToU8(part) : part])));
}

export interface SheetPart {
  name: string;
  /** the inside of <sheetData>, or a whole <worksheet> document when it starts with "<?xml" or "<worksheet" */
  xml: string;
  state?: 'hidden' | 'veryHidden';
}

export interface PackageOptions {
  sharedStrings?: string[];
  /** the inside of <styleSheet> */
  styles?: string;
  date1904?: boolean;
  /** file names of the sheets, in the workbook's order (default sheet1.xml …) */
  files?: string[];
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The parts of an .xlsx with the given sheets (the minimum Excel needs), to change or zip. */
export function packageParts(sheets: SheetPart[], options: PackageOptions = {}): Record<string, string> {
  const files = options.files ?? sheets.map((_, i) => `sheet${i + 1}.xml`);
  const parts: Record<string, string> = {
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    'xl/workbook.xml': `<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="${MAIN}" xmlns:r="${REL}">${options.date1904 ? '<workbookPr date1904="1"/>' : ''}<sheets>${sheets
      .map((s, i) => `<sheet name="${escape(s.name)}" sheetId="${i + 1}"${s.state ? ` state="${s.state}"` : ''} r:id="rId${i + 1}"/>`)
      .join('')}</sheets></workbook>`,
  };
  const rels = sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Type="${REL}/worksheet" Target="worksheets/${files[i]}"/>`);
  if (options.sharedStrings) {
    rels.push(`<Relationship Id="rIdS" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`);
    parts['xl/sharedStrings.xml'] = `<?xml version="1.0" encoding="UTF-8"?><sst xmlns="${MAIN}" count="${options.sharedStrings.length}">${options.sharedStrings
      .map((s) => (s.startsWith('<') ? `<si>${s}</si>` : `<si><t>${escape(s)}</t></si>`))
      .join('')}</sst>`;
  }
  if (options.styles) {
    rels.push(`<Relationship Id="rIdY" Type="${REL}/styles" Target="styles.xml"/>`);
    parts['xl/styles.xml'] = `<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="${MAIN}">${options.styles}</styleSheet>`;
  }
  parts['xl/_rels/workbook.xml.rels'] =
    `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join('')}</Relationships>`;
  sheets.forEach((s, i) => {
    parts[`xl/worksheets/${files[i]}`] = /^<(\?xml|worksheet|\w+:worksheet)/.test(s.xml)
      ? s.xml
      : `<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="${MAIN}" xmlns:r="${REL}"><sheetData>${s.xml}</sheetData></worksheet>`;
  });
  return parts;
}

/** An .xlsx with the given sheets. */
export function xlsxOf(sheets: SheetPart[], options: PackageOptions = {}): Uint8Array {
  return zipOf(packageParts(sheets, options));
}

/** ExcelJS's workbook model as Sheets, merged cells other than the first left blank (ExcelJS repeats the first's value). */
export async function exceljsSheets(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const merges = (
      Object.values((ws as unknown as { _merges: Record<string, { model: { top: number; left: number; bottom: number; right: number } }> })._merges) ?? []
    ).map((m) => m.model);
    const inMergeNotFirst = (r: number, c: number) =>
      merges.some((m) => r >= m.top && r <= m.bottom && c >= m.left && c <= m.right && (r !== m.top || c !== m.left));
    return {
      name: ws.name,
      hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
      rowCount: ws.rowCount,
      merges,
      row: (r: number) => {
        const values = ws.findRow(r)?.values as (CellValue | undefined)[] | undefined;
        if (!values) return undefined;
        return values.map((v, c) => (inMergeNotFirst(r, c) ? undefined : v));
      },
    };
  });
}

/** Every non-blank cell of a sheet as the readers see it, by "row:column". */
export function cellsOf(sheet: Sheet): Record<string, Cell> {
  const cells: Record<string, Cell> = {};
  for (let r = 1; r <= sheet.rowCount; r++) {
    sheet.row(r)?.forEach((value, c) => {
      const cell = readCell(value);
      if (cell.kind !== 'blank') cells[`${r}:${c}`] = cell;
    });
  }
  return cells;
}

/** What a sheet is to a reader: its name, whether hidden, its cells and merges. */
export function sheetShape(sheet: Sheet) {
  return { name: sheet.name, hidden: sheet.hidden, cells: cellsOf(sheet), merges: [...sheet.merges].sort((a, b) => a.top - b.top || a.left - b.left) };
}

/** Everything a person sees of a workbook, as ExcelJS reads it: sheets, their settings, and every cell with its look. */
export async function workbookLook(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      cells.push({ r, height: row.height });
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const { font, fill, border, alignment, numFmt } = cell.style;
        cells.push({ r, c, value: cell.value, font, fill, border, alignment, numFmt });
      });
    });
    const { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow, paperSize, margins } = ws.pageSetup;
    return {
      name: ws.name,
      views: ws.views.map((v) => {
        const { state, ySplit, xSplit } = v as Partial<ExcelJS.WorksheetViewFrozen>;
        return { state, ySplit, xSplit };
      }),
      page: { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow, paperSize, margins },
      footer: ws.headerFooter?.oddFooter,
      merges: (ws.model as { merges?: string[] }).merges,
      widths: ws.columns.map((c) => c.width),
      cells,
    };
  });
}
