/**
 * The app refuses a damaged, too large or never-calculated workbook in one clear
 * sentence naming the file, and imports nothing (the same reader as the command line).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDirectory } from '../../shared/io/xlsx/zip';
import { xlsxOf } from '../../shared/io/xlsx/testing';
import { openApp, type App } from './harness';
import { ROSTER_HEADER, ROSTER_ROWS, workbook } from './workbooks';

let app: App;

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

/** One byte changed in the middle of the sheet's compressed data. */
function damaged(bytes: Buffer): Buffer {
  const part = readDirectory(bytes).get('xl/worksheets/sheet1.xml')!;
  const start = part.localOffset + 30 + bytes.readUInt16LE(part.localOffset + 26) + bytes.readUInt16LE(part.localOffset + 28);
  const out = Buffer.from(bytes);
  out[start + Math.floor(part.compressedSize / 2)]! ^= 0x5a;
  return out;
}

async function importRoster(file: { name: string; buffer: Buffer }) {
  await app.chooseFile(app.page.getByRole('button', { name: '导入名册', exact: true }), file);
}

async function errorText(): Promise<string> {
  const table = app.page.getByRole('dialog', { name: '导入名册：文件有错误' }).getByTestId('error-table');
  await table.waitFor();
  return table.innerText();
}

describe('a workbook that cannot be read', () => {
  it('damaged, too large, or with formulas never calculated: one sentence, nothing imported', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('张三');
    await app.newAssessment();
    await page.getByRole('navigation').getByRole('link', { name: '名册' }).click();
    await page.getByRole('heading', { name: '名册' }).waitFor();

    const good = await workbook('名册', ROSTER_HEADER, ROSTER_ROWS);
    await importRoster({ name: '损坏的名册.xlsx', buffer: damaged(good) });
    expect(await errorText()).toMatch(/损坏的名册\.xlsx[\s\S]*无法读取：文件已损坏/);
    await app.shot('01-文件损坏');
    await page.getByRole('button', { name: '知道了' }).click();

    const tooLarge = Buffer.from(xlsxOf([{ name: '名册', xml: '<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row><row r="1048577"/>' }]));
    await importRoster({ name: '超大的名册.xlsx', buffer: tooLarge });
    expect(await errorText()).toMatch(/超大的名册\.xlsx[\s\S]*文件过大：工作表“名册”的行号 1048577/);
    await app.shot('02-文件过大');
    await page.getByRole('button', { name: '知道了' }).click();

    const formulas = await workbook('名册', ROSTER_HEADER, ROSTER_ROWS.slice(0, 2));
    const withFormula = await (async () => {
      const ExcelJS = (await import('exceljs')).default;
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(formulas as unknown as ArrayBuffer);
      wb.worksheets[0]!.getCell('I3').value = { formula: 'I2-3' } as never;
      return Buffer.from(await wb.xlsx.writeBuffer());
    })();
    await importRoster({ name: '程序生成的名册.xlsx', buffer: withFormula });
    const text = await errorText();
    expect(text).toContain('第3行');
    expect(text).toContain('公式（=I2-3）没有计算结果');
    await app.shot('03-公式无结果');
    await page.getByRole('button', { name: '知道了' }).click();

    await importRoster({ name: '名册.xlsx', buffer: good });
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
    expect(app.errors).toEqual([]);
  });
});
