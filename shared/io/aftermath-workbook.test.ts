/** The 奖惩意见 workbook (docs/formats.md §15): 奖惩意见, 干部档案 and 派出单位反馈, read back. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { computeAssessment } from '../method';
import { inputOf } from '../method/testing';
import { awardLines, unitFeedback } from '../people/awards';
import { presetPolicy } from '../policy';
import { writeAftermathWorkbook } from './aftermath-workbook';

describe('the 奖惩意见 workbook', () => {
  it('has each secretary’s 奖惩意见, the cadre-file entries and the units with their recalls', async () => {
    const policy = presetPolicy('jiaozhou');
    const input = inputOf(
      [
        { id: 'S1', org: '98', base: '95', votes: [40, 5, 0, 0], s: { name: '王建国', unit: '市农业农村局' } },
        { id: 'S2', org: '60', base: '90', votes: [10, 5, 30, 0], s: { name: '赵红霞', unit: '市教育局' } },
      ],
      policy,
      { events: [{ id: 'S2', kind: 'breach' }] },
    );
    const lines = awardLines(computeAssessment(input), policy, {
      year: 2024,
      approvedAt: '2025-01-06',
      recalls: new Map([['S1', [{ date: '2024-05-01' }]]]),
      edits: new Map(),
    });
    const bytes = await writeAftermathWorkbook(lines, unitFeedback(lines, policy, 2024), 2024);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['奖惩意见', '干部档案', '派出单位反馈']);
    const cadre = wb.getWorksheet('干部档案')!;
    const zhao = cadre.getRow(3).values as unknown[];
    expect(zhao.slice(1, 6)).toEqual(['S2', '赵红霞', '市教育局', 2024, '不称职']);
    expect(String(zhao[6])).toContain('两年内不得提拔重用（至2027年1月5日）');
    expect(String(wb.getWorksheet('奖惩意见')!.getRow(2).getCell(7).value)).toBe('已召回');
    expect(wb.getWorksheet('派出单位反馈')!.getRow(2).values).toEqual([undefined, '市教育局', 1, 0, '']);
  });
});
