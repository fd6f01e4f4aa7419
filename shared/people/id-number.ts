/**
 * 身份证号 (GB 11643, 18 characters): who a person is across years (docs/method.md §10).
 * Checked by its check digit when read; shown whole only on the person's own page,
 * masked everywhere else, never printed whole.
 */
import { toHalfWidth } from '../io/normalize';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** Trimmed, half-width, without spaces, a lower-case x made X. */
export function normalizeIdNumber(text: string): string {
  return toHalfWidth(text).replace(/\s+/g, '').toUpperCase();
}

/** What is wrong with an 18-character 身份证号, in Chinese, or null. */
export function idNumberProblem(text: string): string | null {
  const id = normalizeIdNumber(text);
  if (!/^\d{17}[\dX]$/.test(id)) return `“${maskIdNumber(id)}”不是18位身份证号（17位数字，最后一位为数字或X）`;
  const sum = WEIGHTS.reduce((s, w, i) => s + w * Number(id[i]), 0);
  if (CHECK[sum % 11] !== id[17]) return `身份证号“${maskIdNumber(id)}”的校验位不符，请核对是否抄错`;
  return null;
}

/** 3702**********123X: the first four and the last four, never the birth date. */
export function maskIdNumber(id: string): string {
  const s = normalizeIdNumber(id);
  if (s.length <= 8) return '*'.repeat(s.length);
  return `${s.slice(0, 4)}${'*'.repeat(s.length - 8)}${s.slice(-4)}`;
}
