/**
 * 历年结果 (`past`, docs/formats.md §14): earlier years' results, from the plain template,
 * the results workbook (§10, every category sheet) or the results JSON (§9), so a county
 * starts with its past: who was graded what in which year, recalled when.
 */
import type { Grade, InputError, Mode } from '../model';
import { readDay } from '../people/dates';
import { idNumberProblem, normalizeIdNumber } from '../people/id-number';
import { GRADE_ENUM, MODE_ENUM } from './enums';
import { Fields } from './fields';
import { sortErrors } from './parsed';
import { PAST_FIELDS, PAST_SHEET, requiredOf, type PastKey } from './schemas';
import { matcherFor, readTable } from './table';
import { openWorkbook, sheetLabel, type Sheet, type OpenedWorkbook, type WorkbookSource } from './workbook';
import type { Checked } from '../model';

export interface PastRow {
  year: number;
  id: string;
  name: string;
  grade: Grade;
  idNumber?: string;
  unit?: string;
  mode?: Mode;
  recallDate?: string;
  termStart?: string;
  termEnd?: string;
}

const NOT_DATA = new Set(['汇总', '标记', '填表说明']);

function parseSheet(opened: OpenedWorkbook, ws: Sheet, year: number | undefined, errors: InputError[]): PastRow[] {
  const sheet = sheetLabel(opened, ws);
  const table = readTable(ws, sheet, matcherFor(PAST_FIELDS), requiredOf(PAST_FIELDS), 'id', errors);
  if (!table) return [];
  const fields = new Fields<PastKey>(table, errors);
  const out: PastRow[] = [];
  const day = (row: Parameters<Fields<PastKey>['text']>[0], key: PastKey) => {
    const text = fields.text(row, key);
    return text === undefined ? undefined : (readDay(text) ?? fields.fail(row, key, `“${text}”不是有效的日期，请填写如 2023-06-30`));
  };
  for (const row of table.rows) {
    const before = errors.length;
    const id = fields.text(row, 'id', true);
    const name = fields.text(row, 'name', true);
    const rowYear = fields.int(row, 'year', { min: 1990, max: 2100 }) ?? year;
    if (rowYear === undefined) fields.fail(row, 'year', '缺少年度：请填写“年度”列，或导入时指定年度');
    const decided = fields.enumeration(row, 'decidedGrade', GRADE_ENUM);
    const grade = decided ?? fields.enumeration(row, 'grade', GRADE_ENUM) ?? fields.enumeration(row, 'computedGrade', GRADE_ENUM);
    if (!grade && errors.length === before) fields.fail(row, 'grade', '必填，不能为空');
    const idText = fields.text(row, 'idNumber');
    const problem = idText === undefined ? null : idNumberProblem(idText);
    if (problem) fields.fail(row, 'idNumber', problem);
    const unit = fields.text(row, 'unit');
    const mode = fields.enumeration(row, 'mode', MODE_ENUM);
    const recallDate = day(row, 'recallDate');
    const termStart = day(row, 'termStart');
    const termEnd = day(row, 'termEnd');
    if (errors.length > before) continue;
    const past: PastRow = { year: rowYear!, id: id!, name: name!, grade: grade! };
    if (idText !== undefined) past.idNumber = normalizeIdNumber(idText);
    if (unit !== undefined) past.unit = unit;
    if (mode !== undefined) past.mode = mode;
    if (recallDate) past.recallDate = recallDate;
    if (termStart) past.termStart = termStart;
    if (termEnd) past.termEnd = termEnd;
    out.push(past);
  }
  return out;
}

/** Reads a 历年结果 workbook or a results workbook: every row, or every error. `year` for files without a 年度 column. */
export async function readPastWorkbook(source: WorkbookSource, year?: number): Promise<Checked<PastRow[]>> {
  const opened = await openWorkbook(source);
  if (!opened.ok) return opened;
  const errors: InputError[] = [];
  const named = opened.value.sheets.find((ws) => ws.name.trim() === PAST_SHEET);
  const sheets = named ? [named] : opened.value.sheets.filter((ws) => !ws.hidden && !NOT_DATA.has(ws.name.trim()));
  const rows = sheets.flatMap((ws) => parseSheet(opened.value, ws, year, errors));
  if (errors.length) return { ok: false, errors: sortErrors(errors) };
  if (!rows.length) return { ok: false, errors: [{ message: '文件中没有历年考核结果' }] };
  return { ok: true, value: rows };
}

/** Reads the results JSON this program writes (§9) as one year's results. */
export function readPastJson(text: string, year: number, file = '结果.json'): Checked<PastRow[]> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, errors: [{ sheet: file, message: '不是有效的 JSON 文件' }] };
  }
  const categories = (value as { categories?: unknown })?.categories;
  if (!Array.isArray(categories)) return { ok: false, errors: [{ sheet: file, message: '不是本程序导出的考核结果（缺少 categories）' }] };
  const rows: PastRow[] = [];
  const errors: InputError[] = [];
  for (const c of categories as { rows?: unknown }[]) {
    for (const r of Array.isArray(c?.rows) ? (c.rows as Record<string, unknown>[]) : []) {
      const grade = typeof r.grade === 'string' ? GRADE_ENUM.lookup.get(r.grade) : undefined;
      if (typeof r.id !== 'string' || typeof r.name !== 'string' || !grade) {
        errors.push({ sheet: file, message: `第${rows.length + errors.length + 1}人的编号、姓名或等次无效` });
        continue;
      }
      const row: PastRow = { year, id: r.id, name: r.name, grade };
      if (typeof r.unit === 'string' && r.unit) row.unit = r.unit;
      rows.push(row);
    }
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: rows };
}
