/** The program's own workbook writer: what it writes reads back, in ExcelJS and in our reader, as ExcelJS's model writes it. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeAssessment } from '../../method';
import { inputOf, type Person } from '../../method/testing';
import type { Decision } from '../../model';
import { fillResultsWorkbook, writeResultsWorkbook, type ResultsBook } from '../results';
import { stamp } from '../style';
import { newWorkbook, workbookBytes } from '../workbook-model';
import { readXlsx } from './read';
import { exceljsSheets, sheetShape, workbookLook } from './testing';
import { XlsxWriter, xmlText } from './write';

async function resultsOf(people: Person[], decisions: Decision[] = []) {
  const input = inputOf(people, 'jiaozhou', { decisions });
  const result = computeAssessment(input);
  const book = new XlsxWriter();
  stamp(book);
  fillResultsWorkbook(book as unknown as ResultsBook, result, input.policy);
  return { ours: await book.bytes(), model: await writeResultsWorkbook(result, input.policy) };
}

/** Ten secretaries of one category, the first two exactly tied at the 优秀 boundary. */
const people: Person[] = Array.from({ length: 10 }, (_, i) => ({
  id: `S${i + 1}`,
  org: String(i < 2 ? 100 : 100 - i),
  base: String(i === 4 ? 75 : 90),
  votes: [30, 10, 2, i === 9 ? 3 : 0],
}));

describe('XlsxWriter: the results workbook', () => {
  it('reads back as ExcelJS model writes it: values, fonts, fills, borders, alignment, formats, heights, widths, merges, views, print setup', async () => {
    const { ours, model } = await resultsOf(people);
    expect(await workbookLook(ours)).toEqual(await workbookLook(model));
  });

  it('with the review meeting’s decisions: the quota lines merged under the summary', async () => {
    const decisions: Decision[] = [
      { id: 'S7', grade: 'excellent', reason: '会议研究', by: '部长办公会', at: '2025-01-05' },
      { id: 'S8', grade: 'excellent', reason: '会议研究', by: '部长办公会', at: '2025-01-05' },
    ];
    const { ours, model } = await resultsOf(people, decisions);
    const look = await workbookLook(ours);
    expect(look[0]!.merges!.length).toBeGreaterThan(2);
    expect(look).toEqual(await workbookLook(model));
  });

  it('with no flag at all: 标记 says so in one merged row', async () => {
    const calm = people.slice(0, 3).map((p) => ({ ...p, org: String(90 + Number(p.id.slice(1))), base: '90', votes: [30, 10, 2, 0] }));
    const { ours, model } = await resultsOf(calm);
    const look = await workbookLook(ours);
    expect(look.at(-1)!.merges).toContain('A4:G4');
    expect(look).toEqual(await workbookLook(model));
  });

  it('reads back in our reader as ExcelJS reads it', async () => {
    const { ours } = await resultsOf(people);
    const read = readXlsx(ours);
    if (!read.ok) throw new Error(read.refusal.detail);
    expect(read.sheets.map((s) => sheetShape({ ...s, row: (r) => s.rows[r] }))).toEqual((await exceljsSheets(ours)).map(sheetShape));
  });
});

describe('XlsxWriter: cells', () => {
  it('keeps any text: XML specials, characters XML cannot hold, spaces at the ends, line breaks', async () => {
    const texts = ['a & b < c > d "e"', 'x\u0001y\u001fz', '  前后有空格  ', '第一行\n第二行', '_x0041_ as typed', '赵琳峰'];
    const book = new XlsxWriter();
    const ws = book.addWorksheet('文本');
    texts.forEach((t, i) => (ws.getCell(i + 1, 1).value = t));
    ws.getCell(1, 2).value = 0.1;
    ws.getCell(2, 2).value = -3.5e-7;
    ws.getCell(3, 2).value = true;
    const bytes = await book.bytes();
    const model = new ExcelJS.Workbook();
    await model.xlsx.load(bytes as unknown as ArrayBuffer);
    const sheet = model.getWorksheet('文本')!;
    // _x0041_ typed by a person is OOXML's escape of "A" to every reader (ExcelJS's writer does not escape it either)
    expect(texts.map((_, i) => sheet.getCell(i + 1, 1).value)).toEqual([texts[0], texts[1], texts[2], texts[3], 'A as typed', texts[5]]);
    expect([1, 2, 3].map((r) => sheet.getCell(r, 2).value)).toEqual([0.1, -3.5e-7, true]);
    const ours = readXlsx(bytes);
    expect(ours.ok && ours.sheets[0]!.rows.slice(1, 7).map((r) => r[1])).toEqual([texts[0], texts[1], texts[2], texts[3], 'A as typed', texts[5]]);
  });

  it('writes a custom number format once, and shares styles by look', async () => {
    const book = new XlsxWriter();
    const ws = book.addWorksheet('格式');
    const look = { numFmt: '0.000" 分"', font: { name: '宋体', size: 10 } };
    for (let r = 1; r <= 3; r++) ws.getCell(r, 1).style = look;
    ws.getCell(1, 1).value = 1.5;
    const model = new ExcelJS.Workbook();
    await model.xlsx.load((await book.bytes()) as unknown as ArrayBuffer);
    const sheet = model.getWorksheet('格式')!;
    expect(sheet.getCell(1, 1).numFmt).toBe('0.000" 分"');
    expect(sheet.getCell(3, 1).font).toEqual({ name: '宋体', size: 10 });
  });

  it('refuses a style it cannot write instead of dropping it', async () => {
    const book = new XlsxWriter();
    const ws = book.addWorksheet('x');
    ws.getCell(1, 1).style = { protection: { locked: false } };
    await expect(book.bytes()).rejects.toThrow(/protection/);
    const other = new XlsxWriter().addWorksheet('y');
    other.getCell(1, 1).font = { underline: true };
    expect(() => other.commit()).toThrow(/underline/);
  });

  it('writes widths, heights, a merged title and a pane frozen both ways as ExcelJS does', async () => {
    const fill = (ws: ExcelJS.Worksheet) => {
      ws.getColumn(2).width = 12;
      ws.getRow(1).height = 30;
      ws.mergeCells(1, 1, 1, 3);
      ws.getCell(1, 1).value = '标题';
      ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle' };
    };
    const book = new XlsxWriter();
    fill(book.addWorksheet('表', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] }) as unknown as ExcelJS.Worksheet);
    const model = newWorkbook();
    fill(model.addWorksheet('表', { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] }));
    // ExcelJS gives a sheet its default page setup; this writer writes only what it is given
    const withoutPage = (look: Awaited<ReturnType<typeof workbookLook>>) => look.map(({ page: _, ...rest }) => rest);
    expect(withoutPage(await workbookLook(await book.bytes()))).toEqual(withoutPage(await workbookLook(await workbookBytes(model))));
  });
});

describe('xmlText', () => {
  it.each([
    ['a&b', 'a&amp;b'],
    ['<t>', '&lt;t&gt;'],
    ['"', '&quot;'],
    ['\u0007', '_x0007_'],
    ['\t\n\r', '\t\n\r'],
    ['中文', '中文'],
  ])('%j → %j', (text, xml) => expect(xmlText(text)).toBe(xml));
});

describe('XlsxWriter: rows written out as they are finished', () => {
  const fill = (commit: boolean) => {
    const book = new XlsxWriter();
    stamp(book);
    const ws = book.addWorksheet('表');
    ws.mergeCells(1, 1, 1, 3);
    ws.getCell(1, 1).value = '标题';
    ws.getCell(1, 1).font = { bold: true };
    for (let r = 2; r <= 6; r++) {
      const row = ws.getRow(r);
      row.getCell(1).value = `第${r}行`;
      row.getCell(2).value = r;
      row.getCell(3).style = { alignment: { wrapText: r % 2 === 0 } };
      row.height = 20 + r;
      if (commit) row.commit();
    }
    return book;
  };

  it('gives the same bytes as rows written when the sheet is', async () => {
    expect(Buffer.from(await fill(true).bytes()).equals(Buffer.from(await fill(false).bytes()))).toBe(true);
  });

  it('refuses to change a row already written out', () => {
    const ws = fill(true).addWorksheet('另一表');
    ws.getRow(3).commit();
    expect(() => ws.getCell(2, 1)).toThrow(/已写出/);
    expect(() => ws.getCell(4, 1)).not.toThrow();
  });
});
