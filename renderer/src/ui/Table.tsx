import type { Column } from './column';
import { VirtualTable, VIRTUAL_ROWS_FROM } from './VirtualTable';

export type { Column } from './column';

/**
 * A plain data table with a sticky header. A scrolled table of more than
 * VIRTUAL_ROWS_FROM rows (a province's roster) keeps only the rows in view in the DOM.
 */
export function Table<T>({
  columns,
  rows,
  rowKey,
  empty = '暂无数据',
  caption,
  rowClass,
  testId,
  scroll,
}: {
  columns: Column<T>[];
  rows: readonly T[];
  rowKey: (row: T, index: number) => string;
  empty?: string;
  caption?: string;
  rowClass?: (row: T) => string | undefined;
  testId?: string;
  /** long lists: the table scrolls inside the screen with its header kept in view */
  scroll?: boolean;
}) {
  if (scroll && rows.length > VIRTUAL_ROWS_FROM)
    return <VirtualTable columns={columns} rows={rows} rowKey={rowKey} caption={caption} rowClass={rowClass} testId={testId} />;
  return (
    <div className={scroll ? 'table-wrap table-scroll' : 'table-wrap'}>
      <table className="table" data-testid={testId}>
        {caption ? <caption>{caption}</caption> : null}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c.key} scope="col" style={{ textAlign: c.align ?? 'left', width: c.width }}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.length === 0 ? (
            <tr>
              <td colSpan={columns.length} className="table-empty">
                {empty}
              </td>
            </tr>
          ) : (
            rows.map((row, i) => (
              <tr key={rowKey(row, i)} className={rowClass?.(row)}>
                {columns.map((c) => (
                  <td key={c.key} style={{ textAlign: c.align ?? 'left' }}>
                    {c.render(row, i)}
                  </td>
                ))}
              </tr>
            ))
          )}
        </tbody>
      </table>
    </div>
  );
}
