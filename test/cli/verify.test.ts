/**
 * `shuangping verify <package>`: a real package passes with its summary; one changed byte,
 * or data changed with every hash recomputed, fails with exit 1; an encrypted package is
 * checked with the team key (--key-file or SHUANGPING_KEY), and named encrypted without it.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { openTeamKey, writePackage } from '../../shared/exchange';
import { AID, chain, county, entryOf, input, repack, textOf } from '../../shared/exchange/testing';
import { readZip } from '../../shared/exchange/zip';

const bin = join(resolve(__dirname, '..', '..'), 'bin', 'shuangping.mjs');

function run(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done) => {
    execFile(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', env: { ...process.env, SHUANGPING_KEY: '', ...env } }, (error, stdout, stderr) => {
      done({ code: error ? (typeof error.code === 'number' ? error.code : 99) : 0, stdout, stderr });
    });
  });
}

let cwd = '';
let bytes: Uint8Array;
let head = '';
const KEY = 'SPK1-ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567';

beforeAll(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'shuangping-verify-'));
  const { data, files } = county();
  const audit = chain(AID, ['assessment.create', 'roster.import', 'ballots.import']);
  const written = await writePackage(input([{ data, audit, received: [] }], files));
  bytes = written.bytes;
  head = written.manifest.assessments[0]!.audit.head;
  await writeFile(join(cwd, '交换包.zip'), bytes);
  await writeFile(
    join(cwd, '重算过.zip'),
    repack(bytes, (entries) =>
      entries.map((e) => (e.path.endsWith('/tallies.json') ? entryOf(e.path, textOf(e).replace('"verySatisfied":30', '"verySatisfied":39')) : e)),
    ),
  );
  const key = await openTeamKey(KEY);
  if (!key.ok) throw new Error(key.message);
  await writeFile(join(cwd, '加密.zip'), (await writePackage(input([{ data, audit, received: [] }], files), { key: key.value })).bytes);
  await writeFile(join(cwd, '密钥.txt'), `${KEY}\n`);
  await writeFile(join(cwd, '别组密钥.txt'), '别的工作组自己定的一句密钥\n');
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
    expect(r.stdout).toContain(`审计日志 4 条，末条哈希 ${head.slice(0, 16)}`);
    expect(r.stdout).toContain('未加密、未签名');
    expect(r.stdout).toMatch(/数据与审计日志末条“导出交换包”记录相符（张三，.*，整个考核）/);
  });

  it('data changed with every hash and the manifest recomputed: exit 1, not the data the chain names', async () => {
    const r = await run(['verify', '重算过.zip'], cwd);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('文件已被改动：数据与导出时审计日志记下的校验值不符，拒绝导入');
  });

  it('an encrypted package: named encrypted without the key, checked with it, refused with another', async () => {
    const without = await run(['verify', '加密.zip'], cwd);
    expect(without.code).toBe(1);
    expect(without.stderr).toMatch(/该文件已用工作组密钥加密（密钥标识 [0-9a-f]{8}）：请用 --key-file 密钥.txt 指明工作组密钥/);
    const withFile = await run(['verify', '加密.zip', '--key-file', '密钥.txt'], cwd);
    expect(withFile.stderr).toBe('');
    expect(withFile.code).toBe(0);
    expect(withFile.stdout).toMatch(/已用工作组密钥加密并签名（密钥标识 [0-9a-f]{8}），签名核对无误/);
    expect((await run(['verify', '加密.zip'], cwd, { SHUANGPING_KEY: KEY })).code).toBe(0);
    const other = await run(['verify', '加密.zip', '--key-file', '别组密钥.txt'], cwd);
    expect(other.code).toBe(1);
    expect(other.stderr).toContain('该文件是用另一个工作组密钥加密的');
    // with a key, an unsigned package is not the team's
    const unsigned = await run(['verify', '交换包.zip', '--key-file', '密钥.txt'], cwd);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stderr).toContain('该文件没有工作组签名');
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
