/**
 * The app in Chromium (playwright-core, the system's /usr/bin/chromium), as a person
 * uses it: the built app served from dist/, a new assessment, the province's
 * workbooks imported through the import buttons (the app's own import path, the file
 * chooser, one transaction each), then the results of the largest category opened
 * and scrolled while requestAnimationFrame timestamps are recorded. During each import
 * the main thread's long animation frames are recorded with the scripts that ran in them
 * (which function of which file), and after the first province the floor of the app's
 * write is measured: IndexedDB alone putting the same records (writeFloor).
 */
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveStatic } from '../test/e2e/server';

export interface ImportTiming {
  kind: string;
  file: string;
  /** from choosing the file to the notice of success */
  ms: number;
  /** then until the screen has caught up (the roster screen lists every secretary) */
  settleMs: number;
  count: number;
  /** the progress bar was on screen during the import */
  progress: boolean;
  /** time in each step the progress bar showed (open, check, backup, write) */
  steps: Record<string, number>;
  /** long animation frames of the main thread while it ran: how many, the longest, how many over 200 ms */
  longFrames: number;
  longestFrameMs: number;
  framesOver200: number;
  /** the longest frame's scripts (LoAF attribution): `function (file) ms`, longest first */
  longestFrameScripts: string[];
  /** the import's own spans (performance.measure `import:…`, renderer/src/db/timing.ts): ms by name, summed */
  spans: Record<string, number>;
}

export interface AppFigures {
  chromium: string;
  /** the province with its tally workbook, and again with its per-ballot workbook */
  tallies: ImportRun;
  /** absent when skipped (BENCH_SKIP_PER_BALLOT=1) */
  perBallot: ImportRun | null;
  /** IndexedDB alone putting the records the tally import wrote: the app's floor */
  writeFloor: WriteFloor;
  /** from clicking 结果 to every category on screen */
  resultsMs: number;
  categories: number;
  largest: { label: string; size: number; rowsInDom: number; rowsInDomMax: number };
  scroll: { wheel: FrameStats; fling: FrameStats };
  /** whole page: result rows in the DOM (every category) */
  rowsInPage: number;
  jsHeapMb: number;
}

const BUTTONS: Record<string, string> = {
  roster: '导入名册',
  summary: '导入考评得分汇总',
  scores: '导入考评细则评分',
  ballots: '导入测评计票',
  events: '导入直接定等事项',
};

export async function setOperator(page: Page, name: string): Promise<void> {
  const dialog = page.getByRole('dialog', { name: '设置操作员' });
  await dialog.waitFor();
  await dialog.getByLabel('操作员姓名').fill(name);
  await dialog.getByRole('button', { name: '确定' }).click();
  await dialog.waitFor({ state: 'detached' });
}

export async function newAssessment(page: Page): Promise<string> {
  await page.getByRole('button', { name: '新建考核' }).click();
  const dialog = page.getByRole('dialog', { name: '新建考核' });
  await dialog.getByLabel('考核年度').fill('2024');
  await dialog.getByLabel('地区').fill('示例省');
  await dialog.getByLabel('考核名称').fill('全省第一书记考核（基准测试）');
  await dialog.getByRole('button', { name: '创建' }).click();
  await page.getByRole('heading', { name: '考核设置' }).waitFor();
  return new URL(page.url()).hash.split('/')[2]!;
}

/** Resolves once the page paints ten frames in a row on time: whatever the last change set off is rendered. */
const idle = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<void>((done) => {
        let quiet = 0;
        let last = performance.now();
        const tick = (now: number) => {
          quiet = now - last < 50 ? quiet + 1 : 0;
          last = now;
          if (quiet >= 10) done();
          else requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      }),
  );

/** One workbook through its import button: from the click to the notice of success. */
export async function importFile(page: Page, kind: string, path: string, timeout: number): Promise<ImportTiming> {
  const name = path.split('/').pop()!;
  // the steps the progress bar shows, with when each began
  await page.evaluate(() => {
    performance.clearMeasures();
    const seen: [string, number][] = [];
    (window as unknown as { STEPS: [string, number][] }).STEPS = seen;
    const observer = new MutationObserver(() => {
      const step = document.querySelector<HTMLElement>('[data-testid="import-progress"]')?.dataset.step ?? 'done';
      if (seen[seen.length - 1]?.[0] !== step) seen.push([step, performance.now()]);
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
    // the main thread's long animation frames (over 50 ms) while the import runs: the screen answers between them;
    // with the scripts that ran in each (which function of which file, for how long)
    type Script = { sourceFunctionName: string; sourceURL: string; invoker: string; duration: number };
    const frames: { ms: number; scripts: string[] }[] = [];
    (window as unknown as { FRAMES: typeof frames }).FRAMES = frames;
    const file = (url: string) => url.split('/').pop()?.split('?')[0] ?? '';
    new PerformanceObserver((list) =>
      frames.push(
        ...list.getEntries().map((e) => ({
          ms: e.duration,
          scripts: [...((e as unknown as { scripts?: Script[] }).scripts ?? [])]
            .sort((a, b) => b.duration - a.duration)
            .map((s) => `${s.sourceFunctionName || s.invoker || '?'} (${file(s.sourceURL)}) ${Math.round(s.duration)} ms`),
        })),
      ),
    ).observe({ type: 'long-animation-frame' });
  });
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: BUTTONS[kind]!, exact: true }).click();
  const start = Date.now();
  await (await chooser).setFiles(path);
  const progress = page
    .getByTestId('import-progress')
    .waitFor({ timeout })
    .then(
      () => true,
      () => false,
    );
  // the notice of success, read as soon as it shows (notices fade), or the table of errors
  const notice = kind === 'roster' ? '已导入名册，共' : `已从“${name}”导入`;
  const outcome = await page.waitForFunction(
    (words) => {
      if (document.querySelector('[data-testid="error-table"]')) return 'error';
      return [...document.querySelectorAll('.toast')].map((t) => t.textContent ?? '').find((t) => t.includes(words)) ?? false;
    },
    notice,
    { timeout, polling: 20 },
  );
  const ms = Date.now() - start;
  const text = String(await outcome.jsonValue());
  if (text === 'error') throw new Error(`${name}: the app found errors`);
  const count = Number(/(\d+)\s*(名|条)/.exec(text)?.[1] ?? NaN);
  await idle(page);
  const settleMs = Date.now() - start - ms;
  const seen = await page.evaluate(() => (window as unknown as { STEPS: [string, number][] }).STEPS);
  const frames = await page.evaluate(() => (window as unknown as { FRAMES: { ms: number; scripts: string[] }[] }).FRAMES);
  const spans = await page.evaluate(() =>
    performance
      .getEntriesByType('measure')
      .filter((m) => m.name.startsWith('import:'))
      .reduce<Record<string, number>>((all, m) => ({ ...all, [m.name.slice(7)]: (all[m.name.slice(7)] ?? 0) + m.duration }), {}),
  );
  const longest = frames.reduce<{ ms: number; scripts: string[] }>((a, b) => (b.ms > a.ms ? b : a), { ms: 0, scripts: [] });
  const steps: Record<string, number> = {};
  seen.forEach(([step, at], i) => {
    const next = seen[i + 1];
    if (step !== 'done' && next) steps[step] = next[1] - at;
  });
  return {
    kind,
    file: name,
    ms,
    settleMs,
    count,
    progress: await progress,
    steps,
    longFrames: frames.length,
    longestFrameMs: longest.ms,
    framesOver200: frames.filter((f) => f.ms > 200).length,
    longestFrameScripts: longest.scripts,
    spans,
  };
}

export interface FrameStats {
  frames: number;
  /** pixels scrolled a frame */
  step: number;
  p50: number;
  p95: number;
  max: number;
  /** frames longer than 50 ms */
  over50: number;
  /** long animation frames (the main thread busy over 50 ms in a frame): how many, and their time */
  longFrames: number;
  longFramesMs: number;
}

/**
 * Scrolls the largest category's box twice, a fixed step a frame: as a mouse wheel
 * does (100 px), then to the bottom in 240 frames (a drag of the scroll bar), with
 * requestAnimationFrame timestamps and the main thread's long animation frames.
 */
async function scrollLargest(page: Page, label: string): Promise<{ wheel: FrameStats; fling: FrameStats; rowsInDomMax: number }> {
  return page.evaluate(async (heading) => {
    const section = [...document.querySelectorAll('[data-testid="result-category"]')].find((s) => s.querySelector('h2')?.textContent === heading)!;
    const scroller = section.querySelector<HTMLElement>('[data-scroll]') ?? section.querySelector<HTMLElement>('.table-wrap')!;
    scroller.scrollIntoView();
    let rowsMax = 0;
    const pass = async (frames: number, step: number) => {
      const long: PerformanceEntry[] = [];
      const observer = new PerformanceObserver((list) => long.push(...list.getEntries()));
      observer.observe({ type: 'long-animation-frame' });
      const times: number[] = [];
      await new Promise<void>((done) => {
        let last = performance.now();
        let n = 0;
        const tick = (now: number) => {
          times.push(now - last);
          last = now;
          rowsMax = Math.max(rowsMax, section.querySelectorAll('[data-testid="result-row"]').length);
          if (n++ >= frames) return done();
          scroller.scrollTop += step;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
      });
      await new Promise((r) => setTimeout(r, 100));
      observer.disconnect();
      times.shift();
      const sorted = [...times].sort((a, b) => a - b);
      const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
      return {
        frames: times.length,
        step,
        p50: at(0.5),
        p95: at(0.95),
        max: sorted[sorted.length - 1]!,
        over50: times.filter((t) => t > 50).length,
        longFrames: long.length,
        longFramesMs: long.reduce((n, e) => n + e.duration, 0),
      };
    };
    const wheel = await pass(240, 100);
    const fling = await pass(240, Math.ceil((scroller.scrollHeight - scroller.clientHeight - scroller.scrollTop) / 240));
    return { wheel, fling, rowsInDomMax: rowsMax };
  }, label);
}

/** A way of putting the records in the floor's harness: which indexes, what records, how many transactions, what durability. */
export interface FloorVariant {
  name: string;
  /** secondary indexes left out: the `assessmentId` one (the compound primary key's prefix) and/or `[assessmentId+town]` */
  drop: ('assessmentId' | '[assessmentId+town]')[];
  /** the indexes of database version 6 put back where the app's database lacks them (version 7 dropped them) */
  version6?: boolean;
  /** records without the fields an import repeats on every row (a tally's `source`, `importedBy`; an item sheet's `completed`): what smaller records would save */
  compact: boolean;
  /** one transaction for the five tables instead of one per table */
  oneTransaction: boolean;
  durability: 'default' | 'strict' | 'relaxed';
}

/**
 * The variants measured beside today's: the indexes database version 6 had (the
 * `assessmentId` index on every table and the roster's `[assessmentId+town]`, dropped in
 * version 7), smaller records, one transaction, and each durability — each alone.
 */
export const FLOOR_VARIANTS: FloorVariant[] = [
  { name: 'today', drop: [], compact: false, oneTransaction: false, durability: 'default' },
  { name: 'version6', drop: [], version6: true, compact: false, oneTransaction: false, durability: 'default' },
  { name: 'smallerRecords', drop: [], compact: true, oneTransaction: false, durability: 'default' },
  { name: 'oneTransaction', drop: [], compact: false, oneTransaction: true, durability: 'default' },
  { name: 'strict', drop: [], compact: false, oneTransaction: false, durability: 'strict' },
  { name: 'relaxed', drop: [], compact: false, oneTransaction: false, durability: 'relaxed' },
];

/**
 * The floor of the app's write: the records the imports left in the app's database (the
 * five workbooks' tables) put again, by IndexedDB alone, into a new database of the same
 * stores and indexes — one transaction per table, as the imports write — in the same
 * Chromium. Each variant of FLOOR_VARIANTS FLOOR_RUNS times, in turns; the median of the
 * totals (and the fastest), and each table's time in that run. Also the records' size as structured clone
 * sees it (JSON length, a proxy) and the durability Chromium reports for a default transaction.
 */
async function writeFloor(page: Page): Promise<WriteFloor> {
  return page.evaluate(
    async ({ variants, RUNS }) => {
      const request = <T>(r: IDBRequest<T>) => new Promise<T>((done, fail) => ((r.onsuccess = () => done(r.result)), (r.onerror = () => fail(r.error))));
      const source = await request(indexedDB.open('shuangping'));
      const names = ['secretaries', 'summaryScores', 'itemScores', 'tallies', 'events'].filter((n) => source.objectStoreNames.contains(n));
      const tables = await Promise.all(
        names.map(async (name) => {
          const store = source.transaction(name).objectStore(name);
          const indexes = [...store.indexNames].map((i) => ({ name: i, keyPath: store.index(i).keyPath }));
          return { name, keyPath: store.keyPath, autoIncrement: store.autoIncrement, indexes, rows: await request(store.getAll()) };
        }),
      );
      source.close();
      const compact = ({ source: _s, importedBy: _i, completed: _c, ...row }: Record<string, unknown>) => row;
      const compacted = new Map(tables.map((t) => [t.name, (t.rows as Record<string, unknown>[]).map(compact)]));
      const sizes: Record<string, { rows: number; jsonBytes: number; undefinedFields: number; fields: string[] }> = {};
      for (const t of tables) {
        const rows = t.rows as Record<string, unknown>[];
        sizes[t.name] = {
          rows: rows.length,
          jsonBytes: rows.reduce<number>((n, r) => n + JSON.stringify(r).length, 0),
          undefinedFields: rows.reduce<number>((n, r) => n + Object.values(r).filter((v) => v === undefined).length, 0),
          fields: [...new Set(rows.slice(0, 50).flatMap((r) => Object.keys(r)))],
        };
      }
      let defaultDurability = '';
      const once = async (v: (typeof variants)[number]) => {
        await request(indexedDB.deleteDatabase('write-floor'));
        const open = indexedDB.open('write-floor', 1);
        open.onupgradeneeded = () => {
          for (const t of tables) {
            const store = open.result.createObjectStore(t.name, { keyPath: t.keyPath, autoIncrement: t.autoIncrement });
            for (const i of t.indexes) if (!v.drop.includes(i.name as never)) store.createIndex(i.name, i.keyPath);
            // version 6: every table also indexed by assessmentId, the roster by [assessmentId+town]
            if (v.version6 && !store.indexNames.contains('assessmentId')) store.createIndex('assessmentId', 'assessmentId');
            if (v.version6 && t.name === 'secretaries' && !store.indexNames.contains('[assessmentId+town]'))
              store.createIndex('[assessmentId+town]', ['assessmentId', 'town']);
          }
        };
        const target = await request(open);
        const options = v.durability === 'default' ? {} : { durability: v.durability };
        const figures: Record<string, { rows: number; ms: number }> = {};
        const rowsOf = (t: (typeof tables)[number]) => (v.compact ? compacted.get(t.name)! : t.rows);
        const done = (tx: IDBTransaction) => new Promise<void>((ok, fail) => ((tx.oncomplete = () => ok()), (tx.onerror = () => fail(tx.error))));
        let total = 0;
        if (v.oneTransaction) {
          const start = performance.now();
          const tx = target.transaction(names, 'readwrite', options as IDBTransactionOptions);
          for (const t of tables) for (const row of rowsOf(t)) tx.objectStore(t.name).put(row);
          await done(tx);
          total = performance.now() - start;
          figures.all = { rows: tables.reduce((n, t) => n + t.rows.length, 0), ms: total };
        } else {
          for (const t of tables) {
            const start = performance.now();
            const tx = target.transaction(t.name, 'readwrite', options as IDBTransactionOptions);
            defaultDurability ||= (tx as unknown as { durability?: string }).durability ?? '?';
            const store = tx.objectStore(t.name);
            for (const row of rowsOf(t)) store.put(row);
            await done(tx);
            const ms = performance.now() - start;
            figures[t.name] = { rows: t.rows.length, ms };
            total += ms;
          }
        }
        target.close();
        return { ms: total, tables: figures };
      };
      const runs = new Map<string, { ms: number; tables: Record<string, { rows: number; ms: number }> }[]>();
      for (let run = 0; run < RUNS; run++) for (const v of variants) runs.set(v.name, [...(runs.get(v.name) ?? []), await once(v)]);
      await request(indexedDB.deleteDatabase('write-floor'));
      const medianOf = (list: { ms: number; tables: Record<string, { rows: number; ms: number }> }[]) => {
        const sorted = [...list].sort((a, b) => a.ms - b.ms);
        return { ...sorted[Math.floor(sorted.length / 2)]!, runsMs: list.map((r) => r.ms), minMs: sorted[0]!.ms };
      };
      // each variant against today's run of the same round (the load changes between rounds): the median ratio
      const today = runs.get('today')!;
      const paired = (list: { ms: number }[]) => list.map((r, i) => r.ms / today[i]!.ms).sort((a, b) => a - b)[Math.floor(list.length / 2)]!;
      const byVariant = Object.fromEntries([...runs].map(([name, list]) => [name, { ...medianOf(list), ratioToToday: paired(list) }]));
      return { ...byVariant.today!, variants: byVariant, sizes, defaultDurability };
    },
    { variants: FLOOR_VARIANTS, RUNS: FLOOR_RUNS },
  );
}

/** Runs of each variant, in turns (the machine is shared: the median and the fastest are given). */
const FLOOR_RUNS = Number(process.env.BENCH_FLOOR_RUNS ?? 7);

export interface FloorRun {
  /** the five tables put (median of three runs) */
  ms: number;
  runsMs: number[];
  /** the fastest run */
  minMs?: number;
  /** the median over rounds of this variant's time ÷ today's in the same round */
  ratioToToday?: number;
  tables: Record<string, { rows: number; ms: number }>;
}

export interface WriteFloor extends FloorRun {
  /** every variant of FLOOR_VARIANTS by name ('today' is the figures above) */
  variants?: Record<string, FloorRun>;
  /** per table: rows, their JSON's length, properties set to undefined, the properties seen */
  sizes?: Record<string, { rows: number; jsonBytes: number; undefinedFields: number; fields: string[] }>;
  /** IDBTransaction.durability of a transaction opened without the option */
  defaultDurability?: string;
}

export interface ImportRun {
  imports: ImportTiming[];
  /** Σ of the imports, each from choosing the file to the notice */
  importMs: number;
  /** the longest animation frame of any import */
  longestFrameMs: number;
}

/** A fresh profile (an empty database), an assessment, and the workbooks imported one by one. */
async function importProvince(browser: Browser, url: string, dir: string, files: Record<string, string>, timeout: number, shot?: string) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
  // tsx names the functions it compiles with a helper the page does not have
  await context.addInitScript({ content: 'window.__name = (f) => f;' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(url);
  await setOperator(page, '基准测试');
  const id = await newAssessment(page);
  await page.evaluate((h) => (window.location.hash = h), `#/a/${id}/roster`);
  await page.getByRole('heading', { name: '名册' }).waitFor();
  const imports: ImportTiming[] = [];
  for (const [kind, file] of Object.entries(files)) {
    imports.push(await importFile(page, kind, join(dir, file), timeout));
    // the roster screen listing the whole roster, to look at
    if (kind === 'roster' && shot) await page.screenshot({ path: shot });
  }
  return {
    page,
    errors,
    run: { imports, importMs: imports.reduce((n, i) => n + i.ms, 0), longestFrameMs: Math.max(...imports.map((i) => i.longestFrameMs)) },
  };
}

/**
 * The province imported twice, each time into an empty database: with the tally
 * workbook, then with the per-ballot one; the results opened and scrolled after the first.
 */
export async function benchApp(options: {
  dist: string;
  dir: string;
  files: Record<string, string>;
  /** null: the per-ballot import is skipped */
  perBallot: string | null;
  chromium: string;
  timeout: number;
  /** a screenshot of the roster screen after the roster import */
  shot?: string;
}): Promise<AppFigures> {
  const server = await serveStatic(options.dist);
  const browser = await chromium.launch({
    executablePath: options.chromium,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const { page, errors, run: tallies } = await importProvince(browser, server.url, options.dir, options.files, options.timeout, options.shot);
    const floor = await writeFloor(page);

    const start = Date.now();
    await page.getByRole('navigation').getByRole('link', { name: '结果' }).click();
    await page.waitForFunction(() => document.querySelectorAll('[data-testid="result-category"]').length >= 16, undefined, {
      timeout: options.timeout,
      polling: 50,
    });
    await idle(page);
    const resultsMs = Date.now() - start;
    const sizes = await page.evaluate(() =>
      [...document.querySelectorAll('[data-testid="result-category"]')].map((s) => ({
        label: s.querySelector('h2')?.textContent ?? '',
        size: Number(/共 (\d+) 人/.exec(s.textContent ?? '')?.[1] ?? 0),
        rowsInDom: s.querySelectorAll('[data-testid="result-row"]').length,
      })),
    );
    const largest = sizes.reduce((a, b) => (b.size > a.size ? b : a));
    const rowsInPage = sizes.reduce((n, s) => n + s.rowsInDom, 0);
    const scrolled = await scrollLargest(page, largest.label);
    const jsHeapMb = await page.evaluate(() => ((performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? 0) / 2 ** 20);
    if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
    await page.context().close();

    let perBallot: ImportRun | null = null;
    if (options.perBallot) {
      const second = await importProvince(browser, server.url, options.dir, { ...options.files, ballots: options.perBallot }, options.timeout);
      if (second.errors.length) throw new Error(`page errors: ${second.errors.join('; ')}`);
      await second.page.context().close();
      perBallot = second.run;
    }
    return {
      chromium: browser.version(),
      tallies,
      perBallot,
      writeFloor: floor,
      resultsMs,
      categories: sizes.length,
      largest: { ...largest, rowsInDomMax: scrolled.rowsInDomMax },
      scroll: { wheel: scrolled.wheel, fling: scrolled.fling },
      rowsInPage,
      jsHeapMb,
    };
  } finally {
    await browser.close();
    await server.close();
  }
}
