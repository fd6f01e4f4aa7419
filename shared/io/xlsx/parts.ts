/**
 * The parts of a workbook around its sheets: relationships (where each part is),
 * workbook.xml (sheets in the order shown, names, hidden state, 1904 dates), the
 * shared strings and the number formats that make a number a date.
 */
import type { CellRichTextValue } from 'exceljs';
import { XmlScanner } from './xml';

/** A relationship's target resolved against the folder of the part that names it. */
export function resolveTarget(source: string, target: string): string {
  const base = target.startsWith('/') ? [] : source.split('/').slice(0, -1);
  for (const segment of target.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') base.pop();
    else base.push(segment);
  }
  return base.join('/');
}

/** The `_rels/x.rels` of part `x`. */
export function relsOf(part: string): string {
  const slash = part.lastIndexOf('/');
  return `${part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export interface Relationship {
  id: string;
  /** the last segment of the type: "worksheet", "sharedStrings", "officeDocument" */
  type: string;
  /** the target part, resolved */
  target: string;
}

export function parseRelationships(xml: string, part: string, source: string): Relationship[] {
  const s = new XmlScanner(xml, part);
  const rels: Relationship[] = [];
  while (s.next()) {
    if (s.closing || s.name !== 'Relationship' || s.attr('TargetMode') === 'External') continue;
    const id = s.attr('Id');
    const type = s.attr('Type');
    const target = s.attr('Target');
    if (id === undefined || type === undefined || target === undefined) continue;
    rels.push({ id, type: type.slice(type.lastIndexOf('/') + 1), target: resolveTarget(source, target) });
  }
  return rels;
}

export interface SheetEntry {
  name: string;
  hidden: boolean;
  /** relationship id of its part */
  rid: string;
}

export interface WorkbookPart {
  sheets: SheetEntry[];
  date1904: boolean;
}

const truthy = (value: string | undefined) => value === '1' || value === 'true';

export function parseWorkbook(xml: string, part: string): WorkbookPart {
  const s = new XmlScanner(xml, part);
  const sheets: SheetEntry[] = [];
  let date1904 = false;
  while (s.next()) {
    if (s.closing) continue;
    if (s.name === 'workbookPr') date1904 = truthy(s.attr('date1904'));
    else if (s.name === 'sheet') {
      const name = s.attr('name');
      const rid = s.attr('id');
      if (name === undefined || rid === undefined) return s.malformed('中的工作表缺少名称');
      const state = s.attr('state');
      sheets.push({ name, rid, hidden: state === 'hidden' || state === 'veryHidden' });
    }
  }
  return { sheets, date1904 };
}

/** OOXML escapes characters XML cannot hold as _xHHHH_ (as ExcelJS reads them). */
const ESCAPED = /_x([0-9A-Fa-f]{4})_/g;
export const unescapeText = (text: string): string =>
  text.indexOf('_x') < 0 ? text : text.replace(ESCAPED, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));

export type SharedString = string | CellRichTextValue;

/**
 * The text of a string item (`<si>` or `<is>`, whose open tag is current): plain, or
 * rich text runs; phonetic runs (`<rPh>`) left out.
 */
export function readStringItem(s: XmlScanner): SharedString {
  const item = s.name;
  let plain = '';
  let runs: string[] | null = null;
  if (s.empty) return '';
  while (s.next()) {
    if (s.closing) {
      if (s.name === item) return runs ? { richText: runs.map((text) => ({ text })) } : plain;
      continue;
    }
    if (s.name === 'rPh' || s.name === 'phoneticPr' || s.name === 'rPr' || s.name === 'extLst') s.skip();
    else if (s.name === 'r') (runs ??= []).push('');
    else if (s.name === 't') {
      const text = unescapeText(s.text());
      if (runs) runs[runs.length - 1] += text;
      else plain += text;
    }
  }
  return s.malformed('不完整');
}

export function parseSharedStrings(xml: string, part: string): SharedString[] {
  const s = new XmlScanner(xml, part);
  const strings: SharedString[] = [];
  while (s.next()) if (!s.closing && s.name === 'si') strings.push(readStringItem(s));
  return strings;
}

/** Built-in number formats that are dates or times: as ExcelJS reads them (14–22, 45–47), and the Chinese ones Excel writes by id (27–36, 50–58). */
const BUILT_IN_DATES = new Set([14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56, 57, 58]);

/** A format is a date when it has y, m, d, h or s outside quotes and brackets (ExcelJS's rule). */
export function isDateFormat(code: string): boolean {
  return /[ymdhMsb]+/.test(code.replace(/\[[^\]]*]/g, '').replace(/"[^"]*"/g, ''));
}

/** For each cell style (`s`), whether its number format makes a number a date. */
export function parseDateStyles(xml: string, part: string): boolean[] {
  const s = new XmlScanner(xml, part);
  const custom = new Map<number, string>();
  const dates: boolean[] = [];
  let inCellXfs = false;
  while (s.next()) {
    if (s.name === 'cellXfs') inCellXfs = !s.closing && !s.empty;
    else if (s.closing) continue;
    else if (s.name === 'numFmt') {
      const id = Number(s.attr('numFmtId'));
      const code = s.attr('formatCode');
      // the workbook's formats come first; a differential format (dxf) repeats one
      if (Number.isInteger(id) && code !== undefined && !custom.has(id)) custom.set(id, code);
    } else if (s.name === 'xf' && inCellXfs) {
      const id = Number(s.attr('numFmtId') ?? 0);
      const code = custom.get(id);
      dates.push(code !== undefined ? isDateFormat(code) : BUILT_IN_DATES.has(id));
    }
  }
  return dates;
}
