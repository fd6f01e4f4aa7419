/**
 * `npm run bench`: a whole province (10,000 secretaries, 500,000 ballots) through the
 * command line and the app, side by side with the floor, in one run. Writes the
 * figures as a table to stdout and as JSON to bench-data/bench-results.json.
 *
 *   npm run bench                       # everything (about 5 minutes on 2 cores)
 *   BENCH_SKIP_APP=1 npm run bench      # the command line only
 *   BENCH_SKIP_BUILD=1 npm run bench    # reuse bench-data/dist
 *   BENCH_100K=1 npm run bench          # also ten times a province: 100,000 secretaries
 *   BENCH_APP_ONLY=1 npm run bench      # the app only (its figures to bench-data/bench-app.json)
 *   BENCH_SKIP_PER_BALLOT=1 npm run bench   # the app imports the province once, with the tally workbook
 *
 * The province is generated once into bench-data/province (seeded, not committed), the
 * 100,000 into bench-data/province-100k. The command is built first (dist-cli/).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCli } from '../cli/scripts/build';
import { benchApp, type AppFigures } from './app';
import { machine } from './machine';
import { appRows, renderReport, type Report } from './report';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const data = join(repo, 'bench-data');
const province = join(data, 'province');
const county = join(province, 'county');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** measurements of the command line are repeated: the median counts */
const REPEAT = Number(process.env.BENCH_REPEAT ?? 3);

const inputs = (ballots: string) => ({
  roster: join(province, 'roster.xlsx'),
  summary: join(province, 'summary.xlsx'),
  scores: join(province, 'scores.xlsx'),
  ballots: join(province, ballots),
  events: join(province, 'events.xlsx'),
});
const flags = (files: Record<string, string>) => Object.entries(files).flatMap(([k, v]) => [`--${k}`, v]);

type Figures = Record<string, number>;

/** One task of node-tasks.ts in a fresh process; its figures. */
function task(name: string, args: unknown): Promise<Figures> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(repo, 'bench', 'node-tasks.ts'), name, JSON.stringify(args)], { cwd: repo });
    let out = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => (out += d.toString()));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('close', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('BENCH '));
      if (code !== 0 || !line) return fail(new Error(`${name} failed (${code}): ${err.slice(-2000)}`));
      done(JSON.parse(line.slice(6)) as Figures);
    });
  });
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The median run (by time), with the largest peak memory of all, and every time. */
function medianOf(runs: Figures[]): { figures: Figures; runs: number[] } {
  const sorted = [...runs].sort((a, b) => a.ms! - b.ms!);
  const middle = sorted[Math.floor(sorted.length / 2)]!;
  return { figures: { ...middle, maxRssMb: Math.max(...runs.map((r) => r.maxRssMb!)) }, runs: runs.map((r) => r.ms!) };
}

/** `node <args>` started as a person starts it: wall time of the whole process. */
function node(args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, args, { cwd: repo, stdio: 'ignore' });
    child.on('close', (code) => (code === 0 ? done(performance.now() - start) : fail(new Error(`node ${args.join(' ')} exited ${code}`))));
  });
}

/** `node bin/shuangping.mjs …`: wall time, startup included. */
const spawned = (args: string[]) => node([join(repo, 'bin', 'shuangping.mjs'), ...args]);

/** `shuangping --help` and Node loading ExcelJS alone, in turns: the command's start-up against a library's. */
async function startup(pairs: number) {
  const help: number[] = [];
  const exceljs: number[] = [];
  for (let i = 0; i < pairs; i++) {
    help.push(await spawned(['--help']));
    exceljs.push(await node(['-e', "require('exceljs')"]));
  }
  return { helpMs: help, exceljsMs: exceljs, ratio: median(help.map((h, i) => h / exceljs[i]!)) };
}

interface ProvinceStamp {
  secretaries: number;
  ballots: number;
  /** secretaries of the county printed (the first) */
  county: number;
}

async function ensureProvince(): Promise<ProvinceStamp & { generatedMs: number | null }> {
  const stamp = join(province, 'province.json');
  if (existsSync(stamp)) return { ...(JSON.parse(await readFile(stamp, 'utf8')) as ProvinceStamp), generatedMs: null };
  process.stdout.write('生成全省数据（一次，约 10 秒）…\n');
  const start = performance.now();
  const { generateProvince } = await import('../samples/province');
  const { writeProvince } = await import('../samples/write-province');
  const p = generateProvince();
  await writeProvince(province, p);
  const figures: ProvinceStamp = { secretaries: p.people.length, ballots: p.ballotCount, county: p.county(0).roster.length };
  await writeFile(stamp, JSON.stringify(figures));
  return { ...figures, generatedMs: performance.now() - start };
}

/** Ten times the province (roster, summary, scores, tallies, events): every workbook streamed, generated once. */
async function ensureLarge(dir: string): Promise<ProvinceStamp> {
  const stamp = join(dir, 'province.json');
  if (existsSync(stamp)) return JSON.parse(await readFile(stamp, 'utf8')) as ProvinceStamp;
  process.stdout.write('生成 10 万人数据（一次）…\n');
  const { generateProvince } = await import('../samples/province');
  const { writeLargeProvince } = await import('../samples/write-province');
  const p = generateProvince({ counties: 400 });
  await writeLargeProvince(dir, p);
  const figures: ProvinceStamp = { secretaries: p.people.length, ballots: p.ballotCount, county: 0 };
  await writeFile(stamp, JSON.stringify(figures));
  return figures;
}

async function buildApp(): Promise<string> {
  const dist = join(data, 'dist');
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(dist, 'index.html'))) return dist;
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  return dist;
}

/** The app's part alone, for working on the import: the same figures, no command line beside them. */
async function appOnly(): Promise<void> {
  const startMachine = await machine(CHROMIUM);
  await ensureProvince();
  const app = await benchAppOnce();
  const words = { tallies: '计票汇总表', perBallot: '逐票表' };
  await writeFile(
    join(data, 'bench-app.json'),
    `${JSON.stringify({ date: new Date().toISOString(), machine: { ...startMachine, loadEnd: loadavg()[0] ?? 0 }, app }, null, 2)}\n`,
  );
  process.stdout.write(`负载（1 分钟平均）开始 ${startMachine.load.toFixed(2)}、结束 ${(loadavg()[0] ?? 0).toFixed(2)}\n`);
  process.stdout.write(
    `${appRows(app, {}, words)
      .map((row) => `| ${row.join(' | ')} |`)
      .join('\n')}\n`,
  );
}

function benchAppOnce(): Promise<AppFigures> {
  return buildApp().then((dist) =>
    benchApp({
      dist,
      dir: province,
      files: { roster: 'roster.xlsx', summary: 'summary.xlsx', scores: 'scores.xlsx', ballots: 'ballots.xlsx', events: 'events.xlsx' },
      perBallot: process.env.BENCH_SKIP_PER_BALLOT === '1' ? null : 'ballots-per-ballot.xlsx',
      chromium: CHROMIUM,
      timeout: 600_000,
      shot: join(data, 'roster-province.png'),
    }),
  );
}

async function main(): Promise<void> {
  await mkdir(data, { recursive: true });
  const startMachine = await machine(CHROMIUM);
  const generated = await ensureProvince();
  const out = join(data, 'out');
  await mkdir(out, { recursive: true });
  const log = (line: string) => process.stdout.write(`${line}\n`);
  await buildCli({ root: repo });

  log('启动（--help 与加载 ExcelJS）…');
  const start = await startup(9);

  const cli: Report['cli'] = {};
  for (const [variant, ballots] of [
    ['tallies', 'ballots.xlsx'],
    ['perBallot', 'ballots-per-ballot.xlsx'],
  ] as const) {
    log(`命令行（${variant}）…`);
    const files = inputs(ballots);
    // the floor and the command run in turns, so that both see the same load; the ratio is the median of the pairs'
    const pairs: [Figures, Figures][] = [];
    for (let i = 0; i < REPEAT; i++) {
      const floor = await task('bare', Object.values(files));
      pairs.push([
        floor,
        await task('cli', ['compute', ...flags(files), '--out', join(out, `results-${variant}.xlsx`), '--json', join(out, `results-${variant}.json`)]),
      ]);
    }
    const bare = medianOf(pairs.map(([floor]) => floor));
    const compute = medianOf(pairs.map(([, command]) => command));
    const ratio = median(pairs.map(([floor, command]) => command.ms! / floor.ms!));
    const check = await task('cli', ['check', ...flags(files)]);
    const phases = await task('phases', files);
    const wall = await spawned(['compute', ...flags(files), '--out', join(out, `results-${variant}.xlsx`)]);
    cli[variant] = { bare: bare.figures, compute: compute.figures, check, phases, spawnedMs: wall, ratio, runsMs: { bare: bare.runs, compute: compute.runs } };
  }
  const same = (await readFile(join(out, 'results-tallies.json'), 'utf8')) === (await readFile(join(out, 'results-perBallot.json'), 'utf8'));

  let large: Report['large'] = null;
  if (process.env.BENCH_100K === '1') {
    const dir = join(data, 'province-100k');
    const stampOf = await ensureLarge(dir);
    log(`命令行（${stampOf.secretaries} 人）…`);
    const files = {
      roster: join(dir, 'roster.xlsx'),
      summary: join(dir, 'summary.xlsx'),
      scores: join(dir, 'scores.xlsx'),
      ballots: join(dir, 'ballots.xlsx'),
      events: join(dir, 'events.xlsx'),
    };
    const bare = await task('bare', Object.values(files));
    const command = await task('cli', ['compute', ...flags(files), '--out', join(out, 'results-100k.xlsx'), '--json', join(out, 'results-100k.json')]);
    const base = cli.tallies!;
    large = {
      secretaries: stampOf.secretaries,
      bare,
      compute: command,
      ratio: command.ms! / bare.ms!,
      // time against the province's, per secretary: 1 is linear
      growth: command.ms! / stampOf.secretaries / (base.compute.ms! / generated.secretaries),
    };
  }

  log('计算（10,000 人）…');
  const compute = await task('compute', { files: inputs('ballots.xlsx'), runs: 9 });

  log('县级排名表 PDF…');
  const countyFiles = {
    roster: join(county, 'roster.xlsx'),
    summary: join(county, 'summary.xlsx'),
    scores: join(county, 'scores.xlsx'),
    ballots: join(county, 'ballots.xlsx'),
    events: join(county, 'events.xlsx'),
  };
  const pdfFile = join(out, 'county-ranking.pdf');
  const pdf = await task('print', ['print', 'ranking', ...flags(countyFiles), '--out', pdfFile, '--year', '2024', '--region', '东阳县']);
  const pdfBytes = await readFile(pdfFile);
  const pages = (pdfBytes.toString('latin1').match(/\/Type\s*\/Page(?!s)/g) ?? []).length;

  let app: AppFigures | null = null;
  if (process.env.BENCH_SKIP_APP !== '1') {
    log('应用（Chromium）…');
    app = await benchAppOnce();
  }

  const report: Report = {
    date: new Date().toISOString(),
    machine: { ...startMachine, loadEnd: loadavg()[0] ?? 0 },
    province: generated,
    startup: start,
    cli,
    large,
    sameResults: same,
    compute,
    pdf: { ...pdf, pages, secretaries: generated.county },
    app,
  };
  await writeFile(join(data, 'bench-results.json'), `${JSON.stringify(report, null, 2)}\n`);
  log('');
  log(renderReport(report));
  log(`\n已写出 bench-data/bench-results.json`);
}

await (process.env.BENCH_APP_ONLY === '1' ? appOnly() : main());
