/**
 * The columns of a result row, defined once — header, how the value reads, the number
 * a spreadsheet keeps — and its 说明: the screen's results table, the printed 排名表 and
 * the results workbook all draw these, in this order (each leaves out what it has no
 * room for). 满意度 reads as a percent with two places everywhere; the exact fraction
 * is in the reasons. The computed grade and the review meeting's grade are two columns,
 * the decision's reason is said once, in 说明.
 */
import { mul, rat, roundTo, toDecimal, toFixed, toNumber, type Rational } from '../exact/rational';
import type { Grade } from './grades';
import { BALLOT_OPTION_LABELS, FLAG_LABELS } from './labels';
import type { ResultRow } from './result';
import type { Secretary } from './secretary';

export const DASH = '—';

type Labels = Record<Grade, string>;

export interface ResultColumn {
  key: string;
  header: string;
  /** figures: right-aligned, a number in a spreadsheet */
  numeric: boolean;
  /** the value as a person reads it ('—' where there is none) */
  text(row: ResultRow, labels: Labels): string;
  /** the value as a spreadsheet keeps it */
  cell(row: ResultRow, labels: Labels): string | number | null;
  /** the spreadsheet's number format */
  numFmt?: string;
}

export const scoreText = (v: Rational | null) => (v ? toDecimal(v) : DASH);
/** exact decimals stay exact in the spreadsheet (79.75, 96) */
const scoreCell = (v: Rational | null) => (v ? Number(toDecimal(roundTo(v, 4))) : null);
export const percentText = (v: Rational | null) => (v ? `${toFixed(mul(v, rat(100)), 2)}%` : DASH);
export const totalText = (v: Rational | null) => (v ? toFixed(v, 2) : DASH);

/** The word of the grade held back (暂缓定等), in place of 待定. */
export const HELD_GRADE = '暂缓定等';

/** The computed grade as it reads: 暂缓定等 for a grade held back (its reason is in 说明). */
export const computedGradeText = (row: Pick<ResultRow, 'computedGrade' | 'hold'>, labels: Labels): string =>
  row.hold ? HELD_GRADE : labels[row.computedGrade];

/** The grade as it reads: the review meeting's, else the computed one (暂缓定等 when held back). */
export const gradeText = (row: Pick<ResultRow, 'computedGrade' | 'hold' | 'decision' | 'grade'>, labels: Labels): string =>
  row.decision ? labels[row.grade] : computedGradeText(row, labels);

/** 所在镇街 and 村社区 in one: 胶莱镇 前屯村 */
export const placeText = (s: Pick<Secretary, 'town' | 'village'>): string => [s.town, s.village].filter(Boolean).join(' ');

const text = (key: string, header: string, of: (row: ResultRow) => string | undefined): ResultColumn => ({
  key,
  header,
  numeric: false,
  text: (row) => of(row) || DASH,
  cell: (row) => of(row) || null,
});

const count = (key: string, header: string, of: (row: ResultRow) => number | undefined): ResultColumn => ({
  key,
  header,
  numeric: true,
  text: (row) => String(of(row) ?? DASH),
  cell: (row) => of(row) ?? null,
});

export const RESULT_COLUMNS = [
  count('rank', '名次', (r) => r.rank ?? undefined),
  text('id', '编号', (r) => r.id),
  text('name', '姓名', (r) => r.secretary.name),
  text('unit', '派出单位', (r) => r.secretary.unit),
  text('town', '所在镇街', (r) => r.secretary.town),
  text('village', '村社区', (r) => r.secretary.village),
  text('place', '所在镇街/村', (r) => placeText(r.secretary)),
  { key: 'baseScore', header: '基本分', numeric: true, text: (r) => scoreText(r.baseScore), cell: (r) => scoreCell(r.baseScore) },
  { key: 'orgScore', header: '组织工作目标考评得分', numeric: true, text: (r) => scoreText(r.orgScore), cell: (r) => scoreCell(r.orgScore) },
  count('eligible', '应参加人数', (r) => r.ballots?.eligible ?? r.secretary.eligibleVoters),
  count('cast', '投票数', (r) => r.ballots?.cast),
  count('verySatisfied', BALLOT_OPTION_LABELS.verySatisfied, (r) => r.ballots?.verySatisfied),
  count('satisfied', BALLOT_OPTION_LABELS.satisfied, (r) => r.ballots?.satisfied),
  count('basic', BALLOT_OPTION_LABELS.basic, (r) => r.ballots?.basic),
  count('dissatisfied', BALLOT_OPTION_LABELS.dissatisfied, (r) => r.ballots?.dissatisfied),
  count('invalid', BALLOT_OPTION_LABELS.invalid, (r) => r.ballots?.invalid),
  count('abstain', BALLOT_OPTION_LABELS.abstain, (r) => r.ballots?.abstain),
  {
    key: 'satisfaction',
    header: '满意度',
    numeric: true,
    text: (r) => percentText(r.satisfaction),
    cell: (r) => (r.satisfaction ? toNumber(roundTo(r.satisfaction, 4)) : null),
    numFmt: '0.00%',
  },
  {
    key: 'total',
    header: '考核总分',
    numeric: true,
    text: (r) => totalText(r.total),
    cell: (r) => (r.total ? toNumber(roundTo(r.total, 2)) : null),
    numFmt: '0.00',
  },
  {
    key: 'computedGrade',
    header: '计算等次',
    numeric: false,
    text: (r, labels) => computedGradeText(r, labels),
    cell: (r, labels) => computedGradeText(r, labels),
  },
  {
    key: 'decidedGrade',
    header: '审定等次',
    numeric: false,
    text: (r, labels) => (r.decision ? labels[r.decision.grade] : ''),
    cell: (r, labels) => (r.decision ? labels[r.decision.grade] : null),
  },
] as const satisfies readonly ResultColumn[];

export type ResultColumnKey = (typeof RESULT_COLUMNS)[number]['key'];

/** The columns of `keys`, in the order given. */
export function resultColumns(keys: readonly ResultColumnKey[]): ResultColumn[] {
  return keys.map((key) => RESULT_COLUMNS.find((c) => c.key === key)!);
}

/** YYYY-MM-DD → 2025年1月6日 */
export function chineseDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** The review meeting's decision in words (its grade has a column of its own), with what it did to the quotas when recorded, or null. */
export function decisionText(row: ResultRow): string | null {
  const d = row.decision;
  if (!d) return null;
  const who = [d.by ? `${d.by}记录` : '', d.at ? chineseDate(d.at) : ''].filter(Boolean).join('，');
  const quota = d.quotaNote ? `。审定时${d.quotaNote}` : '';
  return `审定理由：${d.reason || DASH}${who ? `（${who}）` : ''}${quota}`;
}

/** The method's line for the decision, which decisionText says in the documents' words. */
const isDecisionReason = (reason: string) => reason.startsWith('部长办公会审定为');

/** What the decisions did to the quotas now, said after the decision. */
const isQuotaReason = (reason: string) => reason.startsWith('审定后本类别');

/**
 * 说明 in parts: the flags in words; the method's reasons, then the decision's reason
 * (its grade has its own column) and what the decisions did to the quotas.
 */
export function explanationParts(row: ResultRow): { flags: string[]; lines: string[] } {
  const flags = row.flags.filter((f) => f !== 'decided').map((f) => FLAG_LABELS[f]);
  const lines = row.decision ? row.reasons.filter((r) => !isDecisionReason(r) && !isQuotaReason(r)) : [...row.reasons];
  const decision = decisionText(row);
  if (decision) lines.push(decision, ...row.reasons.filter(isQuotaReason));
  return { flags, lines };
}

/** 说明, line by line, as the prints and the workbook write it: 【flags】 first. */
export function explanationLines(row: ResultRow): string[] {
  const { flags, lines } = explanationParts(row);
  return [...(flags.length ? [`【${flags.join('；')}】`] : []), ...lines];
}
