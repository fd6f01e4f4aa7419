/**
 * What follows the review meeting as a workbook (docs/formats.md §15): the 奖惩意见,
 * the 干部档案 entries and the feedback per 派出单位 — the app's 导出 on the 奖惩 screen.
 */
import type { AwardLine, UnitFeedback } from '../people/awards';
import { BODY_FONT, BORDER, HEADER_FILL, HEADER_FONT, printSetup } from './style';
import { newWorkbook, workbookBytes } from './workbook-model';
import type ExcelJS from 'exceljs';

function table(workbook: ExcelJS.Workbook, name: string, header: string[], widths: number[], rows: (string | number)[][]): void {
  const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  ws.columns.forEach((c, i) => (c.width = widths[i] ?? 12));
  ws.eachRow((row, r) => {
    row.eachCell({ includeEmpty: true }, (cell) => {
      cell.font = r === 1 ? HEADER_FONT : BODY_FONT;
      cell.border = BORDER;
      cell.alignment = { vertical: 'middle', wrapText: true };
      if (r === 1) cell.fill = HEADER_FILL;
    });
  });
  printSetup(ws, '1:1');
}

export async function writeAftermathWorkbook(lines: readonly AwardLine[], units: readonly UnitFeedback[], year: number): Promise<Uint8Array> {
  const workbook = newWorkbook();
  table(
    workbook,
    '奖惩意见',
    ['序号', '编号', '姓名', '派出单位', '所任职村(社区)', '考核等次', '召回', '奖惩意见', '调整理由'],
    [6, 10, 10, 22, 20, 10, 8, 60, 30],
    lines.map((l, i) => [
      i + 1,
      l.id,
      l.name,
      l.unit,
      l.village,
      l.gradeLabel,
      l.recalls.length ? '已召回' : '',
      [...l.lines, ...l.notes].join('\n'),
      l.edit ? `${l.edit.reason}（${l.edit.by}）` : '',
    ]),
  );
  table(
    workbook,
    '干部档案',
    ['编号', '姓名', '派出单位', '年度', '考核等次', '记入档案的奖惩'],
    [10, 10, 22, 8, 10, 60],
    lines.map((l) => [l.id, l.name, l.unit, year, l.gradeLabel, l.cadre.join('\n')]),
  );
  table(
    workbook,
    '派出单位反馈',
    ['派出单位', '第一书记人数', '本年度召回次数', '处理'],
    [24, 12, 14, 70],
    units.map((u) => [u.unit, u.lines.length, u.recalls, u.flag ?? '']),
  );
  return workbookBytes(workbook);
}
