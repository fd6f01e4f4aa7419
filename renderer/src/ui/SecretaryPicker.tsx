/**
 * The list on the left of a workbench: search by 编号 or 姓名 (Enter takes the first
 * match), a filter by status with how many each has, arrows move in the list.
 * Controlled by the workbench (Workbench.tsx), which knows what is shown.
 */
import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import type { Secretary } from '../../../shared/model';
import type { StatusFilter } from './secretaryList';

export function SecretaryPicker<S extends Secretary, K extends string>({
  total,
  shown,
  selectedId,
  onSelect,
  query,
  onQuery,
  filter,
  onFilter,
  filters,
  badge,
  label = '选择第一书记',
}: {
  total: number;
  shown: readonly S[];
  selectedId: string | null;
  /** `byEnter`: taken from the search with Enter, so the work beside gets the focus */
  onSelect: (id: string, byEnter?: boolean) => void;
  query: string;
  onQuery: (query: string) => void;
  filter: StatusFilter<K>;
  onFilter: (filter: StatusFilter<K>) => void;
  /** each status with its label and how many have it */
  filters: readonly { key: K; label: string; count: number }[];
  /** a badge beside each name (已评, 待第二次录入 …) */
  badge: (s: S) => ReactNode;
  label?: string;
}) {
  const list = useRef<HTMLUListElement>(null);
  // the one chosen stays in view in the list, also when Alt+↓ moves past the bottom
  useEffect(() => {
    list.current?.querySelector('[aria-current="true"]')?.scrollIntoView?.({ block: 'nearest' });
  }, [selectedId]);

  const moveFocus = (e: KeyboardEvent<HTMLElement>) => {
    if (e.altKey || e.ctrlKey || e.metaKey) return;
    const items = Array.from(list.current?.querySelectorAll<HTMLButtonElement>('.picker-item') ?? []);
    if (items.length === 0) return;
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    if (at < 0 && e.target instanceof HTMLSelectElement) return; // the filter's own arrows
    const next = e.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : e.key === 'ArrowUp' ? at - 1 : null;
    if (next === null) return;
    e.preventDefault();
    if (next < 0) e.currentTarget.querySelector<HTMLInputElement>('input')?.focus();
    else items[next]?.focus();
  };

  return (
    <nav className="picker" aria-label={label} onKeyDown={moveFocus}>
      <input
        type="search"
        className="input picker-search"
        placeholder="搜索编号或姓名"
        aria-label="搜索编号或姓名"
        value={query}
        onChange={(e) => onQuery(e.target.value)}
        onKeyDown={(e) => {
          const first = shown[0];
          if (e.key === 'Enter' && first) {
            e.preventDefault();
            onSelect(first.id, true);
          }
        }}
      />
      <select className="input picker-filter" aria-label="按状态筛选" value={filter} onChange={(e) => onFilter(e.target.value as StatusFilter<K>)}>
        <option value="all">全部（{total}）</option>
        {filters.map((f) => (
          <option key={f.key} value={f.key} disabled={f.count === 0 && f.key !== filter}>
            {f.label}（{f.count}）
          </option>
        ))}
      </select>
      <div className="picker-count muted">
        {shown.length} / {total} 人<span className="picker-keys">Alt+↓ 下一位　Alt+↑ 上一位</span>
      </div>
      <ul className="picker-list" ref={list}>
        {shown.map((s) => (
          <li key={s.id}>
            <button type="button" className="picker-item" aria-current={s.id === selectedId ? 'true' : undefined} onClick={() => onSelect(s.id)}>
              <span className="picker-id num">{s.id}</span>
              <span className="picker-name">{s.name}</span>
              <span className="picker-status">{badge(s)}</span>
              {s.village ? (
                <span className="picker-village muted">
                  {s.town ? `${s.town} ` : ''}
                  {s.village}
                </span>
              ) : null}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
