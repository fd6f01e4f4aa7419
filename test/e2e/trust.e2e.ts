/**
 * Nothing a person confirmed changes behind their back, as a clerk meets it: a tally
 * two people entered survives an import of the same secretaries (the preview shows the
 * difference; nothing changes until someone chooses); imported tallies wait for a 复核
 * by another operator (with their PIN), and 结果, 首页 and 定稿 say how many wait; a
 * summary score switched to item scoring is kept and taken up again; a replaced value
 * is seen and brought back from 审计.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { BALLOT_HEADER, BALLOT_ROWS, ROSTER_HEADER, ROSTER_ROWS, workbook } from './workbooks';

let app: App;
let base = '';

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

/** S1 in the file differs from what two people entered (30/8/2 → 25/8/2). */
const FILE_ROWS = BALLOT_ROWS.map((r) => (r[0] === 'S1' ? ['S1', 25, 8, 2, 0, 0] : r));

async function importBallots() {
  const { page } = app;
  await app.chooseFile(page.getByRole('button', { name: '导入测评计票（Excel）' }), {
    name: '计票.xlsx',
    buffer: await workbook('测评计票', BALLOT_HEADER, FILE_ROWS),
  });
}

const picker = (id: string) => app.page.locator('.picker-item', { hasText: id });

describe('确认过的数据不被悄悄改变', () => {
  it('sets up two operators, one with a PIN, and an assessment with a roster', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('张三');
    // 李四 joins the list with a PIN: asked whenever someone names 李四 for an act
    await page.getByTestId('operator').click();
    const dialog = page.getByRole('dialog', { name: '设置操作员' });
    await dialog.getByLabel('操作员姓名').fill('李四');
    await dialog.getByLabel('设置PIN（可选）').fill('2468');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('operator').innerText()).toContain('李四');
    await app.setOperator('张三');

    base = await app.newAssessment();
    await app.go(`${base}/roster`);
    await app.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, ROSTER_ROWS),
    });
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
  });

  it('two people enter S1’s tally; the second names an operator of the list with their PIN', async () => {
    const { page } = app;
    await app.go(`${base}/ballots`);
    await picker('S1').click();
    const first = page.getByTestId('entry-form-1');
    await first.getByLabel(/发出票数/).fill('45');
    for (const [label, v] of [
      ['很满意', '30'],
      ['满意', '8'],
      ['基本满意', '2'],
    ] as const)
      await first.getByLabel(label, { exact: true }).fill(v);
    await first.getByRole('button', { name: '保存第一次录入' }).click();
    // saved, the desk moves on to S2; the second person comes back to S1
    await expect.poll(() => page.locator('.picker-item[aria-current="true"]').innerText()).toContain('S2');
    await picker('S1').click();
    const second = page.getByTestId('entry-form-2');
    await second.getByLabel('第二名录入员').selectOption('李四');
    await second.getByLabel(/发出票数/).fill('45');
    for (const [label, v] of [
      ['很满意', '30'],
      ['满意', '8'],
      ['基本满意', '2'],
    ] as const)
      await second.getByLabel(label, { exact: true }).fill(v);
    await second.getByLabel('李四的PIN').fill('1111');
    await second.getByRole('button', { name: '保存第二次录入' }).click();
    await expect.poll(() => second.innerText()).toContain('李四的PIN不正确');
    await second.getByLabel('李四的PIN').fill('2468');
    await second.getByRole('button', { name: '保存第二次录入' }).click();
    await expect.poll(() => picker('S1').innerText()).toContain('已双录确认');
    await picker('S1').click();
    await page.getByTestId('accepted-tally').waitFor();
  });

  it('an import that differs from it shows the difference first; cancelled, nothing changes', async () => {
    const { page } = app;
    await importBallots();
    const preview = page.getByRole('dialog', { name: '导入测评计票：确认变更' });
    await preview.waitFor();
    expect(await preview.getByTestId('import-counts').innerText()).toMatch(/新增 7 人，与本机相同 0 人，与本机不同 1 人/);
    const row = preview.getByTestId('import-row');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toContain('本机已确认');
    expect(await row.locator('tr.differs', { hasText: '很满意' }).innerText()).toMatch(/很满意\s+30\s+25/);
    expect(await preview.getByRole('button', { name: '确认导入' }).isDisabled()).toBe(true);
    await app.shot('01-导入前核对差异');
    await preview.getByRole('button', { name: '取消，不导入' }).click();
    await expect.poll(() => preview.count()).toBe(0);
    expect(await picker('S2').innerText()).toContain('未录入');
    expect(await picker('S1').innerText()).toContain('已双录确认');
  });

  it('imported again keeping this laptop’s S1: the double entry stays, the rest wait for a second person', async () => {
    const { page } = app;
    await importBallots();
    const preview = page.getByRole('dialog', { name: '导入测评计票：确认变更' });
    await preview.getByTestId('import-row').getByLabel('保留本机').check();
    await preview.getByRole('button', { name: '确认导入' }).click();
    await page.getByText(/已从“计票.xlsx”导入 7 条记录（新增 7，相同 0，保留本机 1（S1））/).waitFor();
    await picker('S1').click();
    expect(await page.getByTestId('accepted-satisfied').innerText()).toBe('8');
    expect(await page.getByTestId('accepted-verySatisfied').innerText()).toBe('30');
    expect(await page.getByTestId('ballots-confirmed').innerText()).toContain('导入待复核 7 人');
    await expect.poll(() => picker('S2').innerText()).toContain('已导入，待复核');
  });

  it('a 复核 by another operator confirms an imported tally; the importer may not', async () => {
    const { page } = app;
    await picker('S2').click();
    const imported = page.getByTestId('imported-tally');
    await imported.getByRole('button', { name: '复核（对照原始计票单）' }).click();
    const review = page.getByTestId('review-form');
    expect(await review.getByTestId('imported-verySatisfied').innerText()).toBe('35');
    const options = review.getByLabel('复核人').locator('option');
    await expect.poll(() => options.allInnerTexts()).toContain('李四'); // the operator list loads after the form
    const choices = await options.allInnerTexts();
    expect(choices).not.toContain('张三');
    await review.getByLabel('复核人').selectOption('李四');
    await review.getByLabel('李四的PIN').fill('2468');
    await app.shot('02-复核导入的计票');
    await review.getByRole('button', { name: '已对照原始计票单，复核无误' }).click();
    await expect.poll(() => picker('S2').innerText()).toContain('已导入并复核');
    await picker('S2').click();
    await expect.poll(() => page.getByTestId('accepted-tally').innerText()).toMatch(/导入：张三；复核：李四/);
  });

  it('results, 首页 and 定稿 say how many tallies are not confirmed', async () => {
    const { page } = app;
    await app.go(`${base}/results`);
    await expect.poll(() => page.getByTestId('unconfirmed-notice').innerText()).toContain('有 6 人的测评计票为导入数据，尚未经第二人复核');
    await app.shot('03-结果-未复核提示');
    await app.go(`${base}/overview`);
    const overview = page.getByTestId('overview-page');
    await expect.poll(() => overview.innerText()).toContain('测评计票为导入数据，未经第二人复核：6 人');
    await overview.getByRole('button', { name: '定稿' }).click();
    const lock = page.getByRole('dialog', { name: '定稿' });
    await expect.poll(() => lock.innerText()).toContain('测评计票为导入数据，未经第二人复核：6 人');
    await app.shot('04-定稿-未复核');
    await lock.getByRole('button', { name: '取消' }).click();
  });

  it('switching a summary score to item scoring keeps it; it is taken up again', async () => {
    const { page } = app;
    await app.go(`${base}/scoring`);
    await picker('S3').click();
    await page.getByRole('button', { name: '改为录入汇总分' }).click();
    const enter = page.getByRole('dialog', { name: '录入汇总分' });
    await enter.getByLabel('基本分（A+B）').fill('85');
    await enter.getByLabel('组织工作目标考评得分（含晋位升级）').fill('88');
    await enter.getByRole('button', { name: '保存汇总分' }).click();
    const card = page.getByTestId('summary-score');
    await expect.poll(() => card.getByTestId('summary-org').innerText()).toBe('88');
    await card.getByRole('button', { name: '修改汇总分' }).click();
    const correct = page.getByRole('dialog', { name: '修改汇总分' });
    await correct.getByLabel('组织工作目标考评得分（含晋位升级）').fill('88.5');
    await correct.getByRole('button', { name: '保存汇总分' }).click();
    await expect.poll(() => card.getByTestId('summary-org').innerText()).toBe('88.5');

    await card.getByRole('button', { name: '改为按细则逐项评分' }).click();
    const confirm = page.getByRole('dialog', { name: '改为按细则逐项评分' });
    expect(await confirm.innerText()).toContain('不删除');
    await confirm.getByRole('button', { name: '改为逐项评分' }).click();
    const kept = page.getByTestId('summary-kept');
    await expect.poll(() => kept.innerText()).toContain('留存的汇总分：基本分 85，考评得分 88.5');
    expect(await page.getByTestId('scoring-completion').innerText()).toContain('尚未录入任何项目');
    expect(await picker('S3').innerText()).toContain('未评');
    await app.shot('05-汇总分留存');
    await kept.getByRole('button', { name: '恢复使用汇总分' }).click();
    await page.getByRole('dialog', { name: '恢复使用汇总分' }).getByRole('button', { name: '恢复使用' }).click();
    await expect.poll(() => page.getByTestId('summary-org').innerText()).toBe('88.5');
  });

  it('the corrected value is seen in 审计 and brought back', async () => {
    const { page } = app;
    await app.go(`${base}/audit`);
    await page.getByTestId('audit-page').waitFor();
    await page.getByLabel('操作', { exact: true }).selectOption({ label: '修改汇总分' });
    await page.getByRole('button', { name: /查看原值/ }).click();
    const prior = page.getByRole('dialog', { name: '变更前的值' });
    await expect.poll(() => prior.getByTestId('prior-unit').innerText()).toMatch(/组织工作目标考评得分\s+88\s+88\.5/);
    await app.shot('06-审计-原值');
    await prior.getByRole('button', { name: '恢复为变更前的值' }).click();
    await page.getByRole('dialog', { name: '恢复为变更前的值' }).getByRole('button', { name: '恢复', exact: true }).click();
    await page.getByText('已恢复为变更前的值，并记入审计日志').waitFor();
    await app.go(`${base}/scoring`);
    await picker('S3').click();
    await expect.poll(() => page.getByTestId('summary-org').innerText()).toBe('88');
    expect(app.errors, app.errors.join('\n')).toEqual([]);
  });
});
