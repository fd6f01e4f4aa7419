/**
 * The 考核规则 sheet of the rules workbook: one row per setting of docs/method.md §6 —
 * 设置项 in words, 取值 in the words of the editor (choices, 是/否, ratios as text),
 * 说明 with what may be entered, and 键 (the setting's English key) so a row is found even
 * when its words were edited. Read back through `validatePolicy`, each error on its row.
 */
import { parseRational, rat, toDecimal } from '../exact/rational';
import { BAND_KEYS, DIMENSION_LABELS, GRADES, type InputError, type Policy } from '../model';
import { isPresetName, PRESET_LABELS, presetPolicy, validatePolicy, type PresetName } from '../policy';
import { CHOICE_LABELS, SETTING_LABELS, TIE_BREAK_WORDS } from '../policy/words';
import { DEFAULT_GRADE_LABELS } from '../model/labels';
import { cellDisplay, cellProblem, type Cell } from './cells';
import { cellRational } from './fields';
import { matchBool } from './enums';
import { headerKey } from './normalize';

export const POLICY_SHEET = '考核规则';

export const POLICY_COLUMNS = [
  { key: 'label', header: '设置项', required: true, width: 34 },
  { key: 'value', header: '取值', required: true, width: 40 },
  { key: 'help', header: '说明', required: false, width: 70 },
  { key: 'key', header: '键', required: false, width: 32 },
] as const;
export type PolicyColumn = (typeof POLICY_COLUMNS)[number]['key'];

const RATIO_KEYS = ['minTurnout', 'incompetentAboveDissatisfaction', 'basicBelowSatisfaction'] as const;
const NULLABLE_KEYS = ['recallAboveDissatisfaction', 'minPresence'] as const;
const BOOLEAN_KEYS = ['recallBlocksExcellent', 'mergeSmallCategories'] as const;
type ChoiceKey = keyof typeof CHOICE_LABELS;
const CHOICE_KEYS = Object.keys(CHOICE_LABELS) as ChoiceKey[];

/** What a setting's row holds, how it is written and how it is read. */
type RowKind =
  | { type: 'preset' }
  | { type: 'text' }
  | { type: 'band' }
  | { type: 'label' }
  | { type: 'ratio'; nullable: boolean }
  | { type: 'score' }
  | { type: 'bool' }
  | { type: 'choice'; words: Record<string, string> }
  | { type: 'list'; words: Record<string, string> };

interface SettingRow {
  /** "minTurnout", "bands.excellent", "labels.good" */
  key: string;
  label: string;
  kind: RowKind;
}

const LIST_SEPARATOR = '、';
const RATIO_HELP = '比例，如 0.3、2/3 或 30%（填分数时请先把单元格设为文本，以免 Excel 当作日期）';

/** Every row of the sheet, in the order the editor shows the settings. */
export const POLICY_ROWS: readonly SettingRow[] = [
  { key: 'preset', label: SETTING_LABELS.preset, kind: { type: 'preset' } },
  { key: 'name', label: SETTING_LABELS.name, kind: { type: 'text' } },
  ...BAND_KEYS.map((band) => ({ key: `bands.${band}`, label: `${SETTING_LABELS.bands}：${DEFAULT_GRADE_LABELS[band]}`, kind: { type: 'band' } as const })),
  ...GRADES.map((grade) => ({ key: `labels.${grade}`, label: `${SETTING_LABELS.labels}：${DEFAULT_GRADE_LABELS[grade]}`, kind: { type: 'label' } as const })),
  { key: 'categoryDimensions', label: SETTING_LABELS.categoryDimensions, kind: { type: 'list', words: DIMENSION_LABELS } },
  ...RATIO_KEYS.map((key) => ({ key, label: SETTING_LABELS[key], kind: { type: 'ratio', nullable: false } as const })),
  ...NULLABLE_KEYS.map((key) => ({ key, label: SETTING_LABELS[key], kind: { type: 'ratio', nullable: true } as const })),
  { key: 'excellentMinBaseScore', label: SETTING_LABELS.excellentMinBaseScore, kind: { type: 'score' } },
  ...BOOLEAN_KEYS.map((key) => ({ key, label: SETTING_LABELS[key], kind: { type: 'bool' } as const })),
  { key: 'tieBreak', label: SETTING_LABELS.tieBreak, kind: { type: 'list', words: TIE_BREAK_WORDS } },
  ...CHOICE_KEYS.map((key) => ({ key, label: SETTING_LABELS[key], kind: { type: 'choice', words: CHOICE_LABELS[key] as Record<string, string> } as const })),
];

const presetWords = (preset: string): string => (isPresetName(preset) ? PRESET_LABELS[preset] : '自定义');

/** A setting's value as the sheet writes it. */
export function policyCellText(policy: Policy, row: SettingRow): string {
  const [head, sub] = row.key.split('.') as [keyof Policy, string | undefined];
  const kind = row.kind;
  switch (kind.type) {
    case 'preset':
      return presetWords(policy.preset);
    case 'text':
      return policy.name;
    case 'band':
      return policy.bands.find((b) => b.key === sub)?.ratio ?? '';
    case 'label':
      return policy.labels[sub as keyof Policy['labels']];
    case 'ratio':
    case 'score':
      return (policy[head] as string | null) ?? '';
    case 'bool':
      return policy[head] ? '是' : '否';
    case 'choice':
      return kind.words[policy[head] as string] ?? String(policy[head]);
    case 'list':
      return (policy[head] as string[]).map((k) => kind.words[k] ?? k).join(LIST_SEPARATOR);
  }
}

/** What may be entered in a row. */
export function policyHelp(row: SettingRow): string {
  const kind = row.kind;
  switch (kind.type) {
    case 'preset':
      return `规则从这个预设开始，下面各行的取值覆盖预设：${Object.values(PRESET_LABELS).join('、')}；改过的规则填“自定义”`;
    case 'text':
      return '印在结果和打印件上';
    case 'band':
      return `${RATIO_HELP}；不填则不按比例确定该等次`;
    case 'label':
      return '该等次在结果和打印件上的名称';
    case 'ratio':
      return kind.nullable ? `${RATIO_HELP}；不填则不启用` : RATIO_HELP;
    case 'score':
      return '分数，如 80';
    case 'bool':
      return '是 或 否';
    case 'choice':
      return `可填：${Object.values(kind.words).join('、')}`;
    case 'list':
      return `可填（多项用“${LIST_SEPARATOR}”分隔，按先后顺序）：${Object.values(kind.words).join(LIST_SEPARATOR)}；不填为无`;
  }
}

/** One row of the sheet as read: its Excel row number and its cells. */
export interface ReadPolicyRow {
  row: number;
  label: Cell;
  value: Cell;
  key: Cell;
  /** the 取值 as typed (full-width （） kept), for names to read back the same */
  rawValue?: string | undefined;
}

const rowByKey = new Map(POLICY_ROWS.map((r) => [r.key.toLowerCase(), r]));
const rowByLabel = new Map(POLICY_ROWS.map((r) => [headerKey(r.label), r]));

/** The key a choice's words stand for (the words or the key itself), or null. */
function wordKey(words: Record<string, string>, text: string): string | null {
  const wanted = headerKey(text);
  for (const [key, label] of Object.entries(words)) if (headerKey(label) === wanted || key.toLowerCase() === wanted) return key;
  return null;
}

function ratioText(cell: Cell): string | null {
  if (cell.kind === 'text' && /%$/.test(cell.text)) {
    const value = parseRational(cell.text.slice(0, -1).trim());
    return value ? toDecimal(rat(value.n, value.d * 100n)) : null;
  }
  const value = cellRational(cell);
  return value ? toDecimal(value) : null;
}

/**
 * The policy of the sheet's rows: each row found by its 键 or its 设置项, its 取值 read, the
 * whole checked by validatePolicy. Every error names its row and the 取值 column.
 */
export function readPolicyRows(
  rows: readonly ReadPolicyRow[],
  sheet: string,
  headers: Record<PolicyColumn, string>,
): { policy: Policy | null; errors: InputError[] } {
  const errors: InputError[] = [];
  const fail = (row: number, column: string, message: string) => errors.push({ sheet, row, column, message });
  const raw: Record<string, unknown> = {};
  const bands: { key: string; ratio: string }[] = [];
  const labels: Record<string, string> = {};
  /** the row that set each key path of the raw policy, for its errors */
  const where = new Map<string, { row: number; label: string }>();
  const seen = new Map<string, number>();

  for (const r of rows) {
    const keyText = r.key.kind === 'text' ? r.key.text : '';
    const labelText = cellDisplay(r.label);
    const setting = (keyText && rowByKey.get(keyText.toLowerCase())) || rowByLabel.get(headerKey(labelText));
    if (!setting) {
      fail(r.row, keyText && !labelText ? headers.key : headers.label, `未知的设置项“${keyText && !labelText ? keyText : labelText}”`);
      continue;
    }
    const before = seen.get(setting.key);
    if (before !== undefined) {
      fail(r.row, headers.label, `设置项“${setting.label}”重复（另见第${before}行）`);
      continue;
    }
    seen.set(setting.key, r.row);
    const problem = cellProblem(r.value);
    if (problem) {
      fail(r.row, headers.value, problem);
      continue;
    }
    const text = cellDisplay(r.value);
    const blank = r.value.kind === 'blank';
    const [head, sub = ''] = setting.key.split('.');
    const bad = (message: string) => fail(r.row, headers.value, `${setting.label}：${message}`);
    const kind = setting.kind;
    switch (kind.type) {
      case 'preset': {
        if (blank) break;
        const preset = wordKey({ ...PRESET_LABELS, custom: '自定义' }, text);
        if (preset === null) bad(`“${text}”不是预设，可填：${Object.values(PRESET_LABELS).join('、')}、自定义`);
        else raw.preset = preset as PresetName | 'custom';
        break;
      }
      case 'text':
        raw[head!] = r.rawValue ?? text;
        break;
      case 'band': {
        if (blank) break;
        const ratio = ratioText(r.value);
        bands.push({ key: sub, ratio: ratio ?? text });
        where.set(`bands[${bands.length - 1}]`, { row: r.row, label: setting.label });
        break;
      }
      case 'label':
        labels[sub] = r.rawValue ?? text;
        where.set(`labels.${sub}`, { row: r.row, label: setting.label });
        break;
      case 'ratio':
        raw[head!] = blank ? (kind.nullable ? null : '') : (ratioText(r.value) ?? text);
        break;
      case 'score':
        raw[head!] = blank ? '' : (ratioText(r.value) ?? text);
        break;
      case 'bool': {
        const value = r.value.kind === 'bool' ? r.value.value : matchBool(text);
        if (value === null) bad(`“${text}”应填“是”或“否”`);
        else raw[head!] = value;
        break;
      }
      case 'choice': {
        const key = wordKey(kind.words, text);
        if (key === null) bad(`“${text}”无效，可填：${Object.values(kind.words).join('、')}`);
        else raw[head!] = key;
        break;
      }
      case 'list': {
        const items = text
          .split(/[、,，;；\n]/)
          .map((t) => t.trim())
          .filter(Boolean);
        const keys: string[] = [];
        for (const item of items) {
          const key = wordKey(kind.words, item);
          if (key === null) bad(`“${item}”无效，可填：${Object.values(kind.words).join('、')}`);
          else keys.push(key);
        }
        raw[head!] = keys;
        break;
      }
    }
    if (!where.has(head!)) where.set(head!, { row: r.row, label: setting.label });
  }
  if (bands.length || seen.has('bands.excellent') || seen.has('bands.good')) raw.bands = bands;
  // a grade whose row is left out keeps the preset's name
  const preset = typeof raw.preset === 'string' && isPresetName(raw.preset) ? raw.preset : 'jiaozhou';
  if (Object.keys(labels).length) raw.labels = { ...presetPolicy(preset).labels, ...labels };
  if (errors.length) return { policy: null, errors };

  // the preset fills what the sheet leaves out; then every setting is checked
  const checked = validatePolicy(raw, sheet);
  if (checked.ok) return { policy: checked.value, errors };
  for (const e of checked.errors) {
    const path = e.column ?? '';
    const place = where.get(path) ?? where.get(path.replace(/\.\w+$/, '')) ?? where.get(path.replace(/[[.].*$/, ''));
    if (place) fail(place.row, headers.value, `${place.label}：${e.message}`);
    else errors.push({ sheet, message: e.message });
  }
  return { policy: null, errors };
}
