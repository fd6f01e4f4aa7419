/** `shuangping verify <package>`: a real package passes with its summary; one changed byte fails with exit 1. */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { writePackage } from '../exchange';
import { AID, chain, county, input } from '../exchange/testing';
import { readZip } from '../exchange/zip';

const bin = join(resolve(__dirname, '..', '..'), 'bin', 'shuangping.mjs');

function run(args: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

let cwd = '';
let bytes: Uint8Array;
let head = '';

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'shuangping-verify-'));
  const { data, files } = county();
  const audit = chain(AID, ['assessment.create', 'roster.import', 'ballots.import']);
  head = audit.at(-1)!.hash;
  ({ bytes } = await writePackage(input([{ data, audit, received: [] }], files)));
  await writeFile(join(cwd, '交换包.zip'), bytes);
  const tampered = bytes.slice();
  const zip = readZip(bytes);
  if (!zip.ok) throw new Error(zip.message);
  const roster = zip.entries.find((e) => e.path.endsWith('/secretaries.json'))!;
  const at = roster.bytes.byteOffset + roster.bytes.indexOf('4'.charCodeAt(0));
  tampered[at] = '5'.charCodeAt(0);
  await writeFile(join(cwd, '改过.zip'), tampered);
});

describe('shuangping verify', () => {
  it('a package as written: exit 0 and what it holds, in Chinese', async () => {
    const r = await run(['verify', '交换包.zip'], cwd);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('校验通过：交换包.zip');
    expect(r.stdout).toContain('考核：2024年度 胶州市第一书记考核');
    expect(r.stdout).toContain('来源：电脑 laptop-a，操作员 张三');
    expect(r.stdout).toContain('名册 4 人');
    expect(r.stdout).toContain(`审计日志 3 条，末条哈希 ${head.slice(0, 16)}`);
  });

  it('one changed byte: exit 1 and the first problem', async () => {
    const r = await run(['verify', '改过.zip'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('校验未通过：改过.zip');
    expect(r.stderr).toContain('文件已被改动：数据/名册（2024 胶州市第一书记考核） 的校验值不符，拒绝导入');
  });

  it('a missing file or no file: exit 1 and exit 2', async () => {
    expect((await run(['verify', '没有.zip'], cwd)).code).toBe(1);
    const usage = await run(['verify'], cwd);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain('shuangping verify');
  });
});
