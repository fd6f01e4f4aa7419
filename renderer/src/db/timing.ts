/**
 * Named spans of an import on the page's performance timeline (`import:…` measures), so
 * the benchmark and a profile see where its time goes. Costless without a timeline.
 *
 *   const t = spanStart();
 *   const before = await readUnits(…);
 *   spanEnd('change.before', t);
 *
 * Two calls around the work rather than a wrapper: no promise is added to a Dexie
 * transaction's chain (an extra link can let the transaction commit early).
 */
export const spanStart = (): number => globalThis.performance?.now() ?? 0;

export function spanEnd(name: string, start: number): void {
  const clock = globalThis.performance;
  clock?.measure?.(`import:${name}`, { start, end: clock.now() });
}
