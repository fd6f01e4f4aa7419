/**
 * A county on one screen at 1366×768 (the sample county, 198 secretaries, 16
 * categories): the results' index, filter, search, headers that stay in view,
 * notices that link to their rows and the place kept on return; charts saved as PNG;
 * then tallies entered from the keyboard alone, moving on secretary by secretary.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, SCREENSHOTS, type App } from './harness';
import { ROSTER_HEADER, ROSTER_ROWS, workbook } from './workbooks';

let app: App;
let county = '';

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

const box = async (locator: import('playwright-core').Locator) => {
  const b = await locator.boundingBox();
  if (!b) throw new Error('not on the screen');
  return b;
};
/** The bottom edge of the results' filter bar, where the tables' headers stick. */
const barBottom = async () => {
  const b = await box(app.page.getByRole('search', { name: '查找和筛选' }));
  return b.y + b.height;
};
const mainScroll = () => app.page.evaluate(() => document.querySelector('main')!.scrollTop);

describe('结果 at county size', () => {
  it('loads the sample county', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('张三');
    await page.getByRole('button', { name: '载入示例县数据' }).click();
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/\/overview$/);
    county = new URL(page.url()).hash.replace(/\/overview$/, '');
    await page.getByRole('navigation').getByRole('link', { name: '结果' }).click();
    await expect.poll(() => page.getByTestId('result-category').count()).toBe(16);
    await app.settled();
    await app.shot('01-结果-目录');
  });

  it('jumps to a category from the index, its heading just under the filters', async () => {
    const { page } = app;
    const items = page.getByTestId('results-index').locator('.index-item');
    expect(await items.count()).toBe(16);
    // beside each category: its size and its grades
    expect(await items.first().innerText()).toMatch(/\d+ 人[\s\S]*(优秀|良好|称职|待定) \d+/);
    const item = items.nth(10);
    const key = await item.getAttribute('data-category');
    await item.click();
    const heading = page.locator(`[id="cat-${key}"]`);
    await expect.poll(async () => (await box(heading)).y).toBeGreaterThanOrEqual(await barBottom());
    expect((await box(heading)).y).toBeLessThan((await barBottom()) + 60);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe(`cat-${key}`);
    await app.shot('02-结果-目录跳转');
  });

  it('keeps a table’s header in view under the filters while its rows scroll by', async () => {
    const { page } = app;
    // the largest category drawn in full (the virtual ones scroll in their own box)
    const sizes = await page.getByTestId('result-category').evaluateAll((sections) =>
      sections.map((s) => ({
        key: s.getAttribute('data-category')!,
        rows: s.querySelectorAll('tbody[data-row-id]').length,
        virtual: !!s.querySelector('.table-scroll'),
      })),
    );
    const full = sizes.filter((s) => !s.virtual).sort((a, b) => b.rows - a.rows)[0]!;
    expect(full.rows).toBeGreaterThan(8);
    await page.locator(`.index-item[data-category="${full.key}"]`).click();
    const section = page.locator(`[data-testid="result-category"][data-category="${full.key}"]`);
    // down into the middle of its rows
    await page.evaluate(() => document.querySelector('main')!.scrollBy(0, 300));
    const header = section.locator('thead th').first();
    const bar = await barBottom();
    await expect.poll(async () => Math.abs((await box(header)).y - bar)).toBeLessThanOrEqual(2);
    // rows passed under it: the table's own top is above the bar
    expect((await box(section.locator('table'))).y).toBeLessThan(bar - 100);
    await app.shot('03-结果-表头不动');
  });

  it('filters what needs attention: 待定', async () => {
    const { page } = app;
    const filter = page.getByLabel('筛选', { exact: true });
    const option = await filter.locator('option[value="pending"]').innerText();
    const expected = Number(/（(\d+) 人）/.exec(option)?.[1]);
    expect(expected).toBeGreaterThan(0);
    await filter.selectOption('pending');
    await expect.poll(() => page.getByTestId('result-row').count()).toBe(expected);
    for (const text of await page.getByTestId('result-row').allInnerTexts()) expect(text).toContain('待定');
    expect(await page.getByTestId('results-shown').innerText()).toBe(`显示 ${expected} / 198 人`);
    await app.shot('05-结果-筛选待定');
    await page.getByRole('button', { name: '清除筛选' }).click();
    await expect.poll(() => page.getByTestId('result-row').count()).toBeGreaterThan(100);
  });

  it('finds a secretary by 编号 and by 姓名', async () => {
    const { page } = app;
    const row = page.getByTestId('result-row').nth(40);
    const id = (await row.getAttribute('data-row-id'))!;
    const search = page.getByLabel('查找姓名或编号');
    await search.fill(id);
    await expect.poll(() => page.getByTestId('result-row').count()).toBe(1);
    expect(await page.getByTestId('result-row').getAttribute('data-row-id')).toBe(id);
    // the name from the row's 姓名 column
    const headers = await page.getByTestId('result-category').locator('thead th').allInnerTexts();
    const name = await page.getByTestId('result-row').locator('tr').first().locator('td').nth(headers.indexOf('姓名')).innerText();
    await search.fill(name.trim());
    await expect.poll(() => page.getByTestId('result-row').count()).toBeGreaterThanOrEqual(1);
    for (const text of await page.getByTestId('result-row').allInnerTexts()) expect(text).toContain(name.trim());
    await app.shot('06-结果-查找姓名');
    await search.fill('');
  });

  it('brings a tie named in the yellow notice to the middle of the screen, marked', async () => {
    const { page } = app;
    const links = page.getByTestId('tie-notice').locator('.notice-links .link-button');
    expect(await links.count()).toBeGreaterThan(0);
    await page.evaluate(() => document.querySelector('main')!.scrollTo({ top: 0 }));
    const link = links.nth(1);
    const named = await link.innerText();
    await link.click();
    const target = page.locator('tbody.row-target');
    await expect.poll(() => target.count()).toBe(1);
    const id = (await target.getAttribute('data-row-id'))!;
    expect(named).toContain(`（${id}）`);
    await expect.poll(async () => (await box(target)).y).toBeGreaterThan(await barBottom());
    expect((await box(target)).y).toBeLessThan(768 - 60);
    expect(await target.evaluate((el) => el.classList.contains('tie-group'))).toBe(true);
    await app.shot('07-结果-提示链接到行');
  });

  it('finds the same filter, search and place after leaving the screen', async () => {
    const { page } = app;
    await page.getByLabel('筛选', { exact: true }).selectOption('attention');
    await page.getByLabel('查找姓名或编号').fill('');
    await expect.poll(() => page.getByTestId('results-shown').innerText()).toMatch(/^显示 \d+ \/ 198 人$/);
    const shown = await page.getByTestId('results-shown').innerText();
    await page.evaluate(() => document.querySelector('main')!.scrollTo({ top: 1500 }));
    await expect.poll(mainScroll).toBe(1500);
    await page.getByRole('navigation').getByRole('link', { name: '首页' }).click();
    await page.getByTestId('overview-page').waitFor();
    await page.getByRole('navigation').getByRole('link', { name: '结果' }).click();
    await expect.poll(() => page.getByTestId('results-shown').innerText()).toBe(shown);
    expect(await page.getByLabel('筛选', { exact: true }).inputValue()).toBe('attention');
    await expect.poll(mainScroll).toBe(1500);
    await app.settled();
    await app.shot('08-结果-回来原处');
    await page.getByRole('button', { name: '清除筛选' }).click();
  });
});

describe('图表 for the meeting’s slides', () => {
  it('saves a chart as a PNG at twice its size on screen', async () => {
    const { page } = app;
    await app.go(`${county}/charts`);
    await page.getByTestId('charts-page').waitFor();
    await app.settled();
    await app.shot('09-图表');
    const panel = page.getByTestId('chart-scatter');
    const svg = panel.locator('.recharts-wrapper > svg.recharts-surface');
    const [w, h] = await svg.evaluate((el) => [Number(el.getAttribute('width')), Number(el.getAttribute('height'))]);
    const download = page.waitForEvent('download');
    await panel.getByRole('button', { name: '保存图片' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/-组织考评得分与群众满意度\.png$/);
    const png = readFileSync((await file.path())!);
    writeFileSync(`${SCREENSHOTS}screens-09-保存的图表图片.png`, png); // to look at
    expect([...png.subarray(0, 8)]).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.subarray(12, 16).toString('ascii')).toBe('IHDR');
    // the chart at 2×, with its title (36) above and its key of grades (28) below
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([2 * w!, 2 * (36 + h! + 28)]);
    await page.getByText('图表已保存为图片').waitFor();
  });

  it('keeps the scatter’s key of grades off its points, and lists grades in grade order in a tooltip', async () => {
    const { page } = app;
    const scatter = page.getByTestId('chart-scatter');
    const key = await box(scatter.locator('.grade-key'));
    const plot = await box(scatter.locator('.recharts-wrapper'));
    expect(key.y).toBeGreaterThanOrEqual(plot.y + plot.height - 1);
    const grades = page.getByTestId('chart-grades');
    await grades.scrollIntoViewIfNeeded();
    // the category with the most grades: hover its stacked bar
    const bar = grades.locator('.recharts-bar-rectangle').first();
    await bar.hover();
    const items = grades.locator('.recharts-tooltip-item-name');
    await expect.poll(() => items.count()).toBeGreaterThan(1);
    const names = await items.allInnerTexts();
    const order = ['优秀', '良好', '称职', '基本称职', '不称职', '待定'];
    expect(names.map((n) => order.indexOf(n))).toEqual([...names.map((n) => order.indexOf(n))].sort((a, b) => a - b));
    await app.shot('10-图表-提示按等次');
  });
});

describe('测评 from the keyboard', () => {
  it('enters two secretaries’ tallies without the mouse, moving on after each save', async () => {
    const { page } = app;
    await app.go('#/');
    const base = await app.newAssessment('2025');
    await app.go(`${base}/roster`);
    await app.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, ROSTER_ROWS),
    });
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
    await app.go(`${base}/ballots`);
    await page.getByTestId('ballots-page').waitFor();
    expect(await page.locator('.picker').innerText()).toContain('Alt+↓ 下一位');
    const current = () => page.locator('.picker-item[aria-current="true"]').innerText();
    const focused = () => page.evaluate(() => document.activeElement?.getAttribute('data-field'));

    // the search takes S1 with Enter and hands the keyboard to its form
    await page.getByLabel('搜索编号或姓名').focus();
    await page.keyboard.type('S1');
    await page.keyboard.press('Enter');
    await expect.poll(focused).toBe('issued');
    // 发出票数 很满意 满意 基本满意 不满意 废票 弃权, Enter between; Enter on the last saves
    for (const tally of [
      [45, 30, 8, 2, 0, 0, 0],
      [42, 25, 10, 3, 1, 0, 1],
    ]) {
      for (const v of tally) {
        await page.keyboard.type(String(v));
        await page.keyboard.press('Enter');
      }
      await expect.poll(focused).toBe('issued'); // the next secretary's form, ready to type
    }
    await expect.poll(current).toContain('S3');
    expect(await page.locator('.picker-item', { hasText: 'S1' }).innerText()).toContain('待第二次录入');
    expect(await page.locator('.picker-item', { hasText: 'S2' }).innerText()).toContain('待第二次录入');
    await app.shot('11-测评-录入后下一位');

    // back with Alt+↑, and the list narrowed to what waits for a second entry
    await page.keyboard.press('Alt+ArrowUp');
    await expect.poll(current).toContain('S2');
    await page.getByTestId('entry-form-2').waitFor();
    const filter = page.getByLabel('按状态筛选');
    expect(await filter.locator('option[value="firstEntered"]').innerText()).toBe('待第二次录入（2）');
    await filter.selectOption('firstEntered');
    await expect.poll(() => page.locator('.picker-item').count()).toBe(2);
    await app.shot('12-测评-待第二次录入');
    await filter.selectOption('all');
  });

  it('shows the running count and share of each option on the per-ballot keypad', async () => {
    const { page } = app;
    await page.locator('.picker-item', { hasText: 'S3' }).click();
    await page.getByRole('button', { name: '逐张计票…' }).click();
    await page.getByRole('application', { name: /计票区/ }).focus();
    for (const key of ['1', '1', '1', '2']) await page.keyboard.press(key);
    expect(await page.getByTestId('count-verySatisfied').innerText()).toBe('3');
    expect(await page.getByTestId('share-verySatisfied').innerText()).toBe('75.00%');
    expect(await page.getByTestId('share-satisfied').innerText()).toBe('25.00%');
    expect(await page.getByTestId('per-ballot').innerText()).toMatch(/已计 4 张，应参加 48 人，尚余 44 张/);
    await app.shot('13-测评-逐张计票');
    expect(app.errors).toEqual([]);
  });
});

describe('a large category', () => {
  it('keeps its header in view inside the box where its rows scroll', async () => {
    const { page } = app;
    await app.go('#/');
    const base = await app.newAssessment('2023');
    await app.go(`${base}/roster`);
    // 100 secretaries of one category: drawn a few at a time in their own box
    const rows = Array.from({ length: 100 }, (_, i) => [
      `V${String(i + 1).padStart(3, '0')}`,
      `书记${i + 1}`,
      '胶东街道',
      '镇街',
      '脱产',
      '正股级',
      '胶东街道',
      `村${i + 1}`,
      40,
    ]);
    await app.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, rows),
    });
    await page.getByText('已导入名册，共 100 名第一书记').waitFor();
    await app.go(`${base}/results`);
    const scroller = page.getByTestId('result-category').locator('.table-scroll');
    await scroller.waitFor();
    await scroller.evaluate((el) => el.scrollBy(0, 800));
    await expect.poll(() => scroller.evaluate((el) => el.scrollTop)).toBeGreaterThan(600);
    const th = scroller.locator('thead th').first();
    await expect.poll(async () => Math.abs((await box(th)).y - (await box(scroller)).y)).toBeLessThanOrEqual(2);
    // rows have gone by under it
    expect(await scroller.locator('tbody[data-row-id="V001"]').count()).toBe(0);
    await app.settled();
    await app.shot('14-结果-大类别表头');
    expect(app.errors).toEqual([]);
  });
});
