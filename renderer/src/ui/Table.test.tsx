// @vitest-environment happy-dom
/** A province's roster keeps a few rows in the DOM and stays a table; a county's renders whole. */
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Table } from './Table';
import { VIRTUAL_ROWS_FROM } from './VirtualTable';

interface Person {
  id: string;
  name: string;
}

const people = (n: number): Person[] => Array.from({ length: n }, (_, i) => ({ id: `S${i + 1}`, name: `第一书记${i + 1}` }));

const view = (rows: Person[], scroll = true) =>
  render(
    <Table
      testId="roster-table"
      scroll={scroll}
      rows={rows}
      rowKey={(p) => p.id}
      columns={[
        { key: 'id', header: '编号', width: '6em', render: (p) => p.id },
        { key: 'name', header: '姓名', render: (p) => p.name },
      ]}
    />,
  );

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
});

describe('Table', () => {
  it('renders every row of a scrolled table up to the virtual size (a county’s roster)', () => {
    view(people(VIRTUAL_ROWS_FROM));
    expect(screen.getByTestId('roster-table').querySelectorAll('tbody tr')).toHaveLength(VIRTUAL_ROWS_FROM);
    expect(screen.queryByRole('region', { name: /滚动/ })).toBeNull();
  });

  it('renders every row of a table that does not scroll, however long', () => {
    view(people(VIRTUAL_ROWS_FROM + 50), false);
    expect(screen.getByTestId('roster-table').querySelectorAll('tbody tr')).toHaveLength(VIRTUAL_ROWS_FROM + 50);
  });

  it('keeps a province’s roster (10,000) to a few rows in the DOM, in a real table that says how many rows there are', () => {
    // the box is 600 px high, a row 37 px (happy-dom lays nothing out)
    vi.spyOn(HTMLElement.prototype, 'clientHeight', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'clientWidth', 'get').mockReturnValue(1000);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(37);
    view(people(10_000));
    const box = screen.getByRole('region', { name: /共 10000 行，可用方向键和翻页键滚动/ });
    expect(box.tabIndex).toBe(0);
    const table = within(box).getByTestId('roster-table');
    expect(table.getAttribute('aria-rowcount')).toBe('10001');
    expect(
      within(table)
        .getAllByRole('columnheader')
        .map((h) => h.textContent),
    ).toEqual(['编号', '姓名']);
    const rows = [...table.querySelectorAll<HTMLTableRowElement>('tbody tr[data-index]')];
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.length).toBeLessThan(100);
    // rendered rows say where they are among all rows, in order
    rows.forEach((row) => {
      const index = Number(row.dataset.index);
      expect(row.getAttribute('aria-rowindex')).toBe(String(2 + index));
      expect(row.textContent).toContain(`第一书记${index + 1}`);
    });
    // the columns keep the widths they are given
    expect([...table.querySelectorAll('col')].map((c) => c.style.width)).toEqual(['6em', '']);
  });
});
