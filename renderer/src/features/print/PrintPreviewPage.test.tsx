// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Secretary } from '../../../../shared/model';
import { createAssessment } from '../../db/assessments';
import { db } from '../../db/db';
import { importRoster, importSummaryScores, importTallies } from '../../db/imports';
import { platform } from '../../platform';
import { ToastProvider } from '../../ui';
import type { PrintKind } from './model';
import { PrintPreviewPage } from './PrintPreviewPage';

const sec = (id: string, name: string, town: string, eligibleVoters: number): Secretary => ({
  id,
  name,
  source: 'town',
  mode: 'fulltime',
  rankClass: 'section',
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

// docs/method.md §8: 李志明 良好, 王建国 优秀, 张海涛 称职, 刘丽静 基本称职
beforeEach(async () => {
  await db.meta.put({ key: 'operator', value: '张三' });
  assessmentId = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' });
  const ctx = { db, assessmentId, operator: '张三', sheet: '测试' };
  await importRoster(ctx, [
    sec('S1', '王建国', '阜安街道', 45),
    sec('S2', '李志明', '中云街道', 42),
    sec('S3', '张海涛', '阜安街道', 48),
    sec('S4', '刘丽静', '铺集镇', 50),
  ]);
  await importSummaryScores(ctx, [
    { id: 'S1', baseScore: '90', orgScore: '96' },
    { id: 'S2', baseScore: '78', orgScore: '92' },
    { id: 'S3', baseScore: '85', orgScore: '88' },
    { id: 'S4', baseScore: '86', orgScore: '90' },
  ]);
  await importTallies(ctx, [tally('S1', 30, 8, 2, 0), tally('S2', 35, 5, 0, 0), tally('S3', 20, 10, 5, 4, 1), tally('S4', 10, 10, 20, 2)]);
});
afterEach(async () => {
  cleanup();
  vi.restoreAllMocks();
  await db.delete();
  await db.open();
});

const view = (kind: PrintKind) =>
  render(
    <ToastProvider>
      <PrintPreviewPage assessmentId={assessmentId} kind={kind} />
    </ToastProvider>,
  );
const doc = async () => {
  await waitFor(() => expect(document.querySelector('.print-doc')).not.toBeNull());
  return document.querySelector('.print-doc')!;
};

describe('PrintPreviewPage', () => {
  it('shows the ranking with names, totals and grades, the audit head, and the print CSS with page numbers', async () => {
    view('ranking');
    const text = (await doc()).textContent ?? '';
    for (const w of ['考核结果排名表', '李志明', '92.00', '良好', '王建国', '优秀', '刘丽静', '基本称职', '结果未定稿']) expect(text).toContain(w);
    const last = await db.audit.where('assessmentId').equals(assessmentId).last();
    expect(last?.hash).toBeTruthy();
    expect(text).toContain(`审计链 ${last!.hash.slice(0, 8)}`);
    const css = document.querySelector('.print-preview style')?.textContent ?? '';
    expect(css).toContain('size: A4 landscape');
    expect(css).toContain('counter(page)');
    expect(screen.getByRole('link', { name: '考核结果排名表' }).getAttribute('aria-current')).toBe('page');
  });

  it('prints landscape for the ranking, portrait otherwise, and saves a PDF named after the print', async () => {
    const print = vi.spyOn(platform, 'print').mockResolvedValue(true);
    const savePdf = vi.spyOn(platform, 'savePdf').mockResolvedValue(null);
    const { unmount } = view('ranking');
    await doc();
    fireEvent.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledWith({ landscape: true });
    unmount();
    view('notice');
    await doc();
    fireEvent.click(screen.getByRole('button', { name: '另存为PDF' }));
    expect(savePdf).toHaveBeenCalledWith({ suggestedName: '考核结果公示名单-2024年度胶州市', landscape: false });
  });

  it('narrows the individual forms to a town, then to one secretary', async () => {
    view('individual');
    const forms = () => document.querySelectorAll('.print-doc section').length;
    await doc();
    expect(forms()).toBe(4);
    fireEvent.change(screen.getByLabelText('镇街'), { target: { value: '阜安街道' } });
    await waitFor(() => expect(forms()).toBe(2));
    expect(screen.getByLabelText('第一书记').querySelectorAll('option')).toHaveLength(3);
    fireEvent.change(screen.getByLabelText('第一书记'), { target: { value: 'S3' } });
    await waitFor(() => expect(forms()).toBe(1));
    expect(document.querySelector('.print-doc')?.textContent).toContain('张海涛');
    // another town drops the chosen secretary
    fireEvent.change(screen.getByLabelText('镇街'), { target: { value: '铺集镇' } });
    await waitFor(() => expect(document.querySelector('.print-doc')?.textContent).toContain('刘丽静'));
    expect((screen.getByLabelText('第一书记') as HTMLSelectElement).value).toBe('');
  });

  it('prints as many ballots as the electorate when asked', async () => {
    view('ballots');
    await doc();
    const ballots = () => document.querySelectorAll('.print-doc .ballot').length;
    expect(ballots()).toBe(12);
    fireEvent.change(screen.getByLabelText('第一书记'), { target: { value: 'S2' } });
    fireEvent.change(screen.getByLabelText('每人份数'), { target: { value: 'eligible' } });
    await waitFor(() => expect(ballots()).toBe(42));
  });

  it.each(['ranking', 'summary', 'notice'] as const)('narrows %s to a town and says so under the title; 全部 prints all again', async (kind) => {
    const savePdf = vi.spyOn(platform, 'savePdf').mockResolvedValue(null);
    view(kind);
    const text = async () => (await doc()).textContent ?? '';
    expect(await text()).toContain('刘丽静');
    expect(screen.queryByLabelText('第一书记')).toBeNull();
    fireEvent.change(screen.getByLabelText('镇街'), { target: { value: '阜安街道' } });
    await waitFor(async () => expect(await text()).not.toContain('刘丽静'));
    expect(await text()).toContain('本表范围：所在镇街：阜安街道');
    if (kind !== 'summary') for (const name of ['王建国', '张海涛']) expect(await text()).toContain(name);
    fireEvent.click(screen.getByRole('button', { name: '另存为PDF' }));
    expect(savePdf.mock.calls[0]?.[0].suggestedName).toMatch(/-阜安街道$/);
    fireEvent.change(screen.getByLabelText('镇街'), { target: { value: '' } });
    await waitFor(async () => expect(await text()).toContain('刘丽静'));
    expect(await text()).not.toContain('本表范围');
  });

  it('the 公示 period: blank lines until entered, then entered and printed, kept with the assessment', async () => {
    view('notice');
    expect((await doc()).textContent).toContain('公示期为＿＿＿＿');
    expect(screen.getByText('尚未设定公示期：打印件留空，可手写。')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('公示开始日期'), { target: { value: '2025-01-06' } });
    fireEvent.change(screen.getByLabelText('公示天数'), { target: { value: '5' } });
    fireEvent.click(screen.getByRole('button', { name: '保存公示期' }));
    await waitFor(() => expect(document.querySelector('.print-doc')?.textContent).toContain('公示期为5个工作日，自2025年1月6日至2025年1月10日。'));
    expect((await db.assessments.get(assessmentId))?.notice).toEqual({ start: '2025-01-06', days: 5, unit: 'workday' });
  });
});
