import type { InputKind, ItemKind } from '../../../../shared/model';
import { yuanWords } from '../../../../shared/rubric/words';

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
