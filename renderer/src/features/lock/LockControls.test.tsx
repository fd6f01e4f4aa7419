// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Secretary } from '../../../../shared/model';
import { createAssessment } from '../../db/assessments';
import { db } from '../../db/db';
import { acknowledgeWarning, readWarningStatuses } from '../../db/checks';
import { recordDecision } from '../../db/decisions';
import { importRoster, importSummaryScores, importTallies } from '../../db/imports';
import { ToastProvider } from '../../ui';
import { reviewTally } from '../ballots/store';
import { savePaper } from '../../db/field';
import { PAPER_KINDS } from '../../../../shared/model';
import { LockControls } from './LockControls';

const sec = (id: string): Secretary => ({
  id,
  name: `书记${id}`,
  source: 'town',
  mode: 'fulltime',
  rankClass: 'chief',
  postType: 'village',
  eligibleVoters: 45,
});
let assessmentId: string;

beforeEach(async () => {
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  await db.meta.put({ key: 'operator', value: '张三' });
  assessmentId = await createAssessment(db, { year: 2024, name: '测试', region: '胶州市', policy: 'jiaozhou' });
  const ctx = { db, assessmentId, operator: '张三', sheet: '测试' };
  const ids = ['A', 'B', 'C', 'D'];
  await importRoster(ctx, ids.map(sec));
  await importSummaryScores(
    ctx,
    ids.map((id, i) => ({ id, baseScore: '90', orgScore: String(95 - i) })),
  );
  await importTallies(
    ctx,
    // no two tallies alike (else a plausibility warning: identical tallies)
    ids.map((id, i) => ({ id, verySatisfied: 40 - i, satisfied: i, basic: 0, dissatisfied: 0, invalid: 0, abstain: 0 })),
  );
  // imported tallies count once a second operator has checked them
  for (const id of ids) await reviewTally(db, assessmentId, id, '李四');
});
afterEach(async () => {
  cleanup();
  await db.delete();
  await db.open();
});

/** Every paper the policy requires, received. */
async function allPapers() {
  for (const id of ['A', 'B', 'C', 'D'])
    for (const kind of PAPER_KINDS) await savePaper(db, assessmentId, { id, kind, status: 'received', by: '李四' }, '张三');
}

describe('定稿 dialog', () => {
  it('lists the categories the decisions put over a quota, and needs the acknowledgment', async () => {
    await recordDecision(db, assessmentId, { id: 'B', grade: 'excellent', reason: '会议研究', by: '李四' }, '张三');
    await allPapers();
    const assessment = (await db.assessments.get(assessmentId))!;
    render(
      <ToastProvider>
        <LockControls assessment={assessment} />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '定稿' }));
    const quota = await screen.findByTestId('lock-quota');
    expect(quota.textContent).toContain('镇街·脱产·党政正职：优秀 2 人，超出名额（1 人）1 人；良好 0 人，名额（1 人）空出 1 个，不由他人递补');
    const confirm = screen.getByRole('button', { name: '确认定稿' });
    expect(confirm).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: /我已知晓，仍要定稿/ }));
    await waitFor(() => expect(confirm).toHaveProperty('disabled', false));
  });

  it('a missing 述职报告 blocks 定稿, even acknowledged, until it is waived with a reason (logged)', async () => {
    await recordDecision(db, assessmentId, { id: 'C', grade: 'competent', reason: '会议研究', by: '李四' }, '张三');
    for (const id of ['A', 'B', 'C', 'D'])
      for (const kind of PAPER_KINDS.filter((k) => !(id === 'B' && k === 'report')))
        await savePaper(db, assessmentId, { id, kind, status: 'received', by: '李四' }, '张三');
    const assessment = (await db.assessments.get(assessmentId))!;
    render(
      <ToastProvider>
        <LockControls assessment={assessment} />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '定稿' }));
    const papers = await screen.findByTestId('lock-papers');
    expect(papers.textContent).toContain('书记B（B）：专项书面述职报告');
    const confirm = screen.getByRole('button', { name: '确认定稿' });
    expect(confirm).toHaveProperty('disabled', true);
    const waive = screen.getByRole('button', { name: '说明理由，以上材料免交' });
    expect(waive).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText(/免交理由/), { target: { value: '病休期间，经部长办公会同意' } });
    fireEvent.click(waive);
    await waitFor(() => expect(screen.queryByTestId('lock-papers')).toBeNull());
    await waitFor(() => expect(confirm).toHaveProperty('disabled', false));
    expect(await db.papers.get([assessmentId, 'B', 'report'])).toMatchObject({ status: 'waived', reason: '病休期间，经部长办公会同意', by: '张三' });
    expect((await db.audit.toArray()).filter((e) => e.action === 'paper.waive')).toHaveLength(1);
  });

  it('decisions within the quotas: nothing to acknowledge', async () => {
    await recordDecision(db, assessmentId, { id: 'C', grade: 'competent', reason: '会议研究', by: '李四' }, '张三');
    for (const id of ['A', 'B', 'C', 'D'])
      for (const kind of PAPER_KINDS) await savePaper(db, assessmentId, { id, kind, status: 'received', by: '李四' }, '张三');
    const assessment = (await db.assessments.get(assessmentId))!;
    render(
      <ToastProvider>
        <LockControls assessment={assessment} />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '定稿' }));
    await screen.findByText('各项已齐备。');
    expect(screen.queryByTestId('lock-quota')).toBeNull();
    expect(screen.getByRole('button', { name: '确认定稿' })).toHaveProperty('disabled', false);
  });

  it('an unacknowledged plausibility warning blocks 定稿 until a person acknowledges it with a reason', async () => {
    // D's box: 5 废票 of 45 (above 5 %)
    await importTallies(
      { db, assessmentId, operator: '张三', sheet: '测试' },
      [{ id: 'D', verySatisfied: 30, satisfied: 10, basic: 0, dissatisfied: 0, invalid: 5, abstain: 0 }],
      {
        D: 'theirs',
      },
    );
    await reviewTally(db, assessmentId, 'D', '李四');
    await allPapers();
    const assessment = (await db.assessments.get(assessmentId))!;
    render(
      <ToastProvider>
        <LockControls assessment={assessment} />
      </ToastProvider>,
    );
    fireEvent.click(screen.getByRole('button', { name: '定稿' }));
    const blocker = await screen.findByTestId('lock-plausibility');
    expect(blocker.textContent).toContain('合理性提示尚有 1 条未确认');
    expect(blocker.textContent).toContain('编号D 废票较多');
    expect(screen.getByRole('button', { name: '确认定稿' })).toHaveProperty('disabled', true);
    const [status] = await readWarningStatuses(db, assessmentId);
    await acknowledgeWarning(db, assessmentId, status!.warning, '已核对计票单原件', '张三');
    await waitFor(() => expect(screen.queryByTestId('lock-plausibility')).toBeNull());
    await waitFor(() => expect(screen.getByRole('button', { name: '确认定稿' })).toHaveProperty('disabled', false));
  });
});
