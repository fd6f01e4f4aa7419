/**
 * Blank templates for every workbook the program reads: the data sheet (header row
 * frozen, required columns marked `*`, drop-downs for enumerations) and a 填表说明
 * sheet in the words of the 实施细则.
 */
import type ExcelJS from 'exceljs';
import type { Rubric, RubricInput, Secretary } from '../model';
import { EVENT_KIND_ENUM } from './enums';
import { yuanWords } from '../rubric/words';
import { scoreColumns } from './rubric-inputs';
import {
  ATTENDANCE_FIELDS,
  ATTENDANCE_SHEET,
  BALLOT_FIELDS,
  BALLOT_SHEET,
  EVENT_FIELDS,
  EVENT_SHEET,
  PAST_FIELDS,
  PAST_SHEET,
  ROSTER_FIELDS,
  ROSTER_SHEET,
  SCORES_SHEET,
  SUMMARY_FIELDS,
  SUMMARY_SHEET,
  type FieldSpec,
} from './schemas';
import { BODY_FONT, BORDER, HEADER_FILL, HEADER_FONT, printSetup, REQUIRED_FILL, TITLE_FONT } from './style';
import { newWorkbook, workbookBytes } from './workbook-model';

import type { TemplateKind } from './template-kinds';

export { TEMPLATE_KINDS, TEMPLATE_TITLES, type TemplateKind } from './template-kinds';

/** Rows that carry drop-downs and number checks. */
const INPUT_ROWS = 1000;

/** One column of a template. */
interface TemplateColumn {
  header: string;
  required: boolean;
  width: number;
  help: string;
  validation?: ExcelJS.DataValidation;
}

const GENERAL_NOTES = [
  '第一行为表头，请勿修改表头文字；列的顺序可以调整，也可以增加备注列（导入时忽略）。',
  '表头带“*”的列为必填项。每行填写一名“第一书记”，空行导入时自动跳过。',
  '编号须与名册一致。有下拉列表的列请从列表中选择，也可填写简称（如“镇街”“市直”“脱产”“非脱产”）。',
  '“是/否”类的列可填：是/否、√/×、有/无、1/0。数字请填写阿拉伯数字，全角数字会自动转换。',
  '导入时逐格检查，发现的问题会一次全部列出（工作表、行号、列名和原因）；全部改正后才会导入，不会只导入一部分。',
];

const listValidation = (choices: readonly string[]): ExcelJS.DataValidation => ({
  type: 'list',
  allowBlank: true,
  formulae: [`"${choices.join(',')}"`],
  showErrorMessage: true,
  errorStyle: 'warning',
  errorTitle: '请从下拉列表中选择',
  error: `可选：${choices.join('、')}`,
});

const wholeValidation = (min: number, max?: number): ExcelJS.DataValidation =>
  max === undefined
    ? {
        type: 'whole',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [min],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请填写整数',
        error: `应为不小于 ${min} 的整数`,
      }
    : {
        type: 'whole',
        operator: 'between',
        allowBlank: true,
        formulae: [min, max],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请填写整数',
        error: `应为 ${min} 到 ${max} 之间的整数`,
      };

const decimalValidation = (min: number, max?: number): ExcelJS.DataValidation =>
  max === undefined
    ? {
        type: 'decimal',
        operator: 'greaterThanOrEqual',
        allowBlank: true,
        formulae: [min],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请填写数字',
        error: `应为不小于 ${min} 的数字`,
      }
    : {
        type: 'decimal',
        operator: 'between',
        allowBlank: true,
        formulae: [min, max],
        showErrorMessage: true,
        errorStyle: 'warning',
        errorTitle: '请填写数字',
        error: `应为 ${min} 到 ${max} 之间的数字`,
      };

function fromField(field: FieldSpec): TemplateColumn {
  const column: TemplateColumn = { header: field.header, required: field.required, width: field.width, help: field.help };
  if (field.choices) column.validation = listValidation(field.choices);
  else if (field.value === 'int') column.validation = wholeValidation(field.key === 'eligibleVoters' || field.key === 'workDays' ? 1 : 0);
  // an org score may be negative (deductions); a base score may not
  else if (field.value === 'number') column.validation = decimalValidation(field.key === 'orgScore' ? -1000 : 0);
  return column;
}

const columnLetter = (index: number): string => {
  let n = index;
  let letters = '';
  while (n > 0) {
    const m = (n - 1) % 26;
    letters = String.fromCharCode(65 + m) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
};

/** ExcelJS has range validations (worksheet.dataValidations) but leaves them out of its typings. */
const validationsOf = (ws: ExcelJS.Worksheet) =>
  (ws as unknown as { dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void } }).dataValidations;

function writeDataSheet(workbook: ExcelJS.Workbook, name: string, columns: TemplateColumn[]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1, xSplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.required ? `${c.header}*` : c.header, width: c.width }));
  const header = ws.getRow(1);
  header.height = 36;
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.font = { ...HEADER_FONT, ...(c.required ? { color: { argb: 'FFC00000' } } : {}) };
    cell.fill = c.required ? REQUIRED_FILL : HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.note = c.help;
    if (c.validation) {
      const letter = columnLetter(i + 1);
      validationsOf(ws).add(`${letter}2:${letter}${INPUT_ROWS + 1}`, c.validation);
    }
  });
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  printSetup(ws, '1:1');
}

function instructionsSheet(
  workbook: ExcelJS.Workbook,
  title: string,
  notes: readonly string[],
  table: { headers: string[]; widths: number[]; rows: string[][] },
  example: Example,
): void {
  const ws = workbook.addWorksheet('填表说明');
  ws.columns = table.widths.map((width) => ({ width }));
  const span = table.widths.length;
  const put = (r: number, text: string, font: Partial<ExcelJS.Font>) => {
    ws.mergeCells(r, 1, r, span);
    const cell = ws.getCell(r, 1);
    cell.value = text;
    cell.font = font;
    cell.alignment = { wrapText: true, vertical: 'top' };
  };
  put(1, `${title} 填表说明`, TITLE_FONT);
  ws.getRow(1).height = 28;
  let r = 2;
  [...GENERAL_NOTES, ...notes].forEach((note, i) => {
    put(r, `${i + 1}. ${note}`, BODY_FONT);
    ws.getRow(r).height = Math.max(18, Math.ceil(note.length / 60) * 16);
    r++;
  });
  r++;
  const headerRow = ws.getRow(r);
  table.headers.forEach((h, i) => {
    const cell = headerRow.getCell(i + 1);
    cell.value = h;
    cell.font = HEADER_FONT;
    cell.fill = HEADER_FILL;
    cell.border = BORDER;
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
  });
  for (const values of table.rows) {
    r++;
    const row = ws.getRow(r);
    values.forEach((v, i) => {
      const cell = row.getCell(i + 1);
      cell.value = v;
      cell.font = BODY_FONT;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  }
  exampleTable(ws, r + 2, example);
}

/** 填写示例: a few rows as the data sheet would hold them, on the instructions sheet only (never read). */
interface Example {
  headers: string[];
  rows: TemplateValue[][];
}

export const EXAMPLE_TITLE = '填写示例（仅供参考，请在第一张工作表中填写）';

function exampleTable(ws: ExcelJS.Worksheet, top: number, example: Example): void {
  const title = ws.getCell(top, 1);
  title.value = EXAMPLE_TITLE;
  title.font = { ...BODY_FONT, bold: true };
  [example.headers, ...example.rows].forEach((values, i) => {
    const row = ws.getRow(top + 1 + i);
    values.forEach((v, col) => {
      const cell = row.getCell(col + 1);
      if (v !== null && v !== undefined) cell.value = v;
      cell.font = i === 0 ? HEADER_FONT : { ...BODY_FONT, color: { argb: 'FF595959' } };
      if (i === 0) cell.fill = HEADER_FILL;
      cell.border = BORDER;
      cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
}

/** Example rows of fields, by key: headers as on the data sheet. */
function fieldExample<K extends string>(fields: readonly FieldSpec<K>[], rows: readonly Partial<Record<K, TemplateValue>>[]): Example {
  return { headers: fields.map((x) => x.header), rows: rows.map((values) => fields.map((x) => values[x.key])) };
}

const EVENT_KIND_EXAMPLE = EVENT_KIND_ENUM.label(EVENT_KIND_ENUM.keys[1]!);

const EXAMPLE_PEOPLE = [
  { id: 'S001', name: '张三' },
  { id: 'S002', name: '李四' },
] as const;

/** What an input's cell holds in the example: one of each kind. */
function exampleValue(input: RubricInput, i: number): TemplateValue {
  switch (input.kind) {
    case 'bool':
      return i % 2 === 0 ? '是' : null;
    case 'count':
      return i % 2 === 0 ? 1 : 0;
    case 'points':
      return input.min ?? '0';
    case 'amount':
      return i % 2 === 0 ? 20000 : null;
  }
}

const fieldTable = (fields: readonly FieldSpec[]) => ({
  headers: ['列名', '是否必填', '填写说明'],
  widths: [22, 10, 80],
  rows: fields.map((x) => [x.header, x.required ? '必填' : '选填', x.help]),
});

/** What an input means in points, in the 实施细则's words. */
export function describeInput(input: RubricInput): string {
  const pts = input.points.replace(/^-/, '');
  const negative = input.points.startsWith('-');
  switch (input.kind) {
    case 'bool':
      return `符合填“是”，不符合填“否”或不填；填“是”${negative ? '扣' : '记'}${pts}分`;
    case 'count':
      return `填次数/个数（整数${input.max !== undefined ? `，最多${input.max}` : ''}）；每个${negative ? '扣' : '奖'}${pts}分`;
    case 'points':
      return `视情${negative ? '扣' : '记'}分：填 ${input.min ?? '0'}–${input.max ?? ''} 之间的分数`;
    case 'amount': {
      const unit = yuanWords(input.unit);
      return `填金额（元）；每${unit}${negative ? '扣' : '奖'}${pts}分，不足${unit}的部分按考核规则处理`;
    }
  }
}

function inputValidation(input: RubricInput): ExcelJS.DataValidation {
  const num = (text: string | undefined) => (text === undefined ? undefined : Number(text));
  switch (input.kind) {
    case 'bool':
      return listValidation(['是', '否']);
    case 'count':
      return wholeValidation(0, num(input.max));
    case 'points':
      return decimalValidation(num(input.min) ?? 0, num(input.max));
    case 'amount':
      return decimalValidation(0);
  }
}

/** A template value: text, number, or blank. */
export type TemplateValue = string | number | null | undefined;

/** The template's workbook with rows filled in, keyed by header (without `*`) or input code. */
function fill(workbook: ExcelJS.Workbook, rows: readonly Record<string, TemplateValue>[]): void {
  const ws = workbook.worksheets[0]!;
  const columns = new Map<string, number>();
  ws.getRow(1).eachCell((cell, col) => {
    const header = String(cell.value).replace(/\*$/, '');
    columns.set(header, col);
    columns.set(header.split(' ')[0]!, col);
  });
  rows.forEach((values, i) => {
    const row = ws.getRow(i + 2);
    for (const [key, value] of Object.entries(values)) {
      const col = columns.get(key);
      if (col === undefined) throw new Error(`template has no column ${key}`);
      if (value !== null && value !== undefined) row.getCell(col).value = value;
    }
  });
}

/** The roster's 镇街 and 村社区 beside 姓名 in a template filled from the roster: for sorting, never read back. */
const PLACE_COLUMNS: TemplateColumn[] = [
  { header: '所在镇街', required: false, width: 12, help: '来自名册，便于按镇(街道)排序和分发；导入时不读取' },
  { header: '村社区', required: false, width: 14, help: '来自名册，便于排序；导入时不读取' },
];

/** The data columns with 所在镇街 and 村社区 after 姓名, when filled from a roster. */
const withPlaces = (columns: TemplateColumn[], places: boolean): TemplateColumn[] =>
  places ? [...columns.slice(0, 2), ...PLACE_COLUMNS, ...columns.slice(2)] : columns;

async function build(
  kind: TemplateKind,
  rubric?: Rubric,
  rows: readonly Record<string, TemplateValue>[] = [],
  places = false,
  community?: Rubric,
): Promise<Uint8Array> {
  const workbook = newWorkbook();
  const dataSheet = (wb: ExcelJS.Workbook, name: string, columns: TemplateColumn[]) => writeDataSheet(wb, name, withPlaces(columns, places));
  switch (kind) {
    case 'roster':
      dataSheet(workbook, ROSTER_SHEET, ROSTER_FIELDS.map(fromField));
      instructionsSheet(
        workbook,
        '名册',
        [
          '按镇(街道)和市直部门(单位)、脱产和非脱产，分党政正职、非党政正职领导干部、正股级干部、副股级及以下干部四类分别进行排名，请准确填写单位类别、驻村方式和职级类别。',
          '年初定级、年末定级为镇(街道)党(工)委对村党组织的ABCD分类定级：B、C、D级每晋一位奖10分，A、B、C级每降一位扣10分；所任职党组织年度考评定级降位的，不得确定为优秀等次。',
        ],
        fieldTable(ROSTER_FIELDS),
        fieldExample(ROSTER_FIELDS, [
          {
            ...EXAMPLE_PEOPLE[0],
            unit: '某某镇',
            source: '镇(街道)',
            mode: '脱产驻村',
            rankClass: '正股级干部',
            town: '某某镇',
            village: '东村',
            postType: '村',
            eligibleVoters: 45,
            ratingStart: 'C',
            ratingEnd: 'B',
          },
          {
            ...EXAMPLE_PEOPLE[1],
            unit: '市某某局',
            source: '市直部门(单位)',
            mode: '非脱产联村',
            rankClass: '副股级及以下干部',
            town: '某某街道',
            village: '西社区',
            postType: '社区',
            eligibleVoters: 38,
          },
        ]),
      );
      break;
    case 'summary':
      dataSheet(workbook, SUMMARY_SHEET, SUMMARY_FIELDS.map(fromField));
      instructionsSheet(
        workbook,
        '考评得分汇总',
        [
          '适用于在纸面上完成工作目标考核评分的考核组，每名“第一书记”一行。已在“考评细则评分”表中逐项评分的，不要在本表重复填写。',
          '基本分 = 基本工作目标（基本分60分）与执行工作制度和工作纪律（基本分40分）两部分得分之和，含两部分中的奖分和扣分；低于80分的不得确定为优秀等次。',
          '组织工作目标考评得分为最终得分，已含为村庄办理实事奖分和村党组织晋位升级奖扣分，程序不再另加。',
        ],
        fieldTable(SUMMARY_FIELDS),
        fieldExample(SUMMARY_FIELDS, [
          { ...EXAMPLE_PEOPLE[0], baseScore: 92.5, orgScore: 96 },
          { ...EXAMPLE_PEOPLE[1], baseScore: 78, orgScore: 88.5 },
        ]),
      );
      break;
    case 'scores': {
      if (!rubric) throw new Error('scores template needs a rubric');
      const inputs = scoreColumns(rubric, community);
      dataSheet(workbook, SCORES_SHEET, [
        { header: '编号', required: true, width: 10, help: '与名册中的编号一致' },
        { header: '姓名', required: false, width: 10, help: '便于核对，可不填；填写时须与名册中该编号的姓名一致' },
        ...inputs.map(({ input, item, header, community: other }) => ({
          header,
          required: false,
          width: Math.min(18, Math.max(12, Math.ceil(header.length * 1.2))),
          help: `${item.code} ${item.name}：${describeInput(input)}${other ? `（社区：${other.item.name}，${other.input.label}）` : ''}`,
          validation: inputValidation(input),
        })),
      ]);
      instructionsSheet(
        workbook,
        `考评细则评分（${rubric.name}）`,
        [
          '按考评细则逐项评分，每名“第一书记”一行，每个输入项一列；列按表头开头的代码（空格前，如“A3.2”）识别。某列不填或整列删除，视为该项无输入（0次、不符合）。',
          '各项得分由程序按考评细则计算：基础项目从规定分值起扣，扣完为止；奖分、扣分项目不设上限。村党组织晋位升级（D1）按名册中的年初、年末定级计算，本表不填。',
          '同一名“第一书记”只能在“考评细则评分”和“考评得分汇总”中的一张表里填写。',
        ],
        {
          headers: ['代码', '考评项目', '列名', '填写与计分'],
          widths: [8, 44, 30, 50],
          rows: inputs.map((c) => [
            c.input.code,
            c.community ? `${c.item.name}（社区：${c.community.item.name}）` : c.item.name,
            c.header,
            describeInput(c.input),
          ]),
        },
        {
          headers: ['编号', '姓名', ...inputs.map((x) => x.header)],
          rows: EXAMPLE_PEOPLE.map((p, row) => [p.id, p.name, ...inputs.map(({ input }, i) => exampleValue(input, i + row))]),
        },
      );
      break;
    }
    case 'ballots':
      dataSheet(workbook, BALLOT_SHEET, BALLOT_FIELDS.map(fromField));
      instructionsSheet(
        workbook,
        '测评计票',
        [
          '测评采取无记名投票方式，参加测评范围为“第一书记”所任职村的村“两委”成员、党员、村民代表、离退职老干部和入党积极分子，参加投票人数不少于应参加人数的2/3。',
          '测评等次分很满意、满意、基本满意、不满意。群众满意度=(很满意票数+满意票数)÷投票数；投票数为收回的全部选票，含废票和弃权票。',
          '投票数超过应参加人数或发出票数、发出票数超过应参加人数的，本次测评无效，应重新组织投票。本表只记票数，不记录任何投票人的信息。',
          '也可以每张选票填一行（只有“编号”和“选项”两列，选项填很满意、满意、基本满意、不满意、废票或弃权），程序自动汇总票数。',
        ],
        fieldTable(BALLOT_FIELDS),
        fieldExample(BALLOT_FIELDS, [
          { ...EXAMPLE_PEOPLE[0], verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 1, abstain: 0, issued: 45 },
          { ...EXAMPLE_PEOPLE[1], verySatisfied: 20, satisfied: 10, basic: 3, dissatisfied: 1, issued: 38 },
        ]),
      );
      break;
    case 'events':
      dataSheet(workbook, EVENT_SHEET, EVENT_FIELDS.map(fromField));
      instructionsSheet(
        workbook,
        '直接定等事项',
        [
          '出现下列情形之一的直接确定为不称职等次：①违犯“六严禁”纪律规定，造成严重不良影响的；②因工作方式方法不当，激化干群矛盾，造成群众集体访、越级访或群体性事件的；③因掌控信息迟缓、报告不及时、处置不得当，导致群体性事件发生的。',
          '每个事项一行；同一名“第一书记”有多个事项的，分行填写。“事项”和“说明”都不填的行表示该“第一书记”没有直接定等事项，导入时跳过。',
        ],
        fieldTable(EVENT_FIELDS),
        fieldExample(EVENT_FIELDS, [
          { ...EXAMPLE_PEOPLE[0], kind: EVENT_KIND_EXAMPLE, note: '某年某月，因处置不当引发群众集体访，经调查属实' },
          { ...EXAMPLE_PEOPLE[1] },
        ]),
      );
      break;
    case 'attendance':
      dataSheet(workbook, ATTENDANCE_SHEET, ATTENDANCE_FIELDS.map(fromField));
      instructionsSheet(
        workbook,
        '考勤',
        [
          '实行日考勤、月排名：每月汇总一次，每名“第一书记”一行，在岗情况由所在村(社区)党组织书记签字确认。一个文件只填一个月份。',
          '出勤率 = 在村工作天数 ÷ 本月工作日数；每月各镇(街道)出勤率末3位的“第一书记”名单报县委组织部。',
          '全年各月的在村工作天数、工作日数合计，可经确认后计入名册的“在村工作天数”“全年工作日数”。',
        ],
        fieldTable(ATTENDANCE_FIELDS),
        fieldExample(ATTENDANCE_FIELDS, [
          { ...EXAMPLE_PEOPLE[0], month: '2024-03', daysPresent: 18, workDays: 21, leaveDays: 2, signedBy: '王五', note: '病假2天' },
          { ...EXAMPLE_PEOPLE[1], month: '2024-03', daysPresent: 21, workDays: 21 },
        ]),
      );
      break;
    case 'past':
      // the results columns are read from the results workbook; the template asks for 等次 alone
      dataSheet(workbook, PAST_SHEET, PAST_FIELDS.filter((x) => x.key !== 'computedGrade' && x.key !== 'decidedGrade').map(fromField));
      instructionsSheet(
        workbook,
        '历年结果',
        [
          '用于录入往年的考核结果（第一书记任职期满，组织全面考核，考核结果作为评选先进、提拔使用、晋升职级的重要依据），以便计算期满考核和往年考核结果的运用。',
          '每名“第一书记”每个年度一行；同一人各年度的编号可以不同，填写身份证号的按身份证号识别为同一人，未填的按姓名和派出单位提示匹配，由工作人员确认。',
          '本程序导出的考核结果工作簿和 JSON 文件也可直接导入。',
        ],
        fieldTable(PAST_FIELDS.filter((x) => x.key !== 'computedGrade' && x.key !== 'decidedGrade')),
        fieldExample(
          PAST_FIELDS.filter((x) => x.key !== 'computedGrade' && x.key !== 'decidedGrade'),
          [
            { ...EXAMPLE_PEOPLE[0], year: 2023, unit: '市财政局', mode: '脱产驻村', grade: '优秀', termStart: '2023-03-01', termEnd: '2025-02-28' },
            { ...EXAMPLE_PEOPLE[1], year: 2023, unit: '市农业农村局', mode: '非脱产联村', grade: '称职', recallDate: '2023-06-30' },
          ],
        ),
      );
      break;
  }
  fill(workbook, rows);
  return workbookBytes(workbook);
}

/** A blank template; `scores` is generated from the rubric. */
export function writeTemplate(kind: Exclude<TemplateKind, 'scores'>): Promise<Uint8Array>;
export function writeTemplate(kind: 'scores', rubric: Rubric): Promise<Uint8Array>;
export function writeTemplate(kind: TemplateKind, rubric?: Rubric, community?: Rubric): Promise<Uint8Array>;
/** With a 社区 rubric (policy communityRubric “own”), the scores template also says its words and has its own inputs. */
export function writeTemplate(kind: TemplateKind, rubric?: Rubric, community?: Rubric): Promise<Uint8Array> {
  return build(kind, rubric, [], false, community);
}

/**
 * A template with data rows, keyed by Chinese header ("编号") or, for scores, by
 * input code ("A3.2"): how the program exports data that people then edit.
 */
export function writeFilledTemplate(kind: TemplateKind, rows: readonly Record<string, TemplateValue>[], rubric?: Rubric): Promise<Uint8Array> {
  return build(kind, rubric, rows);
}

/** The kinds of template with one row per secretary (events: one row per event, each secretary listed once to start with). */
export const ROSTER_TEMPLATE_KINDS = ['summary', 'scores', 'ballots', 'events', 'attendance'] as const;
export type RosterTemplateKind = (typeof ROSTER_TEMPLATE_KINDS)[number];

/**
 * A template filled from the roster: one row per secretary with 编号 and 姓名 (and 所在镇街,
 * 村社区 for sorting), in the roster's order, the rest left for the clerk.
 */
export function writeRosterTemplate(kind: RosterTemplateKind, roster: readonly Secretary[], rubric?: Rubric, community?: Rubric): Promise<Uint8Array> {
  const rows = roster.map((s) => ({ 编号: s.id, 姓名: s.name, 所在镇街: s.town, 村社区: s.village }));
  return build(kind, rubric, rows, true, community);
}
