/**
 * A clerk's day on the sample county: templates filled from the roster, a wrong file
 * named for what it is, the rules as a workbook, every print narrowed by category and
 * town, the 公示 period entered and printed, the 使用说明, and 首页 after 定稿.
 */
import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';

let app: App;
/** the filled 测评计票 template as downloaded */
let ballotsTemplate: Buffer;

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const nav = (name: string) => app.page.getByRole('navigation', { name: '考核功能' }).getByRole('link', { name, exact: true });
const doc = () => app.page.locator('.print-doc');

describe('a clerk’s day on the sample county', () => {
  it('loads the sample county', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('李四');
    await page.getByRole('button', { name: '载入示例县数据' }).click();
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/\/overview$/);
  });

  it('downloads the 测评计票 template filled from the roster: one row per secretary, a 填写示例 on 填表说明', async () => {
    const { page } = app;
    await nav('名册').click();
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBeGreaterThan(150);
    const group = page.getByRole('group', { name: '下载模板' });
    await expect.poll(() => group.innerText()).toMatch(/已按名册填好 \d+ 人的编号、姓名/);
    await app.shot('01-名册-下载模板');
    const download = page.waitForEvent('download');
    await group.getByRole('button', { name: '测评计票' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('测评计票（按名册）.xlsx');
    ballotsTemplate = await readFile((await file.path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(ballotsTemplate as unknown as ArrayBuffer);
    const [data, notes] = wb.worksheets;
    const ids = await page.getByTestId('roster-table').locator('tbody tr td:first-child').allInnerTexts();
    expect(data!.actualRowCount - 1).toBe(ids.length);
    expect((data!.getRow(1).values as unknown[]).slice(1, 5)).toEqual(['编号*', '姓名', '所在镇街', '村社区']);
    expect(data!.getRow(2).getCell(1).value).toBe(ids[0]);
    let example = 0;
    notes!.eachRow((row, r) => {
      if (String(row.getCell(1).value).startsWith('填写示例')) example = r;
    });
    expect(example).toBeGreaterThan(0);
  });

  it('the 测评计票 template chosen for 导入名册: “这是测评计票表，不是名册”, nothing imported', async () => {
    const { page } = app;
    await app.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), { name: '测评计票（按名册）.xlsx', buffer: ballotsTemplate });
    const dialog = page.getByRole('dialog', { name: '导入名册：文件有错误' });
    await expect.poll(() => dialog.getByTestId('error-table').innerText()).toContain('这是测评计票表，不是名册，请检查是否选错了文件');
    expect(await dialog.getByTestId('error-table').innerText()).not.toContain('缺少必填列');
    await app.shot('02-选错了文件');
    await page.getByRole('button', { name: '知道了' }).click();
  });

  it('the rules and rubric out to Excel and back; a wrong file there says what it is', async () => {
    const { page } = app;
    await nav('考核').click();
    await page.getByRole('heading', { name: '考核设置' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出规则和细则（Excel）' }).click();
    const rules = await readFile((await (await download).path())!);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(rules as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['考核规则', '考评细则', '填表说明']);
    await app.chooseFile(page.getByRole('button', { name: '导入规则和细则（Excel）' }), { name: '考核规则和细则.xlsx', buffer: rules });
    await page.getByText(/^已导入考核规则“.+”和考评细则“.+”/).waitFor();
    await app.chooseFile(page.getByRole('button', { name: '导入规则和细则（Excel）' }), { name: '计票.xlsx', buffer: ballotsTemplate });
    const dialog = page.getByRole('dialog', { name: '考核规则和细则工作簿有错误' });
    await expect.poll(() => dialog.innerText()).toContain('这是测评计票表，不是考核规则和细则工作簿');
    await app.shot('03-规则工作簿选错了文件');
    await dialog.getByRole('button').first().click();
  });

  it('prints narrow: the ranking to one town, then one category; 全部 prints all again', async () => {
    const { page } = app;
    await nav('打印').click();
    await doc().waitFor();
    const all = await doc().locator('tbody tr').count();
    const town = page.getByLabel('镇街', { exact: true });
    const towns = (await town.locator('option').allInnerTexts()).slice(1);
    await town.selectOption({ label: towns[0]! });
    await expect.poll(() => doc().innerText()).toContain(`本表范围：所在镇街：${towns[0]}`);
    const narrowed = await doc().locator('tbody tr').count();
    expect(narrowed).toBeLessThan(all);
    await app.shot('04-排名表-按镇街');
    const category = page.getByLabel('类别', { exact: true });
    const label = (await category.locator('option').allInnerTexts())[1]!;
    await category.selectOption({ label });
    await expect.poll(() => doc().innerText()).toContain(`本表范围：类别：${label}；所在镇街：${towns[0]}`);
    await town.selectOption({ index: 0 });
    await category.selectOption({ index: 0 });
    await expect.poll(() => doc().locator('tbody tr').count()).toBe(all);
    expect(await doc().innerText()).not.toContain('本表范围');
  });

  it('汇总表 and 公示名单 narrow the same way; the 公示 period is entered and printed', async () => {
    const { page } = app;
    await page.getByRole('navigation', { name: '打印内容' }).getByRole('link', { name: '考核结果汇总表' }).click();
    await page.locator('.print-doc.print-summary').waitFor();
    const town = page.getByLabel('镇街', { exact: true });
    const first = (await town.locator('option').allInnerTexts())[1]!;
    await town.selectOption({ label: first });
    await expect.poll(() => doc().innerText()).toContain(`本表范围：所在镇街：${first}`);
    await app.shot('05-汇总表-按镇街');
    await page.getByRole('navigation', { name: '打印内容' }).getByRole('link', { name: '考核结果公示名单' }).click();
    await page.locator('.print-doc.print-notice').waitFor();
    await expect.poll(() => doc().innerText()).toContain('公示期为＿＿＿＿');
    const form = page.getByRole('form', { name: '公示期' });
    await form.getByLabel('公示开始日期').fill('2025-01-09');
    await form.getByLabel('公示天数').fill('5');
    await expect.poll(() => form.innerText()).toContain('至2025年1月15日');
    await form.getByRole('button', { name: '保存公示期' }).click();
    await expect.poll(() => doc().innerText()).toContain('公示期为5个工作日，自2025年1月9日至2025年1月15日。');
    await app.shot('06-公示名单-公示期');
  });

  it('使用说明: the steps in order, and its links lead into the assessment', async () => {
    const { page } = app;
    await nav('使用说明').click();
    const help = page.getByTestId('help-page');
    await help.waitFor();
    expect(await help.locator('.help-steps > li > strong').allInnerTexts()).toEqual([
      '新建考核，核对规则',
      '导入名册',
      '日常管理',
      '组织工作目标考评',
      '群众满意度测评',
      '排名定档',
      '部长办公会审核',
      '定稿、公示、报批',
      '考核结果运用',
    ]);
    await app.settled();
    await app.shot('07-使用说明');
    await help.getByRole('link', { name: '“审计”' }).first().click();
    await page.getByRole('heading', { name: '审计日志' }).waitFor();
  });

  it('首页 after 定稿 says so, not “结果尚不能定稿”', async () => {
    const { page } = app;
    // the sample county's plausibility warnings, checked and acknowledged together on 结果
    await app.acknowledgeWarnings();
    await nav('首页').click();
    await page.getByTestId('overview-page').waitFor();
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '定稿' });
    // the sample county's papers are not registered: waived with a reason
    await app.waivePapers();
    const anyway = dialog.getByLabel('我已知晓，仍要定稿');
    const confirm = dialog.getByRole('button', { name: '确认定稿' });
    // what is unfinished is read first: then either the box to acknowledge it, or the button enabled
    await expect.poll(async () => (await anyway.count()) > 0 || (await confirm.isEnabled())).toBe(true);
    if (await anyway.count()) await anyway.check();
    await confirm.click();
    await page.getByRole('heading', { name: '本次考核已定稿' }).waitFor();
    expect(await page.getByTestId('overview-page').innerText()).not.toContain('结果尚不能定稿');
    await app.settled();
    await app.shot('08-首页-已定稿');
    expect(app.errors).toEqual([]);
  });
});
