/**
 * Crash in the middle of an import or a restore: a big roster or ballots workbook, or a
 * backup of them, is being written when the page is closed, or the browser process is
 * killed (SIGKILL, on a profile on disk). Reopened, the database holds the old state or the new one, never a mix:
 * counts, a digest of the table contents, and the audit chain with its head.
 *
 * “In the middle” is observed, not guessed: a second page keeps reading the table;
 * a read that waits while that page's own clock runs on time means the import's
 * write transaction holds the table. Then the page goes. The first test of each kind
 * runs the import to its end and checks the write lasts long enough to be caught.
 * (An import split into several transactions — the old rows deleted, then the new ones
 * added in chunks — fails this spec: tried once by hand.)
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { verifyChain, type ChainedAuditEntry } from '../../shared/audit/chain';
import { canonicalJson, sha256Hex } from '../../shared/digest';
import { SCREENSHOTS } from './harness';
import { BALLOT_HEADER, BALLOT_ROWS, ROSTER_HEADER, ROSTER_ROWS, workbook } from './workbooks';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/**
 * Secretaries beyond the small roster: enough that the import's write holds its store well
 * past the probe's 400 ms on a quiet, fast run (6,000 took 0.47–0.50 s once the write got
 * faster, and a quicker run was never caught in the middle).
 */
const BIG = 12_000;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** the small roster (S1…T4) and BIG more */
const bigRosterRows = () => [
  ...ROSTER_ROWS,
  ...Array.from({ length: BIG }, (_, i) => [
    `D${String(i).padStart(5, '0')}`,
    `书记${i}`,
    '某单位',
    '镇街',
    '脱产',
    i % 2 ? '正股级' : '党政正职',
    `第${i % 40}镇`,
    `第${i}村`,
    45,
  ]),
];
/** ballots for every secretary of the big roster */
const bigBallotRows = () => bigRosterRows().map(([id], i) => [id!, 20 + (i % 5), 10, 5, 0, 0]);

interface Dump {
  secretaries: unknown[];
  tallies: unknown[];
  audit: ChainedAuditEntry[];
  head: { hash: string; count: number } | undefined;
}

/** The assessment's tables as stored, read with plain IndexedDB (not through the app). */
function dump(page: Page, assessmentId: string): Promise<Dump> {
  return page.evaluate(async (id) => {
    const done = <T>(r: IDBRequest<T>) => new Promise<T>((ok, ko) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => ko(r.error))));
    const db = await done(indexedDB.open('shuangping'));
    const tx = db.transaction(['secretaries', 'tallies', 'audit', 'meta'], 'readonly');
    // tables keyed by [assessmentId+id] are read by their key's range (no assessmentId index since version 7)
    const of = (name: string) => {
      const store = tx.objectStore(name);
      return done(store.indexNames.contains('assessmentId') ? store.index('assessmentId').getAll(id) : store.getAll(IDBKeyRange.bound([id], [id, []])));
    };
    const [secretaries, tallies, audit, head] = await Promise.all([
      of('secretaries'),
      of('tallies'),
      of('audit'),
      done(tx.objectStore('meta').get(`auditHead:${id}`)),
    ]);
    db.close();
    return { secretaries, tallies, audit, head: head?.value };
  }, assessmentId);
}

const digestOf = (v: unknown) => sha256Hex(canonicalJson(v)).slice(0, 16);

/** Records without their assessment's id, which differs from one browser profile to the next. */
const bare = (rows: unknown[]) => rows.map((r) => ({ ...(r as object), assessmentId: undefined }));

/** What the state is, in a few words comparable between profiles. */
function summary(d: Dump) {
  return {
    secretaries: d.secretaries.length,
    secretariesDigest: digestOf(bare(d.secretaries)),
    tallies: d.tallies.length,
    talliesDigest: digestOf(bare(d.tallies)),
    auditCount: d.audit.length,
    lastAction: d.audit.at(-1)?.action,
  };
}

/** The audit chain holds, its stored head is its last entry, and its last import's digest is the table as it stands. */
function expectConsistent(d: Dump) {
  const check = verifyChain(d.audit);
  expect(check.ok).toBe(true);
  expect(d.head?.hash).toBe(d.audit.at(-1)?.hash);
  expect(d.head?.count).toBe(d.audit.length);
  const last = d.audit.at(-1)!;
  if (last.action === 'roster.import') expect(last.after).toBe(`${d.secretaries.length}人 · ${digestOf(d.secretaries)}`);
  if (last.action === 'ballots.import') expect(last.after).toBe(`${d.tallies.length}人 · ${digestOf(d.tallies)}`);
}

/**
 * Resolves once a read of `store` from `probe` has waited 400 ms on a page whose own
 * timers run on time: a write transaction holds the store. `heldFor` then tells how
 * long that read waited in all (about how long the write took).
 */
function writeInProgress(probe: Page, store: string): Promise<void> {
  return probe.evaluate(async (name) => {
    const done = <T>(r: IDBRequest<T>) => new Promise<T>((ok, ko) => ((r.onsuccess = () => ok(r.result)), (r.onerror = () => ko(r.error))));
    const db = await done(indexedDB.open('shuangping'));
    for (;;) {
      const started = performance.now();
      const read = db.transaction(name, 'readonly').objectStore(name).count();
      const answered = done(read).then(() => performance.now() - started);
      const held = await Promise.race([answered.then(() => false), new Promise<boolean>((ok) => setTimeout(() => ok(performance.now() - started < 550), 400))]);
      if (held) {
        (window as unknown as { heldFor: Promise<number> }).heldFor = answered;
        return;
      }
      await answered;
      await new Promise((ok) => setTimeout(ok, 25));
    }
  }, store);
}

const heldFor = (probe: Page) => probe.evaluate(() => (window as unknown as { heldFor: Promise<number> }).heldFor);

async function launch(profile: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    viewport: { width: 1366, height: 768 },
    locale: 'zh-CN',
    acceptDownloads: true,
  });
}

/** The browser's main process for this profile (the one without --type=), found by its profile folder. */
function browserPid(profile: string): number {
  const ps = spawnSync('ps', ['-eo', 'pid=,args='], { encoding: 'utf8' }).stdout;
  const line = ps.split('\n').find((l) => l.includes(`--user-data-dir=${profile}`) && !l.includes('--type='));
  if (!line) throw new Error(`no browser process for ${profile}`);
  return Number(line.trim().split(/\s+/)[0]);
}

/** A new assessment with `start` as its roster and the small ballots. */
async function setUp(page: Page, url: string, start: Buffer): Promise<string> {
  await page.goto(url);
  const dialog = page.getByRole('dialog', { name: '设置操作员' });
  await dialog.getByLabel('操作员姓名').fill('张三');
  await dialog.getByRole('button', { name: '确定' }).click();
  await page.getByRole('button', { name: '新建考核' }).click();
  const create = page.getByRole('dialog', { name: '新建考核' });
  await create.getByLabel('考核年度').fill('2024');
  await create.getByLabel('地区').fill('胶州市');
  await create.getByRole('button', { name: '创建' }).click();
  await page.getByRole('heading', { name: '考核设置' }).waitFor();
  const id = decodeURIComponent(new URL(page.url()).hash.split('/')[2]!);
  await page.getByRole('navigation').getByRole('link', { name: '名册', exact: true }).click();
  await choose(page, '导入名册', { name: '名册.xlsx', buffer: start });
  await page.getByText(/已导入名册，共 \d+ 名第一书记/).waitFor({ timeout: 120_000 });
  await choose(page, '导入测评计票', { name: '计票.xlsx', buffer: await workbook('测评计票', BALLOT_HEADER, BALLOT_ROWS) });
  await page.getByText('已从“计票.xlsx”导入 8 条记录').waitFor();
  return id;
}

/**
 * Imports a workbook. `differs`: its records differ from those here, and are taken from
 * the file; `replaces`: what the file lacks is removed — both by a person's choice in the preview.
 */
async function choose(page: Page, button: string, file: { name: string; buffer: Buffer }, { differs = false, replaces = false } = {}): Promise<void> {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: button, exact: true }).click();
  await (await chooser).setFiles({ name: file.name, mimeType: XLSX, buffer: file.buffer });
  if (!differs && !replaces) return;
  const preview = page.getByRole('dialog', { name: /确认变更/ });
  if (differs) await preview.getByRole('button', { name: '不同的全部采用文件' }).click();
  if (replaces) await preview.getByRole('button', { name: /^删除文件中没有的/ }).click();
  await preview.getByRole('button', { name: '确认导入' }).click();
}

let url = '';
let small: Buffer;
let roster: Buffer;
let ballots: Buffer;
const profiles: string[] = [];

beforeAll(async () => {
  url = inject('baseUrl');
  small = await workbook('名册', ROSTER_HEADER, ROSTER_ROWS);
  [roster, ballots] = await Promise.all([workbook('名册', ROSTER_HEADER, bigRosterRows()), workbook('测评计票', BALLOT_HEADER, bigBallotRows())]);
});
afterAll(() => {
  for (const p of profiles) rmSync(p, { recursive: true, force: true });
});

const cases = [
  {
    kind: 'roster',
    start: () => small,
    button: '导入名册',
    file: () => ({ name: '大名册.xlsx', buffer: roster }),
    differs: false,
    store: 'secretaries',
    done: `已导入名册，共 ${BIG + 8} 名第一书记`,
  },
  {
    kind: 'ballots',
    start: () => roster,
    button: '导入测评计票',
    file: () => ({ name: '大计票.xlsx', buffer: ballots }),
    differs: true,
    store: 'tallies',
    done: `已从“大计票.xlsx”导入 ${BIG + 8} 条记录`,
  },
] as const;

describe.each(cases)('crash in the middle of a big $kind import', ({ kind, start, button, file, differs, store, done }) => {
  let oldState: ReturnType<typeof summary>;
  let newState: ReturnType<typeof summary>;

  const expectOldOrNew = (d: Dump) => {
    expectConsistent(d);
    const now = summary(d);
    expect([oldState, newState]).toContainEqual(now);
    return JSON.stringify(now) === JSON.stringify(newState) ? 'new' : 'old';
  };

  it('finds the old and the new state by running the import to its end', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'sp-durable-'));
    profiles.push(profile);
    const context = await launch(profile);
    try {
      const page = await context.newPage();
      const id = await setUp(page, url, start());
      oldState = summary(await dump(page, id));
      const probe = await context.newPage();
      await probe.goto(`${url}#/`);
      await choose(page, button, file(), { differs });
      // the probe sees the write, and the write takes long enough to be caught in the middle
      await writeInProgress(probe, store);
      const took = await heldFor(probe);
      console.info(`${kind}: the write transaction held ${store} for ${Math.round(took)} ms`);
      expect(took).toBeGreaterThan(400);
      await page.getByText(done).waitFor({ timeout: 120_000 });
      const after = await dump(page, id);
      expectConsistent(after);
      newState = summary(after);
      expect(newState).not.toEqual(oldState);
      expect(newState.lastAction).toBe(`${kind === 'roster' ? 'roster' : 'ballots'}.import`);
    } finally {
      await context.close();
    }
  });

  it('the page closed while the import writes: old or new, never a mix', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'sp-durable-'));
    profiles.push(profile);
    const context = await launch(profile);
    try {
      const page = await context.newPage();
      const id = await setUp(page, url, start());
      const probe = await context.newPage();
      await probe.goto(`${url}#/`);
      await choose(page, button, file(), { differs });
      await writeInProgress(probe, store);
      await page.close({ runBeforeUnload: false });
      const reopened = await context.newPage();
      await reopened.goto(`${url}#/a/${encodeURIComponent(id)}/audit`);
      await reopened.getByTestId('audit-check').waitFor();
      const state = expectOldOrNew(await dump(reopened, id));
      expect(await reopened.getByTestId('audit-check').innerText()).toContain('审计日志完整');
      await reopened.screenshot({ path: `${SCREENSHOTS}durability-${kind}-关闭页面后.png` });
      console.info(`${kind}: page closed mid-import → ${state} state`);
    } finally {
      await context.close();
    }
  });

  it('the browser process killed while the import writes: old or new, never a mix', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'sp-durable-'));
    profiles.push(profile);
    let context = await launch(profile);
    const page = await context.newPage();
    const id = await setUp(page, url, start());
    const probe = await context.newPage();
    await probe.goto(`${url}#/`);
    await choose(page, button, file(), { differs });
    await writeInProgress(probe, store);
    process.kill(browserPid(profile), 'SIGKILL');
    await context.close().catch(() => undefined);

    context = await launch(profile);
    try {
      const reopened = await context.newPage();
      await reopened.goto(`${url}#/a/${encodeURIComponent(id)}/audit`);
      await reopened.getByTestId('audit-check').waitFor();
      const state = expectOldOrNew(await dump(reopened, id));
      expect(await reopened.getByTestId('audit-check').innerText()).toContain('审计日志完整');
      await reopened.screenshot({ path: `${SCREENSHOTS}durability-${kind}-进程被杀后.png` });
      console.info(`${kind}: browser killed mid-import → ${state} state`);
    } finally {
      await context.close();
    }
  });
});

/**
 * Crash in the middle of a big restore: the backup holds the big roster and its ballots;
 * afterwards the roster was replaced by the small one. The restore writes every
 * secretary and tally back in one transaction; closed or killed in the middle, the
 * database holds the state before the restore or after it, with a verifying chain.
 */
describe('crash in the middle of a big restore', () => {
  let oldState: ReturnType<typeof summary>;
  let newState: ReturnType<typeof summary>;

  /** The big assessment backed up, then its roster replaced by the small one; returns its id. */
  async function backedUpThenChanged(page: Page): Promise<string> {
    const id = await setUp(page, url, roster);
    await choose(page, '导入测评计票', { name: '大计票.xlsx', buffer: ballots }, { differs: true });
    await page.getByText(`已从“大计票.xlsx”导入 ${BIG + 8} 条记录`).waitFor({ timeout: 120_000 });
    await page.goto(`${url}#/backups`);
    await page.getByRole('button', { name: '立即备份' }).click();
    await page.getByText(/^已备份：手动备份-/).waitFor({ timeout: 120_000 });
    await page.goto(`${url}#/a/${encodeURIComponent(id)}/roster`);
    await choose(page, '导入名册', { name: '名册.xlsx', buffer: small }, { replaces: true });
    await page.getByText('已导入名册，共 8 名第一书记').waitFor({ timeout: 120_000 });
    return id;
  }

  /** Opens the backup's preview and confirms the restore. */
  async function startRestore(page: Page): Promise<void> {
    await page.goto(`${url}#/backups`);
    await page
      .getByTestId('backup-list')
      .getByRole('button', { name: /^查看并恢复 手动备份-/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog', { name: '从备份恢复' });
    await dialog.getByTestId('restore-assessment').waitFor({ timeout: 120_000 });
    await dialog.getByRole('checkbox', { name: /我已了解/ }).check();
    await dialog.getByRole('button', { name: '恢复此备份' }).click();
  }

  const expectOldOrNew = (d: Dump) => {
    expectConsistent(d);
    const now = summary(d);
    expect([oldState, newState]).toContainEqual(now);
    return JSON.stringify(now) === JSON.stringify(newState) ? 'new' : 'old';
  };

  it('finds the old and the new state by running the restore to its end', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'sp-durable-'));
    profiles.push(profile);
    const context = await launch(profile);
    try {
      const page = await context.newPage();
      const id = await backedUpThenChanged(page);
      oldState = summary(await dump(page, id));
      const probe = await context.newPage();
      await probe.goto(`${url}#/`);
      await startRestore(page);
      await writeInProgress(probe, 'secretaries');
      const took = await heldFor(probe);
      console.info(`restore: the write transaction held secretaries for ${Math.round(took)} ms`);
      expect(took).toBeGreaterThan(400);
      await page.getByText(/^已从备份恢复：手动备份-/).waitFor({ timeout: 120_000 });
      const after = await dump(page, id);
      expectConsistent(after);
      newState = summary(after);
      expect(newState).toMatchObject({ secretaries: BIG + 8, tallies: BIG + 8, auditCount: oldState.auditCount + 1, lastAction: 'restore' });
    } finally {
      await context.close();
    }
  });

  it('the page closed while the restore writes: old or new, never a mix', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'sp-durable-'));
    profiles.push(profile);
    const context = await launch(profile);
    try {
      const page = await context.newPage();
      const id = await backedUpThenChanged(page);
      const probe = await context.newPage();
      await probe.goto(`${url}#/`);
      await startRestore(page);
      await writeInProgress(probe, 'secretaries');
      await page.close({ runBeforeUnload: false });
      const reopened = await context.newPage();
      await reopened.goto(`${url}#/a/${encodeURIComponent(id)}/audit`);
      await reopened.getByTestId('audit-check').waitFor();
      const state = expectOldOrNew(await dump(reopened, id));
      expect(await reopened.getByTestId('audit-check').innerText()).toContain('审计日志完整');
      await reopened.screenshot({ path: `${SCREENSHOTS}durability-restore-关闭页面后.png` });
      console.info(`restore: page closed mid-restore → ${state} state`);
    } finally {
      await context.close();
    }
  });

  it('the browser process killed while the restore writes: old or new, never a mix', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'sp-durable-'));
    profiles.push(profile);
    let context = await launch(profile);
    const page = await context.newPage();
    const id = await backedUpThenChanged(page);
    const probe = await context.newPage();
    await probe.goto(`${url}#/`);
    await startRestore(page);
    await writeInProgress(probe, 'secretaries');
    process.kill(browserPid(profile), 'SIGKILL');
    await context.close().catch(() => undefined);

    context = await launch(profile);
    try {
      const reopened = await context.newPage();
      await reopened.goto(`${url}#/a/${encodeURIComponent(id)}/audit`);
      await reopened.getByTestId('audit-check').waitFor();
      const state = expectOldOrNew(await dump(reopened, id));
      expect(await reopened.getByTestId('audit-check').innerText()).toContain('审计日志完整');
      await reopened.screenshot({ path: `${SCREENSHOTS}durability-restore-进程被杀后.png` });
      console.info(`restore: browser killed mid-restore → ${state} state`);
    } finally {
      await context.close();
    }
  });
});
