/** 考评得分汇总 (`summary`): base and org score per secretary, for teams that score on paper. */
import { toDecimal } from '../exact/rational';
import type { InputError, SummaryScore } from '../model';
import { Fields } from './fields';
import { parseIdRows, readWith, type ParseOutcome } from './parsed';
import { SUMMARY_FIELDS, SUMMARY_SHEET, requiredOf, type SummaryKey } from './schemas';
import { matcherFor, readTable } from './table';
import { dataSheet, sheetLabel, type OpenedWorkbook, type WorkbookSource } from './workbook';
import { wrongWorkbook } from './recognise';

export function parseSummary(opened: OpenedWorkbook): ParseOutcome<SummaryScore> {
  const wrong = wrongWorkbook(opened, 'summary');
  if (wrong) return { parsed: null, errors: [wrong], warnings: [] };
  const errors: InputError[] = [];
  const ws = dataSheet(opened, [SUMMARY_SHEET]);
  const sheet = sheetLabel(opened, ws);
  const table = readTable(ws, sheet, matcherFor(SUMMARY_FIELDS), requiredOf(SUMMARY_FIELDS), 'id', errors);
  if (!table) return { parsed: null, errors, warnings: [] };
  const fields = new Fields<SummaryKey>(table, errors);
  const parsed = parseIdRows('summary', table, fields, errors, (row, id): SummaryScore | undefined => {
    // either may be negative, as the item path gives them (deductions): kept, and flagged by the method
    const baseScore = fields.number(row, 'baseScore', true);
    const orgScore = fields.number(row, 'orgScore', true);
    if (id === undefined || !baseScore || !orgScore) return undefined;
    return { id, baseScore: toDecimal(baseScore), orgScore: toDecimal(orgScore) };
  });
  return { parsed, errors, warnings: table.warnings };
}

export function readSummary(source: WorkbookSource) {
  return readWith(source, parseSummary);
}
