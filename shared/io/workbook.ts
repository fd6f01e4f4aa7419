/**
 * Opening a workbook from bytes, and naming where an error is. Readers see a
 * workbook as sheets of cell values (`Sheet`), read by the pure reader of ./xlsx
 * in the app and on the command line alike.
 */
import type { CellValue } from 'exceljs';
import type { Checked } from '../model';
import { readXlsx, type ReadXlsxOptions, type XlsxSheet } from './xlsx/read';
import { refusalMessage } from './xlsx/refusal';
import type { CellRange } from './xlsx/sheet';

export type { CellRange } from './xlsx/sheet';

/** An input workbook: its bytes, and optionally its file name (shown in messages). */
export type WorkbookSource = Uint8Array | ArrayBuffer | { name: string; bytes: Uint8Array | ArrayBuffer };

/** One sheet as the readers see it. */
export interface Sheet {
  name: string;
  hidden: boolean;
  /** the number of the last row */
  rowCount: number;
  /**
   * the values of row `r` (from 1), indexed by column (from 1), shaped as ExcelJS's;
   * undefined when the row is empty. A formula without a cached value is
   * `{ formula }` or `{ sharedFormula }` with no `result`.
   */
  row(r: number): readonly (CellValue | undefined)[] | undefined;
  /** merged ranges: only the top-left cell of each holds a value */
  merges: readonly CellRange[];
}

export interface OpenedWorkbook {
  sheets: Sheet[];
  /** the file name, when known */
  name: string | undefined;
}

/** Opens workbook bytes (tests may inject another opener). */
export type WorkbookOpener = (source: WorkbookSource) => Promise<Checked<OpenedWorkbook>>;

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

/** A failed open: one clear Chinese error, on the file when its name is known. */
export function openFailure(name: string | undefined, message: string): Checked<OpenedWorkbook> {
  return { ok: false, errors: [name ? { sheet: name, message } : { message }] };
}

function sheetOf({ name, hidden, rows, rowCount, merges }: XlsxSheet): Sheet {
  return { name, hidden, rowCount, merges, row: (r) => rows[r] };
}

/**
 * Loads an .xlsx; anything else — empty, an old .xls/.et, not a workbook, damaged,
 * too large — is one clear Chinese error naming the file: never a stack trace,
 * never a hang.
 */
export async function openWorkbook(source: WorkbookSource, options: ReadXlsxOptions = {}): Promise<Checked<OpenedWorkbook>> {
  const { bytes, name } = bytesOf(source);
  if (bytes.length === 0) return openFailure(name, '文件是空的，不是有效的 Excel 工作簿（.xlsx）');
  if (startsWith(bytes, OLE_MAGIC)) {
    return openFailure(name, '这是旧版 Excel（.xls）或 WPS（.et）文件，或设置了打开密码的工作簿，请在 Excel/WPS 中取消密码并“另存为” .xlsx 格式后再导入');
  }
  if (!startsWith(bytes, ZIP_MAGIC)) return openFailure(name, '无法读取：不是有效的 Excel 工作簿（.xlsx）文件');
  const read = readXlsx(bytes, options);
  if (!read.ok) return openFailure(name, refusalMessage(read.refusal));
  if (read.sheets.length === 0) return openFailure(name, '工作簿中没有工作表');
  return { ok: true, value: { sheets: read.sheets.map(sheetOf), name } };
}

/** Sheets a reader skips when looking for data: the instructions. */
const INSTRUCTION_SHEETS = ['填表说明', '说明'];

/**
 * The data sheet: the one with the expected name if there is one, else the first
 * sheet that is not the instructions.
 */
export function dataSheet(opened: OpenedWorkbook, names: readonly string[]): Sheet {
  const visible = opened.sheets.filter((ws) => !ws.hidden);
  const sheets = visible.length ? visible : opened.sheets;
  const named = sheets.find((ws) => names.includes(ws.name.trim()));
  if (named) return named;
  const data = sheets.find((ws) => !INSTRUCTION_SHEETS.includes(ws.name.trim()));
  return (data ?? sheets[0])!;
}

/** How errors name the sheet: "名册", or "名册.xlsx / 名册" when the file name is known. */
export function sheetLabel(opened: OpenedWorkbook, sheet: Sheet): string {
  return opened.name ? `${opened.name} / ${sheet.name}` : sheet.name;
}
