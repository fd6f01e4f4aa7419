/**
 * Reads an .xlsx from its bytes: every worksheet in the order the workbook shows
 * them, as rows of cell values. Pure (no DOM, no Node), synchronous, bounded: it
 * ends with the sheets or with one Refusal, whatever the bytes.
 */
import { parseDateStyles, parseRelationships, parseSharedStrings, parseWorkbook, relsOf, type SharedString } from './parts';
import { damaged, notXlsx, Refusal, tooLarge } from './refusal';
import { SheetReader, type CellRange, type RowValues } from './sheet';
import { XmlScanner } from './xml';
import { Budget, inflatePart, partKey, readDirectory, type ZipCodec, type ZipPart } from './zip';

export interface XlsxSheet {
  name: string;
  hidden: boolean;
  /** rows by number (from 1); a row without values is absent */
  rows: RowValues[];
  /** the number of the last row with a value */
  rowCount: number;
  merges: CellRange[];
}

export type XlsxRead =
  | { ok: true; sheets: XlsxSheet[] }
  /** `bug` holds an exception other than a Refusal: the bytes were refused, but the reader has a bug to fix */
  | { ok: false; refusal: Refusal; bug?: unknown };

/** inflate and CRC-32 by the host instead of fflate and pure code (the command line: Node's zlib) */
export type ReadXlsxOptions = ZipCodec;

const DEFAULT_WORKBOOK = 'xl/workbook.xml';

/** An assessment workbook has a few sheets; a thousand is no workbook a person made. */
export const MAX_SHEETS = 1000;

function decode(bytes: Uint8Array): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  return new TextDecoder().decode(bytes);
}

class Package {
  private readonly budget = new Budget();
  constructor(
    private readonly bytes: Uint8Array,
    private readonly parts: Map<string, ZipPart>,
    private readonly codec: ZipCodec,
  ) {}

  has(name: string): boolean {
    return this.parts.has(partKey(name));
  }

  /** The text of a part, or undefined when the zip has no such part. */
  text(name: string): string | undefined {
    const part = this.parts.get(partKey(name));
    return part && decode(inflatePart(this.bytes, part, this.budget, this.codec));
  }

  required(name: string, what: string): string {
    const text = this.text(name);
    if (text === undefined) throw damaged(`缺少${what}（${name}）`);
    return text;
  }
}

/** The workbook part named by the package's relationships (`xl/workbook.xml` as a rule). */
function workbookPart(pkg: Package): string {
  const rels = pkg.text('_rels/.rels');
  const named = rels === undefined ? undefined : parseRelationships(rels, '_rels/.rels', '').find((r) => r.type === 'officeDocument')?.target;
  const part = named ?? DEFAULT_WORKBOOK;
  if (!pkg.has(part)) {
    if (!pkg.has('[Content_Types].xml')) throw notXlsx('压缩包中没有工作簿');
    throw damaged(`缺少工作簿（${part}）`);
  }
  return part;
}

function readPackage(bytes: Uint8Array, codec: ReadXlsxOptions): XlsxSheet[] {
  const pkg = new Package(bytes, readDirectory(bytes), codec);
  const wbPart = workbookPart(pkg);
  const workbook = parseWorkbook(pkg.required(wbPart, '工作簿'), wbPart);
  if (workbook.sheets.length > MAX_SHEETS) throw tooLarge(`工作簿有 ${workbook.sheets.length} 张工作表，超过上限 ${MAX_SHEETS} 张`);
  const rels = parseRelationships(pkg.required(relsOf(wbPart), '工作簿的关系表'), relsOf(wbPart), wbPart);
  const target = (type: string) => rels.find((r) => r.type === type)?.target;
  const byId = new Map(rels.map((r) => [r.id, r]));

  // a part the workbook names must be there: without its styles, a date would read as a number
  const stringsPart = target('sharedStrings');
  const strings: SharedString[] = stringsPart === undefined ? [] : parseSharedStrings(pkg.required(stringsPart, '共享字符串表'), stringsPart);
  const stylesPart = target('styles');
  const dateStyles = stylesPart === undefined ? [] : parseDateStyles(pkg.required(stylesPart, '样式表'), stylesPart);

  const sheets: XlsxSheet[] = [];
  for (const entry of workbook.sheets) {
    const rel = byId.get(entry.rid);
    if (!rel) throw damaged(`工作表“${entry.name}”找不到对应的内容`);
    // chart sheets, dialog and macro sheets hold no cells
    if (rel.type !== 'worksheet') continue;
    const xml = pkg.required(rel.target, `工作表“${entry.name}”的内容`);
    const content = new SheetReader(new XmlScanner(xml, rel.target), { name: entry.name, strings, dateStyles, date1904: workbook.date1904 }).read();
    sheets.push({ name: entry.name, hidden: entry.hidden, ...content });
  }
  return sheets;
}

export function readXlsx(bytes: Uint8Array, options: ReadXlsxOptions = {}): XlsxRead {
  try {
    return { ok: true, sheets: readPackage(bytes, options) };
  } catch (e) {
    if (e instanceof Refusal) return { ok: false, refusal: e };
    return { ok: false, refusal: damaged('内容无法识别'), bug: e };
  }
}
