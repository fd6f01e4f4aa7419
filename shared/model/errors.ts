/**
 * An expected failure of a user's input: a value, never an exception. Workbook
 * errors name the sheet, the row (as Excel numbers it) and the column header;
 * other inputs (a policy file, a rubric) name the file and the key.
 */
export interface InputError {
  /** sheet name, or the file for non-workbook input */
  sheet?: string;
  /** 1-based row as shown in Excel */
  row?: number;
  /** column header as written in the file, or a JSON key path */
  column?: string;
  /** Chinese, for a person */
  message: string;
}

export type Checked<T> = { ok: true; value: T } | { ok: false; errors: InputError[] };

/** "名册 第5行 单位类别列：…" — how an error reads on stderr and on screen. */
export function formatInputError(e: InputError): string {
  const where = [e.sheet ? `“${e.sheet}”` : '', e.row !== undefined ? `第${e.row}行` : '', e.column ? `“${e.column}”列` : ''].filter(Boolean);
  return where.length ? `${where.join(' ')}：${e.message}` : e.message;
}
