/** Cross-checks between the workbooks of one assessment. */
import { describe, expect, it } from 'vitest';
import { presetPolicy } from '../policy';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { readAssessmentInputs } from '.';
import { workbookOf } from './testing';

const policy = presetPolicy('jiaozhou');
const ROSTER = ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数'];
const roster = (rows: unknown[][] = [['S1', '张三', '镇街', '脱产', '正股级', 45], ['S2', '李四', '镇街', '脱产', '正股级', 42]]) =>
  workbookOf({ 名册: [ROSTER, ...(rows as never[][])] });
const BALLOTS = ['编号', '很满意', '满意', '基本满意', '不满意', '废票'];

describe('readAssessmentInputs', () => {
  it('returns the AssessmentInput when everything agrees', async () => {
    const result = await readAssessmentInputs(
      {
        roster: await roster(),
        summary: await workbookOf({ 考评得分汇总: [['编号', '基本分', '组织工作目标考评得分'], ['S1', 90, 96]] }),
        scores: await workbookOf({ 考评细则评分: [['编号', 'A3.2 缺少民主活动日次数'], ['S2', 1]] }),
        ballots: await workbookOf({ 测评计票: [BALLOTS, ['S1', 30, 8, 2, 0, 0], ['S2', 35, 5, 0, 0, 0]] }),
        events: await workbookOf({ 直接定等事项: [['编号', '事项'], ['S2', 'breach']] }),
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
        roster: await roster([['S1', '张三', '镇街', '脱产', '正股级', 45], ['S2', '李四', '镇街', '脱产', '正股级', 42], ['S3', '王五', '市直', '脱产', '正股级', 30]]),
        summary: await workbookOf({ 考评得分汇总: [['编号', '基本分', '组织工作目标考评得分'], ['S1', 90, 96], ['S9', 80, 80]] }),
        scores: await workbookOf({ 考评细则评分: [['编号', 'A3.2 缺少民主活动日次数'], ['S1', 1]] }),
        ballots: await workbookOf({ 测评计票: [BALLOTS, ['S1', 40, 8, 0, 0, 0], ['S3', 20, 5, 0, 0, 0]] }),
        events: await workbookOf({ 直接定等事项: [['编号', '事项'], ['S8', 'breach']] }),
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
    expect(result.errors.find((e) => e.sheet === '测评计票')!.message).toBe('投票数 48 超过名册中的应参加人数 45，本次测评无效，应重新组织投票');
    expect(result.errors.find((e) => e.sheet === '考评得分汇总' && e.row === 3)!.message).toBe('编号“S9”不在名册中');
  });

  it('requires presence days when policy.minPresence is set', async () => {
    const files = {
      roster: await roster([['S1', '张三', '镇街', '脱产', '正股级', 45]]),
      summary: await workbookOf({ 考评得分汇总: [['编号', '基本分', '组织工作目标考评得分'], ['S1', 90, 96]] }),
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
        summary: await workbookOf({ 考评得分汇总: [['编号', '基本分', '组织工作目标考评得分'], ['S1', 90, 96], ['S2', 90, 96]] }),
        ballots: { name: '计票.xlsx', bytes: new TextEncoder().encode('not a workbook') },
      },
      policy,
      JIAOZHOU_RUBRIC,
    );
    expect(!result.ok && result.errors).toEqual([{ sheet: '计票.xlsx', message: '无法读取：不是有效的 Excel 工作簿（.xlsx）文件' }]);
  });
});
