/**
 * Exact rational arithmetic on BigInt. Every number that decides a total, a rank
 * or a grade is a Rational from input to comparison; floats appear only in charts.
 */

export interface Rational {
  /** numerator, sign carried here */
  readonly n: bigint;
  /** denominator, always > 0; n/d is in lowest terms */
  readonly d: bigint;
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) {
    const rest = a % b;
    a = b;
    b = rest;
  }
  return a;
}

/** n/d in lowest terms with a positive denominator. */
export function rat(n: bigint | number, d: bigint | number = 1): Rational {
  // counts (ballots, days): the gcd in doubles, exact below 2^53, and one BigInt per term
  if (typeof n === 'number' && typeof d === 'number' && d !== 0 && Number.isSafeInteger(n) && Number.isSafeInteger(d)) return ratOfCounts(n, d);
  let nn = BigInt(n);
  let dd = BigInt(d);
  if (dd === 0n) throw new RangeError('rational with zero denominator');
  if (dd < 0n) {
    nn = -nn;
    dd = -dd;
  }
  const fn = Number(nn);
  const fd = Number(dd);
  if (Number.isSafeInteger(fn) && Number.isSafeInteger(fd)) return ratOfCounts(fn, fd);
  const g = gcd(nn, dd);
  return g > 1n ? { n: nn / g, d: dd / g } : { n: nn, d: dd };
}

/** n/d for safe integers, d ≠ 0: the gcd in doubles (exact below 2^53). */
function ratOfCounts(n: number, d: number): Rational {
  if (d < 0) {
    n = -n;
    d = -d;
  }
  let a = n < 0 ? -n : n;
  let b = d;
  while (b !== 0) {
    const rest = a % b;
    a = b;
    b = rest;
  }
  return a > 1 ? reduced(n / a, d / a) : reduced(n, d);
}

/**
 * Small rationals come back thousands of times (scores, counts, shares of a few dozen
 * ballots): each is one shared object, so a result holds no copies of them. Rationals
 * are immutable, so sharing one changes nothing but memory.
 */
const SMALL = 4096;
const SMALL_KEPT = 65536;
const small = new Map<number, Rational>();

/** the small integers, at n + SMALL, made when first met */
const integers: (Rational | undefined)[] = new Array<Rational | undefined>(2 * SMALL).fill(undefined);

/** n/d already in lowest terms, d > 0, both safe integers. */
function reduced(n: number, d: number): Rational {
  if (n >= SMALL || n <= -SMALL || d >= SMALL) return { n: BigInt(n), d: BigInt(d) };
  if (d === 1) return (integers[n + SMALL] ??= { n: BigInt(n), d: 1n });
  const key = (n + SMALL) * SMALL + d;
  let known = small.get(key);
  if (known === undefined) {
    if (small.size >= SMALL_KEPT) small.clear();
    small.set(key, (known = { n: BigInt(n), d: BigInt(d) }));
  }
  return known;
}

export const ZERO = rat(0);
export const ONE = rat(1);

// Rationals are immutable: adding 0 may return the other operand as it is. Terms below
// 2^53 are worked in doubles, exact there: every product and sum is checked to be a safe
// integer (one rounded from beyond 2^53, or from a term beyond it, never is); else BigInt.
export function add(a: Rational, b: Rational): Rational {
  if (b.n === 0n) return a;
  if (a.n === 0n) return b;
  return sumOf(a, b, false);
}
export function sub(a: Rational, b: Rational): Rational {
  return b.n === 0n ? a : sumOf(a, b, true);
}

/** a + b, or a − b */
function sumOf(a: Rational, b: Rational, minus: boolean): Rational {
  const ad = Number(a.d);
  const bd = Number(b.d);
  const l = Number(a.n) * bd;
  const r = Number(b.n) * ad;
  const n = minus ? l - r : l + r;
  const d = ad * bd;
  if (Number.isSafeInteger(l) && Number.isSafeInteger(r) && Number.isSafeInteger(n) && Number.isSafeInteger(d))
    return d === 1 ? reduced(n, 1) : ratOfCounts(n, d);
  const bn = minus ? -b.n : b.n;
  return a.d === 1n && b.d === 1n ? { n: a.n + bn, d: 1n } : rat(a.n * b.d + bn * a.d, a.d * b.d);
}

export function mul(a: Rational, b: Rational): Rational {
  if (a.n === 0n || b.n === 0n) return ZERO;
  const n = Number(a.n) * Number(b.n);
  const d = Number(a.d) * Number(b.d);
  if (Number.isSafeInteger(n) && Number.isSafeInteger(d)) return d === 1 ? reduced(n, 1) : ratOfCounts(n, d);
  return a.d === 1n && b.d === 1n ? { n: a.n * b.n, d: 1n } : rat(a.n * b.n, a.d * b.d);
}
export const div = (a: Rational, b: Rational): Rational => rat(a.n * b.d, a.d * b.n);
export const neg = (a: Rational): Rational => ({ n: -a.n, d: a.d });

export function sum(values: readonly Rational[]): Rational {
  return values.reduce(add, ZERO);
}

/** -1, 0 or 1 */
export function cmp(a: Rational, b: Rational): -1 | 0 | 1 {
  if (a.d === b.d) return a.n < b.n ? -1 : a.n > b.n ? 1 : 0;
  // cross products in doubles when both are safe integers (then exact), as in add
  const fl = Number(a.n) * Number(b.d);
  const fr = Number(b.n) * Number(a.d);
  if (Number.isSafeInteger(fl) && Number.isSafeInteger(fr)) return fl < fr ? -1 : fl > fr ? 1 : 0;
  const l = a.n * b.d;
  const r = b.n * a.d;
  return l < r ? -1 : l > r ? 1 : 0;
}

export const eq = (a: Rational, b: Rational): boolean => cmp(a, b) === 0;
export const lt = (a: Rational, b: Rational): boolean => cmp(a, b) < 0;
export const gt = (a: Rational, b: Rational): boolean => cmp(a, b) > 0;
export const lte = (a: Rational, b: Rational): boolean => cmp(a, b) <= 0;
export const gte = (a: Rational, b: Rational): boolean => cmp(a, b) >= 0;
export const isNegative = (a: Rational): boolean => a.n < 0n;
export const min = (a: Rational, b: Rational): Rational => (lte(a, b) ? a : b);
export const max = (a: Rational, b: Rational): Rational => (gte(a, b) ? a : b);

/** Largest integer ≤ a. */
export function floor(a: Rational): bigint {
  const q = a.n / a.d; // truncates toward zero
  return a.n < 0n && q * a.d !== a.n ? q - 1n : q;
}

/** Smallest integer ≥ a. */
export function ceil(a: Rational): bigint {
  return -floor(neg(a));
}

/**
 * The nearest integer, halves away from zero, in doubles for terms whose sums stay below
 * 2^53 (exact there: the quotient of the division is corrected to the integer one); null
 * beyond, for BigInt.
 */
function roundHalfInDoubles(a: Rational): number | null {
  const n = Number(a.n);
  const d = Number(a.d);
  const x = 2 * Math.abs(n) + d;
  const y = 2 * d;
  if (!Number.isSafeInteger(x + y)) return null;
  let q = Math.floor(x / y);
  if (q * y > x) q--;
  else if ((q + 1) * y <= x) q++;
  return n < 0 ? -q : q;
}

/** Nearest integer, halves away from zero (四舍五入). */
export function roundHalfAwayFromZero(a: Rational): bigint {
  const inDoubles = roundHalfInDoubles(a);
  if (inDoubles !== null) return BigInt(inDoubles);
  const abs = a.n < 0n ? -a.n : a.n;
  const r = (2n * abs + a.d) / (2n * a.d);
  return a.n < 0n ? -r : r;
}

/** a rounded half away from zero to `digits` decimals, as a Rational. */
export function roundTo(a: Rational, digits: number): Rational {
  const scale = 10n ** BigInt(digits);
  return rat(roundHalfAwayFromZero(mul(a, rat(scale))), scale);
}

/** Fixed-point text, half away from zero: toFixed(456/5, 2) = "91.20". */
export function toFixed(a: Rational, digits: number): string {
  const inDoubles = digits < 16 ? roundHalfInDoubles(mul(a, rat(10 ** digits))) : null;
  if (inDoubles !== null) {
    // the digits of a safe integer, the point put in
    const text = String(Math.abs(inDoubles)).padStart(digits + 1, '0');
    const sign = inDoubles < 0 ? '-' : '';
    return digits > 0 ? `${sign}${text.slice(0, -digits)}.${text.slice(-digits)}` : `${sign}${text}`;
  }
  const scale = 10n ** BigInt(digits);
  const scaled = roundHalfAwayFromZero(mul(a, rat(scale)));
  const negative = scaled < 0n;
  const abs = negative ? -scaled : scaled;
  const intPart = abs / scale;
  const fracPart = (abs % scale).toString().padStart(digits, '0');
  return (negative ? '-' : '') + intPart.toString() + (digits > 0 ? '.' + fracPart : '');
}

/** "p/q" in lowest terms, or "p" for an integer. */
export function toFraction(a: Rational): string {
  return a.d === 1n ? a.n.toString() : `${a.n}/${a.d}`;
}

/** The exact decimal text when the decimal terminates ("79.75", "96", "-3.5"), else the fraction. */
export function toDecimal(a: Rational): string {
  let d = a.d;
  let twos = 0;
  let fives = 0;
  while (d % 2n === 0n) {
    d /= 2n;
    twos++;
  }
  while (d % 5n === 0n) {
    d /= 5n;
    fives++;
  }
  if (d !== 1n) return toFraction(a);
  return toFixed(a, Math.max(twos, fives));
}

/**
 * n/d in doubles, or NaN when a term is beyond them: for skipping what is clearly decided
 * (then a comparison with NaN is false and the exact comparison decides).
 */
export function nearestDouble(value: Rational): number {
  const n = Number(value.n);
  const d = Number(value.d);
  return Number.isFinite(n) && Number.isFinite(d) ? n / d : NaN;
}

/** For charts only. */
export function toNumber(a: Rational): number {
  return Number(a.n) / Number(a.d);
}

const DECIMAL = /^([+-])?(\d+)(?:\.(\d+))?$/;
const FRACTION = /^([+-])?(\d+)\/(\d+)$/;

/** Parsed texts: the same few numbers ("1", "0.3", "2/3") come back thousands of times. */
const parsed = new Map<string, Rational | null>();
const PARSED_MAX = 4096;

/**
 * Parses a decimal ("79.75", "-3", "0.3") or a fraction ("2/3"). Returns null for
 * anything else, including an empty string and a zero denominator.
 */
export function parseRational(text: string): Rational | null {
  const known = parsed.get(text);
  if (known !== undefined) return known;
  const value = parseText(text);
  if (parsed.size >= PARSED_MAX) parsed.clear();
  parsed.set(text, value);
  return value;
}

function parseText(text: string): Rational | null {
  const s = text.trim();
  const dm = DECIMAL.exec(s);
  if (dm) {
    const [, sign, whole, frac = ''] = dm;
    const scale = 10n ** BigInt(frac.length);
    const n = BigInt(whole! + frac);
    return rat(sign === '-' ? -n : n, scale);
  }
  const fm = FRACTION.exec(s);
  if (fm) {
    const [, sign, num, den] = fm;
    if (BigInt(den!) === 0n) return null;
    return rat(sign === '-' ? -BigInt(num!) : BigInt(num!), BigInt(den!));
  }
  return null;
}

/** parseRational for text the program itself wrote; a failure is a bug. */
export function r(text: string): Rational {
  const value = parseRational(text);
  if (!value) throw new Error(`not a rational: ${text}`);
  return value;
}

/**
 * A spreadsheet number (a JS double as ExcelJS reads it) as the decimal a person
 * typed: the shortest text that round-trips, so 79.75 → 79.75 and 0.1 → 1/10.
 */
export function fromSpreadsheetNumber(value: number): Rational | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  if (/e/i.test(text)) {
    const fixed = value.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
    return parseRational(fixed);
  }
  return parseRational(text);
}
