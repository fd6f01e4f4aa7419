// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Secretary } from '../../../../shared/model';
import { createAssessment } from '../../db/assessments';
import { db } from '../../db/db';
import { importRoster, importSummaryScores, importTallies } from '../../db/imports';
import { ToastProvider } from '../../ui';
import { ResultsPage } from './ResultsPage';

const sec = (id: string, name: string, rankClass: Secretary['rankClass'], town: string, eligibleVoters: number): Secretary => ({
  id,
  name,
  source: 'town',
  mode: 'fulltime',
  rankClass,
  postType: 'village',
  eligibleVoters,
  town,
});
const tally = (id: string, verySatisfied: number, satisfied: number, basic: number, dissatisfied: number, invalid = 0) => ({
  id,
  verySatisfied,
  satisfied,
  basic,
  dissatisfied,
  invalid,
  abstain: 0,
});

let assessmentId: string;

beforeEach(async () => {
  // dialogs: happy-dom may lack showModal
  HTMLDialogElement.prototype.showModal ??= function (this: HTMLDialogElement) {
    this.setAttribute('open', '');
  };
  await db.meta.put({ key: 'operator', value: '张三' });
  assessmentId = await createAssessment(db, { year: 2024, name: '测试', region: '胶州市', policy: 'jiaozhou' });
  const ctx = { db, assessmentId, operator: '张三', sheet: '测试' };
  // docs/method.md §8, and a boundary tie T1 = T2 for one excellent place
  await importRoster(ctx, [
    sec('S1', '王明', 'section', '甲镇', 45),
    sec('S2', '李强', 'section', '乙镇', 42),
    sec('S3', '张华', 'section', '甲镇', 48),
    sec('S4', '刘洋', 'section', '乙镇', 50),
    sec('T1', '陈静', 'chief', '甲镇', 45),
    sec('T2', '杨帆', 'chief', '甲镇', 45),
    sec('T3', '赵磊', 'chief', '乙镇', 45),
    sec('T4', '孙丽', 'chief', '乙镇', 45),
  ]);
  await importSummaryScores(ctx, [
    { id: 'S1', baseScore: '90', orgScore: '96' },
    { id: 'S2', baseScore: '78', orgScore: '92' },
    { id: 'S3', baseScore: '85', orgScore: '88' },
    { id: 'S4', baseScore: '86', orgScore: '90' },
    { id: 'T1', baseScore: '90', orgScore: '95' },
    { id: 'T2', baseScore: '90', orgScore: '95' },
    { id: 'T3', baseScore: '85', orgScore: '80' },
    { id: 'T4', baseScore: '85', orgScore: '70' },
  ]);
  await importTallies(ctx, [
    tally('S1', 30, 8, 2, 0),
    tally('S2', 35, 5, 0, 0),
    tally('S3', 20, 10, 5, 4, 1),
    tally('S4', 10, 10, 20, 2),
    tally('T1', 40, 0, 0, 0),
    tally('T2', 40, 0, 0, 0),
    tally('T3', 30, 10, 0, 0),
    tally('T4', 30, 10, 0, 0),
  ]);
});
afterEach(async () => {
  cleanup();
  sessionStorage.clear();
  await db.delete();
  await db.open();
});

const view = () =>
  render(
    <ToastProvider>
      <ResultsPage assessmentId={assessmentId} />
    </ToastProvider>,
  );
const category = (label: string) => screen.getByRole('heading', { name: label }).closest('section')!;
const rowsOf = (label: string) => within(category(label)).getAllByTestId('result-row');

describe('ResultsPage', () => {
  it('shows the worked example in rank order with grades and reasons', async () => {
    view();
    await screen.findByRole('heading', { name: '镇街·脱产·正股级' });
    const rows = rowsOf('镇街·脱产·正股级').map((r) => r.textContent ?? '');
    expect(rows.map((r) => r.match(/S\d/)?.[0])).toEqual(['S2', 'S1', 'S3', 'S4']);
    expect(rows[0]).toContain('92.00');
    expect(rows[0]).toContain('良好');
    expect(rows[0]).toContain('基本分低于优秀最低分');
    expect(rows[1]).toContain('91.20');
    expect(rows[1]).toContain('优秀');
    expect(rows[3]).toContain('42.86');
    expect(rows[3]).toContain('基本称职');
    expect(category('镇街·脱产·正股级').textContent).toContain('名额：优秀 1 名，良好 1 名');
  });

  it('marks the boundary tie and records a decision beside the computed grade', async () => {
    view();
    await screen.findByRole('heading', { name: '镇街·脱产·党政正职' });
    const tie = rowsOf('镇街·脱产·党政正职').filter((r) => r.classList.contains('tie-group'));
    expect(tie).toHaveLength(2);
    expect(screen.getByTestId('tie-notice').textContent).toContain('2 名');

    fireEvent.click(screen.getByRole('button', { name: '审定 陈静' }));
    fireEvent.change(await screen.findByLabelText(/审定理由/), { target: { value: '会议研究确定' } });
    // happy-dom does not submit through a button's form= attribute; a browser does (see the e2e)
    fireEvent.submit(document.getElementById('decision-form')!);
    await waitFor(() => expect(rowsOf('镇街·脱产·党政正职')[0]!.textContent).toContain('审定理由：会议研究确定'));
    const t1 = rowsOf('镇街·脱产·党政正职').find((r) => r.textContent?.includes('T1'))!;
    // 计算等次 and 审定等次 in their own cells; the reason once, in 说明
    const cells = [...t1.querySelectorAll('tr:first-child td')].map((td) => td.textContent);
    expect(cells.slice(-3, -1)).toEqual(['待定', '优秀']);
    expect(t1.textContent).toContain('审定理由：会议研究确定（张三记录');
    expect(t1.textContent?.match(/会议研究确定/g)).toHaveLength(1);
    expect((await db.decisions.get([assessmentId, 'T1']))?.grade).toBe('excellent');
    expect((await db.audit.where('assessmentId').equals(assessmentId).last())?.action).toBe('decision.set');
  });

  it('filters by town', async () => {
    view();
    await screen.findByRole('heading', { name: '镇街·脱产·正股级' });
    fireEvent.change(screen.getByLabelText('镇街'), { target: { value: '甲镇' } });
    await waitFor(() => expect(rowsOf('镇街·脱产·正股级')).toHaveLength(2));
    expect(rowsOf('镇街·脱产·党政正职')).toHaveLength(2);
  });

  it('searches by 姓名 or 编号 and filters what needs attention, with counts in the index', async () => {
    view();
    await screen.findByRole('heading', { name: '镇街·脱产·正股级' });
    const index = screen.getByTestId('results-index');
    expect(within(index).getByRole('button', { name: /镇街·脱产·正股级\s*4 人/ }).textContent).toMatch(/优秀 1良好 1称职 1基本称职 1/);
    fireEvent.change(screen.getByLabelText('查找姓名或编号'), { target: { value: '张华' } });
    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(1));
    expect(screen.getByTestId('results-shown').textContent).toBe('显示 1 / 8 人');
    expect(within(index).getByRole('button', { name: /镇街·脱产·党政正职/ })).toHaveProperty('disabled', true);
    fireEvent.change(screen.getByLabelText('查找姓名或编号'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('筛选'), { target: { value: 'pending' } });
    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(2));
    expect(screen.getAllByTestId('result-row').map((r) => r.dataset.rowId)).toEqual(['T1', 'T2']);
    fireEvent.click(screen.getByRole('button', { name: '清除筛选' }));
    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(8));
  });

  it('links the tie notice to its rows, letting go of a filter that hides them', async () => {
    view();
    await screen.findByRole('heading', { name: '镇街·脱产·正股级' });
    fireEvent.change(screen.getByLabelText('镇街'), { target: { value: '乙镇' } });
    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(4));
    fireEvent.click(within(screen.getByTestId('tie-notice')).getByRole('button', { name: /杨帆（T2）/ }));
    await waitFor(() => expect(screen.getAllByTestId('result-row')).toHaveLength(8));
    const t2 = document.querySelector('tbody[data-row-id="T2"]')!;
    expect(t2.classList.contains('row-target')).toBe(true);
    expect(document.activeElement).toBe(t2);
  });

  it('finds its filter and search again after leaving the screen', async () => {
    const first = view();
    await screen.findByRole('heading', { name: '镇街·脱产·正股级' });
    fireEvent.change(screen.getByLabelText('筛选'), { target: { value: 'baseBelowMin' } });
    fireEvent.change(screen.getByLabelText('查找姓名或编号'), { target: { value: 'S' } });
    first.unmount();
    view();
    await screen.findByRole('heading', { name: '镇街·脱产·正股级' });
    expect(screen.getByLabelText<HTMLInputElement>('查找姓名或编号').value).toBe('S');
    expect(screen.getByLabelText<HTMLSelectElement>('筛选').value).toBe('baseBelowMin');
    expect(screen.getAllByTestId('result-row').map((r) => r.dataset.rowId)).toEqual(['S2']);
  });
});
