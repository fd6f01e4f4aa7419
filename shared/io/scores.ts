/**
 * 考评细则评分 (`scores`): wide, one row per secretary, one column per rubric input,
 * matched by the input code before the first space. Blank means no input.
 */
import { toDecimal } from '../exact/rational';
import { checkInputValue } from '../method/score';
import { sharedInputConflicts } from '../rubric/community';
import type { InputError, ItemScores, Rubric, RubricInput } from '../model';
import { cellRational, Fields } from './fields';
import { cellDisplay, cellProblem } from './cells';
import { matchBool } from './enums';
import { headerKey, normalizeText } from './normalize';
import { parseIdRows, readWith, type ParseOutcome } from './parsed';
import { codeOfHeader, looksLikeCode, scoreColumns } from './rubric-inputs';
import { SCORES_SHEET } from './schemas';
import { readTable, textCells, type TableRow } from './table';
import { dataSheet, sheetLabel, type OpenedWorkbook, type WorkbookSource } from './workbook';
import { wrongWorkbook } from './recognise';

type ScoreKey = 'id' | 'name' | `input:${string}`;

/** The scores of a workbook against the rubric, and the 社区 rubric's own inputs when 社区 are scored by it. */
export function parseScores(opened: OpenedWorkbook, rubric: Rubric, community?: Rubric): ParseOutcome<ItemScores> {
  const wrong = wrongWorkbook(opened, 'scores');
  if (wrong) return { parsed: null, errors: [wrong], warnings: [] };
  const errors: InputError[] = [];
  const ws = dataSheet(opened, [SCORES_SHEET]);
  const sheet = sheetLabel(opened, ws);
  // one column per code: a 社区 secretary's value is read by the village input of its code
  const conflicts = community ? sharedInputConflicts(rubric, community) : [];
  if (conflicts.length) return { parsed: null, errors: conflicts.map((e) => ({ ...e, sheet })), warnings: [] };
  const inputs = new Map<string, RubricInput>();
  for (const { input } of scoreColumns(rubric, community)) inputs.set(input.code.toLowerCase(), input);

  const match = (header: string): ScoreKey | null => {
    const key = headerKey(header);
    if (key === '编号' || key === 'id') return 'id';
    if (key === '姓名' || key === 'name') return 'name';
    const input = inputs.get(codeOfHeader(normalizeText(header)).toLowerCase());
    return input ? `input:${input.code}` : null;
  };
  const table = readTable<ScoreKey>(ws, sheet, match, [{ key: 'id', header: '编号' }], 'id', errors);
  if (!table) return { parsed: null, errors, warnings: [] };

  // a column headed by a code the rubric does not have is a rubric mismatch, not a note
  for (const text of textCells(ws, table.headerRow)) {
    const code = codeOfHeader(text);
    if (match(text) === null && looksLikeCode(code)) {
      errors.push({ sheet, row: table.headerRow, column: text, message: `考评细则“${rubric.name}”中没有输入项“${code}”` });
    }
  }

  const fields = new Fields<ScoreKey>(table, errors);
  const columns = [...table.headers.keys()].filter((k): k is `input:${string}` => k.startsWith('input:'));
  const parsed = parseIdRows('scores', table, fields, errors, (row, id): ItemScores | undefined => {
    const values: Record<string, string> = {};
    for (const key of columns) {
      const input = inputs.get(key.slice('input:'.length).toLowerCase())!;
      const text = inputValue(fields, row, key, input);
      if (text !== undefined) values[input.code] = text;
    }
    return id === undefined ? undefined : { id, inputs: values };
  });
  return { parsed, errors, warnings: table.warnings };
}

/** One input's value as decimal text ("1"/"0" for met/not met), or undefined when blank or bad. */
function inputValue(fields: Fields<ScoreKey>, row: TableRow<ScoreKey>, key: ScoreKey, input: RubricInput): string | undefined {
  const cell = row.cell(key);
  if (cell.kind === 'blank') return undefined;
  const problem = cellProblem(cell);
  if (problem !== null) return fields.fail(row, key, problem);
  let text: string;
  if (input.kind === 'bool') {
    const met = cell.kind === 'bool' ? cell.value : matchBool(cellDisplay(cell));
    if (met === null) return fields.fail(row, key, `“${cellDisplay(cell)}”应填“是”或“否”`);
    text = met ? '1' : '0';
  } else {
    const value = cellRational(cell);
    if (!value) return fields.fail(row, key, `“${cellDisplay(cell)}”不是有效的数字`);
    text = toDecimal(value);
  }
  const invalid = checkInputValue(input, text);
  return invalid === null ? text : fields.fail(row, key, `${invalid}（${cellDisplay(cell)}）`);
}

export function readScores(source: WorkbookSource, rubric: Rubric, community?: Rubric) {
  return readWith(source, (opened) => parseScores(opened, rubric, community));
}
