import { describe, expect, it } from 'vitest';
import { toFraction } from '../exact/rational';
import type { AttendanceMonth, Secretary } from '../model';
import { attendanceProblems, describeAttendance, lowestOfMonth, presenceChanges, quarterRows } from './attendance';

const who = (id: string, town: string): Pick<Secretary, 'id' | 'name' | 'town'> => ({ id, name: `书记${id}`, town });
const month = (id: string, daysPresent: number, workDays = 20, m = '2024-03', leaveDays = 0): AttendanceMonth => ({
  id,
  month: m,
  daysPresent,
  workDays,
  leaveDays,
});

describe('attendance of a month', () => {
  it('the rate is exact and read as days over work days', () => {
    expect(describeAttendance({ daysPresent: 17, workDays: 20 })).toBe('17/20（85.00%）');
    expect(describeAttendance({ daysPresent: 2, workDays: 3 })).toBe('2/3（66.67%）');
  });

  it.each([
    [{ month: '2024-03', daysPresent: 21, workDays: 20, leaveDays: 0 }, 'daysPresent', '在村工作天数21天超过本月工作日数20天'],
    [{ month: '2024-03', daysPresent: 18, workDays: 20, leaveDays: 3 }, 'leaveDays', '在村工作天数与请假天数之和21天超过本月工作日数20天'],
    [{ month: '2024-03', daysPresent: 0, workDays: 0, leaveDays: 0 }, 'workDays', '本月工作日数应不小于1'],
    [{ month: '2024-13', daysPresent: 1, workDays: 20, leaveDays: 0 }, 'month', '月份“2024-13”无效，应填“2024-03”或“2024年3月”'],
  ] as const)('%j → %s: %s', (m, field, message) => {
    expect(attendanceProblems(m)).toEqual([{ field, message }]);
  });

  it('a month that adds up has no problem', () => {
    expect(attendanceProblems({ month: '2024-03', daysPresent: 18, workDays: 20, leaveDays: 2 })).toEqual([]);
  });
});

describe('the three lowest 出勤率 of each town (月排名, 末3位)', () => {
  const roster = [
    who('A1', '胶莱镇'),
    who('A2', '胶莱镇'),
    who('A3', '胶莱镇'),
    who('A4', '胶莱镇'),
    who('A5', '胶莱镇'),
    who('B1', '里岔镇'),
    who('B2', '里岔镇'),
    who('B3', '里岔镇'),
  ];

  it('lists the three lowest per town, lowest first, and who has not reported', () => {
    const records = [month('A1', 20), month('A2', 15), month('A3', 18), month('A4', 10), month('B1', 12), month('B2', 20)];
    const [jiaolai, licha] = lowestOfMonth('2024-03', records, roster);
    expect(jiaolai!.town).toBe('胶莱镇');
    expect(jiaolai!.rows.map((r) => [r.id, r.place, toFraction(r.rate)])).toEqual([
      ['A4', 1, '1/2'],
      ['A2', 2, '3/4'],
      ['A3', 3, '9/10'],
    ]);
    expect(jiaolai!.missing).toEqual([{ id: 'A5', name: '书记A5' }]);
    expect(jiaolai!.notes).toEqual([]);
    expect(licha!.rows.map((r) => r.id)).toEqual(['B1', 'B2']);
    expect(licha!.notes).toEqual(['本镇街本月仅2人报送考勤，全部列入']);
  });

  it('a tie at the third place lists everyone tied, and says so', () => {
    const records = [month('A1', 20), month('A2', 15), month('A3', 18), month('A4', 18), month('A5', 10)];
    const [jiaolai] = lowestOfMonth('2024-03', records, roster);
    expect(jiaolai!.rows.map((r) => [r.id, r.place])).toEqual([
      ['A5', 1],
      ['A2', 2],
      ['A3', 3],
      ['A4', 3],
    ]);
    expect(jiaolai!.notes).toEqual(['出勤率90.00%并列第3位，2人均列入末3位，共4人']);
  });

  it('rates are compared exactly: 2/3 and 20/30 are one place; 13/20 is below', () => {
    const records = [month('A1', 2, 3), month('A2', 20, 30), month('A3', 13, 20), month('A4', 30, 30), month('A5', 29, 30)];
    const [jiaolai] = lowestOfMonth('2024-03', records, roster);
    expect(jiaolai!.rows.map((r) => [r.id, r.place])).toEqual([
      ['A3', 1],
      ['A1', 2],
      ['A2', 2],
    ]);
  });
});

describe('the quarter and the year', () => {
  const roster = [who('A1', '胶莱镇'), who('A2', '胶莱镇')];
  const records = [month('A1', 20, 20, '2024-04'), month('A1', 10, 20, '2024-05'), month('A2', 18, 20, '2024-04'), month('A1', 5, 20, '2023-12')];

  it('a quarter adds up its months and names the months someone was among the lowest', () => {
    const [a1, a2] = quarterRows('2024Q2', records, roster);
    expect(a1).toMatchObject({ id: 'A1', daysPresent: 30, workDays: 40, lowMonths: ['2024-04', '2024-05'] });
    expect(toFraction(a1!.rate!)).toBe('3/4');
    expect(a1!.months.map((m) => m?.month)).toEqual(['2024-04', '2024-05', undefined]);
    expect(a2).toMatchObject({ daysPresent: 18, workDays: 20 });
  });

  it('the year feeds the roster as a change: only where the figures differ, months of that year only', () => {
    const changes = presenceChanges(
      [
        { ...roster[0]!, daysPresent: 30, workDays: 40 },
        { ...roster[1]!, daysPresent: 1, workDays: 2 },
      ],
      records,
      2024,
    );
    expect(changes).toEqual([{ id: 'A2', name: '书记A2', months: 1, before: { daysPresent: 1, workDays: 2 }, after: { daysPresent: 18, workDays: 20 } }]);
  });
});
