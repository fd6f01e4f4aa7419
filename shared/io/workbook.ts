/** Opening a workbook from bytes, and naming where an error is. */
import ExcelJS from 'exceljs';
import type { Checked } from '../model';

/** An input workbook: its bytes, and optionally its file name (shown in messages). */
export type WorkbookSource = Uint8Array | ArrayBuffer | { name: string; bytes: Uint8Array | ArrayBuffer };

export interface OpenedWorkbook {
  workbook: ExcelJS.Workbook;
  /** the file name, when known */
  name: string | undefined;
}

const ZIP_MAGIC = [0x50, 0x4b];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: number[]): boolean => magic.every((b, i) => bytes[i] === b);

const asBytes = (data: Uint8Array | ArrayBuffer): Uint8Array =>
  ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength) : new Uint8Array(data);

/** Typed arrays may come from another realm (IPC, a test DOM): no instanceof. */
function bytesOf(source: WorkbookSource): { bytes: Uint8Array; name: string | undefined } {
  if ('name' in source && 'bytes' in source) return { bytes: asBytes(source.bytes), name: source.name };
  return { bytes: asBytes(source as Uint8Array | ArrayBuffer), name: undefined };
}

/** Loads an .xlsx; anything else is one clear Chinese error, never a stack trace. */
export async function openWorkbook(source: WorkbookSource): Promise<Checked<OpenedWorkbook>> {
  const { bytes, name } = bytesOf(source);
  const fail = (message: string): Checked<OpenedWorkbook> => ({
    ok: false,
    errors: [name ? { sheet: name, message } : { message }],
  });
  if (bytes.length === 0) return fail('文件是空的，不是有效的 Excel 工作簿（.xlsx）');
  if (startsWith(bytes, OLE_MAGIC)) {
    return fail('这是旧版 Excel（.xls）或 WPS（.et）文件，请在 Excel/WPS 中“另存为” .xlsx 格式后再导入');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) return fail('无法读取：不是有效的 Excel 工作簿（.xlsx）文件');
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs and JSZip accept a Uint8Array in Node and in the browser
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    return fail('无法读取：文件已损坏，或不是有效的 Excel 工作簿（.xlsx）文件');
  }
  if (workbook.worksheets.length === 0) return fail('工作簿中没有工作表');
  return { ok: true, value: { workbook, name } };
}

/** Sheets a reader skips when looking for data: the instructions. */
const INSTRUCTION_SHEETS = ['填表说明', '说明'];

/**
 * The data sheet: the one with the expected name if there is one, else the first
 * sheet that is not the instructions.
 */
export function dataSheet(workbook: ExcelJS.Workbook, names: readonly string[]): ExcelJS.Worksheet {
  const visible = workbook.worksheets.filter((ws) => ws.state !== 'hidden' && ws.state !== 'veryHidden');
  const sheets = visible.length ? visible : workbook.worksheets;
  const named = sheets.find((ws) => names.includes(ws.name.trim()));
  if (named) return named;
  const data = sheets.find((ws) => !INSTRUCTION_SHEETS.includes(ws.name.trim()));
  return (data ?? sheets[0])!;
}

/** How errors name the sheet: "名册", or "名册.xlsx / 名册" when the file name is known. */
export function sheetLabel(opened: OpenedWorkbook, sheet: ExcelJS.Worksheet): string {
  return opened.name ? `${opened.name} / ${sheet.name}` : sheet.name;
}
