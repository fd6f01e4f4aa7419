/**
 * A workbook writer for the program's own output: sheets of values, fonts, fills,
 * borders, alignment and number formats, row heights and column widths, merged cells,
 * a frozen header, and the print setup — written straight to SpreadsheetML, each
 * sheet deflated as it is finished. It offers the part of ExcelJS's worksheet
 * interface that the results workbook is filled through (shared/io/results.ts), so
 * the same code fills ExcelJS's model (the app) and this writer (the command line):
 * ExcelJS makes an object per cell and works out each cell's style, which for a
 * province was most of the command's writing time. Anything else of ExcelJS's
 * interface is not here, and a style it cannot write is an error, never dropped.
 *
 *   const book = new XlsxWriter();
 *   fillResultsWorkbook(book, result, policy);
 *   const bytes = await book.bytes();
 */
import type ExcelJS from 'exceljs';
import type { Crc32 } from './zip';
import { ZipWriter, type Deflate } from './zip-write';
import { columnName } from './sheet';

type Style = Partial<ExcelJS.Style>;
type Value = string | number | boolean | null | undefined;

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Text in XML: the five specials escaped; characters XML cannot hold as OOXML's _xHHHH_ (read back as they were). */
export function xmlText(text: string): string {
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 cannot hold
  return text.replace(/[&<>"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, (c) => {
    switch (c) {
      case '&':
        return '&amp;';
      case '<':
        return '&lt;';
      case '>':
        return '&gt;';
      case '"':
        return '&quot;';
      default:
        return `_x${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}_`;
    }
  });
}

/** Number formats Excel knows by id (no <numFmt> needed). */
const BUILT_IN_FORMATS: Record<string, number> = { General: 0, '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10, '@': 49 };

const unsupported = (what: string, key: string): never => {
  throw new Error(`XlsxWriter: ${what} “${key}” is not written`);
};

function colorXml(tag: string, color: Partial<ExcelJS.Color> | undefined): string {
  if (!color) return '';
  for (const key of Object.keys(color)) if (key !== 'argb') unsupported('color', key);
  return color.argb ? `<${tag} rgb="${color.argb}"/>` : '';
}

function fontXml(font: Partial<ExcelJS.Font>): string {
  let xml = '<font>';
  for (const key of Object.keys(font)) if (!['bold', 'italic', 'size', 'color', 'name', 'family'].includes(key)) unsupported('font', key);
  if (font.bold) xml += '<b/>';
  if (font.italic) xml += '<i/>';
  if (font.size !== undefined) xml += `<sz val="${font.size}"/>`;
  xml += colorXml('color', font.color);
  if (font.name !== undefined) xml += `<name val="${xmlText(font.name)}"/>`;
  if (font.family !== undefined) xml += `<family val="${font.family}"/>`;
  return `${xml}</font>`;
}

function fillXml(fill: ExcelJS.Fill): string {
  if (fill.type !== 'pattern') return unsupported('fill', fill.type);
  for (const key of Object.keys(fill)) if (!['type', 'pattern', 'fgColor'].includes(key)) unsupported('fill', key);
  const color = colorXml('fgColor', fill.fgColor);
  return `<fill><patternFill patternType="${fill.pattern}"${color ? `>${color}</patternFill>` : '/>'}</fill>`;
}

function borderXml(border: Partial<ExcelJS.Borders>): string {
  for (const key of Object.keys(border)) if (!['left', 'right', 'top', 'bottom'].includes(key)) unsupported('border', key);
  const side = (tag: string, b: Partial<ExcelJS.Border> | undefined) => {
    if (!b?.style) return `<${tag}/>`;
    const color = colorXml('color', b.color);
    return `<${tag} style="${b.style}"${color ? `>${color}</${tag}>` : '/>'}`;
  };
  return `<border>${side('left', border.left)}${side('right', border.right)}${side('top', border.top)}${side('bottom', border.bottom)}<diagonal/></border>`;
}

function alignmentXml(a: Partial<ExcelJS.Alignment>): string {
  for (const key of Object.keys(a)) if (!['horizontal', 'vertical', 'wrapText'].includes(key)) unsupported('alignment', key);
  // ExcelJS's "middle" is SpreadsheetML's "center"
  const vertical = a.vertical === 'middle' ? 'center' : a.vertical;
  return `<alignment${a.horizontal ? ` horizontal="${a.horizontal}"` : ''}${vertical ? ` vertical="${vertical}"` : ''}${a.wrapText ? ' wrapText="1"' : ''}/>`;
}

/** A list of XML entries, each kept once, by its index (from `first`). */
class Entries {
  private readonly ids = new Map<string, number>();
  constructor(
    readonly items: string[],
    private readonly first = 0,
  ) {
    items.forEach((xml, i) => this.ids.set(xml, first + i));
  }
  idOf(xml: string): number {
    let id = this.ids.get(xml);
    if (id === undefined) {
      id = this.first + this.items.length;
      this.items.push(xml);
      this.ids.set(xml, id);
    }
    return id;
  }
}

/** The parts of styles.xml, each kept once: a cell's style is an index into cellXfs. */
class Styles {
  private readonly fonts = new Entries(['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>']);
  private readonly fills = new Entries(['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>']);
  private readonly borders = new Entries(['<border><left/><right/><top/><bottom/><diagonal/></border>']);
  /** custom number formats: ids from 164 */
  private readonly formats = new Entries([], 164);
  private readonly xfs = new Entries(['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>']);
  /** style objects seen before: cells of one look share one object */
  private readonly known = new WeakMap<object, number>();

  idOf(style: Style | undefined): number {
    if (!style) return 0;
    const known = this.known.get(style);
    if (known !== undefined) return known;
    for (const key of Object.keys(style)) if (!['font', 'fill', 'border', 'alignment', 'numFmt'].includes(key)) unsupported('style', key);
    const { font, fill, border, alignment, numFmt } = style;
    const fontId = font ? this.fonts.idOf(fontXml(font)) : 0;
    const fillId = fill ? this.fills.idOf(fillXml(fill)) : 0;
    const borderId = border ? this.borders.idOf(borderXml(border)) : 0;
    const numFmtId = numFmt === undefined ? 0 : (BUILT_IN_FORMATS[numFmt] ?? this.formats.idOf(xmlText(numFmt)));
    let xf = `<xf numFmtId="${numFmtId}" fontId="${fontId}" fillId="${fillId}" borderId="${borderId}" xfId="0"`;
    if (numFmtId) xf += ' applyNumberFormat="1"';
    if (font) xf += ' applyFont="1"';
    if (fill) xf += ' applyFill="1"';
    if (border) xf += ' applyBorder="1"';
    xf += alignment ? ` applyAlignment="1">${alignmentXml(alignment)}</xf>` : '/>';
    const id = this.xfs.idOf(xf);
    this.known.set(style, id);
    return id;
  }

  xml(): string {
    const list = (tag: string, items: string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    const custom = this.formats.items;
    const formats = custom.length
      ? list(
          'numFmts',
          custom.map((code, i) => `<numFmt numFmtId="${164 + i}" formatCode="${code}"/>`),
        )
      : '';
    return (
      `${XML_HEAD}<styleSheet xmlns="${MAIN}">${formats}${list('fonts', this.fonts.items)}${list('fills', this.fills.items)}${list('borders', this.borders.items)}` +
      `<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>${list('cellXfs', this.xfs.items)}` +
      `<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>`
    );
  }
}

/** The shared string table: each text once. */
class SharedStrings {
  private readonly texts: string[] = [];
  private readonly index = new Map<string, number>();
  private count = 0;

  idOf(text: string): number {
    this.count++;
    let id = this.index.get(text);
    if (id === undefined) {
      id = this.texts.length;
      this.texts.push(text);
      this.index.set(text, id);
    }
    return id;
  }

  xml(): string {
    const items = this.texts.map((t) => (/^\s|\s$|\n/.test(t) ? `<si><t xml:space="preserve">${xmlText(t)}</t></si>` : `<si><t>${xmlText(t)}</t></si>`));
    return `${XML_HEAD}<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${this.texts.length}">${items.join('')}</sst>`;
  }
}

/** A cell: its value and look, as ExcelJS's Cell offers them to the code that fills it. */
export class CellWriter {
  value: Value = null;
  /** the range this cell is in, when merged */
  merge: MergedRange | null = null;
  private own: Style | null = null;
  private shared: Style | null = null;

  get isMerged(): boolean {
    return this.merge !== null;
  }

  /** The style, to change in place (a style given by `style =` may be shared: it is copied first). */
  get style(): Style {
    if (!this.own) {
      this.own = { ...this.shared };
      this.shared = null;
    }
    return this.own;
  }
  set style(style: Style) {
    this.shared = style;
    this.own = null;
  }

  /** What the sheet writes. */
  look(): Style | null {
    return this.own ?? this.shared;
  }

  get font(): Partial<ExcelJS.Font> | undefined {
    return this.look()?.font;
  }
  set font(font: Partial<ExcelJS.Font>) {
    this.style.font = font;
  }
  set fill(fill: ExcelJS.Fill) {
    this.style.fill = fill;
  }
  set border(border: Partial<ExcelJS.Borders>) {
    this.style.border = border;
  }
  get alignment(): Partial<ExcelJS.Alignment> | undefined {
    return this.look()?.alignment;
  }
  set alignment(alignment: Partial<ExcelJS.Alignment>) {
    this.style.alignment = alignment;
  }
  set numFmt(numFmt: string) {
    this.style.numFmt = numFmt;
  }
}

interface MergedRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
  /** the top-left cell, which holds the value and the look of the range */
  master: CellWriter;
}

export class RowWriter {
  height: number | undefined = undefined;
  readonly cells: (CellWriter | undefined)[] = [];

  constructor(
    private readonly sheet: SheetWriter,
    readonly number: number,
  ) {}

  /**
   * Writes the row out now, with every row above it not written yet (as ExcelJS's
   * streaming rows): its cells are let go, and it can change no more.
   */
  commit(): void {
    this.sheet.commitRow(this.number);
  }

  getCell(col: number): CellWriter {
    let cell = this.cells[col];
    if (!cell) {
      cell = this.cells[col] = new CellWriter();
      this.sheet.noteColumn(col);
    }
    return cell;
  }
}

export interface SheetOptions {
  views?: Partial<ExcelJS.WorksheetView>[];
  pageSetup?: Partial<ExcelJS.PageSetup>;
  headerFooter?: Partial<ExcelJS.HeaderFooter>;
}

export class SheetWriter {
  views: Partial<ExcelJS.WorksheetView>[];
  pageSetup: Partial<ExcelJS.PageSetup>;
  headerFooter: Partial<ExcelJS.HeaderFooter>;
  private readonly rows: (RowWriter | undefined)[] = [];
  private readonly widths: (number | undefined)[] = [];
  private readonly merges: MergedRange[] = [];
  /** the XML of rows 1 to `writtenUpTo`, written out by commitRow */
  private readonly written: string[] = [];
  private writtenUpTo = 0;
  private readonly letters: string[] = [];
  private committed = false;

  constructor(
    readonly name: string,
    private readonly book: XlsxWriter,
    readonly index: number,
    options: SheetOptions = {},
  ) {
    this.views = options.views ?? [];
    this.pageSetup = options.pageSetup ?? {};
    this.headerFooter = options.headerFooter ?? {};
  }

  noteColumn(col: number): void {
    for (let c = this.letters.length; c <= col; c++) this.letters.push(columnName(c));
  }

  getRow(r: number): RowWriter {
    if (r <= this.writtenUpTo) throw new Error(`工作表“${this.name}”第${r}行已写出，不能再改`);
    let row = this.rows[r];
    if (!row) row = this.rows[r] = new RowWriter(this, r);
    return row;
  }

  /** Writes out rows up to `r` (in order, as commit would): their cells are let go. */
  commitRow(r: number): void {
    for (let i = this.writtenUpTo + 1; i <= r; i++) {
      const row = this.rows[i];
      if (!row) continue;
      this.written.push(this.rowXml(i, row));
      this.rows[i] = undefined;
    }
    if (r > this.writtenUpTo) this.writtenUpTo = r;
  }

  getCell(r: number, c: number): CellWriter {
    return this.getRow(r).getCell(c);
  }

  getColumn(c: number): { width: number | undefined } {
    const widths = this.widths;
    this.noteColumn(c);
    return {
      get width() {
        return widths[c];
      },
      set width(width: number | undefined) {
        widths[c] = width;
      },
    };
  }

  mergeCells(top: number, left: number, bottom: number, right: number): void {
    const range: MergedRange = { top, left, bottom, right, master: this.getCell(top, left) };
    for (let r = top; r <= bottom; r++) for (let c = left; c <= right; c++) this.getCell(r, c).merge = range;
    this.merges.push(range);
  }

  /** Writes the sheet out: nothing can change in it afterwards. */
  commit(): void {
    if (this.committed) return;
    this.committed = true;
    this.book.finishSheet(this, this.xml());
    this.rows.length = 0;
    this.written.length = 0;
  }

  private xml(): string {
    const out: string[] = [];
    const setup = this.pageSetup;
    const fit = setup.fitToPage ? '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>' : '';
    out.push(`${XML_HEAD}<worksheet xmlns="${MAIN}" xmlns:r="${REL}">${fit}${this.viewsXml()}<sheetFormatPr defaultRowHeight="15"/>`);
    const cols = this.widths.flatMap((w, c) => (w === undefined ? [] : [`<col min="${c}" max="${c}" width="${w}" customWidth="1"/>`]));
    if (cols.length) out.push(`<cols>${cols.join('')}</cols>`);
    out.push('<sheetData>');
    for (const xml of this.written) out.push(xml);
    for (let r = this.writtenUpTo + 1; r < this.rows.length; r++) {
      const row = this.rows[r];
      if (row) out.push(this.rowXml(r, row));
    }
    out.push('</sheetData>');
    if (this.merges.length) {
      const refs = this.merges.map((m) => `<mergeCell ref="${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}"/>`);
      out.push(`<mergeCells count="${refs.length}">${refs.join('')}</mergeCells>`);
    }
    out.push(this.printXml(), '</worksheet>');
    return out.join('');
  }

  /** A row's XML as one flat string (parts joined, not a chain of concatenations kept until the sheet is written). */
  private rowXml(r: number, row: RowWriter): string {
    const book = this.book;
    const letters = this.letters;
    const xml: string[] = [row.height === undefined ? `<row r="${r}">` : `<row r="${r}" ht="${row.height}" customHeight="1">`];
    const cells = row.cells;
    for (let c = 1; c < cells.length; c++) {
      const cell = cells[c];
      if (!cell) continue;
      // a cell a merge covers shows the look of the range's first cell
      const source = cell.merge ? cell.merge.master : cell;
      const style = book.styles.idOf(source.look() ?? undefined);
      const ref = `${letters[c]}${r}`;
      const value = cell.merge && cell !== cell.merge.master ? null : cell.value;
      const s = style ? ` s="${style}"` : '';
      if (value === null || value === undefined) {
        if (style) xml.push(`<c r="${ref}"${s}/>`);
      } else if (typeof value === 'number') {
        if (!Number.isFinite(value)) unsupported('number', String(value));
        xml.push(`<c r="${ref}"${s}><v>${value}</v></c>`);
      } else if (typeof value === 'string') {
        xml.push(`<c r="${ref}"${s} t="s"><v>${book.strings.idOf(value)}</v></c>`);
      } else if (typeof value === 'boolean') {
        xml.push(`<c r="${ref}"${s} t="b"><v>${value ? 1 : 0}</v></c>`);
      } else unsupported('value', typeof value);
    }
    xml.push('</row>');
    return xml.join('');
  }

  private viewsXml(): string {
    const views = this.views.map((view) => {
      for (const key of Object.keys(view)) if (!['state', 'xSplit', 'ySplit'].includes(key)) unsupported('view', key);
      const { state, xSplit = 0, ySplit = 0 } = view as Partial<ExcelJS.WorksheetViewFrozen>;
      if (state !== 'frozen' || (!xSplit && !ySplit)) return '<sheetView workbookViewId="0"/>';
      const pane = xSplit && ySplit ? 'bottomRight' : ySplit ? 'bottomLeft' : 'topRight';
      const split = `${xSplit ? ` xSplit="${xSplit}"` : ''}${ySplit ? ` ySplit="${ySplit}"` : ''}`;
      const topLeft = `${columnName(xSplit + 1)}${ySplit + 1}`;
      return `<sheetView workbookViewId="0"><pane${split} topLeftCell="${topLeft}" activePane="${pane}" state="frozen"/><selection pane="${pane}"/></sheetView>`;
    });
    return views.length ? `<sheetViews>${views.join('')}</sheetViews>` : '';
  }

  private printXml(): string {
    const {
      margins,
      horizontalCentered,
      verticalCentered,
      paperSize,
      orientation,
      fitToWidth,
      fitToHeight,
      fitToPage: _fit,
      printTitlesRow: _titles,
      ...rest
    } = this.pageSetup;
    for (const key of Object.keys(rest)) unsupported('page setup', key);
    let xml = '';
    if (horizontalCentered || verticalCentered) {
      xml += `<printOptions${horizontalCentered ? ' horizontalCentered="1"' : ''}${verticalCentered ? ' verticalCentered="1"' : ''}/>`;
    }
    if (margins) {
      xml += `<pageMargins left="${margins.left}" right="${margins.right}" top="${margins.top}" bottom="${margins.bottom}" header="${margins.header}" footer="${margins.footer}"/>`;
    }
    const attrs = [
      paperSize !== undefined ? ` paperSize="${paperSize}"` : '',
      orientation ? ` orientation="${orientation}"` : '',
      fitToWidth !== undefined ? ` fitToWidth="${fitToWidth}"` : '',
      fitToHeight !== undefined ? ` fitToHeight="${fitToHeight}"` : '',
    ].join('');
    if (attrs) xml += `<pageSetup${attrs}/>`;
    const { oddFooter, ...others } = this.headerFooter;
    for (const key of Object.keys(others)) unsupported('header or footer', key);
    if (oddFooter) xml += `<headerFooter><oddFooter>${xmlText(oddFooter)}</oddFooter></headerFooter>`;
    return xml;
  }
}

export class XlsxWriter {
  creator = '';
  lastModifiedBy = '';
  created = new Date(0);
  modified = new Date(0);
  readonly styles = new Styles();
  readonly strings = new SharedStrings();
  private readonly sheets: SheetWriter[] = [];
  private readonly zip: ZipWriter;

  constructor(options: { deflate?: Deflate; crc32?: Crc32 } = {}) {
    this.zip = new ZipWriter(options.deflate, options.crc32);
  }

  addWorksheet(name: string, options?: SheetOptions): SheetWriter {
    const sheet = new SheetWriter(name, this, this.sheets.length + 1, options);
    this.sheets.push(sheet);
    return sheet;
  }

  /** A committed sheet's XML, deflated while the next sheet is filled. */
  finishSheet(sheet: SheetWriter, xml: string): void {
    this.zip.add(`xl/worksheets/sheet${sheet.index}.xml`, xml);
  }

  /** The workbook's bytes; sheets not committed yet are committed first. */
  async bytes(): Promise<Uint8Array> {
    for (const sheet of this.sheets) sheet.commit();
    const zip = this.zip;
    const sheets = this.sheets;
    const quoted = (name: string) => `'${name.replace(/'/g, "''")}'`;
    const titles = sheets.flatMap((s, i) => {
      const rows = s.pageSetup.printTitlesRow?.split(':');
      return rows
        ? [`<definedName name="_xlnm.Print_Titles" localSheetId="${i}">${xmlText(`${quoted(s.name)}!$${rows[0]}:$${rows[1] ?? rows[0]}`)}</definedName>`]
        : [];
    });
    zip.add(
      'xl/workbook.xml',
      `${XML_HEAD}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><workbookPr/><bookViews><workbookView/></bookViews><sheets>` +
        sheets.map((s) => `<sheet name="${xmlText(s.name)}" sheetId="${s.index}" r:id="rId${s.index}"/>`).join('') +
        `</sheets>${titles.length ? `<definedNames>${titles.join('')}</definedNames>` : ''}<calcPr calcId="171027"/></workbook>`,
    );
    const rel = (id: string, type: string, target: string) => `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
    zip.add(
      'xl/_rels/workbook.xml.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">` +
        sheets.map((s) => rel(`rId${s.index}`, 'worksheet', `worksheets/sheet${s.index}.xml`)).join('') +
        rel(`rId${sheets.length + 1}`, 'styles', 'styles.xml') +
        rel(`rId${sheets.length + 2}`, 'sharedStrings', 'sharedStrings.xml') +
        '</Relationships>',
    );
    zip.add('xl/styles.xml', this.styles.xml());
    zip.add('xl/sharedStrings.xml', this.strings.xml());
    zip.add(
      '_rels/.rels',
      `${XML_HEAD}<Relationships xmlns="${PKG_REL}">${rel('rId1', 'officeDocument', 'xl/workbook.xml')}` +
        `<Relationship Id="rId2" Type="${PKG_REL}/metadata/core-properties" Target="docProps/core.xml"/>` +
        `${rel('rId3', 'extended-properties', 'docProps/app.xml')}</Relationships>`,
    );
    const date = (d: Date) => `${d.toISOString().replace(/\.\d{3}Z$/, 'Z')}`;
    zip.add(
      'docProps/core.xml',
      `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
        `<dc:creator>${xmlText(this.creator)}</dc:creator><cp:lastModifiedBy>${xmlText(this.lastModifiedBy)}</cp:lastModifiedBy>` +
        `<dcterms:created xsi:type="dcterms:W3CDTF">${date(this.created)}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date(this.modified)}</dcterms:modified></cp:coreProperties>`,
    );
    zip.add(
      'docProps/app.xml',
      `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Microsoft Excel</Application></Properties>`,
    );
    const type = (part: string, kind: string) => `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.${kind}"/>`;
    zip.add(
      '[Content_Types].xml',
      `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
        type('xl/workbook.xml', 'spreadsheetml.sheet.main+xml') +
        sheets.map((s) => type(`xl/worksheets/sheet${s.index}.xml`, 'spreadsheetml.worksheet+xml')).join('') +
        type('xl/styles.xml', 'spreadsheetml.styles+xml') +
        type('xl/sharedStrings.xml', 'spreadsheetml.sharedStrings+xml') +
        '<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>' +
        type('docProps/app.xml', 'extended-properties+xml') +
        '</Types>',
    );
    return zip.bytes();
  }
}
