import { describe, expect, it } from 'vitest';
import { readPlace, writePlace } from './place';

/** A Storage kept in a Map. */
function memory(): Storage {
  const m = new Map<string, string>();
  return {
    get length() {
      return m.size;
    },
    clear: () => m.clear(),
    getItem: (k) => m.get(k) ?? null,
    key: (i) => [...m.keys()][i] ?? null,
    removeItem: (k) => void m.delete(k),
    setItem: (k, v) => void m.set(k, v),
  };
}

const fallback = { query: '', need: 'all', scroll: 0 };

describe('a screen’s place', () => {
  it('comes back as it was written', () => {
    const store = memory();
    writePlace('results:a1', { query: '王', need: 'pending', scroll: 1200 }, store);
    expect(readPlace('results:a1', fallback, undefined, store)).toEqual({ query: '王', need: 'pending', scroll: 1200 });
    expect(readPlace('results:a2', fallback, undefined, store)).toEqual(fallback);
  });

  it('keeps only the fields it knows, of their type, that pass the check', () => {
    const store = memory();
    store.setItem('shuangping.place:k', JSON.stringify({ query: 5, need: 'nonsense', scroll: 30, extra: 'x' }));
    expect(readPlace('k', fallback, (field, value) => field !== 'need' || value === 'all' || value === 'pending', store)).toEqual({
      query: '',
      need: 'all',
      scroll: 30,
    });
  });

  it('falls back on what is not JSON, and on no storage at all', () => {
    const store = memory();
    store.setItem('shuangping.place:k', '{');
    expect(readPlace('k', fallback, undefined, store)).toEqual(fallback);
    expect(readPlace('k', fallback, undefined, null)).toEqual(fallback);
    expect(() => writePlace('k', fallback, null)).not.toThrow();
  });
});
