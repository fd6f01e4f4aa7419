/** ExcelJS's workbook model, as the program writes it (the app's workbooks and the templates). */
import ExcelJS from 'exceljs';
import { stamp } from './style';

/** A workbook stamped with the program's name and a fixed date, so output is reproducible. */
export function newWorkbook(date = new Date(Date.UTC(2024, 0, 1))): ExcelJS.Workbook {
  const workbook = new ExcelJS.Workbook();
  stamp(workbook, date);
  return workbook;
}

/** The bytes of a workbook, as a plain Uint8Array (Node and browser). */
export async function workbookBytes(workbook: ExcelJS.Workbook): Promise<Uint8Array> {
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
