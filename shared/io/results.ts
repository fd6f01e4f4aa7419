/**
 * The results workbook (docs/formats.md §10): a summary sheet (汇总), one sheet per
 * category, and a sheet of flags (标记). Made to be read and printed as it opens.
 */
import type ExcelJS from 'exceljs';
import {
  explanationLines,
  FLAG_LABELS,
  GRADES,
  resultColumns,
  type AssessmentResult,
  type CategoryResult,
  type Grade,
  type Policy,
  type ResultRow,
} from '../model';
import { BODY_FONT, BORDER, fillHeaderCells, printOptions, printSetup, safeSheetName, TITLE_FONT } from './style';

/** The row columns (shared/model/result-columns.ts), then 说明 — docs/formats.md §10. */
const COLUMNS = resultColumns([
  'rank',
  'id',
  'name',
  'unit',
  'town',
  'village',
  'baseScore',
  'orgScore',
  'eligible',
  'cast',
  'verySatisfied',
  'satisfied',
  'basic',
  'dissatisfied',
  'invalid',
  'abstain',
  'satisfaction',
  'total',
  'computedGrade',
  'decidedGrade',
]);
export const RESULT_HEADERS = [...COLUMNS.map((c) => c.header), '说明'];
/** sized for A4 landscape at about 75%: Chinese characters are two units wide */
const RESULT_WIDTHS = [5, 8, 8, 18, 10, 12, 7, 10, 7, 6, 6, 6, 7, 6, 5, 5, 8, 8, 8, 8, 40];
const NOTE_CHARS_PER_LINE = 22;
/** Rows 1–2 title, row 3 the header: frozen, and repeated on every printed page. */
const HEADER_ROWS = 3;
const CELL_FONT: Partial<ExcelJS.Font> = { ...BODY_FONT, size: 10 };

const GRADE_FILLS: Record<Grade, string> = {
  excellent: 'FFC6EFCE',
  good: 'FFDDEBF7',
  competent: 'FFFFFFFF',
  basic: 'FFFCE4D6',
  incompetent: 'FFFFC7CE',
  pending: 'FFFFEB9C',
};

const fill = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });

/** 说明 in one cell: the lines of explanationLines. */
export const explainRow = (row: ResultRow): string => explanationLines(row).join('；').replace(/】；/g, '】');

function title(ws: ExcelJS.Worksheet, span: number, text: string, subtitle: string): void {
  ws.mergeCells(1, 1, 1, span);
  const t = ws.getCell(1, 1);
  t.value = text;
  t.font = TITLE_FONT;
  t.alignment = { horizontal: 'center', vertical: 'middle' };
  ws.getRow(1).height = 30;
  ws.mergeCells(2, 1, 2, span);
  const s = ws.getCell(2, 1);
  s.value = subtitle;
  s.font = { ...BODY_FONT, size: 10, color: { argb: 'FF595959' } };
  s.alignment = { horizontal: 'left', vertical: 'middle' };
}

function headerRow(ws: ExcelJS.Worksheet, r: number, headers: readonly string[], widths: readonly number[]): void {
  const row = ws.getRow(r);
  row.height = 42;
  fillHeaderCells(row, headers);
  headers.forEach((_, i) => (ws.getColumn(i + 1).width = widths[i] ?? 10));
}

/** How a body cell looks, beyond the font and border every body cell has. */
interface Look {
  numFmt?: string | undefined;
  /** left-aligned and wrapped: notes */
  wrap?: boolean;
  /** left-aligned, not wrapped: labels in the first column */
  left?: boolean;
  fill?: string;
  bold?: boolean;
}

/**
 * One style object per look and kind of value: ExcelJS works out a style once per
 * object, not once per cell, and a province has 180,000 cells. Cells never change
 * a shared style afterwards.
 */
const styles = new Map<string, Partial<ExcelJS.Style>>();
/** the style of a look kept on the look, by the kind of value: the category sheets' looks are made once, not per cell */
const byLook = new WeakMap<Look, Record<string, Partial<ExcelJS.Style>>>();

function styleOf(value: ExcelJS.CellValue, look: Look): Partial<ExcelJS.Style> {
  const kind = value === null ? 'null' : typeof value;
  let kinds = byLook.get(look);
  if (!kinds) byLook.set(look, (kinds = {}));
  return (kinds[kind] ??= styleByKey(kind, value, look));
}

function styleByKey(kind: string, value: ExcelJS.CellValue, look: Look): Partial<ExcelJS.Style> {
  const key = `${kind}|${look.numFmt ?? ''}|${look.wrap === true}|${look.left === true}|${look.fill ?? ''}|${look.bold ?? ''}`;
  let style = styles.get(key);
  if (!style) {
    style = {
      font: look.bold === undefined ? CELL_FONT : { ...CELL_FONT, bold: look.bold },
      border: BORDER,
      ...(look.numFmt ? { numFmt: look.numFmt } : {}),
      alignment: look.left
        ? { horizontal: 'left', vertical: 'middle' }
        : look.wrap
          ? { vertical: 'middle', horizontal: 'left', wrapText: true }
          : { vertical: 'middle', horizontal: typeof value === 'number' ? 'right' : 'center', wrapText: typeof value === 'string' },
      ...(look.fill ? { fill: fill(look.fill) } : {}),
    };
    styles.set(key, style);
  }
  return style;
}

const COLUMN_LOOKS: readonly Look[] = COLUMNS.map((column) => ({ numFmt: column.numFmt }));
const GRADE_LOOKS = Object.fromEntries(GRADES.map((g) => [g, { fill: GRADE_FILLS[g], bold: g === 'excellent' || g === 'pending' }])) as Record<Grade, Look>;
const NOTE_LOOK: Look = { wrap: true };

function bodyCell(cell: ExcelJS.Cell, value: ExcelJS.CellValue, look: Look = {}): void {
  cell.value = value;
  const style = styleOf(value, look);
  // a merged cell shares its style object with the cells it covers: styled in place
  if (cell.isMerged) Object.assign(cell.style, style);
  else cell.style = style;
}

function categorySheet(ws: ExcelJS.Worksheet, category: CategoryResult, result: AssessmentResult, policy: Policy): void {
  const quotas = policy.bands.map((b) => `${policy.labels[b.key]}${category.quotas[b.key] ?? 0}名`).join('，');
  const notes = [`考核规则：${result.policyName}`, `人数 ${category.size}`, `名额：${quotas}`];
  if (category.merged.length) notes.push(`已合并小类别 ${category.merged.length} 个`);
  if (category.smallCategory) notes.push('本类别人数过少，按比例无名额，请部长办公会研究');
  if (category.quotaNotes.length) notes.push(`部长办公会审定后，本类别${category.quotaNotes.map((n) => n.text).join('；')}`);
  title(ws, RESULT_HEADERS.length, `${category.label} “第一书记”考核结果`, notes.join('　'));
  if (category.quotaNotes.length) {
    // the note may take a second line
    ws.getCell(2, 1).alignment = { horizontal: 'left', vertical: 'middle', wrapText: true };
    ws.getRow(2).height = 30;
  }
  headerRow(ws, HEADER_ROWS, RESULT_HEADERS, RESULT_WIDTHS);
  category.rows.forEach((row, i) => {
    const r = ws.getRow(4 + i);
    COLUMNS.forEach((column, c) => {
      const value = column.cell(row, policy.labels);
      // the grade that stands (the decided one where there is one) is coloured
      const standing = (column.key === 'computedGrade' && !row.decision) || (column.key === 'decidedGrade' && row.decision);
      bodyCell(r.getCell(c + 1), value, standing ? GRADE_LOOKS[row.grade] : COLUMN_LOOKS[c]!);
    });
    const note = explainRow(row);
    bodyCell(r.getCell(COLUMNS.length + 1), note, NOTE_LOOK);
    r.height = Math.max(20, Math.ceil(note.length / NOTE_CHARS_PER_LINE) * 13 + 4);
    // a streaming writer writes the finished row out and lets its cells go (ExcelJS's model does nothing)
    r.commit();
  });
}

function summarySheet(ws: ExcelJS.Worksheet, result: AssessmentResult, policy: Policy): void {
  const bands = policy.bands.map((b) => b.key);
  const headers = ['类别', '人数', ...bands.map((k) => `${policy.labels[k]}名额`), ...GRADES.map((g) => policy.labels[g]), '人数过少'];
  const widths = [26, 7, ...bands.map(() => 9.5), ...GRADES.map(() => 8), 10];
  const size = result.categories.reduce((n, c) => n + c.size, 0);
  title(ws, headers.length, '“第一书记”考核结果汇总', `考核规则：${result.policyName}　类别 ${result.categories.length} 个　共 ${size} 人`);
  headerRow(ws, HEADER_ROWS, headers, widths);
  const totals = new Array<number>(headers.length).fill(0);
  result.categories.forEach((c, i) => {
    const counts = GRADES.map((g) => c.rows.filter((row) => row.grade === g).length);
    const values = [c.size, ...bands.map((k) => c.quotas[k] ?? 0), ...counts];
    values.forEach((v, j) => (totals[j + 1] = (totals[j + 1] ?? 0) + v));
    const row = ws.getRow(4 + i);
    [c.label, ...values, c.smallCategory ? '是' : ''].forEach((v, j) => bodyCell(row.getCell(j + 1), v, { left: j === 0 }));
  });
  const total = ws.getRow(4 + result.categories.length);
  ['合计', ...totals.slice(1, -1), ''].forEach((v, j) => bodyCell(total.getCell(j + 1), v, { bold: true }));
  quotaLines(ws, 6 + result.categories.length, headers.length, result);
}

/** Below the summary: each category the review meeting's decisions put over a quota or left with a place empty. */
function quotaLines(ws: ExcelJS.Worksheet, from: number, span: number, result: AssessmentResult): void {
  const lines = result.categories.flatMap((c) => c.quotaNotes.map((n) => `${c.label}：${n.text}`));
  if (!lines.length) return;
  ['部长办公会审定后超出或空出名额：', ...lines].forEach((text, i) => {
    ws.mergeCells(from + i, 1, from + i, span);
    const cell = ws.getCell(from + i, 1);
    cell.value = text;
    cell.font = { ...CELL_FONT, bold: i === 0 };
    cell.alignment = { horizontal: 'left', vertical: 'middle' };
  });
}

function flagsSheet(ws: ExcelJS.Worksheet, result: AssessmentResult, policy: Policy): void {
  const headers = ['类别', '名次', '编号', '姓名', '标记', '等次', '说明'];
  const widths = [26, 6, 10, 9.5, 30, 9.5, 70];
  title(ws, headers.length, '需要关注的标记', `考核规则：${result.policyName}　每个标记一行，供部长办公会审核`);
  headerRow(ws, HEADER_ROWS, headers, widths);
  let r = 4;
  for (const c of result.categories) {
    for (const row of c.rows) {
      for (const flag of row.flags) {
        const values = [c.label, row.rank, row.id, row.secretary.name, FLAG_LABELS[flag], policy.labels[row.grade]];
        values.forEach((v, j) => bodyCell(ws.getRow(r).getCell(j + 1), v, { left: j === 0 || j === 4 }));
        const reasons = row.reasons.join('；');
        bodyCell(ws.getRow(r).getCell(7), reasons, { wrap: true });
        ws.getRow(r).height = Math.max(20, Math.ceil(reasons.length / 36) * 13 + 4);
        ws.getRow(r).commit();
        r++;
      }
    }
  }
  if (r === 4) {
    ws.mergeCells(4, 1, 4, headers.length);
    bodyCell(ws.getCell(4, 1), '没有需要关注的标记');
  }
}

/** What the results are written into: ExcelJS's workbook model, or its streaming writer (Node). */
export type ResultsBook = Pick<ExcelJS.Workbook, 'addWorksheet'>;

function addSheet(book: ResultsBook, name: string, fill: (ws: ExcelJS.Worksheet) => void): void {
  const rows = `1:${HEADER_ROWS}`;
  // given when the sheet is made, as a streaming writer writes them first; set again so
  // that the model's sheet keeps these settings only
  const ws = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: HEADER_ROWS, xSplit: 0 }], ...printOptions(rows) });
  printSetup(ws, rows);
  fill(ws);
  // a streaming writer's sheet is written out and let go
  if (typeof (ws as { commit?: unknown }).commit === 'function') ws.commit();
}

/** Fills a workbook with the results; labels and bands come from the policy that produced them. */
export function fillResultsWorkbook(book: ResultsBook, result: AssessmentResult, policy: Policy): void {
  const taken = new Set<string>(['汇总', '标记']);
  addSheet(book, '汇总', (ws) => summarySheet(ws, result, policy));
  for (const category of result.categories) {
    addSheet(book, safeSheetName(category.label, taken), (ws) => categorySheet(ws, category, result, policy));
  }
  addSheet(book, '标记', (ws) => flagsSheet(ws, result, policy));
}

/** The results workbook of an assessment, as bytes (pure: the app and the tests). */
export async function writeResultsWorkbook(result: AssessmentResult, policy: Policy): Promise<Uint8Array> {
  // ExcelJS's model is loaded here only: the command line fills the same sheets through its own writer without it
  const { newWorkbook, workbookBytes } = await import('./workbook-model');
  const workbook = newWorkbook();
  fillResultsWorkbook(workbook, result, policy);
  return workbookBytes(workbook);
}
