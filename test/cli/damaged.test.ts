/**
 * `shuangping` on damaged, too large or subtly wrong workbooks, run as a person runs
 * it (`node bin/shuangping.mjs …`): exit 1 and one Chinese sentence per bad file at
 * once, never a stack trace, never exit 13 in silence; warnings alone keep exit 0.
 */
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { workbookOf } from '../../shared/io/testing';
import { xlsxOf } from '../../shared/io/xlsx/testing';
import { readDirectory } from '../../shared/io/xlsx/zip';

const root = resolve(__dirname, '..', '..');
const bin = join(root, 'bin', 'shuangping.mjs');
const example = join(root, 'test', 'fixtures', 'worked-example');
const HAN = /[\u4e00-\u9fff]/;

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

/** A copy of the bytes with one byte changed in the middle of the sheet's compressed data. */
function flipInSheet(bytes: Uint8Array): Uint8Array {
  const part = readDirectory(bytes).get('xl/worksheets/sheet1.xml')!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = part.localOffset + 30 + view.getUint16(part.localOffset + 26, true) + view.getUint16(part.localOffset + 28, true);
  const out = bytes.slice();
  out[start + Math.floor(part.compressedSize / 2)]! ^= 0x5a;
  return out;
}

function expectNoTrace(stderr: string) {
  for (const line of stderr.trim().split('\n')) expect(line).toMatch(HAN);
  expect(stderr).not.toMatch(/\n\s+at |Error|node:internal/);
}

let cwd = '';
beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'shuangping-damaged-'));
  const roster = new Uint8Array(await readFile(join(example, 'roster.xlsx')));
  const summary = new Uint8Array(await readFile(join(example, 'summary.xlsx')));
  await writeFile(join(cwd, '名册.xlsx'), flipInSheet(roster));
  await writeFile(join(cwd, '得分.xlsx'), summary.subarray(0, Math.floor(summary.length * 0.6)));
  const rows = `<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row><row r="1048577"><c r="A1048577"><v>1</v></c></row>`;
  await writeFile(join(cwd, '计票.xlsx'), xlsxOf([{ name: '测评计票', xml: rows }]));
  await writeFile(join(cwd, 'good-roster.xlsx'), roster);
  await writeFile(join(cwd, 'good-summary.xlsx'), summary);
  // ballots with a note in a column without a header: a warning, not an error
  await writeFile(
    join(cwd, 'noted-ballots.xlsx'),
    await workbookOf({
      测评计票: [
        ['编号', '很满意', '满意', '基本满意', '不满意', '废票'],
        ['S1', 30, 8, 2, 0, 0, '已复核'],
        ['S2', 35, 5, 0, 0, 0],
        ['S3', 20, 10, 5, 4, 1],
        ['S4', 10, 10, 20, 2, 0],
      ],
    }),
  );
});

describe('shuangping on damaged workbooks', () => {
  it('one byte changed inside the sheet: exit 1, one sentence naming the file, nothing written', async () => {
    const r = await run(
      ['compute', '--roster', '名册.xlsx', '--summary', 'good-summary.xlsx', '--ballots', join(example, 'ballots.xlsx'), '--json', 'never.json'],
      cwd,
    );
    expect(r.code).toBe(1);
    expectNoTrace(r.stderr);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^“名册\.xlsx”：无法读取：文件已损坏（xl\/worksheets\/sheet1\.xml /);
    expect(lines[1]).toBe('共 1 处错误，未写出任何结果。');
    expect(existsSync(join(cwd, 'never.json'))).toBe(false);
  });

  it('three bad files at once — changed, cut short, too large — each named in its own sentence', async () => {
    const r = await run(['check', '--roster', '名册.xlsx', '--summary', '得分.xlsx', '--ballots', '计票.xlsx'], cwd);
    expect(r.code).toBe(1);
    expectNoTrace(r.stderr);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^“名册\.xlsx”：无法读取：文件已损坏/);
    expect(lines[1]).toMatch(/^“得分\.xlsx”：无法读取：文件已损坏/);
    expect(lines[2]).toBe('“计票.xlsx”：文件过大：工作表“测评计票”的行号 1048577 超过了 Excel 的上限 1048576 行，不像是考核用的工作簿，已拒绝读取');
    expect(lines[3]).toBe('共 3 处错误，未写出任何结果。');
  });

  it('warnings alone: printed as 提示 on stderr, exit 0', async () => {
    const r = await run(['check', '--roster', 'good-roster.xlsx', '--summary', 'good-summary.xlsx', '--ballots', 'noted-ballots.xlsx'], cwd);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('检查通过');
    // beside any plausibility warning of the data (提示：编号…, docs/method.md §10)
    expect(r.stderr.split('\n').filter((line) => line && !line.startsWith('提示：编号'))).toEqual([
      '提示：“noted-ballots.xlsx / 测评计票” 第2行 “G”列：这一列没有表头，其中第2行的数据未被读取；如需读取，请填写表头',
    ]);
  });
});
