/**
 * The shared end-to-end harness: the app is built once and served from dist/ on
 * 127.0.0.1 (global-setup.ts); each spec opens it in Debian's Chromium at 1366×768.
 *
 * To add a spec: create `test/e2e/<name>.e2e.ts` and use
 *
 *   import { openApp, type App } from './harness';
 *   let app: App;
 *   beforeAll(async () => { app = await openApp(); });
 *   afterAll(() => app.close());
 *   it('…', async () => { await app.page.goto(app.url); …; await app.shot('名册'); });
 *
 * - every spec gets a fresh browser profile (an empty IndexedDB); `app.setOperator()`
 *   answers the first-run operator dialog, or later chooses another operator (adding them
 *   to the operator list);
 * - `app.chooseFile(trigger, file)` clicks an import button and gives it a file
 *   (a path, or { name, buffer }) through the browser's file chooser;
 * - `app.shot(name)` writes test-output/screenshots/<spec>-<name>.png — look at them;
 *   `await app.settled()` first where the screen is still reading or drawing (never a sleep);
 * - console errors and page errors are collected in `app.errors`; check it is empty.
 * Run with `npm run test:e2e` (E2E_SKIP_BUILD=1 reuses dist/).
 */
import { mkdirSync } from 'node:fs';
import { basename } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

export const SCREENSHOTS = fileURLToPath(new URL('../../test-output/screenshots/', import.meta.url));
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface App {
  browser: Browser;
  page: Page;
  url: string;
  errors: string[];
  shot(name: string): Promise<void>;
  setOperator(name: string): Promise<void>;
  chooseFile(trigger: Locator, file: string | { name: string; buffer: Buffer }): Promise<void>;
  /** goes to `#/a/<id>/<screen>` or `#/` */
  go(hash: string): Promise<void>;
  /** creates an assessment (年度, 地区 胶州市) from the list and returns its hash base `#/a/<id>` */
  newAssessment(year?: string): Promise<string>;
  /** on the roster screen: imports the worked example's 名册, 考评得分汇总 and 测评计票 (8 secretaries each) */
  importWorkedExample(): Promise<void>;
  /** on 结果: acknowledges every open plausibility warning with one reason (the worked example raises some) */
  acknowledgeWarnings(reason?: string): Promise<void>;
  /** in the open 定稿 dialog: waives the papers not registered, with a reason */
  waivePapers(): Promise<void>;
  /** resolves once the screen has settled: fonts loaded, nothing 正在读取/正在计算, charts drawn, two frames painted */
  settled(): Promise<void>;
  close(): Promise<void>;
}

export async function openApp(spec = basename(expect.getState().testPath ?? 'e2e', '.e2e.ts')): Promise<App> {
  const url = inject('baseUrl');
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(`console: ${m.text()}`);
  });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    browser,
    page,
    url,
    errors,
    shot: async (name) => {
      await page.screenshot({ path: `${SCREENSHOTS}${spec}-${name}.png` });
    },
    setOperator: async (name) => {
      const dialog = page.getByRole('dialog', { name: '设置操作员' });
      // with no operator yet the app asks by itself; later the header's button opens the dialog
      const operator = page.getByTestId('operator');
      await operator.waitFor();
      if (!(await operator.innerText()).includes('未设置')) await operator.click();
      await dialog.waitFor();
      await dialog.getByLabel('操作员姓名').fill(name);
      await dialog.getByRole('button', { name: '确定' }).click();
      await expect.poll(() => page.getByTestId('operator').textContent()).toContain(name);
    },
    chooseFile: async (trigger, file) => {
      const chooser = page.waitForEvent('filechooser');
      await trigger.click();
      await (
        await chooser
      ).setFiles(
        typeof file === 'string'
          ? file
          : { name: file.name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file.buffer },
      );
    },
    go: async (hash) => {
      await page.evaluate((h) => {
        window.location.hash = h;
      }, hash);
    },
    newAssessment: async (year = '2024') => {
      await page.getByRole('button', { name: '新建考核' }).click();
      const create = page.getByRole('dialog', { name: '新建考核' });
      await create.getByLabel('考核年度').fill(year);
      await create.getByLabel('地区').fill('胶州市');
      await create.getByRole('button', { name: '创建' }).click();
      await page.getByRole('heading', { name: '考核设置' }).waitFor();
      return new URL(page.url()).hash.replace(/\/settings$/, '');
    },
    importWorkedExample: async () => {
      const { workbook, ROSTER_HEADER, ROSTER_ROWS, SUMMARY_HEADER, SUMMARY_ROWS, BALLOT_HEADER, BALLOT_ROWS } = await import('./workbooks');
      const choose = async (button: string, name: string, buffer: Buffer) => {
        const chooser = page.waitForEvent('filechooser');
        await page.getByRole('button', { name: button, exact: true }).click();
        await (await chooser).setFiles({ name, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer });
      };
      await choose('导入名册', '名册.xlsx', await workbook('名册', ROSTER_HEADER, ROSTER_ROWS));
      await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
      await choose('导入考评得分汇总', '得分.xlsx', await workbook('考评得分汇总', SUMMARY_HEADER, SUMMARY_ROWS));
      await page.getByText('已从“得分.xlsx”导入 8 条记录').waitFor();
      await choose('导入测评计票', '计票.xlsx', await workbook('测评计票', BALLOT_HEADER, BALLOT_ROWS));
      await page.getByText('已从“计票.xlsx”导入 8 条记录').waitFor();
    },
    acknowledgeWarnings: async (reason = '已逐一核对评分表和计票单原件，无误') => {
      await page.getByRole('navigation', { name: '考核功能' }).getByRole('link', { name: '结果', exact: true }).click();
      const panel = page.getByTestId('warnings-panel').first();
      await panel.waitFor();
      const open = panel.locator('[data-testid="warning"]:not([data-state="acknowledged"])');
      if ((await open.count()) > 1) {
        const bulk = panel.getByRole('form', { name: '一并确认' });
        await bulk.getByLabel(/确认理由/).fill(reason);
        await bulk.getByRole('button', { name: /^确认所选/ }).click();
      } else if ((await open.count()) === 1) {
        await open.getByRole('button', { name: /^确认提示/ }).click();
        await open.getByLabel('确认理由').fill(reason);
        await open.getByRole('button', { name: '确认', exact: true }).click();
      }
      await expect.poll(() => open.count()).toBe(0);
    },
    waivePapers: async () => {
      const dialog = page.getByRole('dialog', { name: '定稿' });
      await dialog.getByLabel(/免交理由/).fill('材料由镇街留存，经考核组同意免交');
      await dialog.getByRole('button', { name: '说明理由，以上材料免交' }).click();
      await dialog.getByTestId('lock-papers').waitFor({ state: 'detached' });
    },
    settled: async () => {
      await page.waitForFunction(
        () =>
          !/正在读取|正在计算/.test(document.querySelector('main')?.textContent ?? '') &&
          document.fonts.status === 'loaded' &&
          !document.querySelector('.recharts-responsive-container:empty'),
        undefined,
        { timeout: 60_000 },
      );
      await page.evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
    },
    close: () => browser.close(),
  };
}
