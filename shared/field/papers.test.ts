import { describe, expect, it } from 'vitest';
import { presetPolicy, requiredPapersOf } from '../policy';
import { missingPapers } from './papers';

describe('required papers (履职材料)', () => {
  it('each preset requires the papers of its seed; a policy stored before the setting takes its preset’s', () => {
    expect(requiredPapersOf(presetPolicy('jiaozhou'))).toEqual(['targets', 'pledge', 'report', 'selfCheck']);
    expect(requiredPapersOf(presetPolicy('daan'))).toEqual(['pledge', 'diary']);
    expect(requiredPapersOf(presetPolicy('touyan'))).toEqual([]);
    const { requiredPapers: _gone, ...old } = presetPolicy('daan');
    expect(requiredPapersOf(old)).toEqual(['pledge', 'diary']);
  });

  it('a paper received or waived is not missing; the others are listed per secretary, in 编号 order', () => {
    const required = requiredPapersOf(presetPolicy('jiaozhou'));
    const roster = [
      { id: 'S10', name: '甲' },
      { id: 'S2', name: '乙' },
    ];
    const papers = [
      { id: 'S2', kind: 'targets' as const },
      { id: 'S2', kind: 'pledge' as const },
      { id: 'S2', kind: 'selfCheck' as const },
      { id: 'S2', kind: 'report' as const },
      { id: 'S10', kind: 'report' as const },
      { id: 'S10', kind: 'diary' as const },
    ];
    expect(missingPapers(required, roster, papers)).toEqual([{ id: 'S10', name: '甲', kinds: ['targets', 'pledge', 'selfCheck'] }]);
  });
});
