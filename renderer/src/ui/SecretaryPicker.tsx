/** Pick a secretary: search by 编号 or 姓名, Enter takes the first match, arrows move. */
import { useMemo, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { Secretary } from '../../../shared/model';

export function matchesQuery(s: Pick<Secretary, 'id' | 'name' | 'village' | 'town'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [s.id, s.name, s.village ?? '', s.town ?? ''].some((t) => t.toLowerCase().includes(q));
}

export function SecretaryPicker<S extends Secretary>({
  secretaries,
  selectedId,
  onSelect,
  status,
  label = '选择第一书记',
}: {
  secretaries: readonly S[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  /** a badge beside each name (已评, 待核对 …) */
  status?: (s: S) => ReactNode;
  label?: string;
}) {
  const [query, setQuery] = useState('');
  const shown = useMemo(() => secretaries.filter((s) => matchesQuery(s, query)), [secretaries, query]);

  const moveFocus = (e: KeyboardEvent<HTMLElement>) => {
    const list = e.currentTarget.closest('.picker')?.querySelectorAll<HTMLButtonElement>('.picker-item');
    if (!list || list.length === 0) return;
    const items = Array.from(list);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    const next = e.key === 'ArrowDown' ? Math.min(at + 1, items.length - 1) : e.key === 'ArrowUp' ? at - 1 : null;
    if (next === null) return;
    e.preventDefault();
    if (next < 0) e.currentTarget.closest('.picker')?.querySelector<HTMLInputElement>('input')?.focus();
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
        onChange={(e) => setQuery(e.target.value)}
        onKeyDown={(e) => {
          const first = shown[0];
          if (e.key === 'Enter' && first) {
            e.preventDefault();
            onSelect(first.id);
          }
        }}
      />
      <div className="picker-count muted">
        {shown.length} / {secretaries.length} 人
      </div>
      <ul className="picker-list">
        {shown.map((s) => (
          <li key={s.id}>
            <button type="button" className="picker-item" aria-current={s.id === selectedId ? 'true' : undefined} onClick={() => onSelect(s.id)}>
              <span className="picker-id num">{s.id}</span>
              <span className="picker-name">{s.name}</span>
              {status ? <span className="picker-status">{status(s)}</span> : null}
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
