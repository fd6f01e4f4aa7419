import { describe, expect, it } from 'vitest';
import { parseMonth, readAttendance, writeTemplate } from '.';
import { fillTemplate, workbookOf } from './testing';

describe('attendance workbook', () => {
  it('a month typed in the template comes back as written', async () => {
    const bytes = await fillTemplate(await writeTemplate('attendance'), [
      { 编号: 'S1', 姓名: '张三', 月份: '2024年3月', 在村工作天数: 18, 本月工作日数: 21, 请假天数: 2, 村党组织书记签字: '刘书记' },
      { 编号: 'S2', 月份: '2024-03', 在村工作天数: 21, 本月工作日数: 21, 备注: '因公出差2天' },
    ]);
    expect(await readAttendance(bytes)).toEqual({
      ok: true,
      value: [
        { id: 'S1', month: '2024-03', daysPresent: 18, workDays: 21, leaveDays: 2, signedBy: '刘书记' },
        { id: 'S2', month: '2024-03', daysPresent: 21, workDays: 21, leaveDays: 0, note: '因公出差2天' },
      ],
    });
  });

  it('every problem at once: a second month, more days than work days, a bad month, an id twice', async () => {
    const bytes = await workbookOf({
      考勤: [
        ['编号', '月份', '在村工作天数', '本月工作日数', '请假天数'],
        ['S1', '2024-03', 18, 21, 0],
        ['S2', '2024-04', 18, 21, 0],
        ['S3', '2024-03', 22, 21, 0],
        ['S4', '2024-03', 15, 21, 8],
        ['S5', '三月', 15, 21, 0],
        ['S1', '2024-03', 18, 21, 0],
      ],
    });
    const read = await readAttendance(bytes);
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.errors.map((e) => [e.row, e.column, e.message])).toEqual([
      [2, '编号', '编号“S1”重复（另见第7行）'],
      [3, '月份', '一个考勤表只填一个月份：本行为2024-04，第2行为2024-03'],
      [4, '在村工作天数', '在村工作天数22天超过本月工作日数21天'],
      [5, '请假天数', '在村工作天数与请假天数之和23天超过本月工作日数21天'],
      [6, '月份', '月份“三月”无效，应填“2024-03”或“2024年3月”'],
      [7, '编号', '编号“S1”重复（另见第2行）'],
    ]);
  });

  it('months as people write them', () => {
    expect(['2024-03', '2024-3', '2024年3月', '2024年03月份', '2024/3', '2024.03', '2024-03-01'].map(parseMonth)).toEqual(Array(7).fill('2024-03'));
    expect(['2024-13', '3月', '2024'].map(parseMonth)).toEqual([null, null, null]);
  });
});
