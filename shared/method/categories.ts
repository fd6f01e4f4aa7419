/** Categories (类别): secretaries are ranked separately per combination of the policy's dimensions. */
import type { CategoryDimension, Policy, Secretary } from '../model';
import { MODE_SHORT, MODES, POST_TYPE_LABELS, POST_TYPES, RANK_CLASS_SHORT, RANK_CLASSES, SOURCE_SHORT, SOURCES } from '../model';

const VALUES: Record<CategoryDimension, readonly string[]> = {
  source: SOURCES,
  mode: MODES,
  rankClass: RANK_CLASSES,
  postType: POST_TYPES,
};

const SHORT: Record<CategoryDimension, Record<string, string>> = {
  source: SOURCE_SHORT,
  mode: MODE_SHORT,
  rankClass: RANK_CLASS_SHORT,
  postType: POST_TYPE_LABELS,
};

/** The key of everyone's category when the policy has no dimensions. */
export const ALL_KEY = 'all';
export const ALL_LABEL = '全体';
/** Stands for "every value" of a merged dimension in a key. */
export const ANY = '*';

export function categoryKey(secretary: Secretary, dimensions: readonly CategoryDimension[]): string {
  if (!dimensions.length) return ALL_KEY;
  // once per secretary: no array or function made per call
  let key: string = secretary[dimensions[0]!] ?? '';
  for (let i = 1; i < dimensions.length; i++) key += `|${secretary[dimensions[i]!] ?? ''}`;
  return key;
}

/** categoryKey for many secretaries: the key of each combination of values is made once. */
export function keyOfCategory(dimensions: readonly CategoryDimension[]): (secretary: Secretary) => string {
  type Level = Map<string, Level | string>;
  const root: Level = new Map();
  return (secretary) => {
    let level = root;
    for (let i = 0; i < dimensions.length; i++) {
      const value = secretary[dimensions[i]!] ?? '';
      const next = level.get(value);
      if (next === undefined) {
        // the rest of the key is new: made once, as categoryKey makes it
        const key = categoryKey(secretary, dimensions);
        let at = level;
        for (let j = i; j < dimensions.length - 1; j++) {
          const deeper: Level = new Map();
          at.set(secretary[dimensions[j]!] ?? '', deeper);
          at = deeper;
        }
        at.set(secretary[dimensions[dimensions.length - 1]!] ?? '', key);
        return key;
      }
      if (typeof next === 'string') return next;
      level = next;
    }
    return ALL_KEY;
  };
}

/** "镇街·脱产·正股级"; a merged dimension reads "各职级合并". */
export function categoryLabel(key: string, dimensions: readonly CategoryDimension[]): string {
  if (!dimensions.length) return ALL_LABEL;
  const parts = key.split('|');
  const words = dimensions.map((d, i) => (parts[i] === ANY ? '' : (SHORT[d][parts[i] ?? ''] ?? parts[i] ?? '')));
  const label = words.filter(Boolean).join('·');
  return parts.includes(ANY) ? `${label}（各职级合并）` : label;
}

/** Sort position of a key: dimension by dimension, in the order of docs/method.md §1. */
export function categoryOrder(key: string, dimensions: readonly CategoryDimension[]): number[] {
  const parts = key.split('|');
  return dimensions.map((d, i) => (parts[i] === ANY ? VALUES[d].length : VALUES[d].indexOf(parts[i] ?? '')));
}

export function compareCategoryKeys(a: string, b: string, dimensions: readonly CategoryDimension[]): number {
  const oa = categoryOrder(a, dimensions);
  const ob = categoryOrder(b, dimensions);
  for (let i = 0; i < oa.length; i++) {
    const diff = (oa[i] ?? 0) - (ob[i] ?? 0);
    if (diff) return diff;
  }
  return 0;
}

/** The key with the rank class replaced by ANY: the categories that differ from it only in rank class. */
export function siblingKey(key: string, policy: Pick<Policy, 'categoryDimensions'>): string | null {
  const at = policy.categoryDimensions.indexOf('rankClass');
  if (at < 0) return null;
  const parts = key.split('|');
  parts[at] = ANY;
  return parts.join('|');
}
