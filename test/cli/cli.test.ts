/** The `shuangping` command, run as a person runs it: `node bin/shuangping.mjs …` in a folder. */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ResultJson } from '../../shared/method';
import { openWorkbook, readRoster } from '../../shared/io';
import { workbookOf } from '../../shared/io/testing';
import { runCli, type CliEnv } from '../../shared/cli/run';

const root = resolve(__dirname, '..', '..');
const bin = join(root, 'bin', 'shuangping.mjs');
const example = join(root, 'test', 'fixtures', 'worked-example');
const exampleArgs = ['--roster', join(example, 'roster.xlsx'), '--summary', join(example, 'summary.xlsx'), '--ballots', join(example, 'ballots.xlsx')];

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv = process.env): Promise<Run> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : 99) : 0;
      done({ code, stdout, stderr });
    });
  });
}

const HAN = /[\u4e00-\u9fff]/;
let cwd = '';
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'shuangping-cli-'));
});

describe('shuangping template', () => {
  it('writes a readable blank template', async () => {
    const r = await run(['template', 'roster', '--out', '名册.xlsx'], cwd);
    expect(r.code).toBe(0);
    expect(await readRoster(await readFile(join(cwd, '名册.xlsx')))).toEqual({ ok: true, value: [] });
  });
});

describe('shuangping template --roster and shuangping rules', () => {
  it('a template filled from the roster: one row per secretary, 编号 and 姓名 filled', async () => {
    const r = await run(['template', 'ballots', '--roster', join(example, 'roster.xlsx'), '--out', '计票.xlsx'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const roster = await readRoster(await readFile(join(example, 'roster.xlsx')));
    const written = await openWorkbook({ name: '计票.xlsx', bytes: new Uint8Array(await readFile(join(cwd, '计票.xlsx'))) });
    if (!roster.ok || !written.ok) throw new Error('unreadable');
    const sheet = written.value.sheets[0]!;
    expect(roster.value.map((_, i) => [sheet.row(i + 2)?.[1], sheet.row(i + 2)?.[2]])).toEqual(roster.value.map((s) => [s.id, s.name]));
  });

  it('a wrong file for --roster: 这是…，不是名册, exit 1', async () => {
    const r = await run(['template', 'summary', '--roster', join(example, 'ballots.xlsx')], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('这是测评计票表，不是名册');
  });

  it('rules writes the rules workbook; --policy reads it back for compute', async () => {
    const out = await run(['rules', '--policy', 'daan', '--out', '规则.xlsx'], cwd);
    expect(out.code).toBe(0);
    const r = await run(['compute', ...exampleArgs, '--policy', '规则.xlsx', '--json', '规则结果.json'], cwd);
    // the worked example's plausibility warnings, and nothing else
    expect(r.stderr.split('\n').filter((line) => line && !line.startsWith('提示：'))).toEqual([]);
    expect(r.code).toBe(0);
    const json = JSON.parse(await readFile(join(cwd, '规则结果.json'), 'utf8')) as ResultJson;
    expect(json.policy).toBe('daan');
  });
});

describe('shuangping check and compute on the worked example', () => {
  it('check: exit 0', async () => {
    const r = await run(['check', ...exampleArgs], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('检查通过');
    // the worked example's one town has villages far apart: plausibility warnings, not errors
    expect(r.stdout).toContain('合理性提示 3 条');
    expect(r.stderr).toContain('提示：编号S4（刘志明）满意度与本镇街相差较大');
  });

  it('compute: the JSON of docs/formats.md and the workbook', async () => {
    const r = await run(['compute', ...exampleArgs, '--out', '结果.xlsx', '--json', '结果.json'], cwd);
    for (const line of r.stderr.trim().split('\n')) expect(line).toMatch(/^提示：编号S\d/);
    expect(r.code).toBe(0);
    expect(existsSync(join(cwd, '结果.xlsx'))).toBe(true);
    const json = JSON.parse(await readFile(join(cwd, '结果.json'), 'utf8')) as ResultJson;
    expect(json.policy).toBe('jiaozhou');
    expect(json.warnings?.map((w) => [w.id, w.code])).toEqual([
      ['S1', 'townOutlier'],
      ['S2', 'townOutlier'],
      ['S4', 'townOutlier'],
    ]);
    expect(json.categories).toHaveLength(1);
    const category = json.categories[0]!;
    expect(category).toMatchObject({ key: 'town|fulltime|section', label: '镇街·脱产·正股级', size: 4, smallCategory: false });
    expect(Object.keys(category.quotas)).toEqual(['excellent', 'good']);
    expect(category.quotas).toEqual({ excellent: 1, good: 1 });
    expect(category.rows.map((row) => [row.id, row.rank, row.grade])).toEqual([
      ['S2', 1, 'good'],
      ['S1', 2, 'excellent'],
      ['S3', 3, 'competent'],
      ['S4', 4, 'basic'],
    ]);
    expect(category.rows[1]).toMatchObject({
      id: 'S1',
      rank: 2,
      orgScore: '96',
      baseScore: '90',
      ballots: { verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, cast: 40, eligible: 45 },
      satisfaction: '0.9500',
      total: '91.20',
      totalExact: '456/5',
      grade: 'excellent',
      flags: [],
    });
  });

  it('--policy takes a JSON file; quotas then hold only its bands', async () => {
    await writeFile(join(cwd, 'daan.json'), JSON.stringify({ preset: 'daan' }));
    const r = await run(['compute', ...exampleArgs, '--policy', 'daan.json', '--json', 'daan-result.json'], cwd);
    expect(r.code).toBe(0);
    const json = JSON.parse(await readFile(join(cwd, 'daan-result.json'), 'utf8')) as ResultJson;
    expect(json.categories.map((c) => Object.keys(c.quotas))).toEqual([['excellent']]);
  });
});

describe('shuangping with bad input', () => {
  it('exit 1: every error on stderr in Chinese with sheet, row and column; no output written', async () => {
    const roster = await workbookOf({
      名册: [
        ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数'],
        ['S1', '张三', '省直', '脱产', '正股级', 45],
        ['S1', '李四', '镇街', '脱产', '正股级', 4.5],
      ],
    });
    await writeFile(join(cwd, 'bad-roster.xlsx'), roster);
    await writeFile(join(cwd, 'not-a-workbook.xlsx'), '编号,姓名\n');
    const r = await run(
      [
        'compute',
        '--roster',
        'bad-roster.xlsx',
        '--summary',
        join(example, 'summary.xlsx'),
        '--ballots',
        'not-a-workbook.xlsx',
        '--out',
        'never.xlsx',
        '--json',
        'never.json',
      ],
      cwd,
    );
    expect(r.code).toBe(1);
    const lines = r.stderr.trim().split('\n');
    for (const line of lines) expect(line).toMatch(HAN);
    expect(r.stderr).toContain('“bad-roster.xlsx / 名册” 第2行 “单位类别”列：');
    expect(r.stderr).toContain('“bad-roster.xlsx / 名册” 第3行 “应参加人数”列：应为整数');
    expect(r.stderr).toContain('编号“S1”重复');
    expect(r.stderr).toContain('“not-a-workbook.xlsx”：无法读取');
    expect(r.stderr).not.toMatch(/\n\s+at |Error:/);
    expect(existsSync(join(cwd, 'never.xlsx'))).toBe(false);
    expect(existsSync(join(cwd, 'never.json'))).toBe(false);
  });

  it('exit 1 for a bad policy file', async () => {
    await writeFile(join(cwd, 'bad-policy.json'), JSON.stringify({ bands: 3, colour: 'red' }));
    const r = await run(['check', ...exampleArgs, '--policy', 'bad-policy.json'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未知的设置项“colour”');
  });
});

describe('shuangping usage errors: exit 2 with Chinese usage', () => {
  it.each([
    [['frobnicate']],
    [['template', 'people']],
    [['compute', '--summary', 'x.xlsx', '--ballots', 'y.xlsx']],
    [['compute', ...exampleArgs, '--colour', 'red']],
  ])('%j', async (args) => {
    const r = await run(args, cwd);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('用法');
  });

  it('--pdf with no browser to print with: exit 1, one Chinese message, nothing written', async () => {
    const r = await run(['compute', ...exampleArgs, '--json', 'pdf.json', '--pdf', '结果.pdf'], cwd, {
      ...process.env,
      SHUANGPING_CHROME: join(cwd, 'no-such-chrome'),
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('未找到 Chromium 或 Chrome 浏览器，无法生成 PDF');
    expect(r.stderr).not.toMatch(/\bat\s|Error/);
    expect(existsSync(join(cwd, 'pdf.json'))).toBe(false);
    expect(existsSync(join(cwd, '结果.pdf'))).toBe(false);
  });
});

describe('shuangping demo', () => {
  it('computes the sample county; rank order, null ranks last and only without a total', async () => {
    const r = await run(['demo'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('16 个类别');
    const json = JSON.parse(await readFile(join(cwd, 'demo-output', '考核结果.json'), 'utf8')) as ResultJson;
    expect(json.categories).toHaveLength(16);
    expect(json.categories.reduce((n, c) => n + c.size, 0)).toBeGreaterThanOrEqual(190);
    for (const c of json.categories) {
      expect(Object.keys(c.quotas)).toEqual(['excellent', 'good']);
      const ranks = c.rows.map((row) => row.rank);
      const ranked = ranks.filter((x): x is number => x !== null);
      expect(ranks.slice(0, ranked.length)).toEqual(ranked);
      expect(ranked).toEqual([...ranked].sort((a, b) => a - b));
      for (const row of c.rows) expect(row.rank === null).toBe(row.total === null);
    }
    const flags = new Set(json.categories.flatMap((c) => c.rows.flatMap((row) => row.flags)));
    for (const flag of ['turnoutLow', 'baseBelowMin', 'orgDowngraded', 'recall', 'tieAtBoundary', 'directIncompetent', 'satisfactionIncompetent']) {
      expect(flags).toContain(flag);
    }
    expect(json.categories.some((c) => c.smallCategory)).toBe(true);
    expect(existsSync(join(cwd, 'demo-output', '考核结果.xlsx'))).toBe(true);
  });
});

describe('the --pdf hook', () => {
  it('hands the result and the file to an injected printPdf', async () => {
    const files = new Map<string, Uint8Array>();
    for (const name of ['roster', 'summary', 'ballots']) files.set(`${name}.xlsx`, new Uint8Array(await readFile(join(example, `${name}.xlsx`))));
    const printed: [number, string][] = [];
    const env: CliEnv = {
      readFile: async (path) => files.get(path) ?? null,
      writeFile: async (path, bytes) => void files.set(path, bytes),
      makeDir: async () => {},
      join: (...parts) => parts.join('/'),
      baseName: (path) => path,
      stdout: () => {},
      stderr: () => {},
      sampleDir: '',
      printPdf: async (result, file) => void printed.push([result.categories.length, file]),
    };
    const code = await runCli(['compute', '--roster', 'roster.xlsx', '--summary', 'summary.xlsx', '--ballots', 'ballots.xlsx', '--pdf', '结果.pdf'], env);
    expect(code).toBe(0);
    expect(printed).toEqual([[1, '结果.pdf']]);
  });

  it('without an injected printPdf, --pdf is a usage error (exit 2) and nothing is written', async () => {
    const files = new Map<string, Uint8Array>();
    for (const name of ['roster', 'summary', 'ballots']) files.set(`${name}.xlsx`, new Uint8Array(await readFile(join(example, `${name}.xlsx`))));
    const err: string[] = [];
    const env: CliEnv = {
      readFile: async (path) => files.get(path) ?? null,
      writeFile: async (path, bytes) => void files.set(path, bytes),
      makeDir: async () => {},
      join: (...parts) => parts.join('/'),
      baseName: (path) => path,
      stdout: () => {},
      stderr: (line) => void err.push(line),
      sampleDir: '',
    };
    const code = await runCli(
      ['compute', '--roster', 'roster.xlsx', '--summary', 'summary.xlsx', '--ballots', 'ballots.xlsx', '--json', 'r.json', '--pdf', '结果.pdf'],
      env,
    );
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(/PDF/);
    expect(files.has('r.json')).toBe(false);
  });
});
