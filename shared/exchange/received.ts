/**
 * Audit chains received from other laptops are kept as they came and passed on in
 * this laptop's packages. A chain only grows, so of one laptop's chains a later one
 * holds an earlier one as its beginning: that earlier one need not be kept twice.
 * Chains that went apart (the other laptop restored a backup) are both kept.
 */
import type { ReceivedChain } from './types';

/** Whether `a` is the beginning of `b` (or all of it). */
export function isPrefix(a: ReceivedChain, b: ReceivedChain): boolean {
  if (a.laptopId !== b.laptopId || a.entries.length > b.entries.length) return false;
  const head = a.entries.at(-1);
  return head === undefined || b.entries[a.entries.length - 1]?.hash === head.hash;
}

/** The chains to keep after `incoming` arrives: `drop` are made redundant by it; `add` is false when it brings nothing new. */
export function receive(kept: readonly ReceivedChain[], incoming: ReceivedChain): { add: boolean; drop: ReceivedChain[] } {
  if (incoming.entries.length === 0 || kept.some((k) => isPrefix(incoming, k))) return { add: false, drop: [] };
  return { add: true, drop: kept.filter((k) => isPrefix(k, incoming)) };
}
