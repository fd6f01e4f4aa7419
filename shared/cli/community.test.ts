/** The command line with a policy that scores 社区 by their own rubric (docs/method.md §2.6), in process. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readRulesWorkbook } from '../io/rules';
import { COMMUNITY_RUBRIC } from '../rubric/community';
import { runCli, type CliEnv } from './run';

async function run(args: string[], files = new Map<string, Uint8Array>()) {
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

const own = () => new Map([['社区.json', new TextEncoder().encode(JSON.stringify({ preset: 'jiaozhou', communityRubric: 'own' }))]]);

describe('shuangping with communityRubric own', () => {
  it('rules: the workbook carries 第八条’s rubric on its 社区考评细则 sheet', async () => {
    const r = await run(['rules', '--policy', '社区.json', '--out', '规则.xlsx'], own());
    expect(r.code).toBe(0);
    const read = await readRulesWorkbook({ name: '规则.xlsx', bytes: r.files.get('规则.xlsx')! });
    expect(read.ok && read.value.communityRubric).toEqual(COMMUNITY_RUBRIC);
  });

  it('template scores: the 社区 words beside the shared codes; the village policy leaves them out', async () => {
    const note = async (files: Map<string, Uint8Array>) => {
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(files.get('评分.xlsx')! as unknown as ArrayBuffer);
      const header = workbook.worksheets[0]!.getRow(1);
      let text = '';
      header.eachCell((cell) => {
        if (String(cell.value).startsWith('A2.1 ')) text = String(cell.note);
      });
      return text;
    };
    const community = await run(['template', 'scores', '--policy', '社区.json', '--out', '评分.xlsx'], own());
    expect(community.code).toBe(0);
    expect(await note(community.files)).toContain('社区：指导建立和谐社区“215”党建工作运行机制');
    const village = await run(['template', 'scores', '--out', '评分.xlsx']);
    expect(await note(village.files)).not.toContain('社区：');
  });
});
