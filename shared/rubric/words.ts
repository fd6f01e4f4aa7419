/** How rubric amounts read in Chinese: exact decimals, no trailing zeros, 万元 from ten thousand up. */
import { parseRational, rat, toDecimal, type Rational } from '../exact/rational';

const TEN_THOUSAND = 10000n;

/** An amount of 元 in words: "10000" → "1万元", "15000" → "1.5万元", "5000" → "5000元". */
export function yuanWords(amount: string | undefined): string {
  const value: Rational | null = parseRational(amount ?? '1');
  if (!value) return `${amount ?? ''}元`;
  const abs = value.n < 0n ? -value.n : value.n;
  if (abs >= TEN_THOUSAND * value.d) return `${toDecimal(rat(value.n, value.d * TEN_THOUSAND))}万元`;
  return `${toDecimal(value)}元`;
}
