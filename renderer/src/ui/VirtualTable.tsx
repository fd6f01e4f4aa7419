/**
 * A long scrolled table (a province's roster: 10,000 secretaries) that keeps only the
 * rows in view in the DOM (@tanstack/react-virtual), as the results' large categories do.
 * It stays a real table: aria-rowcount and aria-rowindex say where each row is, the box
 * scrolls from the keyboard, a row holding the focus stays rendered, and the columns
 * keep their widths as rows come and go.
 */
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { useRef, useState, type ReactNode } from 'react';
import type { Column } from './column';

/** Scrolled tables up to this many rows render whole (a county's roster is 250). */
export const VIRTUAL_ROWS_FROM = 300;
/** A row's height before it is measured. */
const ROW_ESTIMATE = 37;

export function VirtualTable<T>({
  columns,
  rows,
  rowKey,
  caption,
  rowClass,
  testId,
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  caption?: string | undefined;
  rowClass?: ((row: T) => string | undefined) | undefined;
  testId?: string | undefined;
}) {
  const scroller = useRef<HTMLDivElement>(null);
  const [focused, setFocused] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 10,
    getItemKey: (i) => (rows[i] === undefined ? i : rowKey(rows[i], i)),
    rangeExtractor: (range) => {
      const shown = defaultRangeExtractor(range);
      return focused === null || focused >= rows.length || shown.includes(focused) ? shown : [...shown, focused].sort((a, b) => a - b);
    },
  });
  const items = virtualizer.getVirtualItems();
  const gap = (height: number, key: string) =>
    height > 0 ? (
      <tr key={key} aria-hidden="true" className="virtual-gap">
        <td colSpan={columns.length} style={{ height, padding: 0, border: 'none' }} />
      </tr>
    ) : null;
  const cells: ReactNode[] = [];
  let end = 0;
  for (const item of items) {
    cells.push(gap(item.start - end, `gap-${item.key}`));
    end = item.end;
    const row = rows[item.index]!;
    cells.push(
      <tr key={item.key} ref={virtualizer.measureElement} data-index={item.index} aria-rowindex={2 + item.index} className={rowClass?.(row)}>
        {columns.map((c) => (
          <td key={c.key} style={{ textAlign: c.align ?? 'left' }}>
            {c.render(row, item.index)}
          </td>
        ))}
      </tr>,
    );
  }
  cells.push(gap(virtualizer.getTotalSize() - end, 'gap-end'));
  return (
    <div
      ref={scroller}
      className="table-wrap table-scroll"
      data-scroll
      tabIndex={0}
      role="region"
      aria-label={`共 ${rows.length} 行，可用方向键和翻页键滚动`}
      onFocus={(e) => {
        const index = (e.target as HTMLElement).closest<HTMLElement>('tr[data-index]')?.dataset.index;
        if (index !== undefined) setFocused(Number(index));
      }}
    >
      <table className="table table-fixed" data-testid={testId} aria-rowcount={1 + rows.length}>
        {caption ? <caption>{caption}</caption> : null}
        <colgroup>
          {columns.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr aria-rowindex={1}>
            {columns.map((c) => (
              <th key={c.key} scope="col" style={{ textAlign: c.align ?? 'left' }}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{cells}</tbody>
      </table>
    </div>
  );
}
