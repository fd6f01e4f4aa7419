// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { actionForKey, perBallotReducer, startCounting, type PerBallotState } from './perBallot';

function press(keys: string[], from: PerBallotState = startCounting()): PerBallotState {
  return keys.reduce((s, k) => {
    const a = actionForKey(k);
    return a ? perBallotReducer(s, a) : s;
  }, from);
}

describe('per-ballot counting', () => {
  it('maps 1–4, 0 and space to the options', () => {
    const s = press(['1', '1', '2', '3', '4', '0', ' ', 'x', 'Enter']);
    expect(s.counts).toEqual({ verySatisfied: 2, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 1, abstain: 1 });
  });

  it('Backspace undoes the last ballot only, once', () => {
    const s = press(['1', '2', 'Backspace']);
    expect(s.counts.satisfied).toBe(0);
    expect(s.counts.verySatisfied).toBe(1);
    const again = press(['Backspace'], s);
    expect(again.counts.verySatisfied).toBe(1);
  });

  it('keeps counts only: no sequence of marks', () => {
    const s = press(['1', '2', '3', '4']);
    expect(Object.keys(s).sort()).toEqual(['counts', 'last']);
    expect(JSON.stringify(s)).not.toMatch(/\[/);
  });

  it('undo on an empty count does nothing', () => {
    const s = startCounting();
    expect(press(['Backspace'], s)).toEqual(s);
  });
});
