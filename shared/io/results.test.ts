/** The results workbook of the worked example (docs/method.md §8), read back cell by cell. */
import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { computeAssessment } from '../method';
import { presetPolicy } from '../policy';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { readAssessmentInputs, RESULT_HEADERS, writeResultsWorkbook } from '.';
import { safeSheetName } from './style';
import type { Decision } from '../model';

const dir = join(__dirname, '..', '..', 'test', 'fixtures', 'worked-example');

async function workedExample(decisions: Decision[] = []) {
  const policy = presetPolicy('jiaozhou');
  const files = {
    roster: await readFile(join(dir, 'roster.xlsx')),
    summary: await readFile(join(dir, 'summary.xlsx')),
    ballots: await readFile(join(dir, 'ballots.xlsx')),
  };
  const input = await readAssessmentInputs(files, policy, JIAOZHOU_RUBRIC);
  if (!input.ok) throw new Error(JSON.stringify(input.errors));
  const result = computeAssessment({ ...input.value, decisions });
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load((await writeResultsWorkbook(result, policy)) as unknown as ArrayBuffer);
  return workbook;
}

describe('results workbook', () => {
  it('has 汇总, one sheet per category and 标记', async () => {
    const workbook = await workedExample();
    expect(workbook.worksheets.map((ws) => ws.name)).toEqual(['汇总', '镇街·脱产·正股级', '标记']);
  });

  it('lists the category in rank order with the columns of docs/formats.md', async () => {
    const ws = (await workedExample()).getWorksheet('镇街·脱产·正股级')!;
    expect((ws.getRow(3).values as unknown[]).slice(1)).toEqual([
      '名次',
      '编号',
      '姓名',
      '派出单位',
      '所在镇街',
      '村社区',
      '基本分',
      '组织工作目标考评得分',
      '应参加人数',
      '投票数',
      '很满意',
      '满意',
      '基本满意',
      '不满意',
      '废票',
      '弃权',
      '满意度',
      '考核总分',
      '计算等次',
      '审定等次',
      '说明',
    ]);
    const col = (name: string) => RESULT_HEADERS.indexOf(name) + 1;
    const rows = [4, 5, 6, 7].map((r) => ws.getRow(r));
    expect(
      rows.map((r) => [r.getCell(col('名次')).value, r.getCell(col('编号')).value, r.getCell(col('考核总分')).value, r.getCell(col('计算等次')).value]),
    ).toEqual([
      [1, 'S2', 92, '良好'],
      [2, 'S1', 91.2, '优秀'],
      [3, 'S3', 66, '称职'],
      [4, 'S4', 42.86, '基本称职'],
    ]);
    expect(rows[1]!.getCell(col('满意度')).value).toBe(0.95);
    expect(rows[1]!.getCell(col('满意度')).numFmt).toBe('0.00%');
    expect(rows[1]!.getCell(col('考核总分')).numFmt).toBe('0.00');
    expect(rows[0]!.getCell(col('基本分')).value).toBe(78);
    expect(String(rows[0]!.getCell(col('说明')).value)).toContain('基本分低于优秀最低分');
    expect(String(rows[0]!.getCell(col('说明')).value)).toContain('不能评为优秀');
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 3 });
    expect(ws.pageSetup).toMatchObject({ orientation: 'landscape', paperSize: 9, printTitlesRow: '1:3' });
    expect(String(ws.getCell('A1').value)).toContain('镇街·脱产·正股级');
  });

  it('summarises quotas and grades per category, and lists the flags', async () => {
    const workbook = await workedExample();
    const summary = workbook.getWorksheet('汇总')!;
    expect((summary.getRow(3).values as unknown[]).slice(1)).toEqual([
      '类别',
      '人数',
      '优秀名额',
      '良好名额',
      '优秀',
      '良好',
      '称职',
      '基本称职',
      '不称职',
      '待定',
      '人数过少',
    ]);
    expect((summary.getRow(4).values as unknown[]).slice(1)).toEqual(['镇街·脱产·正股级', 4, 1, 1, 1, 1, 1, 1, 0, 0, '']);
    const flags = workbook.getWorksheet('标记')!;
    expect([4, 5].map((r) => [flags.getCell(r, 3).value, flags.getCell(r, 5).value])).toEqual([
      ['S2', '基本分低于优秀最低分'],
      ['S4', '满意度测评为基本称职'],
    ]);
  });

  it('shows a decision of the review meeting beside the computed grade', async () => {
    const ws = (await workedExample([{ id: 'S3', grade: 'good', reason: '工作实绩突出，经研究调整', by: '部长办公会', at: '2024-12-30' }])).getWorksheet(
      '镇街·脱产·正股级',
    )!;
    const s3 = ws.getRow(6);
    const col = (name: string) => RESULT_HEADERS.indexOf(name) + 1;
    expect(s3.getCell(col('编号')).value).toBe('S3');
    expect(s3.getCell(col('计算等次')).value).toBe('称职');
    expect(s3.getCell(col('审定等次')).value).toBe('良好');
    // the decision's reason once, in 说明
    const note = String(s3.getCell(col('说明')).value);
    expect(note).toContain('审定理由：工作实绩突出，经研究调整（部长办公会记录，2024年12月30日）');
    expect(note.match(/工作实绩突出/g)).toHaveLength(1);
  });

  it('says in the notes what the decisions did to the quotas: the category sheet, the summary, the decided row', async () => {
    const workbook = await workedExample([{ id: 'S3', grade: 'good', reason: '工作实绩突出，经研究调整', by: '部长办公会', at: '2024-12-30' }]);
    const ws = workbook.getWorksheet('镇街·脱产·正股级')!;
    expect(String(ws.getCell(2, 1).value)).toContain('部长办公会审定后，本类别良好 2 人，超出名额（1 人）1 人');
    expect(String(ws.getRow(6).getCell(RESULT_HEADERS.indexOf('说明') + 1).value)).toContain('审定后本类别良好 2 人，超出名额（1 人）1 人');
    const summary = workbook.getWorksheet('汇总')!;
    expect([7, 8].map((r) => summary.getCell(r, 1).value)).toEqual(['部长办公会审定后超出或空出名额：', '镇街·脱产·正股级：良好 2 人，超出名额（1 人）1 人']);
    // within the quotas: no such lines
    const plain = (await workedExample()).getWorksheet('汇总')!;
    expect(plain.getCell(7, 1).value).toBeNull();
    expect(String((await workedExample()).getWorksheet('镇街·脱产·正股级')!.getCell(2, 1).value)).not.toContain('审定后');
  });

  it('makes sheet names Excel-safe, short and unique', () => {
    const taken = new Set<string>(['汇总']);
    expect(safeSheetName('汇总', taken)).toBe('汇总(2)');
    const long = safeSheetName('市直部门(单位)·非脱产联村·非党政正职领导干部·社区/村[测试]', taken);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[[\]:*?/\\]/);
  });
});
