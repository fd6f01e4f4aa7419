/** Enumerations as a person may write them: Chinese label, short form or English key. */
import {
  DEFAULT_GRADE_LABELS,
  DIMENSION_LABELS,
  GRADES,
  BALLOT_OPTIONS,
  BALLOT_OPTION_LABELS,
  EVENT_KINDS,
  EVENT_KIND_LABELS,
  EVENT_KIND_SHORT,
  MODES,
  MODE_LABELS,
  MODE_SHORT,
  POST_TYPES,
  POST_TYPE_LABELS,
  RANK_CLASSES,
  RANK_CLASS_LABELS,
  RANK_CLASS_SHORT,
  RATINGS,
  SOURCES,
  SOURCE_LABELS,
  SOURCE_SHORT,
  type BallotOption,
  type EventKind,
  type Grade,
  type Mode,
  type PostType,
  type RankClass,
  type Rating,
  type Source,
} from '../model';
import { headerKey } from './normalize';

export interface Enumeration<K extends string> {
  /** what the column is called in messages */
  name: string;
  keys: readonly K[];
  /** the label a template offers in its drop-down */
  label: (key: K) => string;
  lookup: Map<string, K>;
  /** what cell texts were found to mean, for the next row */
  seen: Map<string, K | null>;
}

/** Quotes and spaces do not matter when matching: “六严禁” = 六严禁. */
const enumKey = (text: string): string => headerKey(text).replace(/["'“”‘’《》]/g, '');

function enumeration<K extends string>(name: string, keys: readonly K[], label: (key: K) => string, ...others: ((key: K) => string[])[]): Enumeration<K> {
  const lookup = new Map<string, K>();
  for (const key of keys) {
    for (const form of [key, label(key), ...others.flatMap((o) => o(key))]) lookup.set(enumKey(form), key);
  }
  return { name, keys, label, lookup, seen: new Map() };
}

/** The key a cell's text stands for, or null. */
export function matchEnum<K extends string>(e: Enumeration<K>, text: string): K | null {
  let key = e.seen.get(text);
  if (key !== undefined) return key;
  key = e.lookup.get(enumKey(text)) ?? null;
  if (e.seen.size >= 1024) e.seen.clear();
  e.seen.set(text, key);
  return key;
}

/** "镇(街道)、市直部门(单位)" for messages. */
export function enumChoices<K extends string>(e: Enumeration<K>): string {
  return e.keys.map(e.label).join('、');
}

/** A trailing 干部 may be left out (docs/formats.md §2): 正股级, 非党政正职领导. */
const withoutCadre = (label: string): string[] => (label.endsWith('干部') ? [label.slice(0, -2)] : []);

export const SOURCE_ENUM = enumeration<Source>(
  DIMENSION_LABELS.source,
  SOURCES,
  (k) => SOURCE_LABELS[k],
  (k) => [SOURCE_SHORT[k], k === 'town' ? '镇' : '市直部门', k === 'town' ? '街道' : '市直单位'],
);
export const MODE_ENUM = enumeration<Mode>(
  DIMENSION_LABELS.mode,
  MODES,
  (k) => MODE_LABELS[k],
  (k) => [MODE_SHORT[k]],
);
export const RANK_CLASS_ENUM = enumeration<RankClass>(
  DIMENSION_LABELS.rankClass,
  RANK_CLASSES,
  (k) => RANK_CLASS_LABELS[k],
  (k) => [RANK_CLASS_SHORT[k]],
  (k) => withoutCadre(RANK_CLASS_LABELS[k]),
);
export const POST_TYPE_ENUM = enumeration<PostType>('村社区类型', POST_TYPES, (k) => POST_TYPE_LABELS[k]);
export const RATING_ENUM = enumeration<Rating>(
  '定级',
  RATINGS,
  (k) => k,
  (k) => [`${k}级`],
);
export const BALLOT_OPTION_ENUM = enumeration<BallotOption>(
  '选项',
  BALLOT_OPTIONS,
  (k) => BALLOT_OPTION_LABELS[k],
  (k) => (k === 'invalid' ? ['无效票'] : k === 'abstain' ? ['空白票'] : []),
);
export const EVENT_KIND_ENUM = enumeration<EventKind>(
  '事项',
  EVENT_KINDS,
  (k) => EVENT_KIND_LABELS[k],
  (k) => [EVENT_KIND_SHORT[k]],
);

const TRUE_WORDS = ['是', '√', '有', '1', 'true', 'yes', 'y', '✓', '✔'];
const FALSE_WORDS = ['否', '×', '无', '0', 'false', 'no', 'n', '✗', '✘'];

/** 是/否 √/× 有/无 1/0 true/false yes/no → boolean, else null. */
export function matchBool(text: string): boolean | null {
  const key = enumKey(text);
  if (TRUE_WORDS.includes(key)) return true;
  if (FALSE_WORDS.includes(key)) return false;
  return null;
}

/** 等次 of a past year (docs/formats.md §14): the default words, 头雁工程's (好/较好/一般/差), or the keys. */
export const GRADE_ENUM = enumeration<Grade>(
  '等次',
  GRADES,
  (k) => DEFAULT_GRADE_LABELS[k],
  (k) => ({ excellent: ['好'], good: [], competent: ['较好'], basic: ['一般'], incompetent: ['差'], pending: [] })[k],
);
