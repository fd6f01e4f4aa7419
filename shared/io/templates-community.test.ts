/** The scores template and its import for a 社区 secretary scored by the 社区 rubric (docs/method.md §2.6). */
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../exact/rational';
import { computeAssessment } from '../method/compute';
import { policyWith, secretary } from '../method/testing';
import type { Rubric } from '../model';
import { COMMUNITY_RUBRIC } from '../rubric/community';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { parseScores } from './scores';
import { writeRosterTemplate } from './templates';
import { fillTemplate } from './testing';
import { openWorkbook } from './workbook';

/** 第八条's rubric with one item of the county's own: 每年至少为社区办2件实事, counted. */
const community: Rubric = structuredClone(COMMUNITY_RUBRIC);
community.sections[0]!.groups[4]!.items.push({
  code: 'A5.2',
  name: '为社区办理实事',
  kind: 'bonus',
  inputs: [{ code: 'A5.2', label: '办理实事件数', kind: 'count', points: '2' }],
});

const roster = [secretary('V1', { name: '王村', village: '东村' }), secretary('S1', { name: '李社', village: '福州路社区', postType: 'community' })];

describe('the scores template for a 社区 secretary', () => {
  it('names the 社区 words beside a shared code and adds the 社区 rubric’s own inputs', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeRosterTemplate('scores', roster, JIAOZHOU_RUBRIC, community)) as unknown as ArrayBuffer);
    const ws = workbook.worksheets[0]!;
    const headers = (ws.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.at(-1)).toBe('A5.2 办理实事件数（社区）');
    const a21 = headers.indexOf('A2.1 形成科学发展规划') + 1;
    expect(String(ws.getRow(1).getCell(a21).note)).toContain('社区：指导建立和谐社区“215”党建工作运行机制');
  });

  it('round trip: typed, read back, and scored by the 社区 rubric for the 社区 secretary only', async () => {
    const bytes = await writeRosterTemplate('scores', roster, JIAOZHOU_RUBRIC, community);
    const filled = await fillTemplate(bytes, [
      { 'A2.1': '是', 'A5.2': 3 },
      { 'A2.1': '是', 'A5.2': 3 },
    ]);
    const opened = await openWorkbook({ name: 'scores.xlsx', bytes: filled });
    if (!opened.ok) throw new Error(opened.errors[0]?.message);
    const outcome = parseScores(opened.value, JIAOZHOU_RUBRIC, community);
    expect(outcome.errors).toEqual([]);
    const itemScores = outcome.parsed!.entries.map((e) => e.value);
    expect(itemScores).toEqual([
      { id: 'V1', inputs: { 'A2.1': '1', 'A5.2': '3' } },
      { id: 'S1', inputs: { 'A2.1': '1', 'A5.2': '3' } },
    ]);
    const result = computeAssessment({
      policy: policyWith({ communityRubric: 'own' }),
      rubric: JIAOZHOU_RUBRIC,
      communityRubric: community,
      secretaries: roster,
      itemScores,
      summaryScores: [],
      tallies: [],
      events: [],
      decisions: [],
    });
    const row = (id: string) => result.categories.flatMap((c) => c.rows).find((r) => r.id === id)!;
    // 59 with nothing, +10 for A2.1; the village rubric has no A5.2, the 社区 one gives 2 × 3
    expect(row('V1').items!.some((i) => i.code === 'A5.2')).toBe(false);
    expect(toDecimal(row('V1').orgScore!)).toBe('69');
    expect(toDecimal(row('S1').orgScore!)).toBe('75');
  });

  it('without a 社区 rubric the columns are the village rubric’s, as before', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await writeRosterTemplate('scores', roster, JIAOZHOU_RUBRIC)) as unknown as ArrayBuffer);
    const headers = (workbook.worksheets[0]!.getRow(1).values as unknown[]).slice(1).map(String);
    expect(headers.some((h) => h.includes('（社区）'))).toBe(false);
  });

  it('a 社区 rubric whose shared code reads differently from the village one is refused, naming the code, before any row is read', async () => {
    const bytes = await writeRosterTemplate('scores', roster, JIAOZHOU_RUBRIC, community);
    const opened = await openWorkbook({ name: 'scores.xlsx', bytes: await fillTemplate(bytes, [{ 'A3.1': 1 }, { 'A3.1': 1 }]) });
    if (!opened.ok) throw new Error(opened.errors[0]?.message);
    const edited = structuredClone(community);
    const a31 = edited.sections[0]!.groups[2]!.items.find((i) => i.code === 'A3.1')!.inputs[0]!;
    a31.max = '3';
    const outcome = parseScores(opened.value, JIAOZHOU_RUBRIC, edited);
    expect(outcome.parsed).toBeNull();
    expect(outcome.errors).toEqual([
      {
        sheet: expect.any(String),
        message: '录入项“A3.1”在村和社区考评细则中的上限（村：无，社区：3）不同：考评细则评分表中同一编码只有一列，请改为一致，或给社区的录入项另用编码',
      },
    ]);
  });
});
