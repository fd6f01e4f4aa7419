/** Calendar days as YYYY-MM-DD text, compared as text: when a consequence runs, and a term's years. */

function parse(iso: string): { y: number; m: number; d: number } {
  const [y = 1970, m = 1, d = 1] = iso.slice(0, 10).split('-').map(Number);
  return { y, m, d };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const iso = (date: Date) => `${pad(date.getUTCFullYear(), 4)}-${pad(date.getUTCMonth() + 1)}-${pad(date.getUTCDate())}`;

export const isIsoDate = (text: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(text) && iso(new Date(`${text}T00:00:00Z`)) === text;

export const yearOf = (day: string): number => parse(day).y;

export const endOfYear = (year: number): string => `${pad(year, 4)}-12-31`;

/** The day before the same date n years on: 2025-01-06 + 2 years → 2027-01-05 (29 February → 28 February). */
export function lastDayOfYears(from: string, years: number): string {
  const { y, m, d } = parse(from);
  const date = new Date(Date.UTC(y + years, m - 1, d));
  if (date.getUTCMonth() !== m - 1) date.setUTCDate(0);
  date.setUTCDate(date.getUTCDate() - 1);
  return iso(date);
}

/** 2025年12月31日 */
export function dayWords(day: string): string {
  const { y, m, d } = parse(day);
  return `${y}年${m}月${d}日`;
}

/** A day as entered (2024-03-01, 2024/3/1, 2024.3.1, 2024年3月1日) as YYYY-MM-DD, or null when it is not a real day. */
export function readDay(text: string): string | null {
  const m = /^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?\s*$/.exec(text);
  if (!m) return null;
  const day = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
  return isIsoDate(day) ? day : null;
}
