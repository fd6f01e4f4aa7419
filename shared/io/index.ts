/** Exchange workbooks (docs/formats.md): read, validate, write. Pure: bytes in, bytes out. */
export { readAssessmentInputs, checkAgainstRoster, type AssessmentFiles } from './assessment';
export { sortErrors, type Parsed, type ParseOutcome, type CheckedWithWarnings, type WorkbookKind } from './parsed';
export { readRoster, type RosterOptions } from './roster';
export { readSummary } from './summary';
export { readScores } from './scores';
export { readBallots } from './ballots';
export { readEvents } from './events';
export { readAttendance, parseMonth } from './attendance';
export { openWorkbook, type WorkbookSource } from './workbook';
export {
  writeTemplate,
  writeFilledTemplate,
  writeRosterTemplate,
  describeInput,
  type TemplateValue,
  TEMPLATE_KINDS,
  TEMPLATE_TITLES,
  ROSTER_TEMPLATE_KINDS,
  type TemplateKind,
  type RosterTemplateKind,
} from './templates';
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
export { writeRulesWorkbook, readRulesWorkbook, parseRules, RULES_TITLE, type RulesWorkbook } from './rules';
export { recogniseWorkbook, wrongWorkbook, FILE_KIND_WORDS, type FileKind } from './recognise';
