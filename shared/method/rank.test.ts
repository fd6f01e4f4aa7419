import { describe, expect, it } from 'vitest';
import { cmp, rat, type Rational } from '../exact/rational';
import { presetPolicy } from '../policy/presets';
import { rankRows, type Rankable } from './rank';

const row = (id: string, total: Rational): Rankable => ({ id, total, orgScore: total, satisfaction: rat(1), deductions: rat(0), bonus: rat(0) });

describe('rankRows', () => {
  it('orders totals closer than any double can tell, and totals beyond doubles, exactly', () => {
    const huge = 10n ** 400n;
    const rows = [
      row('a', rat(1, 3)),
      row('b', rat(333_333_333_333_333n, 1_000_000_000_000_000n)),
      row('c', rat(333_333_333_333_334n, 1_000_000_000_000_001n)),
      row('d', rat(huge + 1n, 3n * huge)),
      row('e', rat(huge, 3n * huge + 1n)),
      row('f', rat(2n * huge, huge + 7n)),
      row('g', rat(-1, 3)),
      row('h', rat(0)),
    ];
    const policy = { ...presetPolicy('jiaozhou'), tieBreak: [] };
    const ranked = rankRows(rows, policy).map(({ row }) => row.id);
    const exact = [...rows].sort((x, y) => cmp(y.total, x.total) || (x.id < y.id ? -1 : 1)).map((r) => r.id);
    expect(ranked).toEqual(exact);
    expect(ranked).toEqual(['f', 'c', 'd', 'a', 'e', 'b', 'h', 'g']);
  });
});
