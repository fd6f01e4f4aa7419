/**
 * `npm run bench`: a whole province (10,000 secretaries, 500,000 ballots) through the
 * command line and the app, side by side with the floor, in one run. Writes the
 * figures as a table to stdout and as JSON to bench-data/bench-results.json.
 *
 *   npm run bench                       # everything (about 5 minutes on 2 cores)
 *   BENCH_SKIP_APP=1 npm run bench      # the command line only
 *   BENCH_SKIP_BUILD=1 npm run bench    # reuse bench-data/dist
 *
 * The province is generated once into bench-data/province (seeded, not committed).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { benchApp, type AppFigures } from './app';
import { machine } from './machine';
import { renderReport, type Report } from './report';

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

/** `node bin/shuangping.mjs …` as a person starts it: wall time, startup included. */
function spawned(args: string[]): Promise<number> {
  return new Promise((done, fail) => {
    const start = performance.now();
    const child = spawn(process.execPath, [join(repo, 'bin', 'shuangping.mjs'), ...args], { cwd: repo, stdio: 'ignore' });
    child.on('close', (code) => (code === 0 ? done(performance.now() - start) : fail(new Error(`shuangping exited ${code}`))));
  });
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

async function buildApp(): Promise<string> {
  const dist = join(data, 'dist');
  if (process.env.BENCH_SKIP_BUILD === '1' && existsSync(join(dist, 'index.html'))) return dist;
  const { build } = await import('vite');
  await build({ configFile: join(repo, 'vite.config.ts'), logLevel: 'warn', build: { outDir: dist, emptyOutDir: true } });
  return dist;
}

async function main(): Promise<void> {
  await mkdir(data, { recursive: true });
  const startMachine = await machine(CHROMIUM);
  const generated = await ensureProvince();
  const out = join(data, 'out');
  await mkdir(out, { recursive: true });
  const log = (line: string) => process.stdout.write(`${line}\n`);

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
    app = await benchApp({
      dist: await buildApp(),
      dir: province,
      files: { roster: 'roster.xlsx', summary: 'summary.xlsx', scores: 'scores.xlsx', ballots: 'ballots.xlsx', events: 'events.xlsx' },
      perBallot: 'ballots-per-ballot.xlsx',
      chromium: CHROMIUM,
      timeout: 600_000,
    });
  }

  const report: Report = {
    date: new Date().toISOString(),
    machine: { ...startMachine, loadEnd: loadavg()[0] ?? 0 },
    province: generated,
    cli,
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

await main();
