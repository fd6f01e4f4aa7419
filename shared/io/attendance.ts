/**
 * 考勤 (`attendance`): one month of every secretary's attendance, one row each (seed 002
 * 日考勤, the month's 在岗 summary the village party secretary signs). One month per
 * file: a second month on the sheet is an error, so an import replaces that month only.
 */
import { attendanceProblems } from '../field/attendance';
import type { AttendanceMonth } from '../model';
import { Fields } from './fields';
import { parseIdRows, readWith, type ParseOutcome } from './parsed';
import { ATTENDANCE_FIELDS, ATTENDANCE_SHEET, requiredOf, type AttendanceKey } from './schemas';
import { matcherFor, readTable } from './table';
import { dataSheet, sheetLabel, type OpenedWorkbook, type WorkbookSource } from './workbook';
import type { InputError } from '../model';

/** `2024-03`, `2024-3`, `2024年3月`, `2024/3`, `2024.03`, or a date of the month (`2024-03-01`) → `2024-03`; else null. */
export function parseMonth(text: string): string | null {
  const m = /^\s*(\d{4})\s*(?:年|-|\/|\.)\s*(\d{1,2})\s*(?:月份?|(?:-|\/|\.)\d{1,2}(?:日)?)?\s*$/.exec(text);
  if (!m) return null;
  const month = Number(m[2]);
  return month >= 1 && month <= 12 ? `${m[1]}-${String(month).padStart(2, '0')}` : null;
}

export function parseAttendance(opened: OpenedWorkbook): ParseOutcome<AttendanceMonth> {
  const errors: InputError[] = [];
  const ws = dataSheet(opened, [ATTENDANCE_SHEET]);
  const sheet = sheetLabel(opened, ws);
  const table = readTable(ws, sheet, matcherFor(ATTENDANCE_FIELDS), requiredOf(ATTENDANCE_FIELDS), 'id', errors);
  if (!table) return { parsed: null, errors, warnings: [] };
  const fields = new Fields<AttendanceKey>(table, errors);
  let fileMonth: { month: string; row: number } | undefined;
  const parsed = parseIdRows('attendance', table, fields, errors, (row, id) => {
    const monthText = fields.text(row, 'month', true);
    const month = monthText === undefined ? undefined : parseMonth(monthText);
    if (monthText !== undefined && month === null) fields.fail(row, 'month', `月份“${monthText}”无效，应填“2024-03”或“2024年3月”`);
    else if (month && fileMonth && month !== fileMonth.month)
      fields.fail(row, 'month', `一个考勤表只填一个月份：本行为${month}，第${fileMonth.row}行为${fileMonth.month}`);
    else if (month && !fileMonth) fileMonth = { month, row: row.row };
    const daysPresent = fields.int(row, 'daysPresent', { required: true });
    const workDays = fields.int(row, 'workDays', { required: true, min: 1 });
    const leaveDays = fields.int(row, 'leaveDays') ?? 0;
    const signedBy = fields.text(row, 'signedBy');
    const note = fields.text(row, 'note');
    if (id === undefined || !month || daysPresent === undefined || workDays === undefined) return undefined;
    const value: AttendanceMonth = { id, month, daysPresent, workDays, leaveDays };
    for (const p of attendanceProblems(value)) if (p.field !== 'month') fields.fail(row, p.field, p.message);
    if (signedBy !== undefined) value.signedBy = signedBy;
    if (note !== undefined) value.note = note;
    return value;
  });
  return { parsed, errors, warnings: table.warnings };
}

export function readAttendance(source: WorkbookSource) {
  return readWith(source, parseAttendance);
}
