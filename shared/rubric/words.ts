/** The rubric in Chinese words: kinds of items and inputs, what an input is worth, amounts of 元 (exact, no trailing zeros, 万元 from ten thousand up). */
import { parseRational, rat, toDecimal, type Rational } from '../exact/rational';
import type { InputKind, ItemKind } from '../model';

const TEN_THOUSAND = 10000n;

/** An amount of 元 in words: "10000" → "1万元", "15000" → "1.5万元", "5000" → "5000元". */
export function yuanWords(amount: string | undefined): string {
  const value: Rational | null = parseRational(amount ?? '1');
  if (!value) return `${amount ?? ''}元`;
  const abs = value.n < 0n ? -value.n : value.n;
  if (abs >= TEN_THOUSAND * value.d) return `${toDecimal(rat(value.n, value.d * TEN_THOUSAND))}万元`;
  return `${toDecimal(value)}元`;
}

export const ITEM_KIND_WORDS: Record<ItemKind, string> = { base: '基本项目', bonus: '奖分', deduction: '扣分' };
export const INPUT_KIND_WORDS: Record<InputKind, string> = {
  bool: '是/否',
  points: '评分',
  count: '次数/个数',
  amount: '金额',
};

/** How an input turns into points, in words: “每次 −1 分”, “是则 +10 分” … */
export function effectWords(kind: InputKind, points: string, unit?: string): string {
  const signed = points.startsWith('-') ? `−${points.slice(1)}` : `+${points}`;
  switch (kind) {
    case 'bool':
      return `是则 ${signed} 分`;
    case 'count':
      return `每个 ${signed} 分`;
    case 'points':
      return points.startsWith('-') ? '所评分数从本项扣除' : '所评分数计入本项';
    case 'amount':
      return `每满 ${yuanWords(unit)} ${signed} 分`;
  }
}
