/** Short digests that tie a printed page to the data it came from. */
import { resultToJson } from '../../../../shared/method/json';
import type { AssessmentResult } from '../../../../shared/model';
import { sha256Hex } from './sha256';

/** JSON with object keys sorted at every level: the same data gives the same text. */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') return JSON.stringify(value) ?? 'null';
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, v]) => v !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
}

/** First 8 hex digits of SHA-256 over each category's canonical JSON (FORMATS.md shape), by key. */
export function categoryDigests(result: AssessmentResult): Map<string, string> {
  const json = resultToJson(result);
  return new Map(json.categories.map((c) => [c.key, sha256Hex(canonicalJson(c)).slice(0, 8)]));
}

/** First 8 hex digits of SHA-256 over the whole result's canonical JSON. */
export function resultDigest(result: AssessmentResult): string {
  return sha256Hex(canonicalJson(resultToJson(result))).slice(0, 8);
}
