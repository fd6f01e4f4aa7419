/**
 * The app's print path: the sample county's six print previews in Chromium, each
 * checked on screen against the method's result for the same workbooks, then printed
 * by the browser (page.pdf with the options of Electron's 另存为PDF) and read back
 * with poppler — names, totals, grades, page numbers, A4, margins, no app chrome.
 * Screenshots in test-output/screenshots/print-*.png, PDFs and PNGs of their first
 * pages in test-output/prints/app-*.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { toFixed } from '../../shared/exact/rational';
import type { AssessmentResult, ResultRow } from '../../shared/model';
import { presetPolicy } from '../../shared/policy/presets';
import { isLandscape, PRINT_KIND_LABELS, type PrintKind } from '../../renderer/src/features/print/model';
import { sampleCounty } from '../print/fixtures';
import { insideMargins, isA4, pageNumber, savePdf, snapshot, squeeze, type SavedPdf } from '../print/pdf-tools';
import { openApp, type App } from './harness';

const labels = presetPolicy('jiaozhou').labels;

let app: App;
let expected: AssessmentResult;
let rows: ResultRow[];

beforeAll(async () => {
  app = await openApp();
  expected = await sampleCounty();
  rows = expected.categories.flatMap((c) => c.rows);
});
afterAll(async () => {
  await app?.close();
});

const doc = () => app.page.locator('.print-doc');

async function openKind(kind: PrintKind): Promise<void> {
  await app.page.getByRole('navigation', { name: '打印内容' }).getByRole('link', { name: PRINT_KIND_LABELS[kind], exact: true }).click();
  await expect.poll(() => new URL(app.page.url()).hash).toMatch(new RegExp(`/print/${kind}$`));
  await app.page.locator(`.print-doc.print-${kind}`).waitFor();
}

/** The preview as the browser prints it, with the options of Electron's printToPDF (the CSS @page margins win). */
async function printPreview(kind: PrintKind, name: string, pngPages = 1): Promise<SavedPdf> {
  const { page } = app;
  await page.evaluate(() => document.fonts.ready.then(() => undefined));
  const landscape = isLandscape(kind);
  const bytes = await page.pdf({
    format: 'A4',
    landscape,
    printBackground: true,
    margin: { top: '0.4in', bottom: '0.4in', left: '0.4in', right: '0.4in' },
    tagged: true,
    outline: true,
  });
  const pdf = savePdf(`app-${name}`, bytes);
  snapshot(pdf, `app-${name}`, pngPages);
  expect(isA4(pdf.info, landscape)).toBe(true);
  expect(pdf.pages).toHaveLength(pdf.info.pages);
  pdf.pages.forEach((text, i) => expect(text, `第${i + 1}页页码`).toMatch(pageNumber(i + 1)));
  for (let p = 1; p <= Math.min(pngPages, pdf.info.pages); p++) expect(insideMargins(pdf, p, landscape), `第${p}页超出页边距`).toBe(true);
  // the app around the preview stays off the paper
  for (const chrome of ['打印预览', '另存为PDF', '考核列表', '双评工作站']) expect(pdf.text).not.toContain(chrome);
  return pdf;
}

/** Picks the option of a labelled select by its visible text (or the first after 全部 when null). */
async function choose(label: string, option: string | null): Promise<string> {
  const select = app.page.getByLabel(label, { exact: true });
  if (option === null) {
    const texts = await select.locator('option').allTextContents();
    option = texts[1]!;
  }
  await select.selectOption({ label: option });
  return option;
}

describe('打印预览 of the sample county', () => {
  it('opens from the results screen', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('王五');
    await page.getByRole('button', { name: '载入示例县数据' }).click();
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/\/overview$/);
    await page.getByRole('navigation', { name: '考核功能' }).getByRole('link', { name: '结果' }).click();
    await page.getByRole('link', { name: '打印预览' }).click();
    await expect.poll(() => new URL(page.url()).hash).toMatch(/\/print\/ranking$/);
    await doc().waitFor();
    expect(await page.getByRole('navigation', { name: '考核功能' }).getByRole('link', { name: '打印' }).getAttribute('aria-current')).toBe('page');
  });

  it('考核结果排名表: every row as the method ranks it, on screen and in the PDF', async () => {
    const shown = await app.page
      .locator('.print-doc tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.innerText.trim())).filter((cells) => cells.length === 19));
    // 名次 姓名 … 考核总分 计算等次 审定等次 说明
    const want = rows.map((r) => [
      String(r.rank ?? '—'),
      r.secretary.name,
      r.total ? toFixed(r.total, 2) : '—',
      labels[r.computedGrade],
      r.decision ? labels[r.decision.grade] : '',
    ]);
    expect(shown.map((c) => [c[0], c[1], c[15], c[16], c[17]])).toEqual(want);
    await app.shot('排名表');
    const pdf = await printPreview('ranking', 'ranking', 2);
    const header = '名次姓名派出单位所在镇街/村基本分组织工作目标考评得分应参加人数投票数';
    pdf.rawPages.forEach((p, i) => expect(squeeze(p).includes(header), `第${i + 1}页表头`).toBe(true));
    expect(pdf.pages.filter((p) => p.includes('考核结果排名表'))).toHaveLength(expected.categories.length);
    const text = squeeze(pdf.text);
    for (const r of rows) expect(text).toContain(r.secretary.name);
    for (const r of rows) if (r.total) expect(pdf.text).toContain(toFixed(r.total, 2));
    for (const w of ['考核组成员：', '审核人：', '制表人：', '部长办公会审定意见：', '人数过少']) expect(text).toContain(w);
  });

  it('考核结果汇总表: the sizes and grade counts add up', async () => {
    await openKind('summary');
    const total = await doc().locator('tr', { hasText: '合计' }).first().innerText();
    expect(total.split(/\s+/)).toContain(String(rows.length));
    await app.shot('汇总表');
    const pdf = await printPreview('summary', 'summary');
    expect(squeeze(pdf.text)).toContain(`合计${rows.length}`);
  });

  it('考核结果公示名单: every name with the final grade', async () => {
    await openKind('notice');
    const shown = await doc()
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => Array.from((tr as HTMLTableRowElement).cells, (td) => td.innerText.trim())).filter((cells) => cells.length === 5));
    expect(shown.map((c) => [c[1], c[4]])).toEqual(rows.map((r) => [r.secretary.name, labels[r.grade]]));
    // the period as the team enters it, not the day of printing
    await expect.poll(() => doc().innerText()).toContain('公示期为＿＿＿＿');
    const form = app.page.getByRole('form', { name: '公示期' });
    await form.getByLabel('公示开始日期').fill('2025-01-06');
    await form.getByLabel('公示天数').fill('7');
    await form.getByLabel('计算方式').selectOption('day');
    await form.getByRole('button', { name: '保存公示期' }).click();
    await expect.poll(() => doc().innerText()).toContain('公示期为7天，自2025年1月6日至2025年1月12日。');
    await app.shot('公示名单');
    const pdf = await printPreview('notice', 'notice', 2);
    const text = squeeze(pdf.text);
    expect(text).toContain('公示期为7天，自2025年1月6日至2025年1月12日');
    for (const r of rows) expect(text).toContain(r.secretary.name);
  });

  it('个人考评表: one town, then one secretary', async () => {
    await openKind('individual');
    const town = await choose('镇街', null);
    const inTown = rows.filter((r) => r.secretary.town === town);
    await expect.poll(() => doc().locator('section').count()).toBe(inTown.length);
    await app.shot('个人考评表-镇街');
    const pdf = await printPreview('individual', 'individual-town', 2);
    expect(pdf.info.pages).toBeGreaterThanOrEqual(inTown.length);
    const text = squeeze(pdf.text);
    for (const r of inTown) expect(text).toContain(`姓名${r.secretary.name}`);
    if (inTown.some((r) => r.scoredBy === 'items')) expect(text).toContain('佐证材料核查');
    const one = inTown[0]!;
    await choose('第一书记', `${one.secretary.name}（${one.id}）`);
    await expect.poll(() => doc().locator('section').count()).toBe(1);
    const form = await doc().innerText();
    expect(form).toContain(one.secretary.name);
    if (one.total) expect(form).toContain(toFixed(one.total, 2));
    expect(form).toContain(labels[one.computedGrade]);
    await app.shot('个人考评表-一人');
  });

  it('群众满意度测评票: one secretary, as many as the electorate, three to a page', async () => {
    await openKind('ballots');
    // the chosen secretary stays chosen from the individual form
    const name = await app.page.getByLabel('第一书记', { exact: true }).locator('option:checked').innerText();
    const one = rows.find((r) => name.includes(`（${r.id}）`))!;
    await choose('每人份数', '按应参加人数');
    await expect.poll(() => doc().locator('.ballot').count()).toBe(one.secretary.eligibleVoters);
    await app.shot('测评票');
    const pdf = await printPreview('ballots', 'ballots');
    expect(pdf.info.pages).toBe(Math.ceil(one.secretary.eligibleVoters / 3));
    const text = squeeze(pdf.text);
    expect(text.split('（无记名）').length - 1).toBe(one.secretary.eligibleVoters);
    expect(text).toContain(`被测评人：${one.secretary.name}`);
  });

  it('测评计票单: a town, two to a page, with the three signatures', async () => {
    await openKind('tally');
    await app.page.getByLabel('第一书记', { exact: true }).selectOption('');
    const town = await app.page.getByLabel('镇街', { exact: true }).inputValue();
    const inTown = rows.filter((r) => r.secretary.town === town);
    await expect.poll(() => doc().locator('.half').count()).toBe(inTown.length);
    await app.shot('计票单');
    const pdf = await printPreview('tally', 'tally');
    expect(pdf.info.pages).toBe(Math.ceil(inTown.length / 2));
    const text = squeeze(pdf.text);
    for (const r of inTown) expect(text).toContain(`被测评人：${r.secretary.name}`);
    for (const w of ['唱票人：', '计票人：', '监票人：']) expect(text.split(w).length - 1).toBe(inTown.length);
  });

  it('打印 and 另存为PDF open the browser print dialog', async () => {
    const { page } = app;
    await page.evaluate(() => {
      window.print = () => void (document.body.dataset.printed = String(Number(document.body.dataset.printed ?? 0) + 1));
    });
    await page.getByRole('button', { name: '打印', exact: true }).click();
    await page.getByRole('button', { name: '另存为PDF' }).click();
    await expect.poll(() => page.evaluate(() => document.body.dataset.printed)).toBe('2');
    expect(app.errors).toEqual([]);
  });
});
