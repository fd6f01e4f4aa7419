// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, render, screen } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import * as method from '../../../shared/method';
import { secretary } from '../../../shared/method/testing';
import { createAssessment } from '../db/assessments';
import { db } from '../db/db';
import { importRoster, importSummaryScores, importTallies } from '../db/imports';
import { useResult } from './result';
import { useWarningStatuses } from './warnings';

vi.mock('../../../shared/method', async (actual) => {
  const real = await actual<typeof import('../../../shared/method')>();
  return { ...real, computeAssessment: vi.fn(real.computeAssessment) };
});
const computed = vi.mocked(method.computeAssessment);

let assessmentId: string;

beforeEach(async () => {
  assessmentId = await createAssessment(db, { year: 2024, name: '测试', region: '胶州市', policy: 'jiaozhou' });
  const ctx = { db, assessmentId, operator: '张三', sheet: '测试' };
  await importRoster(
    ctx,
    ['A', 'B'].map((id) => secretary(id)),
  );
  await importSummaryScores(ctx, [
    { id: 'A', baseScore: '90', orgScore: '95' },
    { id: 'B', baseScore: '90', orgScore: '91' },
  ]);
  // identical tallies: one plausibility warning
  await importTallies(
    ctx,
    ['A', 'B'].map((id) => ({ id, verySatisfied: 40, satisfied: 0, basic: 0, dissatisfied: 0, invalid: 0, abstain: 0 })),
  );
  computed.mockClear();
});
afterEach(async () => {
  cleanup();
  await db.delete();
  await db.open();
});

function Total({ label }: { label: string }) {
  const state = useResult(assessmentId);
  return <p>{state.status === 'ready' ? `${label}：${state.result.categories.flatMap((c) => c.rows).length} 人` : `${label}：${state.status}`}</p>;
}
function Warnings() {
  const statuses = useWarningStatuses(assessmentId);
  return <p>{statuses ? `提示 ${statuses.length} 条，${statuses.filter((s) => s.state === 'open').length} 条待确认` : '提示读取中'}</p>;
}

describe('the live result', () => {
  it('is computed once for every component showing the same assessment, and again when the data changes', async () => {
    render(
      <>
        <Total label="结果" />
        <Total label="定稿" />
        <Warnings />
        <Warnings />
      </>,
    );
    await screen.findByText('结果：2 人');
    await screen.findByText('定稿：2 人');
    expect(screen.getAllByText('提示 1 条，1 条待确认')).toHaveLength(2);
    expect(computed).toHaveBeenCalledTimes(1);

    await importRoster(
      { db, assessmentId, operator: '张三', sheet: '测试' },
      ['A', 'B', 'C'].map((id) => secretary(id)),
    );
    await screen.findByText('结果：3 人');
    await screen.findByText('定稿：3 人');
    expect(computed).toHaveBeenCalledTimes(2);
  });

  it('shows the warnings with the result, and an acknowledgment computes nothing again', async () => {
    render(
      <>
        <Total label="结果" />
        <Warnings />
      </>,
    );
    await screen.findByText('提示 1 条，1 条待确认');
    expect(screen.getByText('结果：2 人')).toBeTruthy();
    // an acknowledgment of the identical tallies of A and B (of other data: stale, but no longer open)
    await db.transaction('rw', db.assessments, db.warningAcks, () =>
      db.warningAcks.put({ assessmentId, id: 'A', warning: 'identicalTallies:B', digest: 'x', reason: '已核对', by: '张三', at: '2024-12-01T00:00:00Z' }),
    );
    await screen.findByText('提示 1 条，0 条待确认');
    expect(computed).toHaveBeenCalledTimes(1);
  });

  it('a screen replacing another starts with its result; once the last is gone for a task, the watch stops and the next reads again', async () => {
    const first = render(<Total label="结果" />);
    await screen.findByText('结果：2 人');
    first.unmount();
    const second = render(<Total label="结果" />);
    // no loading in between: the same result
    expect(screen.getByText('结果：2 人')).toBeTruthy();
    expect(computed).toHaveBeenCalledTimes(1);
    second.unmount();
    // the watch stops at the next task
    await new Promise((next) => setTimeout(next));
    render(<Total label="结果" />);
    expect(screen.getByText('结果：loading')).toBeTruthy();
    await screen.findByText('结果：2 人');
    expect(computed).toHaveBeenCalledTimes(2);
  });

  it('says so when the assessment is gone', async () => {
    render(<Total label="结果" />);
    await screen.findByText('结果：2 人');
    await db.assessments.delete(assessmentId);
    await screen.findByText('结果：missing');
  });
});
