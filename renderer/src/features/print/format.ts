/** Dates as the printed documents show them; the words of result rows are shared (shared/model/result-columns.ts). */
import { chineseDate, DASH, placeText, type Secretary } from '../../../../shared/model';

export { chineseDate };
export const dash = DASH;

function parseDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

export function addDays(iso: string, days: number): string {
  const date = parseDate(iso);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** Today in local time as YYYY-MM-DD. */
export function todayIso(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

export const placeOf = (s: Secretary): string => placeText(s) || dash;
