/**
 * 考勤 (docs/method.md §14.1): a secretary's months of attendance, the rate of each
 * (在村工作天数 ÷ 本月工作日数, exact), each town's three lowest rates of a month (seed
 * 002 月排名制度, ties explained), the quarter's figures for the review (季召回制度), and
 * the year's totals that feed the roster's 在村工作天数 and 全年工作日数 (the presence
 * rule, §5.3) — as a change a person accepts, never on their own.
 */
import { cmp, div, eq, mul, rat, toFixed, type Rational } from '../exact/rational';
import { isMonth, monthsOfQuarter, type AttendanceMonth, type Secretary } from '../model';

/** How many of each town's lowest rates a month reports up (seed 002: 末3位). */
export const LOWEST_COUNT = 3;

export const NO_TOWN_LABEL = '（未填镇街）';
export const townLabel = (town: string | undefined) => town || NO_TOWN_LABEL;

/** 出勤率: days present over the month's work days, exact. */
export const attendanceRate = (m: Pick<AttendanceMonth, 'daysPresent' | 'workDays'>): Rational => rat(m.daysPresent, m.workDays);

/** `85.00%` */
export const rateText = (rate: Rational): string => `${toFixed(mul(rate, rat(100)), 2)}%`;

/** `17/20（85.00%）` */
export const describeAttendance = (m: Pick<AttendanceMonth, 'daysPresent' | 'workDays'>): string =>
  `${m.daysPresent}/${m.workDays}（${rateText(attendanceRate(m))}）`;

export type AttendanceField = 'month' | 'daysPresent' | 'workDays' | 'leaveDays';

/** What cannot stand in a month as typed or read (counts are whole and not negative already): one sentence each. */
export function attendanceProblems(
  m: Pick<AttendanceMonth, 'month' | 'daysPresent' | 'workDays' | 'leaveDays'>,
): { field: AttendanceField; message: string }[] {
  const problems: { field: AttendanceField; message: string }[] = [];
  if (!isMonth(m.month)) problems.push({ field: 'month', message: `月份“${m.month}”无效，应填“2024-03”或“2024年3月”` });
  if (m.workDays < 1) problems.push({ field: 'workDays', message: '本月工作日数应不小于1' });
  else if (m.workDays > 31) problems.push({ field: 'workDays', message: `本月工作日数${m.workDays}天超过31天` });
  if (m.daysPresent > m.workDays) problems.push({ field: 'daysPresent', message: `在村工作天数${m.daysPresent}天超过本月工作日数${m.workDays}天` });
  else if (m.daysPresent + m.leaveDays > m.workDays)
    problems.push({ field: 'leaveDays', message: `在村工作天数与请假天数之和${m.daysPresent + m.leaveDays}天超过本月工作日数${m.workDays}天` });
  return problems;
}

type Who = Pick<Secretary, 'id' | 'name' | 'town' | 'village'>;

export interface LowRow {
  id: string;
  name: string;
  village?: string | undefined;
  month: AttendanceMonth;
  rate: Rational;
  /** 1 = the lowest rate of the town; equal rates share a place */
  place: number;
}

/** One town's lowest rates of a month. */
export interface TownLowest {
  town: string;
  /** secretaries of the town with the month recorded */
  ranked: number;
  rows: LowRow[];
  /** secretaries of the town without the month: not ranked */
  missing: { id: string; name: string }[];
  /** why the list is longer or shorter than three, in words */
  notes: string[];
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'zh-CN', { numeric: true });
const byTown = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/**
 * Each town's three lowest 出勤率 of `month`: places by rate (lowest first, equal rates
 * sharing a place); everyone whose place is 3 or better is listed, so a tie at the third
 * place lists them all, and the notes say so.
 */
export function lowestOfMonth(month: string, records: readonly AttendanceMonth[], secretaries: readonly Who[]): TownLowest[] {
  const ofMonth = new Map(records.filter((r) => r.month === month).map((r) => [r.id, r]));
  const towns = new Map<string, Who[]>();
  for (const s of secretaries) towns.set(s.town ?? '', [...(towns.get(s.town ?? '') ?? []), s]);
  return [...towns.keys()].sort(byTown).map((town) => {
    const people = towns.get(town)!;
    const ranked = people
      .flatMap((s) => {
        const m = ofMonth.get(s.id);
        return m ? [{ id: s.id, name: s.name, village: s.village, month: m, rate: attendanceRate(m), place: 0 }] : [];
      })
      .sort((a, b) => cmp(a.rate, b.rate) || byId(a, b));
    ranked.forEach((r, i) => (r.place = i > 0 && eq(r.rate, ranked[i - 1]!.rate) ? ranked[i - 1]!.place : i + 1));
    const rows = ranked.filter((r) => r.place <= LOWEST_COUNT);
    const notes: string[] = [];
    if (ranked.length === 0) notes.push('本月尚无考勤记录');
    else if (ranked.length <= LOWEST_COUNT) notes.push(`本镇街本月仅${ranked.length}人报送考勤，全部列入`);
    else if (rows.length > LOWEST_COUNT) {
      const last = rows.at(-1)!;
      const tied = rows.filter((r) => r.place === last.place);
      notes.push(`出勤率${rateText(last.rate)}并列第${last.place}位，${tied.length}人均列入末${LOWEST_COUNT}位，共${rows.length}人`);
    }
    const missing = people
      .filter((s) => !ofMonth.has(s.id))
      .sort(byId)
      .map((s) => ({ id: s.id, name: s.name }));
    return { town, ranked: ranked.length, rows, missing, notes };
  });
}

/** A secretary's figures for a quarter's review. */
export interface QuarterRow {
  id: string;
  name: string;
  town: string;
  /** the quarter's three months, as recorded (undefined: not recorded) */
  months: (AttendanceMonth | undefined)[];
  daysPresent: number;
  workDays: number;
  leaveDays: number;
  /** over the months recorded; null with none */
  rate: Rational | null;
  /** the months of the quarter in which the secretary was among the town's lowest three */
  lowMonths: string[];
}

export function quarterRows(quarter: string, records: readonly AttendanceMonth[], secretaries: readonly Who[]): QuarterRow[] {
  const months = monthsOfQuarter(quarter);
  const low = new Map<string, string[]>();
  for (const month of months) {
    for (const town of lowestOfMonth(month, records, secretaries)) for (const r of town.rows) low.set(r.id, [...(low.get(r.id) ?? []), month]);
  }
  const byKey = new Map(records.map((r) => [`${r.id}|${r.month}`, r]));
  return [...secretaries].sort(byId).map((s) => {
    const mine = months.map((m) => byKey.get(`${s.id}|${m}`));
    const recorded = mine.filter((m): m is AttendanceMonth => m !== undefined);
    const total = (k: 'daysPresent' | 'workDays' | 'leaveDays') => recorded.reduce((t, m) => t + m[k], 0);
    const workDays = total('workDays');
    return {
      id: s.id,
      name: s.name,
      town: s.town ?? '',
      months: mine,
      daysPresent: total('daysPresent'),
      workDays,
      leaveDays: total('leaveDays'),
      rate: workDays > 0 ? div(rat(total('daysPresent')), rat(workDays)) : null,
      lowMonths: low.get(s.id) ?? [],
    };
  });
}

/** A secretary's months of one year, added up. */
export interface PresenceTotals {
  id: string;
  months: number;
  daysPresent: number;
  workDays: number;
  leaveDays: number;
}

export function presenceTotals(records: readonly AttendanceMonth[], year: number): Map<string, PresenceTotals> {
  const totals = new Map<string, PresenceTotals>();
  for (const r of records) {
    if (!r.month.startsWith(`${year}-`)) continue;
    const t = totals.get(r.id) ?? { id: r.id, months: 0, daysPresent: 0, workDays: 0, leaveDays: 0 };
    t.months++;
    t.daysPresent += r.daysPresent;
    t.workDays += r.workDays;
    t.leaveDays += r.leaveDays;
    totals.set(r.id, t);
  }
  return totals;
}

/** What the year's attendance would change on the roster: 在村工作天数 and 全年工作日数. */
export interface PresenceChange {
  id: string;
  name: string;
  months: number;
  before: { daysPresent?: number | undefined; workDays?: number | undefined };
  after: { daysPresent: number; workDays: number };
}

/** The secretaries whose roster figures differ from their attendance of `year` (none without a month recorded). */
export function presenceChanges(
  secretaries: readonly Pick<Secretary, 'id' | 'name' | 'daysPresent' | 'workDays'>[],
  records: readonly AttendanceMonth[],
  year: number,
): PresenceChange[] {
  const totals = presenceTotals(records, year);
  return [...secretaries].sort(byId).flatMap((s) => {
    const t = totals.get(s.id);
    if (!t || (s.daysPresent === t.daysPresent && s.workDays === t.workDays)) return [];
    return [
      {
        id: s.id,
        name: s.name,
        months: t.months,
        before: { daysPresent: s.daysPresent, workDays: s.workDays },
        after: { daysPresent: t.daysPresent, workDays: t.workDays },
      },
    ];
  });
}
