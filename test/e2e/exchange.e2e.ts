/**
 * Two laptops (two browsers, two IndexedDBs) on one assessment: A creates it and
 * sends it whole to B; each team enters its towns' ballots; their shares cross over,
 * a differing tally is a conflict resolved by choice, and both laptops end with the
 * same data. A tampered package is refused with its reason. Closing the page in the
 * middle of a big merge leaves the old state, never a mix. Backup → change → restore
 * brings the data back, the photo included.
 */
import { deflateSync } from 'node:zlib';
import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePackage } from '../../shared/exchange';
import { withExportEntry } from '../../shared/exchange/bind';
import { chain, empty, row, secretary, tally as tallyRow } from '../../shared/exchange/testing';
import { crc32, readZip } from '../../shared/exchange/zip';
import { openApp, SCREENSHOTS, type App } from './harness';
import { BALLOT_HEADER, ROSTER_HEADER, ROSTER_ROWS, workbook } from './workbooks';

let a: App;
let b: App;
let base = '';
let shareA: { name: string; buffer: Buffer };
let shareB: { name: string; buffer: Buffer };

beforeAll(async () => {
  a = await openApp('exchange-A');
  b = await openApp('exchange-B');
});
afterAll(async () => {
  await a?.close();
  await b?.close();
});

/** Clicks the export button and returns the downloaded package. */
async function exportPackage(app: App, scope: 'whole' | string[]): Promise<{ name: string; buffer: Buffer }> {
  const { page } = app;
  await app.go(`${base}/exchange`);
  const exportCard = page.getByTestId('exchange-page');
  await exportCard.waitFor();
  if (scope === 'whole') await page.getByRole('radio', { name: '整个考核' }).check();
  else {
    await page.getByRole('radio', { name: '按镇街' }).check();
    for (const town of scope)
      await page
        .getByRole('group', { name: '镇街' })
        .getByRole('checkbox', { name: new RegExp(`^${town}`) })
        .check();
  }
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出交换包' }).click();
  const file = await download;
  return { name: file.suggestedFilename(), buffer: await readFile((await file.path())!) };
}

async function importPackage(app: App, file: { name: string; buffer: Buffer }, button = '导入交换包…') {
  await app.chooseFile(app.page.getByRole('button', { name: button }), file);
}

const dialog = (app: App, name: string) => app.page.getByRole('dialog', { name });

/** Imports tallies; where one differs from this laptop's, the file's is taken (by choice, in the preview). */
async function importBallots(app: App, rows: (string | number)[][], differs = false) {
  await app.go(`${base}/ballots`);
  await app.chooseFile(app.page.getByRole('button', { name: '导入测评计票（Excel）' }), {
    name: '计票.xlsx',
    buffer: await workbook('测评计票', BALLOT_HEADER, rows),
  });
  if (differs) {
    const preview = dialog(app, '导入测评计票：确认变更');
    await preview.getByRole('button', { name: '不同的全部采用文件' }).click();
    await preview.getByRole('button', { name: '确认导入' }).click();
  }
  await app.page.getByText(`已从“计票.xlsx”导入 ${rows.length} 条记录`).waitFor();
}

/** The data entries of a whole-assessment package, by table: what "the same data" means. */
function dataEntries(buffer: Buffer): Record<string, string> {
  const zip = readZip(new Uint8Array(buffer));
  if (!zip.ok) throw new Error(zip.message);
  return Object.fromEntries(
    zip.entries.filter((e) => e.path.startsWith('data/') || e.path.startsWith('attachments/')).map((e) => [e.path, new TextDecoder().decode(e.bytes)]),
  );
}

describe('exchange packages between two laptops', () => {
  it('A creates the assessment with its roster and a photo, and sends it whole to B', async () => {
    const { page } = a;
    await page.goto(a.url);
    await a.setOperator('张三');
    await page.getByRole('button', { name: '新建考核' }).click();
    const create = dialog(a, '新建考核');
    await create.getByLabel('考核年度').fill('2024');
    await create.getByLabel('地区').fill('胶州市');
    await create.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { name: '考核设置' }).waitFor();
    base = new URL(page.url()).hash.replace(/\/settings$/, '');
    await a.go(`${base}/roster`);
    await a.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, ROSTER_ROWS),
    });
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
    // a photo for S1's diary
    await a.go(`${base}/scoring`);
    await page.locator('.picker-item', { hasText: 'S1' }).click();
    await page
      .locator('[data-item="B1.1"]')
      .getByRole('button', { name: /^[▸▾] 佐证/ })
      .click();
    await page
      .getByTestId('evidence-B1.1')
      .getByLabel('为 B1.1 添加附件')
      .setInputFiles({ name: 'S1_民情日记.png', mimeType: 'image/png', buffer: png(48, 32) });
    await page.getByTestId('evidence-B1.1').getByTestId('attachment-hash').waitFor();

    await a.go(`${base}/exchange`);
    await page.getByTestId('exchange-page').waitFor();
    await a.shot('01-交换-导出');
    const whole = await exportPackage(a, 'whole');
    expect(whole.name).toMatch(/^双评交换包-.+-全部-\d{8}\.zip$/);

    await b.page.goto(b.url);
    await b.setOperator('李四');
    await b.go('#/backups');
    await importPackage(b, whole, '导入交换包（新考核）…');
    const preview = dialog(b, '导入交换包');
    await preview.getByTestId('package-verified').waitFor();
    expect(await preview.getByTestId('merge-summary').innerText()).toContain('本机没有此考核，将新建');
    await b.shot('02-导入整个考核-预览');
    await preview.getByRole('button', { name: '合并到本机' }).click();
    await expect.poll(() => dialog(b, '合并完成').getByTestId('merge-result').innerText()).toMatch(/（本机新建）：新增 \d+ 项，相同 0 项/);
    await dialog(b, '合并完成').getByRole('button', { name: '知道了' }).click();
    await b.go(`${base}/roster`);
    await expect.poll(() => b.page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);
  });

  it('each team enters its towns; the shares cross; a differing tally is a conflict resolved by choice', async () => {
    // A: 胶莱镇 (T1, T2) and S1 of 三里河街道; B: 里岔镇 (T3, T4) and S1 too, counted differently
    await importBallots(a, [
      ['T1', 40, 0, 0, 0, 0],
      ['T2', 40, 0, 0, 0, 0],
      ['S1', 30, 8, 2, 0, 0],
    ]);
    await importBallots(b, [
      ['T3', 30, 10, 0, 0, 0],
      ['T4', 30, 10, 0, 0, 0],
      ['S1', 28, 10, 2, 0, 0],
    ]);
    shareA = await exportPackage(a, ['胶莱镇', '三里河街道']);
    expect(shareA.name).toMatch(/^双评交换包-.+-胶莱镇、三里河街道-\d{8}\.zip$/);
    shareB = await exportPackage(b, ['里岔镇', '三里河街道']);

    await b.go(`${base}/exchange`);
    await importPackage(b, shareA);
    const preview = dialog(b, '导入交换包');
    await preview.getByTestId('conflicts').waitFor();
    const counts = await preview.getByTestId('merge-counts').innerText();
    // 新增 2, 相同 0, 对方已删除 0, 本机已删除 0, 冲突 1
    expect(counts).toMatch(/测评计票\s+2\s+0\s+0\s+0\s+1/);
    const conflict = preview.getByTestId('conflict');
    expect(await conflict.count()).toBe(1);
    const text = await conflict.innerText();
    expect(text).toContain('测评计票 · S1 王明');
    expect(text).toMatch(/很满意\s+28\s+30/);
    expect(await preview.getByRole('button', { name: '合并到本机' }).isDisabled()).toBe(true);
    await b.shot('03-冲突-逐项选择');
    await conflict.getByRole('radio', { name: '采用交换包' }).check();
    await preview.getByRole('button', { name: '合并到本机' }).click();
    await expect.poll(() => dialog(b, '合并完成').getByTestId('merge-result').innerText()).toContain('新增 2 项');
    expect(await dialog(b, '合并完成').getByTestId('merge-result').innerText()).toContain('冲突 1 项（采用交换包 1，保留本机 0）');
    await b.shot('04-合并完成');
    await dialog(b, '合并完成').getByRole('button', { name: '知道了' }).click();

    // A takes B's share: 里岔镇 is new; S1 differs (B had 28 when it exported): A keeps its own
    await a.go(`${base}/exchange`);
    await importPackage(a, shareB);
    const onA = dialog(a, '导入交换包');
    await onA.getByTestId('conflicts').waitFor();
    await onA.getByRole('button', { name: '全部保留本机' }).click();
    await onA.getByRole('button', { name: '合并到本机' }).click();
    await expect.poll(() => dialog(a, '合并完成').getByTestId('merge-result').innerText()).toContain('冲突 1 项（采用交换包 0，保留本机 1）');
    await dialog(a, '合并完成').getByRole('button', { name: '知道了' }).click();

    // both laptops now hold the same data, byte for byte in their packages
    const wholeA = dataEntries((await exportPackage(a, 'whole')).buffer);
    const wholeB = dataEntries((await exportPackage(b, 'whole')).buffer);
    expect(Object.keys(wholeB).sort()).toEqual(Object.keys(wholeA).sort());
    for (const [path, text] of Object.entries(wholeA)) if (!path.endsWith('assessment.json')) expect(wholeB[path], path).toBe(text);
    expect(Object.values(wholeA).find((t) => t.includes('"id":"T3"'))).toBeTruthy();

    // the same share again: nothing new, nothing changed
    await b.go(`${base}/exchange`);
    await importPackage(b, shareA);
    const again = dialog(b, '导入交换包');
    await again.getByTestId('merge-summary').waitFor();
    expect(await again.getByTestId('merge-summary').innerText()).toContain('新增 0 项');
    await again.getByRole('button', { name: '合并到本机' }).click();
    await expect.poll(() => dialog(b, '合并完成').getByTestId('merge-result').innerText()).toContain('本机都已有');
    await dialog(b, '合并完成').getByRole('button', { name: '知道了' }).click();

    // the merges are in the audit log, and it still verifies
    await b.go(`${base}/audit`);
    await expect.poll(() => b.page.getByTestId('audit-check').innerText()).toContain('审计日志完整');
    expect(await b.page.getByTestId('audit-table').innerText()).toContain('来自电脑');
  });

  it('a third laptop merging the two shares in either order ends with the same data', async () => {
    /** A fresh laptop: a new browser context of A's browser, with IndexedDB of its own. */
    const laptop = async (operator: string): Promise<App> => {
      const context = await a.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
      const page = await context.newPage();
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
      page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)));
      const app: App = {
        ...a,
        page,
        errors,
        shot: async () => {},
        go: async (hash) => void (await page.evaluate((h) => (window.location.hash = h), hash)),
        chooseFile: async (trigger, file) => {
          const chooser = page.waitForEvent('filechooser');
          await trigger.click();
          if (typeof file !== 'string') await (await chooser).setFiles({ name: file.name, mimeType: 'application/zip', buffer: file.buffer });
        },
        close: () => context.close(),
      };
      await page.goto(a.url);
      const dialog = page.getByRole('dialog', { name: '设置操作员' });
      await dialog.getByLabel('操作员姓名').fill(operator);
      await dialog.getByRole('button', { name: '确定' }).click();
      await app.go('#/backups');
      return app;
    };
    /** Merges `file`; for the one conflict (S1's tally) keeps the count of 30 whichever side has it. */
    const merge = async (app: App, file: { name: string; buffer: Buffer }) => {
      await importPackage(app, file, '导入交换包（新考核）…');
      const preview = dialog(app, '导入交换包');
      await preview.getByTestId('merge-summary').waitFor();
      const conflict = preview.getByTestId('conflict');
      if (await conflict.count()) {
        const mineHas30 = /很满意\s+30\s+28/.test(await conflict.innerText());
        await conflict.getByRole('radio', { name: mineHas30 ? '保留本机' : '采用交换包' }).check();
      }
      await preview.getByRole('button', { name: '合并到本机' }).click();
      await dialog(app, '合并完成').getByRole('button', { name: '知道了' }).click();
    };
    const c1 = await laptop('王五');
    const c2 = await laptop('赵六');
    await merge(c1, shareA);
    await merge(c1, shareB);
    await merge(c2, shareB);
    await merge(c2, shareA);
    const one = dataEntries((await exportPackage(c1, 'whole')).buffer);
    const two = dataEntries((await exportPackage(c2, 'whole')).buffer);
    expect(Object.keys(two).sort()).toEqual(Object.keys(one).sort());
    for (const [path, text] of Object.entries(one)) if (!path.endsWith('assessment.json')) expect(two[path], path).toBe(text);
    expect(one[Object.keys(one).find((p) => p.endsWith('/tallies.json'))!]).toMatch(/"id":"S1".*"verySatisfied":30|"verySatisfied":30.*"id":"S1"/);
    expect(c1.errors.concat(c2.errors)).toEqual([]);
    await c1.close();
    await c2.close();
  });

  it('a package with one changed byte is refused, with the reason shown', async () => {
    const share = await exportPackage(a, ['胶莱镇']);
    const zip = readZip(new Uint8Array(share.buffer));
    if (!zip.ok) throw new Error(zip.message);
    const tallies = zip.entries.find((e) => e.path.endsWith('/tallies.json'))!;
    const tampered = Buffer.from(share.buffer);
    const text = new TextDecoder().decode(tallies.bytes);
    expect(text).toContain('"verySatisfied":40');
    const at = tallies.bytes.byteOffset + new TextEncoder().encode(text.slice(0, text.indexOf('"verySatisfied":40') + 16)).length;
    expect(tampered[at]).toBe('4'.charCodeAt(0));
    tampered[at] = '9'.charCodeAt(0);
    await b.go(`${base}/exchange`);
    await importPackage(b, { name: share.name, buffer: tampered });
    const refused = dialog(b, '交换包校验未通过').getByTestId('package-refused');
    await refused.waitFor();
    expect(await refused.innerText()).toMatch(/^文件已被改动：数据\/测评计票（2024 .+） 的校验值不符，拒绝导入$/);
    await b.shot('05-篡改的交换包被拒绝');
    await dialog(b, '交换包校验未通过').getByRole('button', { name: '知道了' }).click();
  });

  it('backup → change → restore brings everything back, the photo included', async () => {
    const { page } = a;
    const before = dataEntries((await exportPackage(a, 'whole')).buffer);
    expect(Object.keys(before).some((p) => p.startsWith('attachments/'))).toBe(true);
    await a.go('#/backups');
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByText(/^已备份：手动备份-/).waitFor();
    // backups before each import and merge are listed too
    const list = page.getByTestId('backup-list');
    await expect.poll(() => list.innerText()).toContain('操作前备份-合并-');
    expect(await list.innerText()).toContain('操作前备份-导入-');
    await a.shot('06-备份列表');

    await importBallots(a, [['T1', 1, 1, 1, 1, 0]], true);
    expect(dataEntries((await exportPackage(a, 'whole')).buffer)).not.toEqual(before);

    await a.go('#/backups');
    await list
      .getByRole('button', { name: /^查看并恢复 手动备份-/ })
      .first()
      .click();
    const restore = dialog(a, '从备份恢复');
    await restore.getByTestId('backup-verified').waitFor();
    const contents = await restore.getByTestId('backup-contents').innerText();
    expect(contents).toMatch(/2024年度 .+\s+8\s+5\s+1\s+\d+条/);
    await a.shot('07-恢复-预览');
    expect(await restore.getByRole('button', { name: '恢复此备份' }).isDisabled()).toBe(true);
    await restore.getByRole('checkbox', { name: /我已了解/ }).check();
    await restore.getByRole('button', { name: '恢复此备份' }).click();
    await page.getByText(/^已从备份恢复：手动备份-/).waitFor();
    const after = dataEntries((await exportPackage(a, 'whole')).buffer);
    for (const [path, text] of Object.entries(before)) if (!path.endsWith('assessment.json')) expect(after[path], path).toBe(text);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    await a.go(`${base}/audit`);
    await expect.poll(() => page.getByTestId('audit-check').innerText()).toContain('审计日志完整');
    await a.go('#/backups');
    await expect.poll(() => page.getByTestId('backup-list').innerText()).toContain('操作前备份-恢复-');
    expect(a.errors).toEqual([]);
    expect(b.errors).toEqual([]);
  });
});

describe('closing the page in the middle of a merge', () => {
  let c: App;
  beforeAll(async () => {
    c = await openApp('exchange-C');
  });
  afterAll(async () => {
    await c?.close();
  });

  /** Counts what the database holds of the assessment, straight from IndexedDB. */
  const counts = (page: Page, id: string) =>
    page.evaluate(
      (aid) =>
        new Promise<Record<string, number>>((resolve, reject) => {
          const request = indexedDB.open('shuangping');
          request.onerror = () => reject(request.error);
          request.onsuccess = () => {
            const idb = request.result;
            const stores = ['assessments', 'secretaries', 'tallies', 'attachments', 'audit'];
            const tx = idb.transaction(stores, 'readonly');
            const out: Record<string, number> = {};
            for (const name of stores) {
              const store = tx.objectStore(name);
              // tables keyed by [assessmentId+id] are counted by their key's range (no assessmentId index since version 7)
              const r =
                name === 'assessments'
                  ? store.count(aid)
                  : store.indexNames.contains('assessmentId')
                    ? store.index('assessmentId').count(aid)
                    : store.count(IDBKeyRange.bound([aid], [aid, []]));
              r.onsuccess = () => (out[name] = r.result);
            }
            tx.oncomplete = () => {
              idb.close();
              resolve(out);
            };
          };
        }),
      id,
    );

  it('holds the old state or the new, never a mix', async () => {
    // a big package: a county of 3000 secretaries with tallies and 12 scans of 1 MB
    const id = 'big-county-2024';
    const n = 3000;
    const scans = Array.from({ length: 12 }, (_, i) => Uint8Array.from({ length: 1 << 20 }, (_, j) => (j * 7 + i) & 0xff));
    const { sha256OfBytes } = await import('../../shared/digest');
    const files = new Map(scans.map((s) => [sha256OfBytes(s), s]));
    const data = {
      ...empty({ ...row(id), name: '大县考核' }),
      secretaries: Array.from({ length: n }, (_, i) => secretary(`X${String(i).padStart(4, '0')}`, `镇${i % 20}`, id)),
      tallies: Array.from({ length: n }, (_, i) => tallyRow(`X${String(i).padStart(4, '0')}`, 20 + (i % 10), id)),
      attachments: [...files].map(([sha, bytes], i) => ({
        key: `${id}|X${String(i).padStart(4, '0')}|${sha}`,
        assessmentId: id,
        id: `X${String(i).padStart(4, '0')}`,
        itemCode: 'A1.1',
        name: `扫描件${i}.jpg`,
        type: 'image/jpeg',
        size: bytes.length,
        sha256: sha,
        addedAt: '2024-12-02T09:00:00.000Z',
      })),
    };
    const createdAt = new Date().toISOString();
    const audit = withExportEntry(chain(id, ['assessment.create', 'roster.import']), data, { kind: 'assessment' }, createdAt, '王五');
    const { bytes } = await writePackage({
      kind: 'exchange',
      createdAt,
      laptopId: 'big-laptop-0001',
      operator: '王五',
      scope: { kind: 'assessment' },
      assessments: [{ data, audit, received: [] }],
      files,
    });
    const file = { name: '双评交换包-大县考核-全部.zip', buffer: Buffer.from(bytes) };

    const context = c.page.context();
    // test instrumentation: note when the merge's write transaction starts and ends
    await context.addInitScript(() => {
      const w = window as unknown as { __mergeStarted?: number; __mergeDone?: number };
      const original = IDBDatabase.prototype.transaction;
      IDBDatabase.prototype.transaction = function (this: IDBDatabase, ...args: Parameters<IDBDatabase['transaction']>) {
        const tx = original.apply(this, args);
        const stores = Array.from(tx.objectStoreNames);
        if (this.name === 'shuangping' && tx.mode === 'readwrite' && stores.includes('secretaries') && stores.includes('audit')) {
          w.__mergeStarted = (w.__mergeStarted ?? 0) + 1;
          tx.addEventListener('complete', () => (w.__mergeDone = (w.__mergeDone ?? 0) + 1));
        }
        return tx;
      } as IDBDatabase['transaction'];
    });

    let page = await context.newPage();
    await c.page.close();
    await page.goto(c.url);
    const chooser = async (p: Page) => {
      const picked = p.waitForEvent('filechooser');
      await p.getByRole('button', { name: '导入交换包（新考核）…' }).click();
      await (await picked).setFiles({ name: file.name, mimeType: 'application/zip', buffer: file.buffer });
    };
    const operator = page.getByRole('dialog', { name: '设置操作员' });
    await operator.getByLabel('操作员姓名').fill('赵六');
    await operator.getByRole('button', { name: '确定' }).click();

    // kill in the middle: as soon as the merge transaction has started
    await page.evaluate(() => (location.hash = '#/backups'));
    await chooser(page);
    const preview = page.getByRole('dialog', { name: '导入交换包' });
    await preview.getByTestId('package-verified').waitFor({ timeout: 30_000 });
    await page.screenshot({ path: `${SCREENSHOTS}exchange-08-大包-预览.png` });
    await preview.getByRole('button', { name: '合并到本机' }).click();
    await page.waitForFunction(() => ((window as unknown as { __mergeStarted?: number }).__mergeStarted ?? 0) >= 1, undefined, { polling: 5, timeout: 30_000 });
    const doneBeforeClose = await page.evaluate(() => (window as unknown as { __mergeDone?: number }).__mergeDone ?? 0);
    await page.close();
    expect(doneBeforeClose, 'the page closed after the merge had committed: make the package bigger').toBe(0);

    page = await context.newPage();
    await page.goto(c.url);
    expect(await counts(page, id)).toEqual({ assessments: 0, secretaries: 0, tallies: 0, attachments: 0, audit: 0 });

    // the same merge left alone: the new state, whole
    await page.evaluate(() => (location.hash = '#/backups'));
    await chooser(page);
    await page.getByRole('dialog', { name: '导入交换包' }).getByRole('button', { name: '合并到本机' }).click();
    await page.getByRole('dialog', { name: '合并完成' }).waitFor({ timeout: 60_000 });
    const whole = await counts(page, id);
    expect(whole).toMatchObject({ assessments: 1, secretaries: n, tallies: n, attachments: 12 });
    expect(whole.audit).toBe(1);
    await page.screenshot({ path: `${SCREENSHOTS}exchange-09-大包-合并完成.png` });
  }, 180_000);
});

describe('a team key: the same key exchanges, another key is refused', () => {
  let k: App;
  const laptops: App[] = [];
  beforeAll(async () => {
    k = await openApp('exchange-key');
  });
  afterAll(async () => {
    for (const l of laptops) await l.close();
    await k?.close();
  });

  /** Another laptop: a new browser profile (IndexedDB of its own) in the same browser. */
  const another = async (operator: string, name: string): Promise<App> => {
    const context = await k.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
    page.on('console', (m) => void (m.type() === 'error' && errors.push(`console: ${m.text()}`)));
    const app: App = {
      ...k,
      page,
      errors,
      shot: async (shot) => void (await page.screenshot({ path: `${SCREENSHOTS}exchange-key-${name}-${shot}.png` })),
      go: async (hash) => void (await page.evaluate((h) => (window.location.hash = h), hash)),
      chooseFile: async (trigger, file) => {
        const chooser = page.waitForEvent('filechooser');
        await trigger.click();
        if (typeof file !== 'string') await (await chooser).setFiles({ name: file.name, mimeType: 'application/zip', buffer: file.buffer });
      },
      setOperator: async (who) => {
        const d = page.getByRole('dialog', { name: '设置操作员' });
        await d.getByLabel('操作员姓名').fill(who);
        await d.getByRole('button', { name: '确定' }).click();
        await expect.poll(() => page.getByTestId('operator').textContent()).toContain(who);
      },
      close: () => context.close(),
    };
    laptops.push(app);
    await page.goto(k.url);
    await app.setOperator(operator);
    return app;
  };

  /** Types a key into the 工作组密钥 card of the page shown. */
  const enterKey = async (app: App, text: string) => {
    const card = app.page.getByTestId('team-key');
    await card.getByRole('button', { name: /^(输入本组的密钥|更换密钥)…$/ }).click();
    const d = dialog(app, '输入工作组密钥');
    await d.getByLabel('工作组密钥').fill(text);
    await d.getByRole('button', { name: '保存' }).click();
    await expect.poll(() => card.getByTestId('team-key-state').innerText()).toMatch(/^已设置 · 密钥标识 [0-9a-f]{8}$/);
    return (await card.getByTestId('team-key-state').innerText()).slice(-8);
  };

  const refusal = async (app: App, file: { name: string; buffer: Buffer }) => {
    await importPackage(app, file, '导入交换包（新考核）…');
    const refused = dialog(app, '交换包校验未通过');
    await refused.getByTestId('package-refused').waitFor();
    const text = await refused.getByTestId('package-refused').innerText();
    return { text, close: () => refused.getByRole('button', { name: '知道了' }).click() };
  };

  it('K1 generates a key, K2 types it and takes K1’s encrypted package; K3 with its own key cannot open it', async () => {
    const { page } = k;
    await page.goto(k.url);
    await k.setOperator('张三');
    await page.getByRole('button', { name: '新建考核' }).click();
    const create = dialog(k, '新建考核');
    await create.getByLabel('考核年度').fill('2024');
    await create.getByLabel('地区').fill('胶州市');
    await create.getByRole('button', { name: '创建' }).click();
    await page.getByRole('heading', { name: '考核设置' }).waitFor();
    const home = new URL(page.url()).hash.replace(/\/settings$/, '');
    await k.go(`${home}/roster`);
    await k.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, ROSTER_ROWS),
    });
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(8);

    // K1: 交换 → 工作组密钥 → 生成新密钥
    await k.go(`${home}/exchange`);
    const card = page.getByTestId('team-key');
    expect(await card.getByTestId('team-key-state').innerText()).toBe('未设置：交换包和备份不加密');
    await card.getByRole('button', { name: '生成新密钥' }).click();
    const generate = dialog(k, '生成工作组密钥');
    const key = (await generate.getByTestId('generated-key').innerText()).match(/SPK1(-[A-Z2-7]{4}){8}/)![0];
    expect(await generate.getByRole('button', { name: '使用此密钥' }).isDisabled()).toBe(true);
    await k.shot('10-生成工作组密钥');
    await generate.getByRole('checkbox', { name: /我已抄下此密钥/ }).check();
    await generate.getByRole('button', { name: '使用此密钥' }).click();
    await expect.poll(() => card.getByTestId('team-key-state').innerText()).toMatch(/^已设置 · 密钥标识 [0-9a-f]{8}$/);
    const keyId = (await card.getByTestId('team-key-state').innerText()).slice(-8);
    await k.shot('11-工作组密钥已设置');
    base = home;
    const whole = await exportPackage(k, 'whole');
    expect(whole.buffer.subarray(0, 40).toString('utf8')).toContain('"format":"shuangping-encrypted"');

    // K2 without the key: refused, and told what to do
    const k2 = await another('李四', 'K2');
    await k2.go('#/backups');
    const noKey = await refusal(k2, whole);
    expect(noKey.text).toBe(`该文件已用工作组密钥加密（密钥标识 ${keyId}），本机没有设置工作组密钥，无法打开`);
    await k2.shot('12-未设密钥-拒绝');
    await noKey.close();
    // K2 types the key (as copied, in small letters): the same key id; the package opens
    expect(await enterKey(k2, key.toLowerCase().replaceAll('-', ' '))).toBe(keyId);
    await importPackage(k2, whole, '导入交换包（新考核）…');
    const preview = dialog(k2, '导入交换包');
    await preview.getByTestId('package-verified').waitFor();
    expect(await preview.getByTestId('package-verified').innerText()).toContain(`已用工作组密钥加密并签名（密钥标识 ${keyId}），签名核对无误`);
    expect(await preview.getByTestId('package-verified').innerText()).toMatch(/数据与审计日志末条“导出交换包”记录相符（张三，.*，整个考核）/);
    await k2.shot('13-同一密钥-校验通过');
    await preview.getByRole('button', { name: '合并到本机' }).click();
    await expect.poll(() => dialog(k2, '合并完成').getByTestId('merge-result').innerText()).toMatch(/（本机新建）：新增 \d+ 项/);
    await dialog(k2, '合并完成').getByRole('button', { name: '知道了' }).click();

    // K3 with another team's key: refused
    const k3 = await another('王五', 'K3');
    await k3.go('#/backups');
    const otherId = await enterKey(k3, '另一个工作组自己定的密钥');
    expect(otherId).not.toBe(keyId);
    const other = await refusal(k3, whole);
    expect(other.text).toBe(`该文件是用另一个工作组密钥加密的（密钥标识 ${keyId}，本机为 ${otherId}），无法打开`);
    await k3.shot('14-另一密钥-拒绝');
    await other.close();

    // a deletion on K2 travels back to K1 in K2's package, listed before the merge
    await k2.go(`${home}/roster`);
    await k2.chooseFile(k2.page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, ROSTER_ROWS.slice(0, 7)),
    });
    // T4 is not in the file: removed because the person chooses it in the preview
    await dialog(k2, '导入名册：确认变更').getByRole('button', { name: '删除文件中没有的 1 人' }).click();
    await dialog(k2, '导入名册：确认变更').getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => k2.page.getByTestId('roster-table').locator('tbody tr').count()).toBe(7);
    const back = await exportPackage(k2, 'whole');
    await k.go(`${home}/exchange`);
    await importPackage(k, back);
    const onK1 = dialog(k, '导入交换包');
    await onK1.getByTestId('merge-deleted-there').waitFor();
    expect(await onK1.getByTestId('merge-deleted-there').innerText()).toMatch(/名册 · T4 孙丽（李四于 .* 删除）/);
    expect(await onK1.getByTestId('merge-counts').innerText()).toMatch(/名册\s+0\s+7\s+1\s+0\s+0/);
    await onK1.getByTestId('merge-deleted-there').scrollIntoViewIfNeeded();
    await k.shot('15-对方已删除-预览');
    await onK1.getByRole('button', { name: '合并到本机' }).click();
    await expect.poll(() => dialog(k, '合并完成').getByTestId('merge-result').innerText()).toContain('删除对方已删除的 1 项');
    await dialog(k, '合并完成').getByRole('button', { name: '知道了' }).click();
    await k.go(`${home}/roster`);
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(7);
    await k.go(`${home}/audit`);
    await expect.poll(() => page.getByTestId('audit-check').innerText()).toContain('审计日志完整');
    expect(await page.getByTestId('audit-table').innerText()).toContain('对方已删除 1（名册 T4）');

    // deleted on K1 while K2 changed it: a conflict for a person, the deletion one of the choices
    await k.go(`${home}/roster`);
    await k.chooseFile(page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, ROSTER_ROWS.slice(0, 6)),
    });
    await dialog(k, '导入名册：确认变更').getByRole('button', { name: '删除文件中没有的 1 人' }).click();
    await dialog(k, '导入名册：确认变更').getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(6);
    const changed = ROSTER_ROWS.slice(0, 7).map((r) => (r[0] === 'T3' ? [...r.slice(0, 8), 46] : r));
    await k2.go(`${home}/roster`);
    await k2.chooseFile(k2.page.getByRole('button', { name: '导入名册', exact: true }), {
      name: '名册.xlsx',
      buffer: await workbook('名册', ROSTER_HEADER, changed),
    });
    await dialog(k2, '导入名册：确认变更').getByRole('button', { name: '不同的全部采用文件' }).click();
    await dialog(k2, '导入名册：确认变更').getByRole('button', { name: '确认导入' }).click();
    await expect.poll(() => k2.page.getByTestId('roster-table').innerText()).toMatch(/赵磊[^\n]*46/);
    const changedOnK2 = await exportPackage(k2, 'whole');
    await k.go(`${home}/exchange`);
    await importPackage(k, changedOnK2);
    const conflictOnK1 = dialog(k, '导入交换包').getByTestId('conflict');
    await conflictOnK1.waitFor();
    expect(await conflictOnK1.innerText()).toMatch(
      /名册 · T3 赵磊本机已删除 \/ 对方有修改[\s\S]*本机已删除（张三，.*），交换包中仍有且内容不同[\s\S]*应参加人数\s+（已删除）\s+46/,
    );
    await conflictOnK1.scrollIntoViewIfNeeded();
    await k.shot('17-本机已删除-对方有修改');
    await conflictOnK1.getByRole('radio', { name: '保留删除' }).check();
    await dialog(k, '导入交换包').getByRole('button', { name: '合并到本机' }).click();
    await expect.poll(() => dialog(k, '合并完成').getByTestId('merge-result').innerText()).toContain('冲突 1 项（采用交换包 0，保留本机 1）');
    await dialog(k, '合并完成').getByRole('button', { name: '知道了' }).click();
    await k.go(`${home}/roster`);
    await expect.poll(() => page.getByTestId('roster-table').locator('tbody tr').count()).toBe(6);

    // K1's backups are encrypted with the key too
    await k.go('#/backups');
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByText(/^已备份：手动备份-/).waitFor();
    await page
      .getByTestId('backup-list')
      .getByRole('button', { name: /^查看并恢复 手动备份-/ })
      .first()
      .click();
    const restore = dialog(k, '从备份恢复');
    await restore.getByTestId('backup-binding').waitFor();
    expect(await restore.getByTestId('backup-binding').innerText()).toMatch(
      /已用工作组密钥加密并签名（密钥标识 [0-9a-f]{8}），签名核对无误[\s\S]*本机于 .* 写出的备份（手动备份-/,
    );
    await k.shot('16-加密备份-恢复预览');
    await restore.getByRole('button', { name: '取消' }).click();
    expect([...k.errors, ...k2.errors, ...k3.errors]).toEqual([]);
  });
});

/** A small PNG made here, so the test needs no fixture. */
function png(width: number, height: number): Buffer {
  const crc = (buf: Buffer) => crc32(new Uint8Array(buf));
  const chunk = (type: string, body: Buffer) => {
    const typed = Buffer.concat([Buffer.from(type, 'ascii'), body]);
    const out = Buffer.alloc(8 + body.length + 4);
    out.writeUInt32BE(body.length, 0);
    typed.copy(out, 4);
    out.writeUInt32BE(crc(typed), 8 + body.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8);
  const line = Buffer.concat([Buffer.from([0]), Buffer.alloc(width * 3, 0x80)]);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(Buffer.concat(Array(height).fill(line)))),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
