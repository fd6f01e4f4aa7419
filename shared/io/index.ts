/** Exchange workbooks (docs/formats.md): read, validate, write. Pure: bytes in, bytes out. */
export { readAssessmentInputs, checkAgainstRoster, type AssessmentFiles } from './assessment';
export { sortErrors, type Parsed, type ParseOutcome, type CheckedWithWarnings, type WorkbookKind } from './parsed';
export { readRoster, type RosterOptions } from './roster';
export { readSummary } from './summary';
export { readScores } from './scores';
export { readBallots } from './ballots';
export { readEvents } from './events';
export { openWorkbook, type WorkbookSource } from './workbook';
export { writeTemplate, writeFilledTemplate, describeInput, type TemplateValue, TEMPLATE_KINDS, TEMPLATE_TITLES, type TemplateKind } from './templates';
export { writeResultsWorkbook, explainRow, RESULT_HEADERS } from './results';
export {
  writeTaizhangWorkbook,
  writeTongjiWorkbook,
  tongjiLines,
  TAIZHANG_TITLE,
  TONGJI_TITLE,
  TAIZHANG_HEADERS,
  TONGJI_HEADERS,
  type TaizhangMeta,
} from './taizhang';
export { inputColumns, type InputColumn } from './rubric-inputs';
export { normalizeText, toHalfWidth } from './normalize';
