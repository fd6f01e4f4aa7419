/**
 * Which workbook a file is, by its sheet names and its header row: so a ballots workbook
 * chosen for a roster says “这是测评计票表，不是名册” instead of listing the roster's
 * columns it lacks (docs/formats.md §1.7). Every reader asks before it reads.
 */
import type { InputError } from '../model';
import { codeOfHeader, looksLikeCode } from './rubric-inputs';
import {
  BALLOT_FIELDS,
  BALLOT_ROW_FIELDS,
  BALLOT_SHEET,
  EVENT_FIELDS,
  EVENT_SHEET,
  ROSTER_FIELDS,
  ROSTER_SHEET,
  SCORES_SHEET,
  SUMMARY_FIELDS,
  SUMMARY_SHEET,
} from './schemas';
import { matcherFor, textCells } from './table';
import { headerKey } from './normalize';
import type { OpenedWorkbook, Sheet } from './workbook';

/** Every kind of workbook the program reads or writes. */
export const FILE_KINDS = ['roster', 'summary', 'scores', 'ballots', 'events', 'results', 'rules'] as const;
export type FileKind = (typeof FILE_KINDS)[number];

/** What a person calls each, as the sentence says it: 这是…，不是… */
export const FILE_KIND_WORDS: Record<FileKind, string> = {
  roster: '名册',
  summary: '考评得分汇总表',
  scores: '考评细则评分表',
  ballots: '测评计票表',
  events: '直接定等事项表',
  results: '考核结果工作簿',
  rules: '考核规则和细则工作簿',
};

/** The sheet names that say a workbook's kind (the results workbook has both of its own). */
const SHEET_NAMES: Record<FileKind, readonly string[]> = {
  roster: [ROSTER_SHEET],
  summary: [SUMMARY_SHEET],
  scores: [SCORES_SHEET],
  ballots: [BALLOT_SHEET],
  events: [EVENT_SHEET],
  results: ['汇总', '标记'],
  rules: ['考核规则', '考评细则'],
};
const NEEDS_ALL_NAMES: ReadonlySet<FileKind> = new Set(['results']);

const INSTRUCTION_SHEETS = ['填表说明', '说明'];
const HEADER_ROWS = 10;

/** Headers that only this kind's header row has (each a set: all of one set must be there). */
const byKeys = <K extends string>(fields: readonly { key: K; header: string }[], keys: readonly K[]) => {
  const match = matcherFor(fields.map((f) => ({ ...f, required: false })));
  return (texts: readonly string[]) => {
    const found = new Set(texts.map(match));
    return keys.every((k) => found.has(k));
  };
};
const byWords = (words: readonly string[]) => (texts: readonly string[]) => {
  const found = new Set(texts.map(headerKey));
  return words.every((w) => found.has(headerKey(w)));
};

const SIGNATURES: readonly [FileKind, (texts: readonly string[]) => boolean][] = [
  // the results' category sheets carry scores and ballots too: their own words first
  ['results', byWords(['名次', '考核总分', '计算等次'])],
  ['rules', byWords(['设置项', '取值'])],
  ['rules', byWords(['部分编码', '项目编码', '录入项编码'])],
  ['roster', byKeys(ROSTER_FIELDS, ['source', 'mode', 'rankClass', 'eligibleVoters'])],
  ['summary', byKeys(SUMMARY_FIELDS, ['baseScore', 'orgScore'])],
  ['ballots', byKeys(BALLOT_FIELDS, ['verySatisfied', 'satisfied', 'basic', 'dissatisfied'])],
  ['ballots', byKeys(BALLOT_ROW_FIELDS, ['id', 'option'])],
  ['events', byKeys(EVENT_FIELDS, ['id', 'kind'])],
  ['scores', (texts) => byKeys(SUMMARY_FIELDS, ['id'])(texts) && texts.filter((t) => looksLikeCode(codeOfHeader(t))).length >= 2],
];

function visibleSheets(opened: OpenedWorkbook): Sheet[] {
  const visible = opened.sheets.filter((ws) => !ws.hidden);
  return (visible.length ? visible : opened.sheets).filter((ws) => !INSTRUCTION_SHEETS.includes(ws.name.trim()));
}

/** The kinds a workbook looks like: by its sheet names, else by the header of its first sheet; [] when it says nothing. */
export function recogniseWorkbook(opened: OpenedWorkbook): FileKind[] {
  const sheets = visibleSheets(opened);
  const names = new Set(sheets.map((ws) => ws.name.trim()));
  const named = FILE_KINDS.filter((kind) =>
    NEEDS_ALL_NAMES.has(kind) ? SHEET_NAMES[kind].every((n) => names.has(n)) : SHEET_NAMES[kind].some((n) => names.has(n)),
  );
  if (named.length) return named;
  const first = sheets[0];
  if (!first) return [];
  for (let r = 1; r <= Math.min(HEADER_ROWS, first.rowCount); r++) {
    const texts = textCells(first, r);
    if (texts.length < 2) continue;
    const kinds = [...new Set(SIGNATURES.filter(([, matches]) => matches(texts)).map(([kind]) => kind))];
    // a results sheet has the others' columns as well
    if (kinds.includes('results')) return ['results'];
    if (kinds.length) return kinds;
  }
  return [];
}

/**
 * The one error for a workbook of another kind than `expected` (“这是测评计票表，不是名册”),
 * or null when it may be the one expected (or says nothing of itself).
 */
export function wrongWorkbook(opened: OpenedWorkbook, expected: FileKind): InputError | null {
  const kinds = recogniseWorkbook(opened);
  if (kinds.length === 0 || kinds.includes(expected)) return null;
  const is = kinds.map((k) => FILE_KIND_WORDS[k]).join('和');
  const message = `这是${is}，不是${FILE_KIND_WORDS[expected]}，请检查是否选错了文件`;
  return opened.name ? { sheet: opened.name, message } : { message };
}
