// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Policy } from '../../../../shared/model';
import { presetPolicy } from '../../../../shared/policy';
import { PolicyEditor } from './PolicyEditor';

afterEach(cleanup);

describe('PolicyEditor', () => {
  it('shows each error beside its setting and will not save an invalid policy', () => {
    const onSave = vi.fn(async () => {});
    render(<PolicyEditor policy={presetPolicy('jiaozhou')} onSave={onSave} />);
    const save = screen.getByRole('button', { name: '保存考核规则' }) as HTMLButtonElement;
    expect(save.disabled).toBe(true); // nothing changed yet

    fireEvent.change(screen.getByLabelText('优秀比例'), { target: { value: '0.8' } });
    expect(screen.getByTestId('error-table').textContent).toContain('各等次比例之和超过100%');
    expect(save.disabled).toBe(true);

    fireEvent.change(screen.getByLabelText('优秀比例'), { target: { value: '三成' } });
    expect(screen.getByTestId('error-table').textContent).toContain('不是有效的比例');
    expect(screen.getByTestId('error-table').textContent).toContain('等次比例 第1项 比例');

    fireEvent.change(screen.getByLabelText('测评有效的最低参加比例'), { target: { value: '1.5' } });
    expect(screen.getByLabelText('测评有效的最低参加比例').getAttribute('aria-invalid')).toBe('true');
    fireEvent.submit(save.closest('form')!);
    expect(onSave).not.toHaveBeenCalled();
  });

  it('saves a valid change as a checked policy', () => {
    const onSave = vi.fn(async (_policy: Policy) => {});
    render(<PolicyEditor policy={presetPolicy('jiaozhou')} onSave={onSave} />);
    fireEvent.change(screen.getByLabelText('优秀比例'), { target: { value: '1/5' } });
    fireEvent.change(screen.getByLabelText('不满意率超过此值召回（留空不启用）'), { target: { value: '' } });
    fireEvent.click(screen.getByLabelText('召回的当年不得评为优秀'));
    const save = screen.getByRole('button', { name: '保存考核规则' }) as HTMLButtonElement;
    expect(save.disabled).toBe(false);
    fireEvent.click(save);
    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0]![0];
    expect(saved.bands[0]).toEqual({ key: 'excellent', ratio: '1/5' });
    expect(saved.recallAboveDissatisfaction).toBeNull();
    expect(saved.recallBlocksExcellent).toBe(true);
  });

  it('edits the consequences and the 期满考核 rule: a duration, the words, the term rule, checked before saving', () => {
    const onSave = vi.fn(async (_policy: Policy) => {});
    render(<PolicyEditor policy={presetPolicy('jiaozhou')} onSave={onSave} />);
    const block = within(screen.getByTestId('consequence-incompetent-2'));
    expect((block.getByLabelText('处理意见') as HTMLInputElement).value).toBe('取消年度评优资格');
    fireEvent.change(block.getByLabelText('期限'), { target: { value: '2' } });
    fireEvent.change(block.getByLabelText('处理意见'), { target: { value: '' } });
    expect(screen.getByTestId('error-table').textContent).toContain('处理意见不能为空');
    fireEvent.change(block.getByLabelText('处理意见'), { target: { value: '两年内取消评优资格' } });
    fireEvent.click(screen.getByRole('button', { name: '添加一条：基本称职' }));
    fireEvent.change(within(screen.getByTestId('consequence-basic-1')).getByLabelText('处理意见'), { target: { value: '当年不得评先评优' } });
    fireEvent.click(within(screen.getByTestId('consequence-basic-1')).getByLabelText('期限内不得评为优秀'));
    const term = within(screen.getByTestId('policy-term-editor'));
    fireEvent.change(term.getByLabelText('非脱产联村任期（年）'), { target: { value: '3' } });
    fireEvent.change(term.getByLabelText('期满评价'), { target: { value: 'required' } });
    fireEvent.click(screen.getByRole('button', { name: '保存考核规则' }));
    expect(onSave).toHaveBeenCalledTimes(1);
    const saved = onSave.mock.calls[0]![0];
    expect(saved.consequences.incompetent?.[2]).toEqual({ text: '两年内取消评优资格', kind: 'sanction', years: 2, blocksExcellent: true, cadreFile: true });
    expect(saved.consequences.basic?.[1]).toEqual({ text: '当年不得评先评优', kind: 'sanction', years: 0, blocksExcellent: true, cadreFile: false });
    expect(saved.term).toMatchObject({ years: { fulltime: 1, parttime: 3 }, evaluation: 'required' });
  });

  it('starts over from a preset', () => {
    render(<PolicyEditor policy={presetPolicy('jiaozhou')} onSave={async () => {}} />);
    fireEvent.change(screen.getByLabelText('从预设开始'), { target: { value: 'touyan' } });
    expect((screen.getByLabelText('规则名称') as HTMLInputElement).value).toBe('“头雁”工程实绩考核');
    expect(screen.queryByLabelText('良好比例')).toBeNull();
  });
});
