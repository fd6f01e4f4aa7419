/** Test helpers: workbooks built cell by cell, as a person would type them. */
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';

/** A workbook with the given sheets; each sheet is rows of cell values (row 1 first). */
export async function workbookOf(sheets: Record<string, readonly (readonly CellValue[])[]>): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) {
    const ws = workbook.addWorksheet(name);
    rows.forEach((values, r) => values.forEach((v, c) => v !== null && v !== undefined && (ws.getCell(r + 1, c + 1).value = v)));
  }
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** Fills the data sheet of a template below its header, matching headers by prefix. */
export async function fillTemplate(template: Uint8Array, rows: readonly Record<string, CellValue>[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const ws = workbook.worksheets[0]!;
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const header = String(cell.value).replace(/\*$/, '');
    columns.set(header, col);
    columns.set(header.split(' ')[0]!, col);
  });
  rows.forEach((values, i) => {
    for (const [key, value] of Object.entries(values)) {
      const col = columns.get(key);
      if (col === undefined) throw new Error(`no column ${key}`);
      ws.getCell(i + 2, col).value = value;
    }
  });
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

export const ROSTER_HEADER = ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数'] as const;
