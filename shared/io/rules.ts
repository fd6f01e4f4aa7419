/**
 * The rules workbook (考核规则和细则, docs/formats.md §12): the policy's settings and the rubric's
 * items with their Chinese words, for a team that keeps its rules in Excel. Written from a
 * policy and a rubric; read back to the same policy and rubric, every error with sheet,
 * row and column. Either sheet may be left out of a file that is read.
 */
import type ExcelJS from 'exceljs';
import type { Checked, InputError, Policy, Rubric } from '../model';
import { cellRawText } from './cells';
import { normalizeText } from './normalize';
import { POLICY_COLUMNS, POLICY_ROWS, POLICY_SHEET, policyCellText, policyHelp, readPolicyRows, type PolicyColumn } from './rules-policy';
import { readRubricRows, RUBRIC_COLUMNS, RUBRIC_ID_LABEL, RUBRIC_NAME_LABEL, RUBRIC_SHEET, rubricRows, type RubricColumn } from './rules-rubric';
import { BODY_FONT, BORDER, fillHeaderCells, HEADER_FONT, printSetup, TITLE_FONT } from './style';
import { newWorkbook, workbookBytes } from './workbook-model';
import { matcherFor, readTable, type TableRow } from './table';
import { openWorkbook, sheetLabel, type OpenedWorkbook, type Sheet, type WorkbookSource } from './workbook';
import { wrongWorkbook } from './recognise';

export { POLICY_SHEET } from './rules-policy';
export { RUBRIC_SHEET } from './rules-rubric';

/** The 社区 rubric's sheet (docs/method.md §2.6), written when the assessment has one; laid out as 考评细则. */
export const COMMUNITY_RUBRIC_SHEET = '社区考评细则';

/** The file name the app and the command line suggest. */
export const RULES_TITLE = '考核规则和细则';

/** What a rules workbook held: the policy, the rubric, the 社区 rubric, or some of them. */
export interface RulesWorkbook {
  policy?: Policy;
  rubric?: Rubric;
  communityRubric?: Rubric;
}

const NOTES = [
  '本工作簿保存一次考核的“考核规则”（排名定档的各项设置）和“考评细则”（考评项目、录入项和计分方法），可在 Excel/WPS 中查看、修改，再导入双评工作站或交给命令行（--policy 本文件）。',
  '“考核规则”表每行一个设置项：只改“取值”列，“说明”列写明可填的内容；“键”列是设置项的英文名，请勿修改。删去的行按“预设”一行所选预设的取值。',
  '“考评细则”表每行一个录入项（没有录入项的项目，如村党组织晋位升级，单独一行）；同一部分、分组、项目的行连在一起，编码一栏不填表示同上一行。',
  '“社区考评细则”表（考核规则选“使用社区考评细则”时才有）格式与“考评细则”相同，社区党组织“第一书记”按它评分；录入项编码与村考评细则相同的，评分表中共用一列。',
  '导入时逐格检查，发现的问题会一次全部列出（工作表、行号、列名和原因）；全部改正后才会导入。修改考评细则后，已录入的评分按录入项编码保留，结果重新计算。',
];

function headerRow(ws: ExcelJS.Worksheet, r: number, headers: readonly string[]): void {
  const row = ws.getRow(r);
  fillHeaderCells(row, headers);
  row.height = 30;
}

function bodyCell(cell: ExcelJS.Cell, value: string, asText = false): void {
  cell.value = value === '' ? null : value;
  cell.font = BODY_FONT;
  cell.border = BORDER;
  cell.alignment = { wrapText: true, vertical: 'top' };
  // ratios such as 2/3 stay text: Excel would take them for dates
  if (asText) cell.numFmt = '@';
}

function policySheet(workbook: ExcelJS.Workbook, policy: Policy): void {
  const ws = workbook.addWorksheet(POLICY_SHEET, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = POLICY_COLUMNS.map((c) => ({ width: c.width }));
  headerRow(
    ws,
    1,
    POLICY_COLUMNS.map((c) => c.header),
  );
  POLICY_ROWS.forEach((setting, i) => {
    const row = ws.getRow(i + 2);
    bodyCell(row.getCell(1), setting.label);
    bodyCell(row.getCell(2), policyCellText(policy, setting), true);
    bodyCell(row.getCell(3), policyHelp(setting));
    bodyCell(row.getCell(4), setting.key);
    row.getCell(4).font = { ...BODY_FONT, color: { argb: 'FF808080' } };
  });
  printSetup(ws, '1:1');
}

/** The table of the rubric sheet starts below its name and 编号. */
const RUBRIC_HEADER_ROW = 4;

function rubricSheet(workbook: ExcelJS.Workbook, rubric: Rubric, name = RUBRIC_SHEET): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: RUBRIC_HEADER_ROW, xSplit: 0 }] });
  ws.columns = RUBRIC_COLUMNS.map((c) => ({ width: c.width }));
  const label = (r: number, text: string, value: string) => {
    ws.getCell(r, 1).value = text;
    ws.getCell(r, 1).font = HEADER_FONT;
    ws.mergeCells(r, 2, r, 8);
    ws.getCell(r, 2).value = value;
    ws.getCell(r, 2).font = r === 1 ? TITLE_FONT : BODY_FONT;
  };
  label(1, RUBRIC_NAME_LABEL, rubric.name);
  label(2, RUBRIC_ID_LABEL, rubric.id);
  ws.getRow(1).height = 26;
  headerRow(
    ws,
    RUBRIC_HEADER_ROW,
    RUBRIC_COLUMNS.map((c) => c.header),
  );
  RUBRIC_COLUMNS.forEach((c, i) => (ws.getCell(RUBRIC_HEADER_ROW, i + 1).note = c.help));
  rubricRows(rubric).forEach((values, i) => {
    const row = ws.getRow(RUBRIC_HEADER_ROW + 1 + i);
    RUBRIC_COLUMNS.forEach((c, j) => bodyCell(row.getCell(j + 1), values[c.key] ?? '', true));
  });
  ws.autoFilter = { from: { row: RUBRIC_HEADER_ROW, column: 1 }, to: { row: RUBRIC_HEADER_ROW, column: RUBRIC_COLUMNS.length } };
  printSetup(ws, `${RUBRIC_HEADER_ROW}:${RUBRIC_HEADER_ROW}`);
}

function notesSheet(workbook: ExcelJS.Workbook): void {
  const ws = workbook.addWorksheet('填表说明');
  ws.columns = [{ width: 110 }];
  ws.getCell(1, 1).value = `${RULES_TITLE} 填表说明`;
  ws.getCell(1, 1).font = TITLE_FONT;
  NOTES.forEach((note, i) => {
    const cell = ws.getCell(i + 2, 1);
    cell.value = `${i + 1}. ${note}`;
    cell.font = BODY_FONT;
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(i + 2).height = Math.max(18, Math.ceil(note.length / 55) * 16);
  });
}

/** The rules workbook of a policy and a rubric, and the 社区 rubric when there is one. */
export async function writeRulesWorkbook(policy: Policy, rubric: Rubric, communityRubric?: Rubric): Promise<Uint8Array> {
  const workbook = newWorkbook();
  policySheet(workbook, policy);
  rubricSheet(workbook, rubric);
  if (communityRubric) rubricSheet(workbook, communityRubric, COMMUNITY_RUBRIC_SHEET);
  notesSheet(workbook);
  return workbookBytes(workbook);
}

const sheetNamed = (opened: OpenedWorkbook, name: string): Sheet | undefined => opened.sheets.find((ws) => ws.name.trim() === name);

function parsePolicySheet(opened: OpenedWorkbook, ws: Sheet, errors: InputError[]): Policy | null {
  const sheet = sheetLabel(opened, ws);
  const table = readTable<PolicyColumn>(
    ws,
    sheet,
    matcherFor(POLICY_COLUMNS),
    POLICY_COLUMNS.filter((c) => c.required),
    'label',
    errors,
  );
  if (!table) return null;
  const headers = Object.fromEntries(POLICY_COLUMNS.map((c) => [c.key, table.headers.get(c.key) ?? c.header])) as Record<PolicyColumn, string>;
  const valueColumn = table.columns.get('value')!;
  const rows = table.rows.map((row) => ({
    row: row.row,
    label: row.cell('label'),
    value: row.cell('value'),
    key: row.cell('key'),
    rawValue: cellRawText(ws.row(row.row)?.[valueColumn]),
  }));
  const read = readPolicyRows(rows, sheet, headers);
  errors.push(...read.errors);
  return read.policy;
}

function parseRubricSheet(opened: OpenedWorkbook, ws: Sheet, errors: InputError[]): Rubric | null {
  const sheet = sheetLabel(opened, ws);
  const table = readTable<RubricColumn>(
    ws,
    sheet,
    matcherFor(RUBRIC_COLUMNS),
    [
      { key: 'sectionCode', header: '部分编码' },
      { key: 'itemCode', header: '项目编码' },
      { key: 'inputCode', header: '录入项编码' },
    ],
    'sectionCode',
    errors,
  );
  if (!table) return null;
  const title = { nameRow: 1, idRow: 2 } as { name?: string; id?: string; nameRow: number; idRow: number };
  // 细则名称 and 细则编号: a label and its value, on the rows above the table
  for (let r = 1; r < table.headerRow; r++) {
    const values = [...(ws.row(r) ?? [])];
    const cells = values.map((v) => cellRawText(v) ?? (typeof v === 'number' ? String(v) : ''));
    const at = cells.findIndex((t) => normalizeText(t) === RUBRIC_NAME_LABEL || normalizeText(t) === RUBRIC_ID_LABEL);
    if (at < 0) continue;
    const value = cells.slice(at + 1).find((t) => t.trim() !== '');
    if (normalizeText(cells[at]!) === RUBRIC_NAME_LABEL) Object.assign(title, { name: value, nameRow: r });
    else Object.assign(title, { id: value, idRow: r });
  }
  const raw = (row: TableRow<RubricColumn>, key: RubricColumn) => cellRawText(ws.row(row.row)?.[table.columns.get(key) ?? -1]);
  const read = readRubricRows(table.rows, sheet, table.headers, title, raw);
  errors.push(...read.errors);
  return read.rubric;
}

/** The policy and rubric of an opened rules workbook, or every error. */
export function parseRules(opened: OpenedWorkbook): Checked<RulesWorkbook> {
  const wrong = wrongWorkbook(opened, 'rules');
  if (wrong) return { ok: false, errors: [wrong] };
  const policySheetFound = sheetNamed(opened, POLICY_SHEET);
  const rubricSheetFound = sheetNamed(opened, RUBRIC_SHEET);
  if (!policySheetFound && !rubricSheetFound) {
    const where = opened.name ?? '';
    return {
      ok: false,
      errors: [{ ...(where ? { sheet: where } : {}), message: `工作簿中没有“${POLICY_SHEET}”或“${RUBRIC_SHEET}”工作表，不是考核规则和细则工作簿` }],
    };
  }
  const errors: InputError[] = [];
  const policy = policySheetFound ? parsePolicySheet(opened, policySheetFound, errors) : null;
  const rubric = rubricSheetFound ? parseRubricSheet(opened, rubricSheetFound, errors) : null;
  const communitySheet = sheetNamed(opened, COMMUNITY_RUBRIC_SHEET);
  const communityRubric = communitySheet ? parseRubricSheet(opened, communitySheet, errors) : null;
  if (errors.length) return { ok: false, errors };
  const value: RulesWorkbook = {};
  if (policy) value.policy = policy;
  if (rubric) value.rubric = rubric;
  if (communityRubric) value.communityRubric = communityRubric;
  return { ok: true, value };
}

/** Reads a rules workbook from its bytes. */
export async function readRulesWorkbook(source: WorkbookSource): Promise<Checked<RulesWorkbook>> {
  const opened = await openWorkbook(source);
  return opened.ok ? parseRules(opened.value) : opened;
}
