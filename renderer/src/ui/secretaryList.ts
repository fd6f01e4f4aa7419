/**
 * The secretaries of a workbench (考评, 测评) as the list on the left shows them: a
 * search by 编号, 姓名, 村 or 镇街, a filter by where each one's work stands, and the
 * next or previous one in that list (Alt+↓, Alt+↑, and after saving a tally). Pure.
 */
import type { Secretary } from '../../../shared/model';

export function matchesQuery(s: Pick<Secretary, 'id' | 'name' | 'village' | 'town'>, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return [s.id, s.name, s.village ?? '', s.town ?? ''].some((t) => t.toLowerCase().includes(q));
}

/** 'all', or one status of the workbench (待第二次录入, 已评 …). */
export type StatusFilter<K extends string> = 'all' | K;

export function shownSecretaries<S extends Secretary, K extends string>(
  secretaries: readonly S[],
  query: string,
  filter: StatusFilter<K>,
  statusOf: (s: S) => K,
): S[] {
  return secretaries.filter((s) => (filter === 'all' || statusOf(s) === filter) && matchesQuery(s, query));
}

/** How many secretaries have each status, in the order of `statuses`. */
export function statusCounts<S, K extends string>(secretaries: readonly S[], statuses: readonly K[], statusOf: (s: S) => K): Record<K, number> {
  const counts = Object.fromEntries(statuses.map((k) => [k, 0])) as Record<K, number>;
  for (const s of secretaries) counts[statusOf(s)] += 1;
  return counts;
}

/**
 * The next (step 1) or previous (step −1) secretary after `current` that the list
 * shows, walking the whole roster's order: the current one may have left the list
 * (its status changed with the save) and the next is still the one after it. Without
 * a current one, the first or last shown; null at the end of the list.
 */
export function neighbour(order: readonly string[], shown: ReadonlySet<string>, current: string | null, step: 1 | -1): string | null {
  const at = current === null ? -1 : order.indexOf(current);
  if (at < 0) {
    const ids = order.filter((id) => shown.has(id));
    return (step === 1 ? ids[0] : ids[ids.length - 1]) ?? null;
  }
  for (let i = at + step; i >= 0 && i < order.length; i += step) {
    const id = order[i]!;
    if (shown.has(id)) return id;
  }
  return null;
}
