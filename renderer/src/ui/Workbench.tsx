/**
 * A secretary picked from the list on the left, the work beside it — 考评 and 测评.
 * The list searches and filters by status; Alt+↓ and Alt+↑ go to the next and the
 * previous secretary of the list from anywhere on the screen (digits, Enter and the
 * arrows stay with the fields); the work can move on by itself after a save
 * (`moves.next()`). Which secretary, filter and search are kept for the session.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import type { Secretary } from '../../../shared/model';
import { usePlace } from './place';
import { neighbour, shownSecretaries, statusCounts, type StatusFilter } from './secretaryList';
import { SecretaryPicker } from './SecretaryPicker';

export interface WorkbenchMoves {
  /** to the next secretary of the list; false at its end */
  next(): boolean;
  previous(): boolean;
}

/** the field where the work begins (测评: 发出票数), else the first that takes the keyboard */
const START = '[data-start]:not(:disabled)';
const FOCUSABLE = 'input:not([type="hidden"]):not(:disabled), select:not(:disabled), textarea:not(:disabled), button:not(:disabled), [tabindex="0"]';

export function Workbench<S extends Secretary, K extends string>({
  secretaries,
  statusOf,
  statusLabels,
  statusBadges,
  rosterHref,
  placeKey,
  children,
}: {
  secretaries: readonly S[];
  statusOf: (s: S) => K;
  /** every status in the order the filter offers them */
  statusLabels: Record<K, string>;
  /** the badge's class of each status */
  statusBadges: Record<K, string>;
  /** the roster screen, for a roster still empty */
  rosterHref: string;
  /** where the secretary, filter and search are kept for the session (ui/place.ts) */
  placeKey: string;
  children: (selected: S, moves: WorkbenchMoves) => ReactNode;
}) {
  const statuses = Object.keys(statusLabels) as K[];
  const [place, setPlace] = usePlace(
    placeKey,
    { chosen: '', filter: 'all', query: '' },
    (field, value) => field !== 'filter' || value === 'all' || (typeof value === 'string' && Object.hasOwn(statusLabels, value)),
  );
  const filter = place.filter as StatusFilter<K>;
  const shown = useMemo(() => shownSecretaries(secretaries, place.query, filter, statusOf), [secretaries, place.query, filter, statusOf]);
  const counts = statusCounts(secretaries, statuses, statusOf);
  const selected = secretaries.find((s) => s.id === place.chosen) ?? shown[0] ?? secretaries[0] ?? null;
  const selectedId = selected?.id ?? null;

  const detail = useRef<HTMLDivElement>(null);
  // asked with Enter in the search: the focus goes to the work
  const [focusAsked, setFocusAsked] = useState(0);
  const focusGiven = useRef(0);
  const select = useCallback(
    (id: string, byEnter = false) => {
      // Enter in the search is a jump: the list shows all again, so Alt+↓ and a save walk on from there
      setPlace(byEnter ? { chosen: id, query: '' } : { chosen: id });
      if (byEnter) setFocusAsked((n) => n + 1);
    },
    [setPlace],
  );
  const move = useCallback(
    (step: 1 | -1) => {
      const id = neighbour(
        secretaries.map((s) => s.id),
        new Set(shown.map((s) => s.id)),
        selectedId,
        step,
      );
      if (id !== null) select(id);
      return id !== null;
    },
    [secretaries, shown, selectedId, select],
  );
  const moves = useMemo<WorkbenchMoves>(() => ({ next: () => move(1), previous: () => move(-1) }), [move]);

  // Alt+↓ / Alt+↑ anywhere but in a dialog
  const latest = useRef(moves);
  latest.current = moves;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!e.altKey || e.ctrlKey || e.metaKey || e.shiftKey || (e.key !== 'ArrowDown' && e.key !== 'ArrowUp')) return;
      if (e.target instanceof Element && e.target.closest('dialog')) return;
      e.preventDefault();
      if (e.key === 'ArrowDown') latest.current.next();
      else latest.current.previous();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  // the work may still be reading: the focus goes to it once it is on the screen
  useEffect(() => {
    const box = detail.current;
    if (focusAsked === focusGiven.current || !box) return;
    const focus = () => {
      if (!box.contains(document.activeElement)) (box.querySelector<HTMLElement>(START) ?? box.querySelector<HTMLElement>(FOCUSABLE))?.focus();
      if (!box.contains(document.activeElement)) return false;
      focusGiven.current = focusAsked;
      return true;
    };
    if (focus()) return;
    const observer = new MutationObserver(() => void (focus() && observer.disconnect()));
    observer.observe(box, { childList: true, subtree: true });
    return () => observer.disconnect();
  }, [focusAsked, selectedId]);

  if (secretaries.length === 0) {
    return (
      <div className="card">
        名册中还没有第一书记，请先在 <a href={rosterHref}>名册</a> 中导入。
      </div>
    );
  }
  return (
    <div className="workbench">
      <SecretaryPicker
        total={secretaries.length}
        shown={shown}
        selectedId={selectedId}
        onSelect={select}
        query={place.query}
        onQuery={(query) => setPlace({ query })}
        filter={filter}
        onFilter={(f) => {
          // a filter that leaves the one open out opens the first it shows
          const kept = shownSecretaries(secretaries, place.query, f, statusOf);
          setPlace(selectedId && !kept.some((s) => s.id === selectedId) ? { filter: f, chosen: kept[0]?.id ?? '' } : { filter: f });
        }}
        filters={statuses.map((k) => ({ key: k, label: statusLabels[k], count: counts[k] }))}
        badge={(s) => {
          const status = statusOf(s);
          return <span className={`badge ${statusBadges[status]}`}>{statusLabels[status]}</span>;
        }}
      />
      <div ref={detail} className="workbench-detail">
        {selected ? children(selected, moves) : null}
      </div>
    </div>
  );
}
