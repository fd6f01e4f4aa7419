/** The rules workbook: a policy and a rubric out to Excel and back, the same; a person's mistakes named by sheet, row and column. */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { CellValue } from 'exceljs';
import { PRESETS, presetPolicy, type PresetName } from '../policy';
import { COMMUNITY_RUBRIC } from '../rubric/community';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import type { Policy, Rubric } from '../model';
import { COMMUNITY_RUBRIC_SHEET, POLICY_SHEET, readRulesWorkbook, RUBRIC_SHEET, writeRulesWorkbook } from './rules';

/** Changes cells of a written workbook as a person would in Excel: [sheet, row, column, value]. */
async function edit(bytes: Uint8Array, changes: readonly [string, number, number, CellValue][], deleteSheet?: string): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const [sheet, row, col, value] of changes) workbook.getWorksheet(sheet)!.getCell(row, col).value = value;
  if (deleteSheet) workbook.removeWorksheet(workbook.getWorksheet(deleteSheet)!.id);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The row of a setting on the 考核规则 sheet, by its key in column D. */
async function rowOfKey(bytes: Uint8Array, key: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let found = 0;
  workbook.getWorksheet(POLICY_SHEET)!.eachRow((row, r) => {
    if (row.getCell(4).value === key) found = r;
  });
  return found;
}

/** The first row of the 考评细则 table whose 录入项编码 (column N) is `code`. */
async function rowOfInput(bytes: Uint8Array, code: string): Promise<number> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  let found = 0;
  workbook.getWorksheet(RUBRIC_SHEET)!.eachRow((row, r) => {
    if (!found && row.getCell(14).value === code) found = r;
  });
  return found;
}

describe('the rules workbook: out and back', () => {
  it.each(Object.keys(PRESETS) as PresetName[])('preset %s and the default rubric read back the same', async (preset) => {
    const policy = presetPolicy(preset);
    const read = await readRulesWorkbook({ name: '规则.xlsx', bytes: await writeRulesWorkbook(policy, JIAOZHOU_RUBRIC) });
    expect(read).toEqual({ ok: true, value: { policy, rubric: JIAOZHOU_RUBRIC } });
  });

  it('a policy of the team’s own: every kind of setting changed, read back the same', async () => {
    const policy: Policy = {
      ...presetPolicy('jiaozhou'),
      preset: 'custom',
      name: '某县第一书记考核办法',
      bands: [{ key: 'excellent', ratio: '0.25' }],
      labels: { ...presetPolicy('jiaozhou').labels, excellent: '好' },
      categoryDimensions: ['mode', 'postType'],
      minTurnout: '0.6',
      recallAboveDissatisfaction: null,
      minPresence: '2/3',
      recallBlocksExcellent: true,
      tieBreak: ['satisfaction', 'fewerDeductions', 'orgScore'],
      quotaRounding: 'round',
      boundaryTie: 'includeAll',
      excellentMinBaseScore: '85.5',
    };
    const read = await readRulesWorkbook(await writeRulesWorkbook(policy, JIAOZHOU_RUBRIC));
    expect(read.ok && read.value.policy).toEqual(policy);
  });

  it('a rubric with every optional field, read back the same', async () => {
    const rubric: Rubric = {
      id: 'own-1',
      name: '某县细则',
      sections: [
        {
          code: 'A',
          name: '基本',
          inBaseScore: true,
          groups: [
            {
              code: 'A1',
              name: '组',
              items: [
                {
                  code: 'A1.1',
                  name: '项目一',
                  kind: 'base',
                  base: '10',
                  min: '0',
                  max: '10',
                  inputs: [{ code: 'A1.1a', label: '扣分', kind: 'points', points: '-1', min: '0', max: '10' }],
                },
                { code: 'A1.2', name: '项目二', kind: 'bonus', inputs: [{ code: 'A1.2', label: '金额', kind: 'amount', points: '2.5', unit: '5000' }] },
              ],
            },
          ],
        },
        {
          code: 'D',
          name: '晋位',
          base: '0',
          inBaseScore: false,
          groups: [{ code: 'D', name: '晋位', items: [{ code: 'D1', name: '晋位升级', kind: 'bonus', inputs: [], ratingChange: { pointsPerLevel: '10' } }] }],
        },
      ],
    };
    const read = await readRulesWorkbook(await writeRulesWorkbook(presetPolicy('daan'), rubric));
    expect(read.ok && read.value.rubric).toEqual(rubric);
  });

  it('the 社区 rubric on a sheet of its own, read back the same; absent when the assessment has none', async () => {
    const policy = { ...presetPolicy('jiaozhou'), communityRubric: 'own' as const };
    const bytes = await writeRulesWorkbook(policy, JIAOZHOU_RUBRIC, COMMUNITY_RUBRIC);
    expect(await readRulesWorkbook(bytes)).toEqual({ ok: true, value: { policy, rubric: JIAOZHOU_RUBRIC, communityRubric: COMMUNITY_RUBRIC } });
    expect(await readRulesWorkbook(await edit(bytes, [], COMMUNITY_RUBRIC_SHEET))).toEqual({ ok: true, value: { policy, rubric: JIAOZHOU_RUBRIC } });
  });

  it('a workbook with one of the two sheets gives that one only', async () => {
    const bytes = await writeRulesWorkbook(presetPolicy('touyan'), JIAOZHOU_RUBRIC);
    expect(await readRulesWorkbook(await edit(bytes, [], RUBRIC_SHEET))).toEqual({ ok: true, value: { policy: presetPolicy('touyan') } });
    expect(await readRulesWorkbook(await edit(bytes, [], POLICY_SHEET))).toEqual({ ok: true, value: { rubric: JIAOZHOU_RUBRIC } });
  });

  it('what a person types in Excel: 30% for a ratio, a number for a score, 是/否, choices in words', async () => {
    const bytes = await writeRulesWorkbook(presetPolicy('jiaozhou'), JIAOZHOU_RUBRIC);
    const changed = await edit(bytes, [
      [POLICY_SHEET, await rowOfKey(bytes, 'bands.excellent'), 2, '25%'],
      [POLICY_SHEET, await rowOfKey(bytes, 'excellentMinBaseScore'), 2, 82],
      [POLICY_SHEET, await rowOfKey(bytes, 'mergeSmallCategories'), 2, '是'],
      [POLICY_SHEET, await rowOfKey(bytes, 'boundaryTie'), 2, '全部进入该等次'],
      [POLICY_SHEET, await rowOfKey(bytes, 'categoryDimensions'), 2, '单位类别，职级类别'],
    ]);
    const read = await readRulesWorkbook(changed);
    expect(read.ok).toBe(true);
    if (!read.ok) return;
    expect(read.value.policy).toMatchObject({
      bands: [
        { key: 'excellent', ratio: '0.25' },
        { key: 'good', ratio: '0.3' },
      ],
      excellentMinBaseScore: '82',
      mergeSmallCategories: true,
      boundaryTie: 'includeAll',
      categoryDimensions: ['source', 'rankClass'],
    });
  });
});

describe('the rules workbook: every mistake at once, by sheet, row and column', () => {
  it('bad settings: a ratio out of range, an unknown choice, not 是/否, bands over 100 %', async () => {
    const bytes = await writeRulesWorkbook(presetPolicy('jiaozhou'), JIAOZHOU_RUBRIC);
    const rows = {
      minTurnout: await rowOfKey(bytes, 'minTurnout'),
      rankOn: await rowOfKey(bytes, 'rankOn'),
      recall: await rowOfKey(bytes, 'recallBlocksExcellent'),
      excellent: await rowOfKey(bytes, 'bands.excellent'),
      good: await rowOfKey(bytes, 'bands.good'),
    };
    const read = await readRulesWorkbook({
      name: '规则.xlsx',
      bytes: await edit(bytes, [
        [POLICY_SHEET, rows.rankOn, 2, '随便'],
        [POLICY_SHEET, rows.recall, 2, '也许'],
      ]),
    });
    expect(read).toEqual({
      ok: false,
      errors: [
        { sheet: '规则.xlsx / 考核规则', row: rows.recall, column: '取值', message: '召回的当年不得评为优秀：“也许”应填“是”或“否”' },
        { sheet: '规则.xlsx / 考核规则', row: rows.rankOn, column: '取值', message: '排名依据的总分：“随便”无效，可填：精确值、保留两位小数后的值' },
      ],
    });
    const ranges = await readRulesWorkbook(
      await edit(bytes, [
        [POLICY_SHEET, rows.minTurnout, 2, '1.5'],
        [POLICY_SHEET, rows.excellent, 2, '0.6'],
        [POLICY_SHEET, rows.good, 2, '0.6'],
      ]),
    );
    expect(ranges.ok).toBe(false);
    if (ranges.ok) return;
    expect(ranges.errors).toEqual([
      { sheet: '考核规则', row: rows.minTurnout, column: '取值', message: '测评有效的最低参加比例：比例 1.5 超出 0 到 1 的范围' },
      { sheet: '考核规则', row: rows.excellent, column: '取值', message: '等次比例：优秀：各等次比例之和超过100%' },
    ]);
  });

  it('an unknown setting and one given twice', async () => {
    const bytes = await writeRulesWorkbook(presetPolicy('jiaozhou'), JIAOZHOU_RUBRIC);
    const name = await rowOfKey(bytes, 'name');
    const read = await readRulesWorkbook(
      await edit(bytes, [
        [POLICY_SHEET, 60, 1, '年终奖金'],
        [POLICY_SHEET, 60, 2, '100'],
        [POLICY_SHEET, 61, 1, '规则名称'],
        [POLICY_SHEET, 61, 2, '另一个名称'],
      ]),
    );
    expect(read).toEqual({
      ok: false,
      errors: [
        { sheet: '考核规则', row: 60, column: '设置项', message: '未知的设置项“年终奖金”' },
        { sheet: '考核规则', row: 61, column: '设置项', message: `设置项“规则名称”重复（另见第${name}行）` },
      ],
    });
  });

  it('a rubric: a bad number, an unknown kind, a code given twice, a blank name — each on its row and column', async () => {
    const bytes = await writeRulesWorkbook(presetPolicy('jiaozhou'), JIAOZHOU_RUBRIC);
    const a32 = await rowOfInput(bytes, 'A3.2');
    const a33 = await rowOfInput(bytes, 'A3.3');
    const c1 = await rowOfInput(bytes, 'C1');
    const read = await readRulesWorkbook(
      await edit(bytes, [
        [RUBRIC_SHEET, a32, 17, '五'],
        [RUBRIC_SHEET, a33, 16, '打勾'],
        [RUBRIC_SHEET, c1, 14, 'A3.2'],
        [RUBRIC_SHEET, c1, 15, null],
      ]),
    );
    expect(read).toEqual({
      ok: false,
      errors: [{ sheet: '考评细则', row: a33, column: '录入方式', message: '“打勾”无效，可填：是/否、评分、次数/个数、金额' }],
    });
    // once the kind is right, the checks of the rubric run, each on its row
    const next = await readRulesWorkbook(
      await edit(bytes, [
        [RUBRIC_SHEET, a32, 17, '五'],
        [RUBRIC_SHEET, c1, 14, 'A3.2'],
        [RUBRIC_SHEET, c1, 15, null],
      ]),
    );
    expect(next).toEqual({
      ok: false,
      errors: [
        { sheet: '考评细则', row: a32, column: '分值', message: '分值“五”不是有效的数' },
        { sheet: '考评细则', row: c1, column: '录入项编码', message: `编码“A3.2”重复（另见第${a32}行）` },
        { sheet: '考评细则', row: c1, column: '录入项名称', message: '缺少录入项名称' },
      ],
    });
  });

  it('rows of one item apart, and an item whose rows disagree', async () => {
    const bytes = await writeRulesWorkbook(presetPolicy('jiaozhou'), JIAOZHOU_RUBRIC);
    const a11a = await rowOfInput(bytes, 'A1.1a');
    const a11b = await rowOfInput(bytes, 'A1.1b');
    const read = await readRulesWorkbook(await edit(bytes, [[RUBRIC_SHEET, a11b, 8, '另一个名称']]));
    expect(read).toEqual({
      ok: false,
      errors: [{ sheet: '考评细则', row: a11b, column: '项目名称', message: expect.stringContaining(`与第${a11a}行不一致`) }],
    });
  });

  it('a workbook without either sheet says what it is not', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1').getCell(1, 1).value = '随便写的';
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    expect(await readRulesWorkbook({ name: '随便.xlsx', bytes })).toEqual({
      ok: false,
      errors: [{ sheet: '随便.xlsx', message: '工作簿中没有“考核规则”或“考评细则”工作表，不是考核规则和细则工作簿' }],
    });
  });
});
