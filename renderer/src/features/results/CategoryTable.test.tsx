// @vitest-environment happy-dom
/** A category of a province keeps a few rows in the DOM and stays a table; a county's renders whole. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { computeAssessment } from '../../../../shared/method';
import { inputOf } from '../../../../shared/method/testing';
import { presetPolicy } from '../../../../shared/policy/presets';
import { CategoryTable, VIRTUAL_FROM } from './CategoryTable';

const labels = presetPolicy('jiaozhou').labels;

function category(size: number) {
  const people = Array.from({ length: size }, (_, i) => ({ id: `S${i + 1}`, org: String(80 + (i % 30)), base: '85', votes: [30, 8, 2, 0] }));
  return computeAssessment(inputOf(people)).categories[0]!;
}

const view = (size: number) => {
  const c = category(size);
  render(<CategoryTable category={c} rows={c.rows} labels={labels} onDecide={() => {}} readOnly={false} />);
  return c;
};

afterEach(cleanup);

describe('CategoryTable', () => {
  it('renders every secretary of a category up to the virtual size', () => {
    view(VIRTUAL_FROM);
    expect(screen.getAllByTestId('result-row')).toHaveLength(VIRTUAL_FROM);
    expect(screen.queryByRole('region', { name: /滚动/ })).toBeNull();
  });

  it('keeps a large category to a few rows in the DOM, in a real table that says how many rows there are', () => {
    const c = view(1200);
    const rows = screen.queryAllByTestId('result-row');
    expect(rows.length).toBeLessThan(100);
    const box = screen.getByRole('region', { name: /共 1200 人，可用方向键和翻页键滚动/ });
    expect(box.tabIndex).toBe(0);
    const table = within(box).getByRole('table');
    expect(table.getAttribute('aria-rowcount')).toBe(String(1 + 1200 * 2));
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toContain('考核总分');
    // rows that are rendered say where they are among all rows, in rank order
    rows.forEach((row) => {
      const index = Number(row.dataset.index);
      const [first, second] = row.querySelectorAll('tr');
      expect(first!.getAttribute('aria-rowindex')).toBe(String(2 + index * 2));
      expect(second!.getAttribute('aria-rowindex')).toBe(String(3 + index * 2));
      expect(first!.textContent).toContain(c.rows[index]!.id);
    });
  });
});
