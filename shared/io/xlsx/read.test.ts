/**
 * The workbook reader reads what ExcelJS's workbook model reads (the oracle), cell
 * for cell: every fixture, the sample county, the templates, and workbooks with odd
 * content. Where they differ on purpose, the test says why.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { JIAOZHOU_RUBRIC } from '../../rubric/jiaozhou';
import { readCell } from '../cells';
import { TEMPLATE_KINDS, writeTemplate } from '../templates';
import { workbookOf } from '../testing';
import { openWorkbook, type Sheet } from '../workbook';
import { readXlsx } from './read';
import { exceljsSheets, sheetShape, xlsxOf, zipOf, packageParts } from './testing';

const root = resolve(__dirname, '..', '..', '..');

async function ours(bytes: Uint8Array): Promise<Sheet[]> {
  const opened = await openWorkbook(bytes);
  if (!opened.ok) throw new Error(opened.errors[0]!.message);
  return opened.value.sheets;
}

async function expectSameAsExcelJS(bytes: Uint8Array): Promise<void> {
  expect((await ours(bytes)).map(sheetShape)).toEqual((await exceljsSheets(bytes)).map(sheetShape));
}

async function xlsxFiles(dir: string): Promise<string[]> {
  const entries = await readdir(join(root, dir), { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.xlsx')).map((e) => join(e.parentPath, e.name));
}

const exceljsBytes = async (workbook: ExcelJS.Workbook, options: Partial<ExcelJS.XlsxWriteOptions> = {}) =>
  new Uint8Array((await workbook.xlsx.writeBuffer(options)) as ArrayBuffer);

describe('the workbook reader reads what ExcelJS reads', () => {
  it.each(['test/fixtures', 'samples/sample-county'])('every workbook in %s', async (dir) => {
    const files = await xlsxFiles(dir);
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) await expectSameAsExcelJS(new Uint8Array(await readFile(file)));
  });

  it.each(TEMPLATE_KINDS)('the %s template', async (kind) => {
    await expectSameAsExcelJS(await writeTemplate(kind, JIAOZHOU_RUBRIC));
  });

  it('titles, rich text, booleans, errors, numbers, full-width text, formulas with results', async () => {
    await expectSameAsExcelJS(
      await workbookOf({
        填表说明: [['请按说明填写']],
        名册: [
          ['2024年 名册'],
          ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数', '年初定级', '在村工作天数'],
          ['Ｓ１', { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] }, '镇街', '脱产', '正股级', { formula: '40+2', result: 42 }, 'B', true],
          ['S2', '李四 & <王五>', '市直', false, '科级', { formula: 'A1&"x"', result: 'S2x' }, { error: '#N/A' }, 12.5],
          ['S3', { formula: '1/0', result: { error: '#DIV/0!' } }, { formula: 'TRUE()', result: true }, -0.25, 1e21, 'a\nb', '  空格  ', '_x000D_'],
        ],
      }),
    );
  });

  it('dates: built-in and custom formats, times, and the 1904 date system', async () => {
    for (const date1904 of [false, true]) {
      const workbook = new ExcelJS.Workbook();
      workbook.properties.date1904 = date1904;
      const ws = workbook.addWorksheet('日期');
      ws.addRow([new Date(Date.UTC(2024, 0, 2)), 45293, 45293.5, 45293, 0.75, { formula: 'TODAY()', result: new Date(Date.UTC(2025, 5, 30)) }]);
      ws.getCell('B1').numFmt = 'yyyy"年"m"月"d"日"';
      ws.getCell('C1').numFmt = 'yyyy-mm-dd hh:mm';
      ws.getCell('D1').numFmt = '"day"0';
      ws.getCell('E1').numFmt = 'h:mm';
      ws.getCell('F1').numFmt = 'mm-dd-yy';
      await expectSameAsExcelJS(await exceljsBytes(workbook));
    }
  });

  it('strings written inline (no shared strings table)', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('名册').addRows([
      ['编号', '姓名'],
      ['S1', { richText: [{ text: '王' }, { text: '五' }] }],
    ]);
    await expectSameAsExcelJS(await exceljsBytes(workbook, { useSharedStrings: false }));
  });

  it('shared formulas, hidden sheets, merged cells, sheets shown in another order than their files', async () => {
    const workbook = new ExcelJS.Workbook();
    const hidden = workbook.addWorksheet('旧名册', { state: 'hidden' });
    hidden.addRow(['编号', '姓名']);
    const ws = workbook.addWorksheet('计票');
    ws.addRow(['编号', '很满意', '两倍']);
    ws.mergeCells('D1:E1');
    ws.getCell('D1').value = '合并的表头';
    ws.addRow(['S1', 2, { formula: 'B2*2', result: 4, shareType: 'shared', ref: 'C2:C4' } as ExcelJS.CellValue]);
    ws.addRow(['S2', 3, { sharedFormula: 'C2', result: 6 } as ExcelJS.CellValue]);
    ws.addRow(['S3', 4, { sharedFormula: 'C2', result: 8 } as ExcelJS.CellValue]);
    workbook.addWorksheet('veryHidden', { state: 'veryHidden' }).addRow(['x']);
    // the workbook shows 计票 first; its file stays sheet2.xml (orderNo is missing from ExcelJS's typings)
    (ws as unknown as { orderNo: number }).orderNo = 0;
    (hidden as unknown as { orderNo: number }).orderNo = 1;
    const bytes = await exceljsBytes(workbook);
    await expectSameAsExcelJS(bytes);
    const sheets = await ours(bytes);
    expect(sheets.map((s) => [s.name, s.hidden])).toEqual([
      ['计票', false],
      ['旧名册', true],
      ['veryHidden', true],
    ]);
    expect(sheets[0]!.merges).toEqual([{ top: 1, left: 4, bottom: 1, right: 5 }]);
    expect(sheets[0]!.row(3)![3]).toEqual({ sharedFormula: 'C2', result: 6 });
  });

  it('a formula with no cached value is told apart from a blank cell', async () => {
    const bytes = await workbookOf({
      表: [
        ['编号', '分数'],
        ['S1', { formula: 'B3+1' } as ExcelJS.CellValue],
        ['S2', null],
      ],
    });
    await expectSameAsExcelJS(bytes);
    const [sheet] = await ours(bytes);
    expect(sheet!.row(2)![2]).toEqual({ formula: 'B3+1' });
    expect(readCell(sheet!.row(2)![2])).toEqual({ kind: 'formula', formula: 'B3+1' });
  });
});

describe('what other programs write', () => {
  const sheetXml = (xml: string) => [{ name: 'Sheet1', xml }];

  it('inline strings, prefixed elements and cells without r (which ExcelJS cannot read), numbers as Excel writes them, escapes', async () => {
    const doc = `<?xml version="1.0" encoding="UTF-8"?><x:worksheet xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><x:sheetData>
      <x:row r="1"><x:c t="inlineStr"><x:is><x:t>编号</x:t></x:is></x:c><x:c t="inlineStr"><x:is><x:r><x:rPr><x:b/></x:rPr><x:t xml:space="preserve">姓 </x:t></x:r><x:r><x:t>名</x:t></x:r><x:rPh><x:t>ふりがな</x:t></x:rPh></x:is></x:c></x:row>
      <x:row><x:c><x:v>1.5E+2</x:v></x:c><x:c t="str"><x:v>A&amp;B &#x4E2D;&#25991; &lt;x&gt;</x:v></x:c><x:c t="b"><x:v>0</x:v></x:c><!-- a comment --></x:row>
    </x:sheetData></x:worksheet>`;
    const [sheet] = await ours(xlsxOf(sheetXml(doc)));
    expect(sheet!.row(1)).toEqual([undefined, '编号', { richText: [{ text: '姓 ' }, { text: '名' }] }]);
    expect(sheet!.row(2)).toEqual([undefined, 150, 'A&B 中文 <x>', false]);
  });

  it('a formula whose cached value is an empty string has a value (ExcelJS reads it as none)', async () => {
    const [sheet] = await ours(xlsxOf(sheetXml('<row r="1"><c r="A1" t="str"><f>IF(B1&gt;0,"","x")</f><v></v></c><c r="B1"><f>C1</f></c></row>')));
    expect(sheet!.row(1)![1]).toEqual({ formula: 'IF(B1>0,"","x")', result: '' });
    expect(readCell(sheet!.row(1)![1]).kind).toBe('blank');
    expect(readCell(sheet!.row(1)![2]).kind).toBe('formula');
  });

  it('Chinese built-in date formats by id (ExcelJS reads them as plain numbers)', async () => {
    const styles = '<cellXfs count="2"><xf numFmtId="0"/><xf numFmtId="31"/></cellXfs>';
    const [sheet] = await ours(xlsxOf(sheetXml('<row r="1"><c r="A1" s="1"><v>45293</v></c></row>'), { styles }));
    expect(readCell(sheet!.row(1)![1])).toEqual({ kind: 'text', text: '2024-01-02' });
  });

  it('shared strings with rich text, phonetic runs and escapes; relationships with absolute targets', async () => {
    const parts = packageParts(sheetXml('<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>'), {
      sharedStrings: ['<r><t>张</t></r><r><rPr><b/></rPr><t>三</t></r><rPh sb="0" eb="1"><t>zhang</t></rPh>', 'line_x000D_two'],
    });
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace('Target="worksheets/sheet1.xml"', 'Target="/xl/worksheets/sheet1.xml"');
    const bytes = zipOf(parts);
    await expectSameAsExcelJS(bytes);
    const [sheet] = await ours(bytes);
    expect(sheet!.row(1)).toEqual([undefined, { richText: [{ text: '张' }, { text: '三' }] }, 'line\rtwo']);
  });

  it('a chart sheet is no sheet to read', async () => {
    const parts = packageParts([...sheetXml('<row r="1"><c r="A1"><v>1</v></c></row>')]);
    parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace('</sheets>', '<sheet name="图表" sheetId="9" r:id="rIdC"/></sheets>');
    parts['xl/_rels/workbook.xml.rels'] = parts['xl/_rels/workbook.xml.rels']!.replace(
      '</Relationships>',
      '<Relationship Id="rIdC" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/chartsheet" Target="chartsheets/sheet1.xml"/></Relationships>',
    );
    const read = readXlsx(zipOf(parts));
    expect(read.ok && read.sheets.map((s) => s.name)).toEqual(['Sheet1']);
  });
});
