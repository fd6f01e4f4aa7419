/** 考评得分汇总 (`summary`): base and org score per secretary, for teams that score on paper. */
import { toDecimal } from '../exact/rational';
import type { InputError, SummaryScore } from '../model';
import { Fields } from './fields';
import { parseIdRows, readWith, type ParseOutcome } from './parsed';
import { SUMMARY_FIELDS, SUMMARY_SHEET, requiredOf, type SummaryKey } from './schemas';
import { matcherFor, readTable } from './table';
import { dataSheet, sheetLabel, type OpenedWorkbook, type WorkbookSource } from './workbook';

export function parseSummary(opened: OpenedWorkbook): ParseOutcome<SummaryScore> {
  const errors: InputError[] = [];
  const ws = dataSheet(opened, [SUMMARY_SHEET]);
  const sheet = sheetLabel(opened, ws);
  const table = readTable(ws, sheet, matcherFor(SUMMARY_FIELDS), requiredOf(SUMMARY_FIELDS), 'id', errors);
  if (!table) return { parsed: null, errors };
  const fields = new Fields<SummaryKey>(table, errors);
  const parsed = parseIdRows(sheet, table, fields, errors, 'id', (row, id): SummaryScore | undefined => {
    // a base score is a sum of items that start at 0 and are clamped at 0: never negative
    const baseScore = fields.number(row, 'baseScore', true, true);
    // an org score may be negative (deductions); it is kept and flagged by the method
    const orgScore = fields.number(row, 'orgScore', true);
    if (id === undefined || !baseScore || !orgScore) return undefined;
    return { id, baseScore: toDecimal(baseScore), orgScore: toDecimal(orgScore) };
  });
  return { parsed, errors };
}

export function readSummary(source: WorkbookSource) {
  return readWith(source, parseSummary);
}
