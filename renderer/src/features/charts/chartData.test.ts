import { describe, expect, it } from 'vitest';
import { DEFAULT_GRADE_LABELS } from '../../../../shared/model';
import { gradeKey, gradeOrder } from './chartData';

describe('chart series', () => {
  it('lists grades in the tooltip in the method’s order, not by their names', () => {
    // as recharts hands them to the tooltip: the stacked bars of one category
    const items = ['pending', 'competent', 'excellent', 'incompetent', 'good', 'basic'].map((dataKey) => ({
      dataKey,
      name: DEFAULT_GRADE_LABELS[dataKey as keyof typeof DEFAULT_GRADE_LABELS],
    }));
    const sorted = [...items].sort((a, b) => gradeOrder(a) - gradeOrder(b)).map((i) => i.name);
    expect(sorted).toEqual(['优秀', '良好', '称职', '基本称职', '不称职', '待定']);
    expect(gradeOrder({ dataKey: 'total' })).toBe(6);
  });

  it('keys only the grades a chart shows, with their colours', () => {
    const key = gradeKey({ labels: DEFAULT_GRADE_LABELS }, (g) => g === 'good' || g === 'excellent');
    expect(key).toEqual([
      { key: 'excellent', label: '优秀', color: '#b3261e' },
      { key: 'good', label: '良好', color: '#d98e04' },
    ]);
  });
});
