/** The workbook readers, loaded on first import (exceljs is large; the app starts without it). */
export { parseAttendance } from '../../../../shared/io/attendance';
export { parseBallots } from '../../../../shared/io/ballots';
export { parseEvents } from '../../../../shared/io/events';
export { parseRoster } from '../../../../shared/io/roster';
export { parseScores } from '../../../../shared/io/scores';
export { parseSummary } from '../../../../shared/io/summary';
export { openWorkbook } from '../../../../shared/io/workbook';
