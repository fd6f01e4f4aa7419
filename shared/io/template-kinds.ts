/** The kinds of workbook template and their titles, apart from the writer (ExcelJS): what a command names without loading it. */
import { ATTENDANCE_SHEET, BALLOT_SHEET, EVENT_SHEET, PAST_SHEET, ROSTER_SHEET, SCORES_SHEET, SUMMARY_SHEET } from './schemas';

export const TEMPLATE_KINDS = ['roster', 'summary', 'scores', 'ballots', 'events', 'attendance', 'past'] as const;
export type TemplateKind = (typeof TEMPLATE_KINDS)[number];

export const TEMPLATE_TITLES: Record<TemplateKind, string> = {
  roster: ROSTER_SHEET,
  summary: SUMMARY_SHEET,
  scores: SCORES_SHEET,
  ballots: BALLOT_SHEET,
  events: EVENT_SHEET,
  attendance: ATTENDANCE_SHEET,
  past: PAST_SHEET,
};
