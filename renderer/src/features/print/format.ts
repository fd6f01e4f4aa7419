/** Words and numbers as the printed documents show them. */
import { mul, rat, toDecimal, toFixed, type Rational } from '../../../../shared/exact/rational';
import { FLAG_LABELS, type Grade, type ResultRow, type Secretary } from '../../../../shared/model';

export const dash = '—';
export const score = (v: Rational | null): string => (v ? toDecimal(v) : dash);
export const total2 = (v: Rational | null): string => (v ? toFixed(v, 2) : dash);
export const ratio4 = (v: Rational | null): string => (v ? toFixed(v, 4) : dash);
export const percent2 = (v: Rational | null): string => (v ? `${toFixed(mul(v, rat(100)), 2)}%` : dash);

function parseDate(iso: string): Date {
  const [y, m, d] = iso.split('-').map(Number);
  return new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
}

/** 2025-01-06 → 2025年1月6日 */
export function chineseDate(iso: string): string {
  const date = parseDate(iso);
  return `${date.getUTCFullYear()}年${date.getUTCMonth() + 1}月${date.getUTCDate()}日`;
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

export function placeOf(s: Secretary): string {
  return [s.town, s.village].filter(Boolean).join(' ') || dash;
}

/** The decision of the review meeting in words, with what it did to the quotas when recorded, or null. */
export function decisionText(row: ResultRow, labels: Record<Grade, string>): string | null {
  const d = row.decision;
  if (!d) return null;
  const date = d.at ? `（${chineseDate(d.at.slice(0, 10))}）` : '';
  const quota = d.quotaNote ? `。审定时${d.quotaNote}` : '';
  return `部长办公会审定：${labels[d.grade]}${d.reason ? `。理由：${d.reason}` : ''}${date}${quota}`;
}

/** The method's line for the decision, which decisionText says in the documents' words. */
const isDecisionReason = (reason: string) => reason.startsWith('部长办公会审定为');

/** What the decisions did to the quotas now, said after the decision. */
const isQuotaReason = (reason: string) => reason.startsWith('审定后本类别');

/** 说明: flags in words, the method's reasons, then the decision and what the decisions did to the quotas. */
export function explanation(row: ResultRow, labels: Record<Grade, string>): string[] {
  const flags = row.flags.filter((f) => f !== 'decided').map((f) => FLAG_LABELS[f]);
  const reasons = row.decision ? row.reasons.filter((r) => !isDecisionReason(r) && !isQuotaReason(r)) : row.reasons;
  const lines = [...(flags.length ? [`【${flags.join('；')}】`] : []), ...reasons];
  const decision = decisionText(row, labels);
  if (decision) lines.push(decision, ...row.reasons.filter(isQuotaReason));
  return lines;
}
