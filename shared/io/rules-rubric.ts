/**
 * The 考评细则 sheet of the rules workbook: the rubric's name and 编号 above the table, then
 * one row per input (an item without inputs, such as 晋位升级, one row of its own), each
 * row naming its 部分, 分组 and 项目, so the sheet can be sorted back and filtered in
 * Excel. Read back into the rubric tree and checked by `checkRubricPaths`, every error
 * named by row and column.
 */
import { toDecimal } from '../exact/rational';
import { INPUT_KINDS, ITEM_KINDS, type InputError, type InputKind, type ItemKind, type Rubric, type RubricInput, type RubricItem } from '../model';
import { checkRubricPaths } from '../rubric/check';
import { INPUT_KIND_WORDS, ITEM_KIND_WORDS } from '../rubric/words';
import { cellDisplay, cellProblem, type Cell } from './cells';
import { matchBool } from './enums';
import { cellRational } from './fields';
import { headerKey } from './normalize';
import type { TableRow } from './table';

export const RUBRIC_SHEET = '考评细则';
export const RUBRIC_NAME_LABEL = '细则名称';
export const RUBRIC_ID_LABEL = '细则编号';

const c = <K extends string>(key: K, header: string, width: number, help: string) => ({ key, header, required: false, width, help });

/** The columns, in order: the part, the group, the item, the input. */
export const RUBRIC_COLUMNS = [
  c('sectionCode', '部分编码', 8, '如 A；同一部分的行连在一起，不填表示同上一行'),
  c('sectionName', '部分名称', 18, '如 基本工作目标'),
  c('sectionBase', '部分基本分', 10, '该部分的基本分（如 60），仅作说明；可不填'),
  c('inBaseScore', '计入基本分', 10, '是：该部分得分计入“基本分”（低于80分不得评优）；否：奖扣分部分'),
  c('groupCode', '分组编码', 8, '如 A1；不填表示同上一行'),
  c('groupName', '分组名称', 16, '如 加强队伍建设'),
  c('itemCode', '项目编码', 8, '如 A1.1，在细则中不得重复；不填表示同上一行'),
  c('itemName', '项目名称', 40, '考评项目的内容'),
  c('itemKind', '项目类型', 10, `${Object.values(ITEM_KIND_WORDS).join('、')}`),
  c('itemBase', '起始分', 8, '项目从此分起算（如基础项目 10 分，扣完为止）；不填为 0'),
  c('itemMin', '最低分', 8, '不填为不限'),
  c('itemMax', '最高分', 8, '不填为不限'),
  c('ratingPoints', '晋位升级每级分值', 12, '仅“村党组织晋位升级”项目：按名册的年初、年末定级，每晋一级加、每降一级减的分数'),
  c('inputCode', '录入项编码', 10, '考评细则评分表的列按此编码识别，不得重复、不能含空格'),
  c('inputLabel', '录入项名称', 30, '评分表的列名（编码之后）'),
  c('inputKind', '录入方式', 10, `${Object.values(INPUT_KIND_WORDS).join('、')}`),
  c('points', '分值', 8, '每单位的得分，扣分写负数（如 -5）；“评分”方式填 1（计入）或 -1（扣除）'),
  c('inputMin', '下限', 8, '“评分”方式：可评的最低分'),
  c('inputMax', '上限', 8, '“评分”方式：可评的最高分；“次数/个数”方式：最多的次数'),
  c('unit', '金额单位(元)', 12, '“金额”方式：每多少元计一次分，如 10000（每满1万元）'),
] as const;
export type RubricColumn = (typeof RUBRIC_COLUMNS)[number]['key'];

type RowValues = Partial<Record<RubricColumn, string>>;

/** The rubric's name and 编号, written above the table, and the rows they were read from. */
export interface RubricTitle {
  name?: string | undefined;
  id?: string | undefined;
  nameRow: number;
  idRow: number;
}

/** The sheet's rows for a rubric, one per input. */
export function rubricRows(rubric: Rubric): RowValues[] {
  const rows: RowValues[] = [];
  for (const section of rubric.sections) {
    for (const group of section.groups) {
      for (const item of group.items) {
        const head: RowValues = {
          sectionCode: section.code,
          sectionName: section.name,
          inBaseScore: section.inBaseScore ? '是' : '否',
          groupCode: group.code,
          groupName: group.name,
          itemCode: item.code,
          itemName: item.name,
          itemKind: ITEM_KIND_WORDS[item.kind],
        };
        if (section.base !== undefined) head.sectionBase = section.base;
        if (item.base !== undefined) head.itemBase = item.base;
        if (item.min !== undefined) head.itemMin = item.min;
        if (item.max !== undefined) head.itemMax = item.max;
        if (item.ratingChange) head.ratingPoints = item.ratingChange.pointsPerLevel;
        if (item.inputs.length === 0) rows.push(head);
        for (const input of item.inputs) {
          const row: RowValues = { ...head, inputCode: input.code, inputLabel: input.label, inputKind: INPUT_KIND_WORDS[input.kind], points: input.points };
          if (input.min !== undefined) row.inputMin = input.min;
          if (input.max !== undefined) row.inputMax = input.max;
          if (input.unit !== undefined) row.unit = input.unit;
          rows.push(row);
        }
      }
    }
  }
  return rows;
}

const kindOf = <K extends string>(words: Record<K, string>, keys: readonly K[], text: string): K | null => {
  const wanted = headerKey(text);
  return keys.find((k) => headerKey(words[k]) === wanted || k.toLowerCase() === wanted) ?? null;
};

const SECTION_FIELDS = { code: 'sectionCode', name: 'sectionName', base: 'sectionBase', inBaseScore: 'inBaseScore', groups: 'groupCode' } as const;
const GROUP_FIELDS = { code: 'groupCode', name: 'groupName', items: 'itemCode' } as const;
const ITEM_FIELDS = {
  code: 'itemCode',
  name: 'itemName',
  kind: 'itemKind',
  base: 'itemBase',
  min: 'itemMin',
  max: 'itemMax',
  ratingChange: 'ratingPoints',
  inputs: 'inputCode',
} as const;
const INPUT_FIELDS = { code: 'inputCode', label: 'inputLabel', kind: 'inputKind', points: 'points', min: 'inputMin', max: 'inputMax', unit: 'unit' } as const;

/** Where each part of the tree was read: its first row. */
interface Places {
  sections: number[];
  groups: number[][];
  items: number[][][];
  inputs: number[][][][];
}

/**
 * The rubric of the sheet's rows. A blank code continues the part, group or item of the
 * row above; the first row of each sets its fields, and a later row that says otherwise
 * is an error. Numbers are kept exact as text.
 */
export function readRubricRows(
  rows: readonly TableRow<RubricColumn>[],
  sheet: string,
  headers: ReadonlyMap<RubricColumn, string>,
  title: RubricTitle,
  /** a name as typed (full-width （） kept), for names to read back the same */
  raw: (row: TableRow<RubricColumn>, key: RubricColumn) => string | undefined,
): { rubric: Rubric | null; errors: InputError[] } {
  const errors: InputError[] = [];
  const header = (key: RubricColumn) => headers.get(key) ?? RUBRIC_COLUMNS.find((c) => c.key === key)!.header;
  const fail = (row: number, key: RubricColumn, message: string) => errors.push({ sheet, row, column: header(key), message });
  const sections: Record<string, unknown>[] = [];
  const places: Places = { sections: [], groups: [], items: [], inputs: [] };
  /** the first row of each section, group and item by code: a code met again further down is an error */
  const firstRow = { section: new Map<string, number>(), group: new Map<string, number>(), item: new Map<string, number>() };
  let section: Record<string, unknown> | undefined;
  let group: Record<string, unknown> | undefined;
  let item: Record<string, unknown> | undefined;

  const text = (row: TableRow<RubricColumn>, key: RubricColumn): string | undefined => {
    const cell: Cell = row.cell(key);
    if (cell.kind === 'blank') return undefined;
    const problem = cellProblem(cell);
    if (problem) {
      fail(row.row, key, problem);
      return undefined;
    }
    return cellDisplay(cell);
  };
  const name = (row: TableRow<RubricColumn>, key: RubricColumn): string | undefined => {
    const value = text(row, key);
    return value === undefined ? undefined : (raw(row, key) ?? value);
  };
  const number = (row: TableRow<RubricColumn>, key: RubricColumn): string | undefined => {
    const cell = row.cell(key);
    if (cell.kind === 'blank' || cellProblem(cell)) return text(row, key);
    const value = cellRational(cell);
    return value ? toDecimal(value) : cellDisplay(cell);
  };
  /** A field of the part, group or item: set by its first row, repeated or left blank by the others. */
  const same = (target: Record<string, unknown>, field: string, value: unknown, row: number, key: RubricColumn, first: number) => {
    if (value === undefined) return;
    if (!(field in target)) target[field] = value;
    else if (JSON.stringify(target[field]) !== JSON.stringify(value))
      fail(row, key, `与第${first}行不一致（“${String(target[field] === undefined ? '' : describe(target[field]))}”）`);
  };

  for (const row of rows) {
    const r = row.row;
    const sectionCode = text(row, 'sectionCode');
    if (sectionCode !== undefined && sectionCode !== section?.code) {
      const before = firstRow.section.get(sectionCode);
      if (before !== undefined) fail(r, 'sectionCode', `部分“${sectionCode}”在第${before}行已出现，同一部分的行应连在一起`);
      firstRow.section.set(sectionCode, r);
      section = { code: sectionCode, groups: [] };
      sections.push(section);
      places.sections.push(r);
      places.groups.push([]);
      places.items.push([]);
      places.inputs.push([]);
      group = undefined;
      item = undefined;
    } else if (!section) {
      fail(r, 'sectionCode', '第一行须填写部分编码');
      continue;
    }
    const si = sections.length - 1;
    const sectionFirst = places.sections[si]!;
    same(section, 'name', name(row, 'sectionName'), r, 'sectionName', sectionFirst);
    same(section, 'base', number(row, 'sectionBase'), r, 'sectionBase', sectionFirst);
    const inBase = text(row, 'inBaseScore');
    if (inBase !== undefined) {
      const value = matchBool(inBase);
      if (value === null) fail(r, 'inBaseScore', `“${inBase}”应填“是”或“否”`);
      else same(section, 'inBaseScore', value, r, 'inBaseScore', sectionFirst);
    }

    const groups = section.groups as Record<string, unknown>[];
    const groupCode = text(row, 'groupCode');
    if (groupCode !== undefined && groupCode !== group?.code) {
      const key = `${String(section.code)}/${groupCode}`;
      const before = firstRow.group.get(key);
      if (before !== undefined) fail(r, 'groupCode', `分组“${groupCode}”在第${before}行已出现，同一分组的行应连在一起`);
      firstRow.group.set(key, r);
      group = { code: groupCode, items: [] };
      groups.push(group);
      places.groups[si]!.push(r);
      places.items[si]!.push([]);
      places.inputs[si]!.push([]);
      item = undefined;
    } else if (!group) {
      fail(r, 'groupCode', '须填写分组编码');
      continue;
    }
    const gi = groups.length - 1;
    same(group, 'name', name(row, 'groupName'), r, 'groupName', places.groups[si]![gi]!);

    const items = group.items as Record<string, unknown>[];
    const itemCode = text(row, 'itemCode');
    if (itemCode !== undefined && itemCode !== item?.code) {
      const before = firstRow.item.get(itemCode);
      if (before !== undefined) fail(r, 'itemCode', `项目“${itemCode}”在第${before}行已出现，同一项目的行应连在一起`);
      firstRow.item.set(itemCode, r);
      item = { code: itemCode, inputs: [] };
      items.push(item);
      places.items[si]![gi]!.push(r);
      places.inputs[si]![gi]!.push([]);
    } else if (!item) {
      fail(r, 'itemCode', '须填写项目编码');
      continue;
    }
    const ii = items.length - 1;
    const itemFirst = places.items[si]![gi]![ii]!;
    same(item, 'name', name(row, 'itemName'), r, 'itemName', itemFirst);
    const itemKind = text(row, 'itemKind');
    if (itemKind !== undefined) {
      const kind = kindOf<ItemKind>(ITEM_KIND_WORDS, ITEM_KINDS, itemKind);
      if (kind === null) fail(r, 'itemKind', `“${itemKind}”无效，可填：${Object.values(ITEM_KIND_WORDS).join('、')}`);
      else same(item, 'kind', kind, r, 'itemKind', itemFirst);
    }
    same(item, 'base', number(row, 'itemBase'), r, 'itemBase', itemFirst);
    same(item, 'min', number(row, 'itemMin'), r, 'itemMin', itemFirst);
    same(item, 'max', number(row, 'itemMax'), r, 'itemMax', itemFirst);
    const rating = number(row, 'ratingPoints');
    if (rating !== undefined) same(item, 'ratingChange', { pointsPerLevel: rating }, r, 'ratingPoints', itemFirst);

    const inputKeys = ['inputCode', 'inputLabel', 'inputKind', 'points', 'inputMin', 'inputMax', 'unit'] as const;
    if (inputKeys.every((k) => row.cell(k).kind === 'blank')) continue;
    const input: Record<string, unknown> = {};
    const put = (field: keyof RubricInput, value: string | undefined) => {
      if (value !== undefined) input[field] = value;
    };
    put('code', text(row, 'inputCode'));
    put('label', name(row, 'inputLabel'));
    const inputKind = text(row, 'inputKind');
    if (inputKind !== undefined) {
      const kind = kindOf<InputKind>(INPUT_KIND_WORDS, INPUT_KINDS, inputKind);
      if (kind === null) fail(r, 'inputKind', `“${inputKind}”无效，可填：${Object.values(INPUT_KIND_WORDS).join('、')}`);
      else input.kind = kind;
    } else fail(r, 'inputKind', `须填写录入方式：${Object.values(INPUT_KIND_WORDS).join('、')}`);
    put('points', number(row, 'points'));
    put('min', number(row, 'inputMin'));
    put('max', number(row, 'inputMax'));
    put('unit', number(row, 'unit'));
    (item.inputs as unknown[]).push(input);
    places.inputs[si]![gi]![ii]!.push(r);
  }
  // what the first row of a part or an item must say, in the sheet's words
  sections.forEach((sec, si) => {
    if (!('inBaseScore' in sec)) fail(places.sections[si]!, 'inBaseScore', '须填写“是”或“否”');
    (sec.groups as Record<string, unknown>[]).forEach((grp, gi) =>
      (grp.items as Record<string, unknown>[]).forEach((it, ii) => {
        if (!('kind' in it)) fail(places.items[si]![gi]![ii]!, 'itemKind', `须填写项目类型：${Object.values(ITEM_KIND_WORDS).join('、')}`);
      }),
    );
  });
  if (errors.length) return { rubric: null, errors: errors.sort((a, b) => (a.row ?? 0) - (b.row ?? 0)) };

  const tree = { id: title.id, name: title.name, sections };
  const checked = checkRubricPaths(tree, sheet);
  if (checked.ok) return { rubric: tidy(checked.value), errors };
  for (const e of checked.errors) {
    const place = placeOf(e.column ?? '', places, title);
    const message = e.message.replace(/（另见 ([\w.[\]]+)）/, (_, path: string) => `（另见第${placeOf(path, places, title)?.row ?? '?'}行）`);
    if (place) errors.push({ sheet, row: place.row, column: place.literal ? place.column : header(place.column as RubricColumn), message });
    else errors.push({ sheet, message });
  }
  return { rubric: null, errors };
}

const describe = (value: unknown): string => (typeof value === 'object' && value !== null ? JSON.stringify(value) : String(value));

/** The row and column a key path of the rubric came from. */
function placeOf(path: string, places: Places, title: RubricTitle): { row: number; column: string; literal?: boolean } | null {
  if (path === 'id') return { row: title.idRow, column: RUBRIC_ID_LABEL, literal: true };
  if (path === 'name') return { row: title.nameRow, column: RUBRIC_NAME_LABEL, literal: true };
  const m = /^sections\[(\d+)\](?:\.groups\[(\d+)\](?:\.items\[(\d+)\](?:\.inputs\[(\d+)\])?)?)?(?:\.(\w+))?/.exec(path);
  if (!m) return null;
  const [, s, g, i, n, field = 'code'] = m;
  const at = (...xs: (string | undefined)[]) => xs.map((x) => Number(x));
  if (n !== undefined) {
    const [si, gi, ii, ni] = at(s, g, i, n);
    return { row: places.inputs[si!]![gi!]![ii!]![ni!]!, column: INPUT_FIELDS[field as keyof typeof INPUT_FIELDS] ?? 'inputCode' };
  }
  if (i !== undefined) {
    const [si, gi, ii] = at(s, g, i);
    return { row: places.items[si!]![gi!]![ii!]!, column: ITEM_FIELDS[field as keyof typeof ITEM_FIELDS] ?? 'itemCode' };
  }
  if (g !== undefined) {
    const [si, gi] = at(s, g);
    return { row: places.groups[si!]![gi!]!, column: GROUP_FIELDS[field as keyof typeof GROUP_FIELDS] ?? 'groupCode' };
  }
  return { row: places.sections[Number(s)]!, column: SECTION_FIELDS[field as keyof typeof SECTION_FIELDS] ?? 'sectionCode' };
}

/** The rubric with its fields in the order the program writes them (as the JSON export shows). */
function tidy(rubric: Rubric): Rubric {
  return {
    id: rubric.id,
    name: rubric.name,
    sections: rubric.sections.map((s) => ({
      code: s.code,
      name: s.name,
      ...(s.base !== undefined ? { base: s.base } : {}),
      inBaseScore: s.inBaseScore,
      groups: s.groups.map((g) => ({
        code: g.code,
        name: g.name,
        items: g.items.map((it): RubricItem => {
          const item: RubricItem = { code: it.code, name: it.name, kind: it.kind, inputs: [] };
          if (it.base !== undefined) item.base = it.base;
          if (it.min !== undefined) item.min = it.min;
          if (it.max !== undefined) item.max = it.max;
          item.inputs = it.inputs.map((x): RubricInput => {
            const input: RubricInput = { code: x.code, label: x.label, kind: x.kind, points: x.points };
            if (x.min !== undefined) input.min = x.min;
            if (x.max !== undefined) input.max = x.max;
            if (x.unit !== undefined) input.unit = x.unit;
            return input;
          });
          if (it.ratingChange) item.ratingChange = { pointsPerLevel: it.ratingChange.pointsPerLevel };
          return item;
        }),
      })),
    })),
  };
}
