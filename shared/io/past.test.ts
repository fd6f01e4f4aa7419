/** 历年结果 (docs/formats.md §14): a past year's results from the template, the results workbook and the results JSON. */
import { describe, expect, it } from 'vitest';
import { computeAssessment, resultToJson } from '../method';
import { inputOf } from '../method/testing';
import { presetPolicy } from '../policy';
import { readPastJson, readPastWorkbook } from './past';
import { writeResultsWorkbook } from './results';
import { writeFilledTemplate } from './templates';

const ZHANG = '370281199001011232';

describe('import of a past year’s results', () => {
  it('the 历年结果 template: years, grades in any preset’s words, 身份证号, recall and term days', async () => {
    const bytes = await writeFilledTemplate('past', [
      {
        编号: 'S7',
        姓名: '张建国',
        年度: 2023,
        身份证号: ZHANG,
        派出单位: '市农业农村局',
        驻村方式: '脱产',
        等次: '称职',
        召回日期: '2023/6/30',
        任期开始: '2023-03-01',
      },
      { 编号: 'S12', 姓名: '张建国', 年度: 2024, 派出单位: '市农业农村局', 等次: '差' },
    ]);
    expect(await readPastWorkbook(bytes)).toEqual({
      ok: true,
      value: [
        {
          year: 2023,
          id: 'S7',
          name: '张建国',
          grade: 'competent',
          idNumber: ZHANG,
          unit: '市农业农村局',
          mode: 'fulltime',
          recallDate: '2023-06-30',
          termStart: '2023-03-01',
        },
        { year: 2024, id: 'S12', name: '张建国', grade: 'incompetent', unit: '市农业农村局' },
      ],
    });
  });

  it('every error at once, and a row without a year when none is given', async () => {
    const bytes = await writeFilledTemplate('past', [
      { 编号: 'S7', 姓名: '张建国', 等次: '很好', 身份证号: '370281199001011235' },
      { 编号: 'S8', 姓名: '李志明', 年度: 2024, 等次: '优秀', 召回日期: '2024-02-30' },
    ]);
    const read = await readPastWorkbook(bytes);
    expect(read.ok).toBe(false);
    expect(!read.ok && read.errors.map((e) => [e.row, e.column])).toEqual([
      [2, '年度'],
      [2, '等次'],
      [2, '身份证号'],
      [3, '召回日期'],
    ]);
  });

  it('the results workbook and the JSON this program writes: the grade that stands, by category sheet', async () => {
    const policy = presetPolicy('jiaozhou');
    const input = inputOf(
      [
        { id: 'S1', org: '96', base: '90', votes: [30, 8, 2, 0], s: { name: '王建国', unit: '阜安街道办事处' } },
        { id: 'S2', org: '92', base: '78', votes: [35, 5, 0, 0], s: { name: '李志明', unit: '中云街道办事处' } },
      ],
      policy,
      { events: [], decisions: [{ id: 'S2', grade: 'excellent', reason: '部长办公会研究', by: '张三' }] },
    );
    const result = computeAssessment(input);
    const wb = await readPastWorkbook(await writeResultsWorkbook(result, policy), 2023);
    expect(wb.ok && wb.value.map((r) => [r.year, r.id, r.name, r.unit, r.grade])).toEqual([
      [2023, 'S2', '李志明', '中云街道办事处', 'excellent'],
      [2023, 'S1', '王建国', '阜安街道办事处', result.categories[0]!.rows.find((r) => r.id === 'S1')!.grade],
    ]);
    const json = readPastJson(JSON.stringify(resultToJson(result)), 2023);
    expect(json.ok && json.value.map((r) => [r.id, r.grade])).toEqual([
      ['S2', 'excellent'],
      ['S1', result.categories[0]!.rows.find((r) => r.id === 'S1')!.grade],
    ]);
    expect(readPastJson('{}', 2023)).toMatchObject({ ok: false, errors: [{ message: '不是本程序导出的考核结果（缺少 categories）' }] });
  });
});
