/**
 * Double entry: a tally counts only when two blind entries agree. Where they differ,
 * a person chooses, field by field, one of the two or a re-counted value.
 */
import { TALLY_FIELDS, type TallyCounts, type TallyField } from './tally';

export function fieldValue(c: TallyCounts, f: TallyField): number | undefined {
  return c[f];
}

/** The fields where the two entries differ, in form order. */
export function differingFields(a: TallyCounts, b: TallyCounts): TallyField[] {
  return TALLY_FIELDS.filter((f) => fieldValue(a, f) !== fieldValue(b, f));
}

/** A person's choice for one differing field. */
export type FieldChoice = { from: 1 | 2 } | { value: number | undefined };

export type Resolution = Partial<Record<TallyField, FieldChoice>>;

/** True when the choice settles the field (a re-entered value must be a count; 发出票数 may be left empty). */
export function choiceResolves(f: TallyField, c: FieldChoice | undefined): boolean {
  if (!c) return false;
  if ('from' in c) return true;
  return c.value === undefined ? f === 'issued' : Number.isInteger(c.value) && c.value >= 0;
}

/** True when every differing field has a choice that settles it. */
export function isResolved(a: TallyCounts, b: TallyCounts, res: Resolution): boolean {
  return differingFields(a, b).every((f) => choiceResolves(f, res[f]));
}

/**
 * The agreed tally: the common value where the entries agree, the chosen one where
 * they differ. Null while a difference is unresolved.
 */
export function resolvedCounts(a: TallyCounts, b: TallyCounts, res: Resolution): TallyCounts | null {
  if (!isResolved(a, b, res)) return null;
  const out: TallyCounts = { ...a };
  delete out.issued;
  for (const f of TALLY_FIELDS) {
    const c = res[f];
    let v = fieldValue(a, f);
    if (c && fieldValue(a, f) !== fieldValue(b, f)) {
      v = 'from' in c ? fieldValue(c.from === 1 ? a : b, f) : c.value;
    }
    if (f === 'issued') {
      if (v !== undefined) out.issued = v;
    } else {
      out[f] = v ?? 0;
    }
  }
  return out;
}
