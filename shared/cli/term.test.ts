/** `shuangping term` (docs/formats.md §8): the 期满考核 from the results of the term's years, in process. */
import { describe, expect, it } from 'vitest';
import { writeResultsWorkbook } from '../io/results';
import { writeFilledTemplate } from '../io/templates';
import { computeAssessment, resultToJson } from '../method';
import { inputOf } from '../method/testing';
import { presetPolicy } from '../policy';
import { runCli, type CliEnv, type PrintRequest } from './run';

function memoryEnv(files: Record<string, Uint8Array>) {
  const out: string[] = [];
  const err: string[] = [];
  const env: CliEnv = {
    readFile: async (p) => files[p] ?? null,
    writeFile: async (p, b) => void (files[p] = b),
    makeDir: async () => undefined,
    join: (...parts) => parts.join('/'),
    baseName: (p) => p.split('/').at(-1)!,
    stdout: (l) => out.push(l),
    stderr: (l) => err.push(l),
    sampleDir: '',
  };
  return { env, out, err, files };
}

const ZHANG = '370281199001011232';

describe('shuangping term', () => {
  it('a term-end result by policy: a 不称职 year fails the term; 身份证号 or 姓名+派出单位 make one person across 编号', async () => {
    const policy = presetPolicy('jiaozhou');
    const input = inputOf(
      [
        { id: 'A9', org: '96', base: '90', votes: [30, 8, 2, 0], s: { name: '张建国', unit: '市农业农村局' } },
        { id: 'A10', org: '90', base: '90', votes: [30, 8, 2, 0], s: { name: '李志明', unit: '市教育局' } },
      ],
      policy,
      { events: [{ id: 'A9', kind: 'breach', note: '擅自离岗' }] },
    );
    const result = computeAssessment(input);
    const json2024 = new TextEncoder().encode(JSON.stringify(resultToJson(result)));
    const xlsx2024 = await writeResultsWorkbook(result, policy);
    const past = await writeFilledTemplate('past', [
      { 编号: 'S7', 姓名: '张建国', 年度: 2023, 身份证号: ZHANG, 派出单位: '市农业农村局', 等次: '优秀', 任期开始: '2023-03-01', 任期结束: '2025-02-28' },
      { 编号: 'S8', 姓名: '李志明', 年度: 2023, 派出单位: '市教育局', 等次: '优秀' },
    ]);
    const { env, out, err, files } = memoryEnv({ 'in/历年结果.xlsx': past, 'in/结果2024.xlsx': xlsx2024, 'in/结果2024.json': json2024 });
    const code = await runCli(['term', 'in/历年结果.xlsx', '2024=in/结果2024.xlsx', '--json', 'out/期满考核.json'], env);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const text = out.join('\n');
    expect(text).toContain('张建国（市农业农村局；2023 S7、2024 A9；按姓名和派出单位对应，请核实）：期满考核不合格');
    expect(text).toContain('  任期2023年3月1日至2025年2月28日：2023年度优秀、2024年度不称职');
    expect(text).toContain('  2024年度考核为不称职，期满考核为不合格');
    expect(text).toContain('李志明（市教育局；2023 S8、2024 A10；按姓名和派出单位对应，请核实）：期满考核');
    // the JSON of a year says no 派出单位: its rows are matched by 身份证号 only
    expect(await runCli(['term', 'in/历年结果.xlsx', '2024=in/结果2024.json'], memoryEnv({ ...files }).env)).toBe(0);
    expect(out.at(-2)).toMatch(/^共 \d+ 人：/);
    const written = JSON.parse(new TextDecoder().decode(files['out/期满考核.json']!)) as { name: string; grade: string; reasons: string[] }[];
    expect(written.length).toBeGreaterThan(0);
  });

  it('print term: the 期满考核表 from the same inputs, one form per person whose term ends in the year or the next, the 身份证号 masked', async () => {
    const past = await writeFilledTemplate('past', [
      { 编号: 'S7', 姓名: '张建国', 年度: 2023, 身份证号: ZHANG, 派出单位: '市农业农村局', 等次: '优秀', 任期开始: '2023-03-01', 任期结束: '2025-02-28' },
      { 编号: 'A9', 姓名: '张建国', 年度: 2024, 身份证号: ZHANG, 派出单位: '市农业农村局', 等次: '不称职', 召回日期: '2024-06-30' },
      { 编号: 'S8', 姓名: '李志明', 年度: 2023, 派出单位: '市教育局', 等次: '优秀', 任期开始: '2021-03-01', 任期结束: '2023-02-28' },
    ]);
    const { env, out, err } = memoryEnv({ 'in/历年结果.xlsx': past });
    const printed: { file: string; request: PrintRequest | undefined }[] = [];
    env.printPdf = async (_result, file, request) => void printed.push({ file, request });
    const code = await runCli(['print', 'term', 'in/历年结果.xlsx', '--year', '2024', '--region', '胶州市', '--out', 'out/期满考核表.pdf'], env);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out).toEqual(['已写出：out/期满考核表.pdf（1 人）']);
    const request = printed[0]!.request!;
    expect(request).toMatchObject({ kind: 'term', year: 2024, region: '胶州市' });
    expect(request.terms).toEqual([
      expect.objectContaining({
        id: 'A9',
        name: '张建国',
        unit: '市农业农村局',
        idNumber: '3702**********1232',
        term: '任期2023年3月1日至2025年2月28日',
        years: [
          { year: 2023, grade: '优秀', recalls: '' },
          { year: 2024, grade: '不称职', recalls: '2024年6月30日被召回' },
        ],
        grade: '不合格',
      }),
    ]);
    // the year's inputs are not what it reads
    expect(await runCli(['print', 'term', 'in/历年结果.xlsx', '--roster', '名册.xlsx'], memoryEnv({}).env)).toBe(2);
    expect(await runCli(['print', 'term'], memoryEnv({}).env)).toBe(2);
  });

  it('a results file without a year, and a missing file: every error at once, exit 1', async () => {
    const { env, err } = memoryEnv({ 'a.json': new TextEncoder().encode('{"categories": []}') });
    expect(await runCli(['term', 'a.json', 'b.xlsx'], env)).toBe(1);
    expect(err.join('\n')).toContain('结果 JSON 不含年度，请写成 2023=结果.json');
    expect(err.join('\n')).toContain('找不到文件“b.xlsx”');
  });
});
