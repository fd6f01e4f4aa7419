import { describe, expect, it } from 'vitest';
import { assessedYear } from './year';

describe('assessedYear: the default year of a new assessment', () => {
  it.each([
    ['2025-01-02', 2024],
    ['2025-03-31', 2024],
    ['2025-04-01', 2025],
    ['2025-12-20', 2025],
  ])('on %s: %i', (day, year) => {
    const [y, m, d] = day.split('-').map(Number);
    expect(assessedYear(new Date(y!, m! - 1, d!))).toBe(year);
  });
});
