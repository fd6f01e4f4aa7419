// @vitest-environment happy-dom
/** Days and months typed and shown in Chinese, whatever the computer's language. */
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DayInput, MonthInput, readMonth } from './DateInput';

afterEach(() => {
  cleanup();
});

describe('readMonth', () => {
  it.each([
    ['2024-03', '2024-03'],
    ['2024/3', '2024-03'],
    ['2024.12', '2024-12'],
    ['2024年3月', '2024-03'],
    [' 2024 年 3 月 ', '2024-03'],
    ['2024-13', null],
    ['2024年0月', null],
    ['三月', null],
  ])('%s → %s', (text, month) => {
    expect(readMonth(text)).toBe(month);
  });
});

describe('DayInput', () => {
  it('shows the day in Chinese and gives YYYY-MM-DD for what is typed in any of the usual ways', () => {
    const onChange = vi.fn();
    render(<DayInput aria-label="收到日期" value="2025-01-06" onChange={onChange} />);
    const input = screen.getByLabelText<HTMLInputElement>('收到日期');
    expect(input.value).toBe('2025年1月6日');
    expect(input.type).toBe('text');
    for (const [typed, day] of [
      ['2025-01-09', '2025-01-09'],
      ['2025/1/9', '2025-01-09'],
      ['2025年1月9日', '2025-01-09'],
    ] as const) {
      fireEvent.change(input, { target: { value: typed } });
      expect(onChange).toHaveBeenLastCalledWith(day);
      expect(input.getAttribute('aria-invalid')).toBeNull();
    }
  });

  it('a text that is not a real day is marked and gives no day; leaving the field writes a good one in words', () => {
    function Form() {
      const [day, setDay] = useState('2025-01-06');
      return (
        <>
          <DayInput aria-label="公示开始日期" value={day} onChange={setDay} />
          <output>{day || '（无）'}</output>
        </>
      );
    }
    render(<Form />);
    const input = screen.getByLabelText<HTMLInputElement>('公示开始日期');
    fireEvent.change(input, { target: { value: '2025年2月30日' } });
    expect(input.value).toBe('2025年2月30日');
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByRole('status').textContent).toBe('（无）');
    fireEvent.change(input, { target: { value: '2025-02-28' } });
    fireEvent.blur(input);
    expect(input.value).toBe('2025年2月28日');
    expect(screen.getByRole('status').textContent).toBe('2025-02-28');
  });
});

describe('MonthInput', () => {
  it('shows 2024年3月 and gives YYYY-MM', () => {
    const onChange = vi.fn();
    const { rerender } = render(<MonthInput aria-label="考勤月份" value="2024-03" onChange={onChange} />);
    const input = screen.getByLabelText<HTMLInputElement>('考勤月份');
    expect(input.value).toBe('2024年3月');
    fireEvent.change(input, { target: { value: '2024-04' } });
    expect(onChange).toHaveBeenLastCalledWith('2024-04');
    // a month chosen elsewhere is shown in words
    rerender(<MonthInput aria-label="考勤月份" value="2024-07" onChange={onChange} />);
    expect(input.value).toBe('2024年7月');
  });
});
