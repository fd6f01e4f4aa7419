/**
 * Where a person was on a screen — a filter, a search, the secretary open, how far
 * down — kept for the session (sessionStorage), so leaving a screen and coming back
 * finds the same place. Not data: nothing here is exported, audited or backed up.
 */
import { useCallback, useState } from 'react';

type Plain = string | number | boolean;

const PREFIX = 'shuangping.place:';

function storage(): Storage | null {
  try {
    return typeof sessionStorage === 'undefined' ? null : sessionStorage;
  } catch {
    return null; // storage refused (a locked-down profile): the place is simply not kept
  }
}

/**
 * The place kept under `key`, field by field over `fallback`: a stored field of
 * another type, or one `fallback` lacks, is ignored; `valid` may refuse a value.
 */
export function readPlace<T extends Record<string, Plain>>(key: string, fallback: T, valid?: (field: keyof T, value: Plain) => boolean, store = storage()): T {
  let stored: unknown;
  try {
    stored = JSON.parse(store?.getItem(PREFIX + key) ?? 'null');
  } catch {
    return fallback;
  }
  if (!stored || typeof stored !== 'object') return fallback;
  const place = { ...fallback };
  for (const field of Object.keys(fallback) as (keyof T)[]) {
    const value = (stored as Record<keyof T, unknown>)[field];
    if (typeof value === typeof fallback[field] && (!valid || valid(field, value as Plain))) place[field] = value as T[keyof T];
  }
  return place;
}

export function writePlace(key: string, place: Record<string, Plain>, store = storage()): void {
  try {
    store?.setItem(PREFIX + key, JSON.stringify(place));
  } catch {
    // full or refused: the place is not kept, nothing else depends on it
  }
}

/** State remembered for the session under `key`; `set` takes the fields that change. */
export function usePlace<T extends Record<string, Plain>>(
  key: string,
  fallback: T,
  valid?: (field: keyof T, value: Plain) => boolean,
): [T, (change: Partial<T>) => void] {
  const [place, setPlace] = useState(() => readPlace(key, fallback, valid));
  const set = useCallback(
    (change: Partial<T>) =>
      setPlace((old) => {
        const next = { ...old, ...change };
        writePlace(key, next);
        return next;
      }),
    [key],
  );
  return [place, set];
}
