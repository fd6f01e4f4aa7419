// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
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

  it('starts over from a preset', () => {
    render(<PolicyEditor policy={presetPolicy('jiaozhou')} onSave={async () => {}} />);
    fireEvent.change(screen.getByLabelText('从预设开始'), { target: { value: 'touyan' } });
    expect((screen.getByLabelText('规则名称') as HTMLInputElement).value).toBe('“头雁”工程实绩考核');
    expect(screen.queryByLabelText('良好比例')).toBeNull();
  });
});
