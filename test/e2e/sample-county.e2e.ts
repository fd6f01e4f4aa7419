/**
 * The sample county (samples/sample-county, ~200 secretaries, 16 categories) loaded
 * with one button, through the same import path as a person's files; every screen
 * with real data; the keyboard alone.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, type App } from './harness';

let app: App;

beforeAll(async () => {
  app = await openApp();
});
afterAll(async () => {
  await app?.close();
});

describe('示例县', () => {
  it('loads the sample county with one button', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('李四');
    await page.getByRole('button', { name: '载入示例县数据' }).click();
    await expect.poll(() => new URL(page.url()).hash, { timeout: 30_000 }).toMatch(/\/overview$/);
    expect(app.errors).toEqual([]);
  });

  it('has a roster of every category', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: '名册' }).click();
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBeGreaterThan(150);
    const categories = await page.getByLabel('类别', { exact: true }).locator('option').count();
    expect(categories).toBe(17); // 全部类别 + 16
    await app.shot('名册');
  });

  it('ranks every category, with the planted edge cases explained', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: '结果' }).click();
    await expect.poll(() => page.getByTestId('result-category').count()).toBe(16);
    const text = await page.locator('main').innerText();
    expect(text).toContain('投票人数不足应参加人数的2/3');
    expect(text).toContain('直接确定为不称职');
    expect(text).toContain('所任职党组织年度定级降位');
    expect(text).toContain('人数过少');
    await expect.poll(() => page.locator('.tie-group').count()).toBeGreaterThanOrEqual(2);
    await app.shot('结果');
    // at 1366 px every category's table fits inside its card, no sideways scroll
    const overflow = await page.$$eval('[data-testid="result-category"]', (cards) =>
      cards.map((card) => (card.querySelector('table')?.getBoundingClientRect().right ?? 0) - card.getBoundingClientRect().right).filter((px) => px > 0),
    );
    expect(overflow).toEqual([]);
    await page.locator('.tie-group').first().scrollIntoViewIfNeeded();
    await app.shot('结果-并列');
    await page.getByLabel('镇街', { exact: true }).selectOption({ index: 1 });
    await app.shot('结果-按镇街');
  });

  it('shows every screen with data', async () => {
    const { page } = app;
    for (const label of ['首页', '考核', '考评', '测评', '图表']) {
      await page.getByRole('navigation').getByRole('link', { name: label, exact: true }).click();
      await app.settled();
      await app.shot(label);
    }
    expect(app.errors).toEqual([]);
  });

  it('works from the keyboard: skip link, nav, tabs, dialogs', async () => {
    const { page } = app;
    await page.getByRole('navigation').getByRole('link', { name: '考核', exact: true }).click();
    await page.reload();
    await page.getByRole('heading', { name: '考核设置' }).waitFor();
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('跳到正文');
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('main');
    // tabs: arrow keys move between 基本信息 / 考核规则 / 考评细则
    await page.getByRole('tab', { name: '考核规则' }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await page.getByRole('tab', { name: '考评细则' }).getAttribute('aria-selected')).toBe('true');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('考评细则');
    await app.shot('键盘-焦点');
    // a dialog opens from the keyboard and Esc closes it
    await page.getByTestId('operator').focus();
    await page.keyboard.press('Enter');
    const dialog = page.getByRole('dialog', { name: '设置操作员' });
    await dialog.waitFor();
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('INPUT');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    // nav links are reachable and followable by Enter
    await page.getByRole('navigation').getByRole('link', { name: '名册' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => new URL(page.url()).hash).toMatch(/\/roster$/);
  });
});
