/** Cross-checks between the workbooks of one assessment. */
import { describe, expect, it } from 'vitest';
import type { Secretary } from '../model';
import { presetPolicy } from '../policy';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { checkAgainstRoster, readAssessmentInputs, sortErrors } from '.';
import { parseBallots } from './ballots';
import { readCell } from './cells';
import { parseEvents } from './events';
import { parseRoster } from './roster';
import { parseScores } from './scores';
import { parseSummary } from './summary';
import { writeFilledTemplate } from './templates';
import { workbookOf } from './testing';
import { openWorkbook } from './workbook';

const policy = presetPolicy('jiaozhou');
const ROSTER = ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数'];
const roster = (
  rows: unknown[][] = [
    ['S1', '张三', '镇街', '脱产', '正股级', 45],
    ['S2', '李四', '镇街', '脱产', '正股级', 42],
  ],
) => workbookOf({ 名册: [ROSTER, ...(rows as never[][])] });
const BALLOTS = ['编号', '很满意', '满意', '基本满意', '不满意', '废票'];

describe('readAssessmentInputs', () => {
  it('returns the AssessmentInput when everything agrees', async () => {
    const result = await readAssessmentInputs(
      {
        roster: await roster(),
        summary: await workbookOf({
          考评得分汇总: [
            ['编号', '基本分', '组织工作目标考评得分'],
            ['S1', 90, 96],
          ],
        }),
        scores: await workbookOf({
          考评细则评分: [
            ['编号', 'A3.2 缺少民主活动日次数'],
            ['S2', 1],
          ],
        }),
        ballots: await workbookOf({ 测评计票: [BALLOTS, ['S1', 30, 8, 2, 0, 0], ['S2', 35, 5, 0, 0, 0]] }),
        events: await workbookOf({
          直接定等事项: [
            ['编号', '事项'],
            ['S2', 'breach'],
          ],
        }),
      },
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.value.secretaries.map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(result.value.summaryScores).toEqual([{ id: 'S1', baseScore: '90', orgScore: '96' }]);
    expect(result.value.itemScores).toEqual([{ id: 'S2', inputs: { 'A3.2': '1' } }]);
    expect(result.value.tallies).toHaveLength(2);
    expect(result.value.events).toEqual([{ id: 'S2', kind: 'breach' }]);
    expect(result.value.decisions).toEqual([]);
    expect(result.value.policy).toBe(policy);
  });

  it('reports unknown ids, cast > eligible, both kinds of scores, and missing scores or tallies, all at once', async () => {
    const result = await readAssessmentInputs(
      {
        roster: await roster([
          ['S1', '张三', '镇街', '脱产', '正股级', 45],
          ['S2', '李四', '镇街', '脱产', '正股级', 42],
          ['S3', '王五', '市直', '脱产', '正股级', 30],
        ]),
        summary: await workbookOf({
          考评得分汇总: [
            ['编号', '基本分', '组织工作目标考评得分'],
            ['S1', 90, 96],
            ['S9', 80, 80],
          ],
        }),
        scores: await workbookOf({
          考评细则评分: [
            ['编号', 'A3.2 缺少民主活动日次数'],
            ['S1', 1],
          ],
        }),
        ballots: await workbookOf({ 测评计票: [BALLOTS, ['S1', 40, 8, 0, 0, 0], ['S3', 20, 5, 0, 0, 0]] }),
        events: await workbookOf({
          直接定等事项: [
            ['编号', '事项'],
            ['S8', 'breach'],
          ],
        }),
      },
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const where = result.errors.map((e) => `${e.sheet}:${e.row}:${e.column}`);
    expect(where.sort()).toEqual(
      [
        '考评得分汇总:3:编号', // S9 not on the roster
        '直接定等事项:2:编号', // S8 not on the roster
        '测评计票:2:编号', // 48 cast > 45 eligible
        '考评细则评分:2:编号', // S1 in both
        '考评得分汇总:2:编号', // S1 in both
        '名册:3:编号', // S2 without scores
        '名册:3:编号', // S2 without a tally
        '名册:4:编号', // S3 without scores
      ].sort(),
    );
    expect(result.errors.find((e) => e.sheet === '测评计票')!.message).toBe('投票数 48 超过应参加人数 45，本次测评无效，应重新组织投票');
    expect(result.errors.find((e) => e.sheet === '考评得分汇总' && e.row === 3)!.message).toBe('编号“S9”不在名册中');
  });

  it('requires presence days when policy.minPresence is set', async () => {
    const files = {
      roster: await roster([['S1', '张三', '镇街', '脱产', '正股级', 45]]),
      summary: await workbookOf({
        考评得分汇总: [
          ['编号', '基本分', '组织工作目标考评得分'],
          ['S1', 90, 96],
        ],
      }),
      ballots: await workbookOf({ 测评计票: [BALLOTS, ['S1', 30, 8, 2, 0, 0]] }),
    };
    expect((await readAssessmentInputs(files, policy, JIAOZHOU_RUBRIC)).ok).toBe(true);
    const result = await readAssessmentInputs(files, { ...policy, minPresence: '2/3' }, JIAOZHOU_RUBRIC);
    expect(!result.ok && result.errors.map((e) => e.column)).toEqual(['在村工作天数', '全年工作日数']);
  });

  it('an unreadable ballots file is one error, not one per secretary', async () => {
    const result = await readAssessmentInputs(
      {
        roster: await roster(),
        summary: await workbookOf({
          考评得分汇总: [
            ['编号', '基本分', '组织工作目标考评得分'],
            ['S1', 90, 96],
            ['S2', 90, 96],
          ],
        }),
        ballots: { name: '计票.xlsx', bytes: new TextEncoder().encode('not a workbook') },
      },
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(!result.ok && result.errors).toEqual([{ sheet: '计票.xlsx', message: '无法读取：不是有效的 Excel 工作簿（.xlsx）文件' }]);
  });
});

describe('checks against the roster', () => {
  const files = async (
    ballots: unknown[][],
    summary: unknown[][] = [
      ['S1', '张三', 90, 96],
      ['S2', '李四', 80, 88],
    ],
  ) => ({
    roster: await roster(),
    summary: await workbookOf({ 考评得分汇总: [['编号', '姓名', '基本分', '组织工作目标考评得分'], ...(summary as never[][])] }),
    ballots: await workbookOf({ 测评计票: [['编号', '姓名', '很满意', '满意', '基本满意', '不满意', '发出票数'], ...(ballots as never[][])] }),
  });

  it('a 姓名 that is not the roster’s for that 编号 names the row and both names; spaces inside a name do not count', async () => {
    const result = await readAssessmentInputs(
      await files(
        [
          ['S1', '张 三', 30, 8, 2, 0, 45],
          ['S2', '张三', 30, 8, 2, 0, null],
        ],
        [
          ['S1', '李四', 90, 96],
          ['S2', '李四', 80, 88],
        ],
      ),
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(!result.ok && result.errors).toEqual([
      { sheet: '考评得分汇总', row: 2, column: '姓名', message: '姓名“李四”与名册中编号“S1”的姓名“张三”不一致，请核对是否填错了行' },
      { sheet: '测评计票', row: 3, column: '姓名', message: '姓名“张三”与名册中编号“S2”的姓名“李四”不一致，请核对是否填错了行' },
    ]);
  });

  it('发出票数 above 应参加人数 voids the vote, like 投票数 above it', async () => {
    const result = await readAssessmentInputs(
      await files([
        ['S1', '张三', 30, 8, 2, 0, 46],
        ['S2', '李四', 35, 5, 0, 0, 42],
      ]),
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(!result.ok && result.errors).toEqual([
      { sheet: '测评计票', row: 2, column: '发出票数', message: '发出票数 46 超过应参加人数 45，本次测评无效，应重新组织投票' },
    ]);
  });

  it('a row whose 编号 is repeated still has its other errors listed, its cross-checks included', async () => {
    const result = await readAssessmentInputs(
      await files([
        ['S1', '张三', 30, 8, 2, 0, null],
        ['S1', '王五', 40, 8, -1, 0, null],
        ['S1', '张三', 50, 8, 0, 0, null],
        ['S2', '李四', 35, 5, 0, 0, null],
      ]),
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(!result.ok && result.errors.map((e) => `${e.row} ${e.column} ${e.message}`)).toEqual([
      '2 编号 编号“S1”重复（另见第3行、第4行）',
      '3 基本满意 不能为负数（-1）',
      '3 编号 编号“S1”重复（另见第2行、第4行）',
      '3 姓名 姓名“王五”与名册中编号“S1”的姓名“张三”不一致，请核对是否填错了行',
      '4 编号 编号“S1”重复（另见第2行、第3行）',
      '4 编号 投票数 58 超过应参加人数 45，本次测评无效，应重新组织投票',
    ]);
  });

  it('warnings come out with the input, and with the errors', async () => {
    const ok = await readAssessmentInputs(
      await files([
        ['S1', '张三', 30, 8, 2, 0, null, '备注无表头'],
        ['S2', '李四', 35, 5, 0, 0, null],
      ]),
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(ok.ok).toBe(true);
    expect(ok.warnings).toEqual([{ sheet: '测评计票', row: 2, column: 'H', message: '这一列没有表头，其中第2行的数据未被读取；如需读取，请填写表头' }]);
    const bad = await readAssessmentInputs(
      await files([
        ['S1', '张三', 30, 8, 2, 0, null, '备注无表头'],
        ['S9', '李四', 35, 5, 0, 0, null],
      ]),
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(bad.ok).toBe(false);
    expect(bad.warnings).toHaveLength(1);
  });
});

describe('checkAgainstRoster: what the app runs on one workbook against its database’s roster', () => {
  const secretaries = new Map<string, Secretary>(
    [
      { id: 'S1', name: '张三', eligibleVoters: 45 },
      { id: 'S2', name: '李四', eligibleVoters: 42 },
    ].map((s) => [s.id, { ...s, source: 'town', mode: 'fulltime', rankClass: 'section', postType: 'village' } as Secretary]),
  );

  it('every error of a ballots workbook in one round: its own rows and the checks against the roster', async () => {
    const opened = await openWorkbook({
      name: '计票.xlsx',
      bytes: await workbookOf({
        测评计票: [
          ['编号', '姓名', '很满意', '满意', '基本满意', '不满意', '发出票数'],
          ['S1', '张三', 40, 8, 0, 0, null], // cast 48 > 45
          ['S2', '王五', 30, 5, 0, 0, null], // name
          ['S3', '赵六', 30, 5, 0, 0, null], // not on the roster
          ['S2', '李四', 30, 5.5, 0, 0, null], // not an integer, and S2 twice
          ['S1', '张三', 1, 1, 1, 1, 3], // cast 4 > issued 3, and S1 twice
        ],
      }),
    });
    if (!opened.ok) throw new Error('not opened');
    const { parsed, errors } = parseBallots(opened.value);
    const all = sortErrors([...errors, ...checkAgainstRoster(parsed!, secretaries)]);
    expect(all.map((e) => `${e.row} ${e.column} ${e.message}`)).toEqual([
      '2 编号 编号“S1”重复（另见第6行）',
      '2 编号 投票数 48 超过应参加人数 45，本次测评无效，应重新组织投票',
      '3 编号 编号“S2”重复（另见第5行）',
      '3 姓名 姓名“王五”与名册中编号“S2”的姓名“李四”不一致，请核对是否填错了行',
      '4 编号 编号“S3”不在名册中',
      '5 满意 应为整数，不能是 5.5',
      '5 编号 编号“S2”重复（另见第3行）',
      '6 发出票数 投票数 4 超过发出票数 3，本次测评无效，应重新组织投票',
      '6 编号 编号“S1”重复（另见第2行）',
    ]);
    expect(all.every((e) => e.sheet === '计票.xlsx / 测评计票')).toBe(true);
  });

  it('the per-ballot layout is checked on its tallies; a roster is not checked against itself', async () => {
    const rows = [['编号', '选项'], ...Array.from({ length: 43 }, () => ['S2', '满意'])];
    const opened = await openWorkbook(await workbookOf({ Sheet1: rows }));
    if (!opened.ok) throw new Error('not opened');
    const { parsed } = parseBallots(opened.value);
    expect(checkAgainstRoster(parsed!, secretaries)).toEqual([
      { sheet: 'Sheet1', row: 2, column: '编号', message: '投票数 43 超过应参加人数 42，本次测评无效，应重新组织投票' },
    ]);
    const rosterOpened = await openWorkbook(await roster());
    if (!rosterOpened.ok) throw new Error('not opened');
    expect(checkAgainstRoster(parseRoster(rosterOpened.value).parsed!, new Map())).toEqual([]);
  });

  it('the templates of one row per secretary carry 姓名 beside 编号, and it is read back', async () => {
    for (const kind of ['summary', 'scores', 'ballots', 'events'] as const) {
      const opened = await openWorkbook(await writeFilledTemplate(kind, [{ 编号: 'S1', 姓名: '张三' }], JIAOZHOU_RUBRIC));
      if (!opened.ok) throw new Error('not opened');
      const header = opened.value.sheets[0]!.row(1)!.map((v) => readCell(v));
      expect(header.slice(1, 3).map((c) => c.kind === 'text' && c.text)).toEqual(['编号', '姓名']);
      const parse = { summary: parseSummary, scores: (o: typeof opened.value) => parseScores(o, JIAOZHOU_RUBRIC), ballots: parseBallots, events: parseEvents }[
        kind
      ];
      expect(parse(opened.value).parsed?.names).toEqual([{ id: 'S1', name: '张三', row: 2 }]);
    }
  });
});
