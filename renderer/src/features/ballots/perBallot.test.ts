// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { actionForKey, perBallotReducer, runningTally, startCounting, type PerBallotState } from './perBallot';

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

  it('shows the running count of each option with its share, what is left and the satisfaction so far', () => {
    const before = runningTally(startCounting().counts, 42);
    expect(before.options.map((o) => o.share)).toEqual(['—', '—', '—', '—', '—', '—']);
    expect([before.cast, before.left, before.satisfied]).toEqual([0, 42, null]);
    const t = runningTally(press(['1', '1', '1', '2', '3', '4', '0', ' ']).counts, 42);
    expect(t.options.map((o) => [o.option, o.count, o.share])).toEqual([
      ['verySatisfied', 3, '37.50%'],
      ['satisfied', 1, '12.50%'],
      ['basic', 1, '12.50%'],
      ['dissatisfied', 1, '12.50%'],
      ['invalid', 1, '12.50%'],
      ['abstain', 1, '12.50%'],
    ]);
    expect([t.cast, t.left, t.satisfied]).toEqual([8, 34, '4/8（50.00%）']);
    expect(runningTally(press(['1', '1', '1']).counts, 2).left).toBe(-1);
  });
});
