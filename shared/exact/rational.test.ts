import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  add,
  cmp,
  floor,
  ceil,
  fromSpreadsheetNumber,
  mul,
  nearestDouble,
  parseRational,
  r,
  rat,
  roundHalfAwayFromZero,
  sub,
  toDecimal,
  toFixed,
  toFraction,
  type Rational,
} from './rational';

describe('rational', () => {
  it.each([
    ['79.75', '319/4'],
    ['-3', '-3'],
    ['0.3', '3/10'],
    ['2/3', '2/3'],
    ['+1.50', '3/2'],
    ['4/6', '2/3'],
  ])('parses %s as %s', (text, fraction) => {
    expect(toFraction(r(text))).toBe(fraction);
  });

  it.each(['', 'abc', '1/0', '1.2.3', '1e3', ' . '])('refuses %j', (text) => {
    expect(parseRational(text)).toBeNull();
  });

  it('0.3 × 10 is exactly 3', () => {
    expect(floor(mul(r('0.3'), rat(10)))).toBe(3n);
    // floats get it wrong: 0.1 × 3 is not 0.3
    expect(0.1 * 3).not.toBe(0.3);
  });

  it.each([
    ['456/5', 2, '91.20'],
    ['300/7', 2, '42.86'],
    ['1/8', 2, '0.13'],
    ['-1/8', 2, '-0.13'],
    ['19/40', 4, '0.4750'],
    ['2/3', 4, '0.6667'],
    ['0.005', 2, '0.01'],
    ['-0.005', 2, '-0.01'],
  ])('toFixed(%s, %i) = %s (half away from zero)', (value, digits, text) => {
    expect(toFixed(r(value), digits)).toBe(text);
  });

  it.each([
    ['319/4', '79.75'],
    ['96', '96'],
    ['1/3', '1/3'],
    ['-7/2', '-3.5'],
  ])('toDecimal(%s) = %s', (value, text) => {
    expect(toDecimal(r(value))).toBe(text);
  });

  it('floor, ceil and rounding of negatives', () => {
    expect(floor(r('-1.5'))).toBe(-2n);
    expect(ceil(r('-1.5'))).toBe(-1n);
    expect(roundHalfAwayFromZero(r('-1.5'))).toBe(-2n);
    expect(roundHalfAwayFromZero(r('2.5'))).toBe(3n);
  });

  it('reads spreadsheet numbers as the decimals a person typed', () => {
    expect(toFraction(fromSpreadsheetNumber(79.75)!)).toBe('319/4');
    expect(toFraction(fromSpreadsheetNumber(0.1)!)).toBe('1/10');
    expect(toFraction(fromSpreadsheetNumber(1e-7)!)).toBe('1/10000000');
    expect(fromSpreadsheetNumber(Number.NaN)).toBeNull();
  });

  it('is a field: addition and multiplication commute and compare consistently', () => {
    const q = fc.tuple(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: 1, max: 1000 })).map(([n, d]) => rat(n, d));
    fc.assert(
      fc.property(q, q, (a, b) => {
        expect(add(a, b)).toEqual(add(b, a));
        expect(mul(a, b)).toEqual(mul(b, a));
        expect(cmp(a, b)).toBe(-cmp(b, a) || 0);
        expect(
          Math.sign(Number(a.n) / Number(a.d) - Number(b.n) / Number(b.d)) === cmp(a, b) ||
            Math.abs(Number(a.n) / Number(a.d) - Number(b.n) / Number(b.d)) < 1e-9,
        ).toBe(true);
      }),
    );
  });

  it('tells apart numbers that doubles cannot', () => {
    const big = 2n ** 53n;
    expect(cmp(rat(2n * big + 1n, 2n), rat(big))).toBe(1);
    expect(cmp(rat(big), rat(2n * big + 1n, 2n))).toBe(-1);
    expect(cmp(rat(big + 1n), rat(big))).toBe(1);
    expect(toFraction(add(rat(big + 1n), rat(-big)))).toBe('1');
    expect(toFraction(sub(rat(big + 1n, 3n), rat(big, 3n)))).toBe('1/3');
    expect(toFraction(mul(rat(big + 1n), rat(1n, 7n)))).toBe(`${big + 1n}/7`);
  });

  it('gives a nearest double only where both terms have one, else NaN (no comparison with it holds)', () => {
    expect(nearestDouble(r('91.2'))).toBe(91.2);
    expect(nearestDouble(rat(10n ** 400n, 3n))).toBeNaN();
    expect(nearestDouble(rat(10n ** 400n + 1n, 2n * 10n ** 400n))).toBeNaN();
  });

  it('works in doubles below 2^53 and in BigInt beyond, with the same results', () => {
    // the reference: BigInt only
    const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
    const lowest = (n: bigint, d: bigint): Rational => {
      const g = gcd(n, d);
      return { n: (d < 0n ? -n : n) / (d < 0n ? -g : g), d: (d < 0n ? -d : d) / (d < 0n ? -g : g) };
    };
    const term = fc.oneof(
      fc.bigInt({ min: -5000n, max: 5000n }),
      fc.bigInt({ min: -(2n ** 54n), max: 2n ** 54n }),
      fc.constantFrom(2n ** 53n - 1n, 2n ** 53n, 2n ** 53n + 1n, -(2n ** 53n) - 1n, 2n ** 26n + 1n, 94906267n),
    );
    const q = fc
      .tuple(
        term,
        term.filter((d) => d !== 0n),
      )
      .map(([n, d]) => rat(n, d));
    fc.assert(
      fc.property(q, q, (a, b) => {
        expect(add(a, b)).toEqual(lowest(a.n * b.d + b.n * a.d, a.d * b.d));
        expect(sub(a, b)).toEqual(lowest(a.n * b.d - b.n * a.d, a.d * b.d));
        expect(mul(a, b)).toEqual(lowest(a.n * b.n, a.d * b.d));
        const l = a.n * b.d;
        const r = b.n * a.d;
        expect(cmp(a, b)).toBe(l < r ? -1 : l > r ? 1 : 0);
      }),
      { numRuns: 2000 },
    );
    // fixed-point text: half away from zero, by BigInt alone
    const fixed = (a: Rational, digits: number): string => {
      const scale = 10n ** BigInt(digits);
      const n = a.n * scale;
      const abs = n < 0n ? -n : n;
      const rounded = (2n * abs + a.d) / (2n * a.d);
      const text = rounded.toString().padStart(digits + 1, '0');
      const sign = n < 0n && rounded > 0n ? '-' : '';
      return digits ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`;
    };
    fc.assert(
      fc.property(q, fc.integer({ min: 0, max: 20 }), (a, digits) => {
        expect(toFixed(a, digits)).toBe(fixed(a, digits));
        const abs = a.n < 0n ? -a.n : a.n;
        const nearest = (2n * abs + a.d) / (2n * a.d);
        expect(roundHalfAwayFromZero(a)).toBe(a.n < 0n ? -nearest : nearest);
      }),
      { numRuns: 2000 },
    );
  });
});
