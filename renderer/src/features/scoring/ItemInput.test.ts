import { describe, expect, it } from 'vitest';
import { inputColumns } from '../../../../shared/io/rubric-inputs';
import { JIAOZHOU_RUBRIC } from '../../../../shared/rubric/jiaozhou';
import { effectHint } from './ItemInput';

describe('effectHint: what one unit of an input is worth', () => {
  it('an amount of the default rubric reads 每满1万元, never 1.0000万元', () => {
    const amounts = inputColumns(JIAOZHOU_RUBRIC).filter(({ input }) => input.kind === 'amount');
    expect(amounts.length).toBeGreaterThan(0);
    for (const { input } of amounts) expect(effectHint(input)).toMatch(/^每满1万元\+\d+(\.\d+)?分$/);
  });

  it('other units in 元 or 万元, exact', () => {
    expect(effectHint({ code: 'X1', label: '', kind: 'amount', points: '2', unit: '5000' })).toBe('每满5000元+2分');
    expect(effectHint({ code: 'X1', label: '', kind: 'amount', points: '-0.5', unit: '25000' })).toBe('每满2.5万元−0.5分');
  });
});
