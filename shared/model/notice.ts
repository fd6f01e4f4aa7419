/**
 * The 公示 period of the results: entered by the team (start date, so many 天 or 个工作日),
 * kept with the assessment and printed on the 公示名单 — never taken from the day of printing.
 */
import { chineseDate } from './result-columns';

export interface NoticePeriod {
  /** the first day, YYYY-MM-DD */
  start: string;
  days: number;
  /** calendar days, or working days (Monday to Friday) */
  unit: 'day' | 'workday';
}

export const NOTICE_UNIT_WORDS: Record<NoticePeriod['unit'], string> = { day: '天', workday: '个工作日' };

/** What a team enters when it has not said otherwise. */
export const DEFAULT_NOTICE: Omit<NoticePeriod, 'start'> = { days: 5, unit: 'workday' };

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateOf = (iso: string): Date => {
  const [, y, m, d] = ISO_DATE.exec(iso) ?? [];
  return new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
};

/** A real calendar date written YYYY-MM-DD. */
export function isIsoDate(text: string): boolean {
  if (!ISO_DATE.test(text)) return false;
  return dateOf(text).toISOString().slice(0, 10) === text;
}

/**
 * The last day of the period, counting the start as the first. Working days skip Saturdays
 * and Sundays only: public holidays and 调休 are not known to the program (the dialog says so).
 */
export function noticeEnd(period: NoticePeriod): string {
  const date = dateOf(period.start);
  const isWorkday = () => date.getUTCDay() !== 0 && date.getUTCDay() !== 6;
  if (period.unit === 'day') {
    date.setUTCDate(date.getUTCDate() + period.days - 1);
    return date.toISOString().slice(0, 10);
  }
  // a period in working days starts on the first working day from its start
  while (!isWorkday()) date.setUTCDate(date.getUTCDate() + 1);
  for (let left = period.days - 1; left > 0;) {
    date.setUTCDate(date.getUTCDate() + 1);
    if (isWorkday()) left--;
  }
  return date.toISOString().slice(0, 10);
}

/** The sentence of the notice: “公示期为5个工作日，自2025年1月6日至2025年1月10日。” */
export function noticePeriodText(period: NoticePeriod): string {
  return `公示期为${period.days}${NOTICE_UNIT_WORDS[period.unit]}，自${chineseDate(period.start)}至${chineseDate(noticeEnd(period))}。`;
}

export const MAX_NOTICE_DAYS = 60;

/** Why a value is not a notice period (in Chinese), or null when it is one. */
export function noticeProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null) return '公示期应写明开始日期和天数';
  const v = value as Partial<Record<keyof NoticePeriod, unknown>>;
  if (typeof v.start !== 'string' || !isIsoDate(v.start)) return '公示开始日期无效，应为 2025-01-06 这样的日期';
  if (typeof v.days !== 'number' || !Number.isInteger(v.days) || v.days < 1 || v.days > MAX_NOTICE_DAYS) return `公示天数应为 1 到 ${MAX_NOTICE_DAYS} 的整数`;
  if (v.unit !== 'day' && v.unit !== 'workday') return '公示期应按“天”或“个工作日”计';
  return null;
}
