import { describe, expect, it } from 'vitest';
import { isIsoDate, noticeEnd, noticePeriodText, noticeProblem } from './notice';

describe('the 公示 period', () => {
  it('counts calendar days from the start, the start being the first', () => {
    expect(noticeEnd({ start: '2025-01-06', days: 7, unit: 'day' })).toBe('2025-01-12');
    expect(noticeEnd({ start: '2025-02-26', days: 5, unit: 'day' })).toBe('2025-03-02');
  });

  it('counts working days Monday to Friday, over a weekend; a start on a Saturday begins on Monday', () => {
    // 2025-01-06 is a Monday
    expect(noticeEnd({ start: '2025-01-06', days: 5, unit: 'workday' })).toBe('2025-01-10');
    expect(noticeEnd({ start: '2025-01-09', days: 5, unit: 'workday' })).toBe('2025-01-15');
    expect(noticeEnd({ start: '2025-01-11', days: 1, unit: 'workday' })).toBe('2025-01-13');
  });

  it('reads as the notice says it', () => {
    expect(noticePeriodText({ start: '2025-01-06', days: 5, unit: 'workday' })).toBe('公示期为5个工作日，自2025年1月6日至2025年1月10日。');
    expect(noticePeriodText({ start: '2025-01-06', days: 7, unit: 'day' })).toBe('公示期为7天，自2025年1月6日至2025年1月12日。');
  });

  it('refuses what is not a period, in Chinese', () => {
    expect(isIsoDate('2025-02-30')).toBe(false);
    expect(noticeProblem({ start: '2025-02-30', days: 5, unit: 'day' })).toMatch(/开始日期无效/);
    expect(noticeProblem({ start: '2025-01-06', days: 0, unit: 'day' })).toMatch(/天数/);
    expect(noticeProblem({ start: '2025-01-06', days: 5, unit: 'week' })).toMatch(/个工作日/);
    expect(noticeProblem({ start: '2025-01-06', days: 5, unit: 'workday' })).toBeNull();
  });
});
