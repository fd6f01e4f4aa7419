/**
 * Nothing hidden: every change in the audit log with its operator, the chain checked
 * on the audit screen, an operator's PIN, 定稿 with a warning and 解除定稿 with a
 * reason, and an audit entry edited or deleted behind the app's back → named.
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

const nav = (name: string) => app.page.getByRole('navigation').getByRole('link', { name, exact: true });
const auditCheck = () => app.page.getByTestId('audit-check').innerText();
const auditRows = () => app.page.getByTestId('audit-table').locator('tbody tr');

/** Changes the IndexedDB behind the app's back: the audit entries of the assessment, oldest first. */
async function tamper(how: 'edit' | 'delete', n: number): Promise<void> {
  await app.page.evaluate(
    async ({ how, n }) => {
      const done = <T>(r: IDBRequest<T>) => new Promise<T>((ok, ko) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => ko(r.error))));
      const db = await done(indexedDB.open('shuangping'));
      const tx = db.transaction('audit', 'readwrite');
      const store = tx.objectStore('audit');
      const id = decodeURIComponent(location.hash.split('/')[2] ?? '');
      const entries = (await done(store.index('assessmentId').getAll(id))) as { seq: number; operator: string }[];
      const entry = entries[n]!;
      if (how === 'edit') await done(store.put({ ...entry, operator: '王五' }));
      else await done(store.delete(entry.seq));
      await new Promise((ok) => (tx.oncomplete = ok));
      db.close();
    },
    { how, n },
  );
}

describe('audit log, operator, 定稿', () => {
  it('logs the operator of every change', async () => {
    const { page } = app;
    await page.goto(app.url);
    await app.setOperator('张三');
    await app.newAssessment();
    await nav('名册').click();
    await app.importWorkedExample();

    await nav('审计').click();
    await page.getByTestId('audit-page').waitFor();
    await expect.poll(auditCheck).toMatch(/^审计日志完整，共4条，末条哈希 [0-9a-f]{16}…/);
    const rows = await auditRows().allInnerTexts();
    // newest first
    expect(rows[0]).toContain('导入测评计票');
    expect(rows[3]).toContain('新建考核');
    expect(rows[2]).toMatch(/导入名册[\s\S]*0人 · [0-9a-f]{16}[\s\S]*8人 · [0-9a-f]{16}/);
    expect(rows.every((r) => r.includes('张三'))).toBe(true);
    await app.shot('01-审计日志');
    await page.getByLabel('操作', { exact: true }).selectOption({ label: '导入名册' });
    await expect.poll(() => auditRows().count()).toBe(1);
    await page.getByLabel('操作', { exact: true }).selectOption('');
  });

  it('an operator with a PIN is asked for it; the dialog says it is no security', async () => {
    const { page } = app;
    const dialog = page.getByRole('dialog', { name: '设置操作员' });
    const choose = async (name: string, pin: string) => {
      await page.getByTestId('operator').click();
      await dialog.getByLabel('操作员姓名').fill(name);
      if (pin)
        await dialog
          .getByLabel(/^(设置)?PIN/)
          .first()
          .fill(pin);
      await dialog.getByRole('button', { name: '确定' }).click();
    };
    await choose('李四', '2468');
    await expect.poll(() => page.getByTestId('operator').innerText()).toContain('李四');
    await choose('张三', '');
    await expect.poll(() => page.getByTestId('operator').innerText()).toContain('张三');
    await choose('李四', '1111');
    await expect.poll(() => dialog.innerText()).toContain('PIN不正确');
    expect(await dialog.getByTestId('pin-hint').innerText()).toContain('不是安全措施');
    await app.shot('02-操作员PIN');
    await dialog.getByLabel(/^PIN/).fill('2468');
    await dialog.getByRole('button', { name: '确定' }).click();
    await expect.poll(() => page.getByTestId('operator').innerText()).toContain('李四');
  });

  it('定稿 warns of what is unfinished; then nothing can be edited', async () => {
    const { page } = app;
    await nav('结果').click();
    await page.getByRole('heading', { name: '考核结果' }).waitFor();
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: '定稿' });
    const warnings = dialog.getByTestId('lock-warnings');
    await warnings.waitFor();
    // T1 = T2 at the boundary, undecided
    expect(await warnings.innerText()).toContain('等次分界处并列，待部长办公会确定：2 人');
    expect(await dialog.getByRole('button', { name: '确认定稿' }).isDisabled()).toBe(true);
    await app.shot('03-定稿-提示');
    // the worked example's papers are not registered: waived with a reason (docs/data.md §12)
    await dialog.getByLabel(/免交理由/).fill('材料由镇街留存，经考核组同意免交');
    await dialog.getByRole('button', { name: '说明理由，以上材料免交' }).click();
    await dialog.getByTestId('lock-papers').waitFor({ state: 'detached' });
    await warnings.getByLabel('我已知晓，仍要定稿').check();
    await dialog.getByRole('button', { name: '确认定稿' }).click();
    await page.getByTestId('locked-badge').waitFor();
    expect(await page.getByRole('button', { name: '审定 陈静' }).isDisabled()).toBe(true);
    await app.shot('04-已定稿');

    await nav('名册').click();
    await page.getByRole('heading', { name: '名册' }).waitFor();
    expect(await page.getByRole('button', { name: '导入名册', exact: true }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: '添加第一书记' }).isDisabled()).toBe(true);
    await nav('考评').click();
    await page.getByTestId('scoring-page').waitFor();
    expect(await page.getByTestId('scoring-page').innerText()).toContain('考核已定稿，只读');
    expect(await page.getByRole('button', { name: '批量添加附件' }).count()).toBe(0);
    await nav('测评').click();
    await page.getByTestId('ballots-page').waitFor();
    expect(await page.getByRole('button', { name: '导入测评计票（Excel）' }).count()).toBe(0);
  });

  it('解除定稿 needs a reason, and both are in the log', async () => {
    const { page } = app;
    await nav('首页').click();
    await page.getByTestId('overview-page').waitFor();
    await page.getByRole('button', { name: '解除定稿' }).click();
    const dialog = page.getByRole('dialog', { name: '解除定稿' });
    await dialog.getByRole('button', { name: '解除定稿' }).click();
    await expect.poll(() => dialog.innerText()).toContain('请填写理由');
    await dialog.getByLabel('解除定稿的理由').fill('部长办公会复议，补录T1、T2审定意见');
    await app.shot('05-解除定稿');
    await dialog.getByRole('button', { name: '解除定稿' }).click();
    await expect.poll(() => page.getByTestId('locked-badge').count()).toBe(0);

    await nav('审计').click();
    await expect.poll(auditCheck).toContain('审计日志完整，共7条');
    const [unlock, lock] = await auditRows().allInnerTexts();
    expect(unlock).toMatch(/李四[\s\S]*解除定稿[\s\S]*理由：部长办公会复议，补录T1、T2审定意见/);
    expect(lock).toMatch(/李四[\s\S]*定稿[\s\S]*已定稿，8人 · [0-9a-f]{16}/);
  });

  it('exports the log as JSON', async () => {
    const { page } = app;
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出日志（JSON）' }).click();
    const file = await (await download).path();
    const { readFile } = await import('node:fs/promises');
    const log = JSON.parse(await readFile(file, 'utf8'));
    expect(log.format).toBe('shuangping-audit-log');
    expect(log.check).toMatchObject({ ok: true, count: 7 });
    expect(log.entries.map((e: { action: string }) => e.action)).toEqual([
      'assessment.create',
      'roster.import',
      'summary.import',
      'ballots.import',
      'paper.waive',
      'assessment.lock',
      'assessment.unlock',
    ]);
    expect(log.entries[6].prevHash).toBe(log.entries[5].hash);
  });

  it('an audit entry edited in IndexedDB is named and highlighted', async () => {
    const { page } = app;
    await tamper('edit', 1);
    await page.getByRole('button', { name: '校验', exact: true }).click();
    await expect.poll(auditCheck).toContain('审计日志校验未通过');
    expect(await auditCheck()).toContain('第2条（');
    expect(await auditCheck()).toMatch(/王五，导入名册）的内容与其哈希不符：该条记录被改动过/);
    const broken = page.locator('tr.audit-broken');
    await expect.poll(() => broken.count()).toBe(1);
    expect(await broken.innerText()).toMatch(/^2\s[\s\S]*王五[\s\S]*导入名册/);
    await app.shot('06-审计-改动');
  });

  it('an audit entry deleted in IndexedDB is detected, on opening the screen too', async () => {
    const { page } = app;
    await tamper('delete', 1);
    await page.reload();
    await page.getByTestId('audit-page').waitFor();
    await expect.poll(auditCheck).toMatch(/第2条（[^）]*导入考评得分汇总）与前一条接不上/);
    expect(await page.locator('tr.audit-broken').innerText()).toContain('导入考评得分汇总');
    await app.shot('07-审计-删除');
    expect(app.errors).toEqual([]);
  });
});
