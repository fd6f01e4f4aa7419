/**
 * Imports read and check their workbook in a Web Worker, so the screen answers meanwhile;
 * a long roster (here 1,000 secretaries) is listed with only the rows in view in the DOM,
 * scrolls to its last secretary, and its search still finds anyone. Screenshot of the long roster.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';
import { ROSTER_HEADER, workbook } from './workbooks';

let app: App;
const workers: string[] = [];

beforeAll(async () => {
  app = await openApp();
  app.page.on('worker', (w) => workers.push(w.url()));
});
afterAll(async () => {
  await app?.close();
});

const TOWNS = ['三里河街道', '胶东街道', '九龙街道', '李哥庄镇'];
const LONG = Array.from({ length: 1000 }, (_, i) => {
  const town = TOWNS[i % TOWNS.length]!;
  return [`S${i + 1}`, `第一书记${i + 1}`, town, '镇街', '脱产', '正股级', town, `第${i + 1}村`, 40 + (i % 20)];
});

describe('导入在后台线程中读取；长名册', () => {
  it('imports a roster of 1,000 read in a worker, and lists it with a few rows in the DOM', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('张三');
    const base = await app.newAssessment();
    await app.go(`${base}/roster`);
    await app.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, LONG),
    });
    await page.getByText('已导入名册，共 1000 名第一书记').waitFor();
    expect(workers.some((url) => /read\.worker/.test(url))).toBe(true);

    const box = page.getByRole('region', { name: '共 1000 行，可用方向键和翻页键滚动' });
    await box.waitFor();
    const table = page.getByTestId('roster-table');
    expect(await table.getAttribute('aria-rowcount')).toBe('1001');
    const rendered = await table.locator('tbody tr[data-index]').count();
    expect(rendered).toBeGreaterThan(5);
    expect(rendered).toBeLessThan(100);
    await expect.poll(() => table.locator('tbody tr[data-index]').first().innerText()).toContain('第一书记1');
    await app.settled();
    await app.shot('long-roster');

    // to the bottom: the last secretary is rendered and says it is the last row
    await box.evaluate((el) => (el.scrollTop = el.scrollHeight));
    const last = table.locator('tbody tr[aria-rowindex="1001"]');
    await last.waitFor();
    expect(await last.innerText()).toContain('第一书记1000');
    await app.shot('long-roster-bottom');

    // the search narrows the whole roster, not what is rendered
    await page.getByRole('searchbox').fill('第一书记777');
    await expect.poll(() => table.locator('tbody tr').count()).toBe(1);
    expect(await table.innerText()).toContain('第777村');
    expect(app.errors).toEqual([]);
  });
});
