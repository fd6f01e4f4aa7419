// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import type { CarriedLine } from '../../../../shared/people';
import { CarriedList } from './CarriedList';

const line: CarriedLine = {
  id: 'T3',
  name: '张伟',
  personKey: 'p1',
  occurrences: [
    {
      text: '取消年度评优资格',
      kind: 'sanction',
      years: 0,
      blocksExcellent: true,
      cadreFile: false,
      trigger: 'incompetent',
      year: 2024,
      source: '2024年度考核不称职',
      from: '2025-01-01',
      until: '2025-12-31',
    },
  ],
};

afterEach(cleanup);

describe('the carried list', () => {
  it('an open year: who carries what, and how many may not be 优秀', () => {
    render(<CarriedList assessmentId="a" carried={{ lines: [line], blocks: [{ id: 'T3', reason: 'r' }] }} />);
    const text = screen.getByTestId('carried-list').textContent;
    expect(text).toContain('1 名第一书记本年度仍在处理期内，其中 1 名不得评为优秀（已计入本年度等次');
    expect(text).toContain('2024年度考核不称职，取消年度评优资格（至2025年12月31日）〔不得评为优秀〕');
    expect(screen.queryByTestId('carried-at-lock')).toBeNull();
  });

  it('a finalized year whose history changed since: today’s list, and the blocks its grades were finalized with', () => {
    render(<CarriedList assessmentId="a" carried={{ lines: [line], blocks: [], changedSinceLock: [] }} />);
    expect(screen.getByTestId('carried-list').textContent).toContain('1 名第一书记本年度仍在处理期内（按现在的往年记录）');
    expect(screen.getByTestId('carried-at-lock').textContent).toContain('本年度已定稿，定稿后往年记录有变化；等次按定稿时计入的往年处理计算：无');
  });

  it('a finalized year that carried a block the history no longer gives', () => {
    const reason = '2024年度考核不称职：取消年度评优资格（至2025年12月31日）';
    render(<CarriedList assessmentId="a" carried={{ lines: [], blocks: [{ id: 'T3', reason }], changedSinceLock: [{ id: 'T3', reason, name: '张伟' }] }} />);
    expect(screen.getByTestId('carried-list').textContent).toContain('没有第一书记本年度仍在处理期内（按现在的往年记录）');
    expect(screen.getByTestId('carried-at-lock').textContent).toContain(`1 名不得评为优秀张伟（T3）：${reason}`);
  });
});
