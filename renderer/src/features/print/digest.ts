/** Short digests that tie a printed page to the data it came from. */
import { resultToJson } from '../../../../shared/method/json';
import type { AssessmentResult } from '../../../../shared/model';
import { canonicalJson, sha256Hex } from '../../../../shared/digest';

/** First 8 hex digits of SHA-256 over each category's canonical JSON (docs/formats.md §9), by key. */
export function categoryDigests(result: AssessmentResult): Map<string, string> {
  const json = resultToJson(result);
  return new Map(json.categories.map((c) => [c.key, sha256Hex(canonicalJson(c)).slice(0, 8)]));
}

/** First 8 hex digits of SHA-256 over the whole result's canonical JSON. */
export function resultDigest(result: AssessmentResult): string {
  return sha256Hex(canonicalJson(resultToJson(result))).slice(0, 8);
}
