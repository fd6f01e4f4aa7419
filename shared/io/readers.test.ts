/** Every class of bad input of docs/formats.md: all errors at once, with sheet, row and column, in Chinese. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import type { InputError } from '../model';
import { readBallots, readEvents, readRoster, readScores, readSummary } from '.';
import { parseRoster } from './roster';
import { writeTemplate } from './templates';
import { workbookOf } from './testing';
import { openWorkbook } from './workbook';

const HAN = /[\u4e00-\u9fff]/;
const ROSTER = ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数'];

function expectErrors(result: { ok: boolean; errors?: InputError[]; value?: unknown }, expected: Partial<InputError>[]) {
  expect(result.ok).toBe(false);
  if (result.ok) return;
  expect('value' in result).toBe(false);
  for (const e of result.errors!) {
    expect(e.message).toMatch(HAN);
  }
  for (const want of expected) expect(result.errors).toContainEqual(expect.objectContaining(want));
  expect(result.errors).toHaveLength(expected.length);
}

describe('roster', () => {
  it('reads Chinese headers, English keys, short forms and full-width text, in any order', async () => {
    const bytes = await workbookOf({
      名册: [
        ['eligibleVoters', '职级类别*', ' 编号 ', 'name', '驻村方式', 'source', '年初定级', '年末定级', '村社区类型'],
        ['４５', '正股级', 'Ｓ１', '张三', '脱产', '镇（街道）', 'b', 'C', '社区'],
        [],
        [{ formula: '40+2', result: 42 }, 'leader', 'S2', '李四', 'parttime', 'city', null, null, null],
      ],
    });
    const result = await readRoster(bytes);
    expect(result).toEqual({
      ok: true,
      value: [
        {
          id: 'S1',
          name: '张三',
          source: 'town',
          mode: 'fulltime',
          rankClass: 'section',
          postType: 'community',
          eligibleVoters: 45,
          ratingStart: 'B',
          ratingEnd: 'C',
        },
        { id: 'S2', name: '李四', source: 'city', mode: 'parttime', rankClass: 'leader', postType: 'village', eligibleVoters: 42 },
      ],
    });
  });

  it('names every missing required column', async () => {
    const bytes = await workbookOf({
      名册: [
        ['编号', '姓名', '单位类别'],
        ['S1', '张三', '市直'],
      ],
    });
    expectErrors(await readRoster(bytes), [
      { sheet: '名册', row: 1, column: '驻村方式', message: '缺少必填列“驻村方式”' },
      { sheet: '名册', row: 1, column: '职级类别' },
      { sheet: '名册', row: 1, column: '应参加人数' },
    ]);
  });

  it('lists unknown enumerations, non-integers, negatives, blanks and every duplicated row at once', async () => {
    const bytes = await workbookOf({
      名册: [
        ROSTER,
        ['S1', '张三', '省直', '脱产', '正股级', 45],
        ['S2', '李四', '镇街', '半脱产', '正股级', 40.5],
        ['S1', '王五', '镇街', '脱产', '正股级', -3],
        ['S4', null, '镇街', '脱产', '科级', 0],
      ],
    });
    const result = await readRoster(bytes);
    expectErrors(result, [
      { sheet: '名册', row: 2, column: '单位类别' },
      { sheet: '名册', row: 3, column: '驻村方式' },
      { sheet: '名册', row: 3, column: '应参加人数', message: '应为整数，不能是 40.5' },
      { sheet: '名册', row: 4, column: '应参加人数', message: '不能为负数（-3）' },
      { sheet: '名册', row: 5, column: '姓名', message: '必填，不能为空' },
      { sheet: '名册', row: 5, column: '职级类别' },
      { sheet: '名册', row: 5, column: '应参加人数', message: '应不小于 1（0）' },
      { sheet: '名册', row: 2, column: '编号', message: '编号“S1”重复（另见第4行）' },
      { sheet: '名册', row: 4, column: '编号', message: '编号“S1”重复（另见第2行）' },
    ]);
    if (!result.ok) expect(result.errors.find((e) => e.row === 2 && e.column === '单位类别')!.message).toContain('市直部门(单位)');
  });

  it('requires presence days when the presence rule is on', async () => {
    const bytes = await workbookOf({
      名册: [
        [...ROSTER, '在村工作天数', '全年工作日数'],
        ['S1', '张三', '镇街', '脱产', '正股级', 45, null, 250],
      ],
    });
    expect((await readRoster(bytes)).ok).toBe(true);
    expectErrors(await readRoster(bytes, { requirePresence: true }), [{ sheet: '名册', row: 2, column: '在村工作天数', message: '必填，不能为空' }]);
  });

  it('finds the header below a title row and skips the 填表说明 sheet', async () => {
    const bytes = await workbookOf({
      填表说明: [['说明文字']],
      Sheet1: [['胶州市第一书记名册'], ROSTER, ['S1', '张三', '镇街', '脱产', '正股级', 45]],
    });
    const result = await readRoster(bytes);
    expect(result.ok && result.value.map((s) => s.id)).toEqual(['S1']);
  });

  it('names the file when it is known', async () => {
    const bytes = await workbookOf({ Sheet1: [['编号']] });
    const result = await readRoster({ name: '名册.xlsx', bytes });
    expect(!result.ok && result.errors[0]!.sheet).toBe('名册.xlsx / Sheet1');
  });
});

describe('a file that is not a readable workbook', () => {
  it.each([
    ['text', new TextEncoder().encode('编号,姓名\nS1,张三')],
    ['empty', new Uint8Array()],
    ['broken zip', new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0])],
    ['old .xls', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])],
  ])('%s: one clear Chinese error', async (_, bytes) => {
    const result = await readRoster(bytes);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toHaveLength(1);
    expect(result.errors[0]!.message).toMatch(/xlsx/);
    expect(result.errors[0]!.message).not.toMatch(/Error|at /);
  });
});

describe('summary scores', () => {
  it('reads exact decimals, negative scores as given (kept, flagged by the method); a non-number is an error', async () => {
    const ok = await readSummary(
      await workbookOf({
        考评得分汇总: [
          ['编号', '基本分', '组织工作目标考评得分'],
          ['S1', 79.75, 96],
          ['S2', '０.１', '-3.5'],
          ['S3', -12.5, -2],
        ],
      }),
    );
    expect(ok).toEqual({
      ok: true,
      value: [
        { id: 'S1', baseScore: '79.75', orgScore: '96' },
        { id: 'S2', baseScore: '0.1', orgScore: '-3.5' },
        { id: 'S3', baseScore: '-12.5', orgScore: '-2' },
      ],
    });
    const bad = await readSummary(
      await workbookOf({
        考评得分汇总: [
          ['id', 'baseScore', 'orgScore'],
          ['S1', -1, '九十'],
          ['S1', 80, 90],
        ],
      }),
    );
    expectErrors(bad, [
      { row: 2, column: 'orgScore', message: '“九十”不是有效的数字' },
      { row: 2, column: 'id' },
      { row: 3, column: 'id' },
    ]);
  });
});

describe('item scores', () => {
  const header = ['编号', 'A1.1a 未组织学习', 'A1.1b 扣分', 'B5.1a 缺少户数', 'A3.2 缺少次数', 'C1 金额(元)'];

  it('matches columns by the code before the first space; blank is no input', async () => {
    const result = await readScores(
      await workbookOf({ 考评细则评分: [header, ['S1', '√', 2.5, 1, null, 15000], ['S2', '否', null, null, 3, null]] }),
      JIAOZHOU_RUBRIC,
    );
    expect(result).toEqual({
      ok: true,
      value: [
        { id: 'S1', inputs: { 'A1.1a': '1', 'A1.1b': '2.5', 'B5.1a': '1', C1: '15000' } },
        { id: 'S2', inputs: { 'A1.1a': '0', 'A3.2': '3' } },
      ],
    });
  });

  it('rejects points outside the range, counts above the maximum, non-integer and negative counts, unknown codes', async () => {
    const bytes = await workbookOf({
      考评细则评分: [
        [...header, 'Z9.9 不存在的项目'],
        ['S1', '也许', 6, 3, 1.5, -100, null],
        ['S2', null, null, null, -1, null, null],
      ],
    });
    expectErrors(await readScores(bytes, JIAOZHOU_RUBRIC), [
      { row: 1, column: 'Z9.9 不存在的项目' },
      { row: 2, column: 'A1.1a 未组织学习', message: '“也许”应填“是”或“否”' },
      { row: 2, column: 'A1.1b 扣分' },
      { row: 2, column: 'B5.1a 缺少户数' },
      { row: 2, column: 'A3.2 缺少次数' },
      { row: 2, column: 'C1 金额(元)' },
      { row: 3, column: 'A3.2 缺少次数' },
    ]);
  });
});

describe('ballots', () => {
  it('rejects non-integer and negative counts and cast above issued, all at once', async () => {
    const bytes = await workbookOf({
      测评计票: [
        ['编号', '很满意', '满意', '基本满意', '不满意', '废票', '发出票数'],
        ['S1', 30, 8.5, 2, 0, 0, null],
        ['S2', 30, 8, -2, 0, 0, null],
        ['S3', 30, 8, 2, 0, 1, 40],
        ['S4', 30, 8, 2, 0, 0, 40],
      ],
    });
    expectErrors(await readBallots(bytes), [
      { row: 2, column: '满意' },
      { row: 3, column: '基本满意' },
      { row: 4, column: '发出票数', message: '投票数 41 超过发出票数 40，本次测评无效，应重新组织投票' },
    ]);
  });

  it('requires the four marks', async () => {
    expectErrors(
      await readBallots(
        await workbookOf({
          测评计票: [
            ['编号', '很满意', '满意', '基本满意'],
            ['S1', 1, 2, 3],
          ],
        }),
      ),
      [{ row: 1, column: '不满意' }],
    );
  });

  it('tallies one row per ballot; an unknown option is an error', async () => {
    const good = await readBallots(
      await workbookOf({
        Sheet1: [
          ['编号', '选项'],
          ['S1', '很满意'],
          ['S1', '废票'],
          ['S2', '不满意'],
          ['S1', '很满意'],
        ],
      }),
    );
    expect(good).toEqual({
      ok: true,
      value: [
        { id: 'S1', verySatisfied: 2, satisfied: 0, basic: 0, dissatisfied: 0, invalid: 1, abstain: 0 },
        { id: 'S2', verySatisfied: 0, satisfied: 0, basic: 0, dissatisfied: 1, invalid: 0, abstain: 0 },
      ],
    });
    expectErrors(
      await readBallots(
        await workbookOf({
          Sheet1: [
            ['编号', '选项'],
            ['S1', '比较满意'],
          ],
        }),
      ),
      [{ row: 2, column: '选项' }],
    );
  });
});

describe('roster: 身份证号 and 任期 (docs/method.md §10, §12)', () => {
  it('reads a checked 身份证号 and the term days in any common form; a wrong check digit or day is an error', async () => {
    const head = [...ROSTER, '身份证号', '任期开始', '任期结束'];
    const ok = await readRoster(
      await workbookOf({ 名册: [head, ['S1', '张建国', '镇街', '脱产', '正股级', 40, '370281199001011232', '2024/3/1', '2025年2月28日']] }),
    );
    expect(ok).toMatchObject({ ok: true, value: [{ id: 'S1', idNumber: '370281199001011232', termStart: '2024-03-01', termEnd: '2025-02-28' }] });
    const bad = await readRoster(
      await workbookOf({ 名册: [head, ['S1', '张建国', '镇街', '脱产', '正股级', 40, '370281199001011235', '2024-02-30', '2023-01-01']] }),
    );
    expectErrors(bad, [
      { row: 2, column: '身份证号', message: '身份证号“3702**********1235”的校验位不符，请核对是否抄错' },
      { row: 2, column: '任期开始' },
    ]);
  });
});

describe('events', () => {
  it('reads a recall (召回) with its date', async () => {
    const bytes = await workbookOf({
      直接定等事项: [
        ['编号', '事项', '说明', '日期'],
        ['S1', '召回', '季度研判，长期不在岗', '2024-06-30'],
      ],
    });
    expect(await readEvents(bytes)).toEqual({ ok: true, value: [{ id: 'S1', kind: 'recall', note: '季度研判，长期不在岗', date: '2024-06-30' }] });
  });

  it('reads kinds by label, short form and key; a secretary may have several', async () => {
    const bytes = await workbookOf({
      直接定等事项: [
        ['编号', '事项', '说明'],
        ['S1', '违反六严禁', '擅自担保'],
        ['S1', 'massIncident', null],
      ],
    });
    expect(await readEvents(bytes)).toEqual({
      ok: true,
      value: [
        { id: 'S1', kind: 'breach', note: '擅自担保' },
        { id: 'S1', kind: 'massIncident' },
      ],
    });
    expectErrors(
      await readEvents(
        await workbookOf({
          直接定等事项: [
            ['编号', '事项'],
            ['S1', '迟到'],
          ],
        }),
      ),
      [{ row: 2, column: '事项' }],
    );
  });
});

describe('a formula with no cached value (a workbook written by a program, never opened in Excel/WPS)', () => {
  const formula = (text: string) => ({ formula: text }) as unknown as null;
  const message = expect.stringContaining('公式');

  it('is an error naming the cell in every reader, never read as blank', async () => {
    expectErrors(await readRoster(await workbookOf({ 名册: [ROSTER, ['S1', '张三', '镇街', '脱产', '正股级', formula('40+2')]] })), [
      { row: 2, column: '应参加人数', message: expect.stringContaining('公式（=40+2）没有计算结果') },
    ]);
    expectErrors(
      await readSummary(
        await workbookOf({
          考评得分汇总: [
            ['编号', '基本分', '组织工作目标考评得分'],
            ['S1', formula('SUM(C3:C9)'), 96],
          ],
        }),
      ),
      [{ row: 2, column: '基本分', message }],
    );
    expectErrors(
      await readScores(
        await workbookOf({
          考评细则评分: [
            ['编号', 'A3.2 缺少次数'],
            ['S1', formula('1+1')],
          ],
        }),
        JIAOZHOU_RUBRIC,
      ),
      [{ row: 2, column: 'A3.2 缺少次数', message }],
    );
    expectErrors(
      await readBallots(
        await workbookOf({
          测评计票: [
            ['编号', '很满意', '满意', '基本满意', '不满意'],
            [formula('"S"&1'), 1, 2, 3, 4],
          ],
        }),
      ),
      [{ row: 2, column: '编号', message }],
    );
    expectErrors(
      await readBallots(
        await workbookOf({
          Sheet1: [
            ['编号', '选项'],
            ['S1', formula('A1')],
          ],
        }),
      ),
      [{ row: 2, column: '选项', message }],
    );
    expectErrors(
      await readEvents(
        await workbookOf({
          直接定等事项: [
            ['编号', '事项', '说明'],
            ['S1', 'breach', formula('A1')],
          ],
        }),
      ),
      [{ row: 2, column: '说明', message }],
    );
  });
});

describe('warnings: read, but maybe not what the person meant', () => {
  async function parseWith(bytes: Uint8Array) {
    const opened = await openWorkbook({ name: '名册.xlsx', bytes });
    if (!opened.ok) throw new Error(opened.errors[0]!.message);
    return parseRoster(opened.value);
  }

  it('a header merged over two columns, and data under a column with no header, each name the column', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('名册');
    ws.addRow(['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数', null, '备注', null]);
    ws.mergeCells('H1:I1');
    ws.addRow(['S1', '张三', '镇街', '脱产', '正股级', 45, '多余', '说明', '续']);
    ws.addRow(['S2', '李四', '镇街', '脱产', '正股级', 40, '又一个', null, null, '右边']);
    const outcome = await parseWith(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
    expect(outcome.errors).toEqual([]);
    expect(outcome.parsed?.entries).toHaveLength(2);
    expect(outcome.warnings).toEqual([
      { sheet: '名册.xlsx / 名册', row: 1, column: '备注', message: '表头单元格合并了 H1:I1（共 2 列），只读取 H 列的数据；请取消合并，每列一个表头' },
      { sheet: '名册.xlsx / 名册', row: 2, column: 'G', message: '这一列没有表头，其中第2行等 2 行的数据未被读取；如需读取，请填写表头' },
      { sheet: '名册.xlsx / 名册', row: 3, column: 'J', message: '这一列没有表头，其中第3行的数据未被读取；如需读取，请填写表头' },
    ]);
  });

  it('a merged title above the header is no warning; the templates and the sample county have none', async () => {
    const workbook = new ExcelJS.Workbook();
    const ws = workbook.addWorksheet('名册');
    ws.addRow(['2024年 名册']);
    ws.mergeCells('A1:F1');
    ws.addRow(ROSTER);
    ws.addRow(['S1', '张三', '镇街', '脱产', '正股级', 45]);
    expect((await parseWith(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer))).warnings).toEqual([]);
    expect((await parseWith(await writeTemplate('roster'))).warnings).toEqual([]);
    expect((await parseWith(await readFile(join(__dirname, '..', '..', 'samples', 'sample-county', 'roster.xlsx')))).warnings).toEqual([]);
  });
});
