/** Checks a rubric (edited, or imported from JSON or a workbook): all errors at once, in Chinese. */
import { parseRational } from '../exact/rational';
import type { Checked, InputError, Rubric, RubricInput, RubricItem } from '../model';
import { INPUT_KINDS, ITEM_KINDS } from '../model';

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

/** Every error with its place as a key path ("sections[2].groups[0].items[4].code"), for a reader to name rows by. */
export function checkRubricPaths(value: unknown, file = '考评细则'): Checked<Rubric> {
  const errors: InputError[] = [];
  const fail = (column: string, message: string) => errors.push({ sheet: file, column, message });
  if (!isObject(value)) return { ok: false, errors: [{ sheet: file, message: '考评细则应为一个 JSON 对象' }] };
  if (!isText(value.id)) fail('id', '缺少细则编号（id）');
  if (!isText(value.name)) fail('name', '缺少细则名称（name）');
  if (!Array.isArray(value.sections) || value.sections.length === 0) {
    fail('sections', '至少应有一个部分（sections）');
    return { ok: false, errors };
  }
  const codes = new Map<string, string>();
  const unique = (code: string, where: string, kind: 'item' | 'input') => {
    const key = `${kind}:${code}`;
    if (codes.has(key)) fail(where, `编码“${code}”重复（另见 ${codes.get(key)}）`);
    else codes.set(key, where);
  };
  const number = (v: unknown, where: string, name: string) => {
    if (v === undefined) return;
    if (typeof v !== 'string' || !parseRational(v)) fail(where, `${name}“${String(v)}”不是有效的数`);
  };
  value.sections.forEach((section: unknown, si) => {
    const sw = `sections[${si}]`;
    if (!isObject(section)) return fail(sw, '应为对象');
    if (!isText(section.code)) fail(`${sw}.code`, '缺少部分编码');
    if (!isText(section.name)) fail(`${sw}.name`, '缺少部分名称');
    if (typeof section.inBaseScore !== 'boolean') fail(`${sw}.inBaseScore`, '应为 true 或 false（是否计入基本分）');
    number(section.base, `${sw}.base`, '基本分');
    if (!Array.isArray(section.groups)) return fail(`${sw}.groups`, '应为列表');
    section.groups.forEach((group: unknown, gi) => {
      const gw = `${sw}.groups[${gi}]`;
      if (!isObject(group)) return fail(gw, '应为对象');
      if (!isText(group.code)) fail(`${gw}.code`, '缺少分组编码');
      if (!isText(group.name)) fail(`${gw}.name`, '缺少分组名称');
      if (!Array.isArray(group.items)) return fail(`${gw}.items`, '应为列表');
      group.items.forEach((item: unknown, ii) => checkItem(item, `${gw}.items[${ii}]`));
    });
  });

  function checkItem(item: unknown, iw: string) {
    if (!isObject(item)) return fail(iw, '应为对象');
    const it = item as Partial<RubricItem> & Record<string, unknown>;
    if (!isText(it.code)) fail(`${iw}.code`, '缺少项目编码');
    else unique(it.code, `${iw}.code`, 'item');
    if (!isText(it.name)) fail(`${iw}.name`, '缺少项目名称');
    if (!(ITEM_KINDS as readonly unknown[]).includes(it.kind)) fail(`${iw}.kind`, `项目类型“${String(it.kind)}”无效，可选 base、bonus、deduction`);
    number(it.base, `${iw}.base`, '起始分');
    number(it.min, `${iw}.min`, '最低分');
    number(it.max, `${iw}.max`, '最高分');
    if (it.ratingChange !== undefined) {
      if (!isObject(it.ratingChange)) fail(`${iw}.ratingChange`, '应为 {"pointsPerLevel": …}');
      else number(it.ratingChange.pointsPerLevel, `${iw}.ratingChange.pointsPerLevel`, '每级分值');
    }
    if (!Array.isArray(it.inputs)) return fail(`${iw}.inputs`, '应为列表');
    it.inputs.forEach((input: unknown, ni) => {
      const nw = `${iw}.inputs[${ni}]`;
      if (!isObject(input)) return fail(nw, '应为对象');
      const inp = input as Partial<RubricInput>;
      if (!isText(inp.code)) fail(`${nw}.code`, '缺少录入项编码');
      else {
        unique(inp.code, `${nw}.code`, 'input');
        if (inp.code.includes(' ')) fail(`${nw}.code`, '录入项编码不能含空格');
      }
      if (!isText(inp.label)) fail(`${nw}.label`, '缺少录入项名称');
      if (!(INPUT_KINDS as readonly unknown[]).includes(inp.kind)) fail(`${nw}.kind`, `录入方式“${String(inp.kind)}”无效，可选 bool、points、count、amount`);
      if (inp.points === undefined) fail(`${nw}.points`, '缺少分值');
      else number(inp.points, `${nw}.points`, '分值');
      number(inp.min, `${nw}.min`, '下限');
      number(inp.max, `${nw}.max`, '上限');
      number(inp.unit, `${nw}.unit`, '金额单位');
      if (inp.kind === 'amount' && inp.unit === undefined) fail(`${nw}.unit`, '金额录入项须写明每多少元计分（unit）');
    });
  }
  return errors.length ? { ok: false, errors } : { ok: true, value: value as unknown as Rubric };
}

/** The errors name their places in words ("第3部分 第1组 第5项 编码"). */
export function checkRubric(value: unknown, file = '考评细则'): Checked<Rubric> {
  const checked = checkRubricPaths(value, file);
  return checked.ok ? checked : { ok: false, errors: checked.errors.map(humanize) };
}

const KEY_WORDS: Record<string, string> = {
  code: '编码',
  name: '名称',
  label: '名称',
  kind: '类型',
  base: '起始分',
  min: '下限',
  max: '上限',
  points: '分值',
  unit: '金额单位',
  inBaseScore: '是否计入基本分',
  ratingChange: '晋位升级',
  pointsPerLevel: '每级分值',
  sections: '部分',
  groups: '分组',
  items: '项目',
  inputs: '录入项',
  id: '细则编号',
};
const INDEXED: Record<string, string> = { sections: '部分', groups: '组', items: '项', inputs: '个录入项' };

/** "sections[2].groups[0].items[4].code" → "第3部分 第1组 第5项 编码" */
export function describePath(path: string): string {
  return path
    .split('.')
    .map((part) => {
      const m = /^(\w+)\[(\d+)\]$/.exec(part);
      if (m) return `第${Number(m[2]) + 1}${INDEXED[m[1]!] ?? m[1]}`;
      return KEY_WORDS[part] ?? part;
    })
    .join(' ');
}

function humanize(e: InputError): InputError {
  const message = e.message.replace(/另见 ([\w.[\]]+)/, (_, path: string) => `另见 ${describePath(path)}`);
  return e.column ? { ...e, column: describePath(e.column), message } : { ...e, message };
}

export function parseRubricJson(text: string, file = '考评细则'): Checked<Rubric> {
  try {
    return checkRubric(JSON.parse(text), file);
  } catch {
    return { ok: false, errors: [{ sheet: file, message: '不是有效的 JSON 文件' }] };
  }
}
