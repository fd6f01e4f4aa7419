// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { differingFields, isResolved, resolvedCounts } from './doubleEntry';
import type { TallyCounts } from './tally';

const a: TallyCounts = { issued: 45, verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 };

describe('double entry', () => {
  it('agreeing entries have no differences and resolve to themselves', () => {
    expect(differingFields(a, { ...a })).toEqual([]);
    expect(resolvedCounts(a, { ...a }, {})).toEqual(a);
  });

  it('lists differences field by field, 发出票数 included', () => {
    const b = { ...a, satisfied: 9, basic: 1 };
    delete b.issued;
    expect(differingFields(a, b)).toEqual(['issued', 'satisfied', 'basic']);
  });

  it('needs a choice for every difference', () => {
    const b = { ...a, satisfied: 9, basic: 1 };
    expect(isResolved(a, b, { satisfied: { from: 2 } })).toBe(false);
    expect(resolvedCounts(a, b, { satisfied: { from: 2 } })).toBeNull();
    const res = { satisfied: { from: 2 as const }, basic: { value: 3 } };
    expect(resolvedCounts(a, b, res)).toEqual({ ...a, satisfied: 9, basic: 3 });
  });

  it('rejects a re-entered value that is not a count', () => {
    const b = { ...a, basic: 1 };
    expect(isResolved(a, b, { basic: { value: -1 } })).toBe(false);
    expect(isResolved(a, b, { basic: { value: 1.5 } })).toBe(false);
  });

  it('can resolve 发出票数 to "not recorded"', () => {
    const b = { ...a };
    delete b.issued;
    const out = resolvedCounts(a, b, { issued: { from: 2 } });
    expect(out).not.toHaveProperty('issued');
  });
});
