/** The 山西 台账 (附表3) and 统计表 (附表4) of docs/formats.md §13, written from a roster and read back. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { secretary } from '../method/testing';
import { TAIZHANG_HEADERS, TONGJI_HEADERS, tongjiLines, writeTaizhangWorkbook, writeTongjiWorkbook } from './taizhang';

const roster = [
  secretary('S2', { name: '李强', unit: '市农业农村局', source: 'city', town: '胶莱镇', village: '前屯村', daysPresent: 150, workDays: 250 }),
  secretary('S1', { name: '王明', unit: '胶莱镇政府', town: '胶莱镇', village: '后屯村', daysPresent: 200, workDays: 250 }),
  secretary('S3', { name: '张华', mode: 'parttime', rankClass: 'junior', postType: 'community', town: '里岔镇', village: '里岔社区' }),
];

async function read(bytes: Uint8Array): Promise<ExcelJS.Worksheet> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}
const values = (ws: ExcelJS.Worksheet, row: number) => (ws.getRow(row).values as unknown[]).slice(1);

describe('山西 选派台账 and 统计表', () => {
  it('台账 (附表3): the title, and one row per secretary by 编号 with the roster columns', async () => {
    const ws = await read(await writeTaizhangWorkbook(roster, { region: '胶州市委组织部', year: 2024 }));
    expect(ws.name).toBe('台账');
    expect(ws.getCell(1, 1).value).toBe('2024年度选派第一书记到村工作台账');
    expect(ws.getCell(2, 1).value).toBe('填报单位：胶州市委组织部');
    expect(values(ws, 3)).toEqual([...TAIZHANG_HEADERS]);
    expect(values(ws, 4)).toEqual([1, 'S1', '王明', '胶莱镇政府', '镇(街道)', '正股级干部', '脱产驻村', '胶莱镇', '后屯村', '村', 200, 250, '80.00%']);
    expect(values(ws, 5).slice(0, 5)).toEqual([2, 'S2', '李强', '市农业农村局', '市直部门(单位)']);
    expect(values(ws, 6)).toEqual([3, 'S3', '张华', '', '镇(街道)', '副股级及以下干部', '非脱产联村', '里岔镇', '里岔社区', '社区', undefined, undefined, '']);
    expect(ws.rowCount).toBe(6);
  });

  it('统计表 (附表4): counts by kind, and 在村 at least 2/3 of the work days, exactly', async () => {
    const lines = tongjiLines(roster);
    expect(lines[0]).toEqual(['合计', '选派第一书记', 3]);
    expect(lines).toContainEqual(['单位类别', '市直部门(单位)', 1]);
    expect(lines).toContainEqual(['驻村方式', '非脱产联村', 1]);
    expect(lines).toContainEqual(['村社区类型', '社区', 1]);
    expect(lines).toContainEqual(['派驻镇(街道)', '胶莱镇', 2]);
    // 200/250 ≥ 2/3; 150/250 = 0.6 < 2/3; S3 has no days recorded
    expect(lines.slice(-3)).toEqual([
      ['在村工作时间', '已填报在村天数', 2],
      ['在村工作时间', '在村不少于全年工作日的2/3', 1],
      ['在村工作时间', '在村不足全年工作日的2/3', 1],
    ]);
    const ws = await read(await writeTongjiWorkbook(roster, { year: 2024 }));
    expect(ws.getCell(1, 1).value).toBe('2024年度选派机关优秀干部到村任第一书记情况统计表');
    expect(values(ws, 3)).toEqual([...TONGJI_HEADERS]);
    expect(values(ws, 4)).toEqual(['合计', '选派第一书记', 3, '100.00%']);
    expect(ws.rowCount).toBe(3 + lines.length);
  });

  it('exactly 2/3 counts as present', () => {
    expect(tongjiLines([secretary('A', { daysPresent: 2, workDays: 3 })]).at(-2)).toEqual(['在村工作时间', '在村不少于全年工作日的2/3', 1]);
  });
});
