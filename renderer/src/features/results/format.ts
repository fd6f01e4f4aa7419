/** How result numbers read on screen: the same rounding as the results workbook. */
import { mul, rat, toDecimal, toFixed, type Rational } from '../../../../shared/exact/rational';

export const score = (v: Rational | null): string => (v ? toDecimal(v) : '—');
export const total = (v: Rational | null): string => (v ? toFixed(v, 2) : '—');
export const percent = (v: Rational | null): string => (v ? `${toFixed(mul(v, rat(100)), 2)}%` : '—');
