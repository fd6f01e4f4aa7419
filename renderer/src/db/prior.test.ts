import { describe, expect, it } from 'vitest';
import { recordUnits } from '../../../shared/exchange/units';
import { secretary } from '../../../shared/method/testing';
import { priorOf } from './prior';

const roster = (ids: string[]) => recordUnits({ secretaries: ids.map((id) => ({ ...secretary(id), assessmentId: 'A' })) });
const entry = (id: string) => ({
  assessmentId: 'A',
  id,
  slot: 1,
  verySatisfied: 1,
  satisfied: 0,
  basic: 0,
  dissatisfied: 0,
  invalid: 0,
  abstain: 0,
  by: '张三',
  at: '2024-01-01',
});

describe('what a change replaced', () => {
  it('keeps a new unit as having had nothing, a removed one with its rows, and leaves out the same', () => {
    const before = roster(['S1', 'S2']);
    const after = roster(['S2', 'S3']);
    expect(priorOf(before, after)).toEqual({
      units: [
        { key: 'roster|S1', rows: before.get('roster|S1')!.rows },
        { key: 'roster|S3', rows: {} },
      ],
    });
    expect(priorOf(before, roster(['S1', 'S2']))).toBeUndefined();
  });

  it('says nothing of a tally whose only records are blind entries', () => {
    const blind = recordUnits({ tallyEntries: [entry('S1')] } as never);
    expect(priorOf(new Map(), blind)).toBeUndefined();
    expect(priorOf(blind, new Map())).toBeUndefined();
  });
});
