// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { computeAssessment } from '../../../../shared/method';
import { inputOf } from '../../../../shared/method/testing';
import type { Decision } from '../../../../shared/model';
import { presetPolicy } from '../../../../shared/policy/presets';
import { DecisionDialog } from './DecisionDialog';

/** 4 secretaries, 优秀 1 and 良好 1: T1 = T2 tied for the 优秀 place (holding the 良好 one too), T3, T4 称职. */
const people = [
  { id: 'T1', org: '95', base: '90', votes: [40, 0, 0, 0] },
  { id: 'T2', org: '95', base: '90', votes: [40, 0, 0, 0] },
  { id: 'T3', org: '80', base: '85', votes: [30, 10, 0, 0] },
  { id: 'T4', org: '70', base: '85', votes: [30, 10, 0, 0] },
];
const policy = presetPolicy('jiaozhou');
const categoryWith = (decisions: Decision[]) => computeAssessment(inputOf(people, policy, { decisions })).categories[0]!;

beforeEach(() => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
});
afterEach(cleanup);

function open(decisions: Decision[], id: string) {
  const category = categoryWith(decisions);
  const onSave = vi.fn(async () => {});
  render(
    <DecisionDialog
      row={category.rows.find((r) => r.id === id)!}
      category={category}
      policy={policy}
      operator="张三"
      onClose={() => {}}
      onSave={onSave}
      onRemove={async () => {}}
    />,
  );
  return onSave;
}

describe('DecisionDialog', () => {
  it('says before saving that the grade chosen puts the category over its quota, and saves it if the meeting so decides', async () => {
    const onSave = open([{ id: 'T1', grade: 'excellent', reason: '会议', by: '张三', at: '2025-01-06' }], 'T2');
    const select = screen.getByRole('combobox');
    expect((select as HTMLSelectElement).value).toBe('excellent');
    expect(screen.getByTestId('decision-quota').textContent).toContain(
      '保存后本类别优秀 2 人，超出名额（1 人）1 人；良好 0 人，名额（1 人）空出 1 个，不由他人递补',
    );
    // 良好 for T2 is the place the tie held: within the quota, nothing to say
    fireEvent.change(select, { target: { value: 'good' } });
    expect(screen.queryByTestId('decision-quota')).toBeNull();
    // 称职 leaves the 良好 place the tie held empty
    fireEvent.change(select, { target: { value: 'competent' } });
    expect(screen.getByTestId('decision-quota').textContent).toContain('保存后本类别良好 0 人，名额（1 人）空出 1 个，不由他人递补');

    fireEvent.change(select, { target: { value: 'excellent' } });
    fireEvent.change(screen.getByLabelText(/审定理由/), { target: { value: '部长办公会研究，两人均评优秀' } });
    fireEvent.submit(document.getElementById('decision-form')!);
    expect(onSave).toHaveBeenCalledWith({ grade: 'excellent', reason: '部长办公会研究，两人均评优秀', by: '张三' });
  });

  it('a decision that stays within the quotas says nothing of them', () => {
    open([], 'T1');
    fireEvent.change(screen.getByRole('combobox'), { target: { value: 'good' } });
    expect(screen.queryByTestId('decision-quota')).toBeNull();
  });

  it('shows what a saved decision recorded', () => {
    open(
      [
        { id: 'T1', grade: 'excellent', reason: '会议', by: '张三', at: '2025-01-06' },
        { id: 'T2', grade: 'excellent', reason: '会议', by: '张三', at: '2025-01-06', quotaNote: '本类别优秀 2 人，超出名额（1 人）1 人' },
      ],
      'T2',
    );
    expect(screen.getByTestId('decision-quota-recorded').textContent).toBe('上次保存时：本类别优秀 2 人，超出名额（1 人）1 人');
  });
});
