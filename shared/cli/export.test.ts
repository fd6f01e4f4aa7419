/** `shuangping export taizhang|tongji --roster …` in process (docs/formats.md §13). */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, type CliEnv } from './run';

const roster = join(__dirname, '..', '..', 'test', 'fixtures', 'worked-example', 'roster.xlsx');

async function run(args: string[]) {
  const files = new Map<string, Uint8Array>([['名册.xlsx', new Uint8Array(await readFile(roster))]]);
  const out: string[] = [];
  const err: string[] = [];
  const env: CliEnv = {
    readFile: async (path) => files.get(path) ?? null,
    writeFile: async (path, bytes) => void files.set(path, bytes),
    makeDir: async () => {},
    join: (...parts) => parts.join('/'),
    baseName: (path) => path,
    stdout: (line) => void out.push(line),
    stderr: (line) => void err.push(line),
    sampleDir: '',
  };
  const code = await runCli(args, env);
  return { code, out, err, files };
}

async function sheetOf(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets[0]!;
}

describe('shuangping export', () => {
  it('taizhang: the 台账 of the roster, one row per secretary, under its default name', async () => {
    const r = await run(['export', 'taizhang', '--roster', '名册.xlsx', '--year', '2024', '--region', '胶州市委组织部']);
    expect(r.code).toBe(0);
    expect(r.out).toEqual(['已写出：选派第一书记到村工作台账.xlsx（4 人）']);
    const ws = await sheetOf(r.files.get('选派第一书记到村工作台账.xlsx')!);
    expect(ws.getCell(1, 1).value).toBe('2024年度选派第一书记到村工作台账');
    expect(ws.rowCount).toBe(3 + 4);
    expect((ws.getRow(4).values as unknown[]).slice(1, 4)).toEqual([1, 'S1', '张建国']);
  });

  it('tongji: the 统计表 to the file named', async () => {
    const r = await run(['export', 'tongji', '--roster', '名册.xlsx', '--out', '统计.xlsx']);
    expect(r.code).toBe(0);
    const ws = await sheetOf(r.files.get('统计.xlsx')!);
    expect((ws.getRow(4).values as unknown[]).slice(1)).toEqual(['合计', '选派第一书记', 4, '100.00%']);
  });

  it('usage errors: no kind, an unknown kind, no roster; a missing file is an input error', async () => {
    expect((await run(['export', '--roster', '名册.xlsx'])).code).toBe(2);
    expect((await run(['export', 'table', '--roster', '名册.xlsx'])).err[0]).toContain('未知的导出种类“table”');
    expect((await run(['export', 'taizhang'])).err[0]).toContain('缺少名册');
    const missing = await run(['export', 'taizhang', '--roster', '没有.xlsx']);
    expect(missing.code).toBe(1);
    expect(missing.err[0]).toContain('找不到文件“没有.xlsx”');
  });
});
