/** Small workbooks for specs, written with exceljs: a header row and data rows. */
import ExcelJS from 'exceljs';

export async function workbook(sheet: string, header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The worked example of docs/method.md §8 (S1–S4, 镇街·脱产·正股级) plus a category with a
 * boundary tie (T1 = T2 at the top, one excellent place): 镇街·脱产·党政正职.
 */
export const ROSTER_HEADER = ['编号', '姓名', '派出单位', '单位类别', '驻村方式', '职级类别', '所在镇街', '村社区', '应参加人数'];
export const ROSTER_ROWS = [
  ['S1', '王明', '三里河街道', '镇街', '脱产', '正股级', '三里河街道', '东庄村', 45],
  ['S2', '李强', '胶东街道', '镇街', '脱产', '正股级', '胶东街道', '西庄村', 42],
  ['S3', '张华', '九龙街道', '镇街', '脱产', '正股级', '九龙街道', '南庄村', 48],
  ['S4', '刘洋', '李哥庄镇', '镇街', '脱产', '正股级', '李哥庄镇', '北庄村', 50],
  ['T1', '陈静', '胶莱镇', '镇街', '脱产', '党政正职', '胶莱镇', '前屯村', 45],
  ['T2', '杨帆', '胶莱镇', '镇街', '脱产', '党政正职', '胶莱镇', '后屯村', 45],
  ['T3', '赵磊', '里岔镇', '镇街', '脱产', '党政正职', '里岔镇', '大村', 45],
  ['T4', '孙丽', '里岔镇', '镇街', '脱产', '党政正职', '里岔镇', '小村', 45],
];
export const SUMMARY_HEADER = ['编号', '基本分', '组织工作目标考评得分'];
export const SUMMARY_ROWS = [
  ['S1', 90, 96],
  ['S2', 78, 92],
  ['S3', 85, 88],
  ['S4', 86, 90],
  ['T1', 90, 95],
  ['T2', 90, 95],
  ['T3', 85, 80],
  ['T4', 85, 70],
];
export const BALLOT_HEADER = ['编号', '很满意', '满意', '基本满意', '不满意', '废票'];
export const BALLOT_ROWS = [
  ['S1', 30, 8, 2, 0, 0],
  ['S2', 35, 5, 0, 0, 0],
  ['S3', 20, 10, 5, 4, 1],
  ['S4', 10, 10, 20, 2, 0],
  ['T1', 40, 0, 0, 0, 0],
  // the same satisfaction as T1 (the tie), but not the same tally: no plausibility warning
  ['T2', 35, 5, 0, 0, 0],
  ['T3', 30, 10, 0, 0, 0],
  ['T4', 31, 9, 0, 0, 0],
];
