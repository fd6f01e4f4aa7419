/** The 社区 rubric of 第八条 as the differences from the village one (docs/method.md §2.6). */
import { describe, expect, it } from 'vitest';
import { toDecimal } from '../exact/rational';
import { computeAssessment, rubricFor } from '../method/compute';
import { inputOf, policyWith, secretary } from '../method/testing';
import type { AssessmentResult, Rubric } from '../model';
import { checkRubric } from './check';
import { COMMUNITY_OVERLAY, COMMUNITY_RUBRIC, sharedInputConflicts } from './community';
import { JIAOZHOU_RUBRIC } from './jiaozhou';
import { applyRubricOverlay, overlayUnknownCodes } from './overlay';

const rowOf = (result: AssessmentResult, id: string) => result.categories.flatMap((c) => c.rows).find((r) => r.id === id)!;
const items = (rubric: Rubric) => rubric.sections.flatMap((s) => s.groups.flatMap((g) => g.items));
const item = (rubric: Rubric, code: string) => items(rubric).find((i) => i.code === code)!;
const group = (rubric: Rubric, code: string) => rubric.sections.flatMap((s) => s.groups).find((g) => g.code === code)!;

describe('the 社区 rubric (第八条)', () => {
  it('is a valid rubric and names only codes the village rubric has', () => {
    expect(checkRubric(COMMUNITY_RUBRIC).ok).toBe(true);
    expect(overlayUnknownCodes(JIAOZHOU_RUBRIC, COMMUNITY_OVERLAY)).toEqual([]);
    expect(overlayUnknownCodes(JIAOZHOU_RUBRIC, { id: 'x', name: 'x', items: { Z9: { name: 'z' } } })).toEqual(['项目“Z9”']);
  });

  it('has 第八条’s five goals in place of 第七条’s, and 为社区办理实事 with the 2 件 a year', () => {
    expect(['A1', 'A2', 'A3', 'A4', 'A5'].map((g) => group(COMMUNITY_RUBRIC, g).name)).toEqual([
      '健全组织网络',
      '规范运行机制',
      '抓好制度落实',
      '建好活动场所',
      '办理一批实事',
    ]);
    expect(item(COMMUNITY_RUBRIC, 'A2.1').name).toContain('“215”党建工作运行机制');
    expect(item(COMMUNITY_RUBRIC, 'B2.1').name).toBe('按规定主持召开社区“两委”工作例会');
    expect(COMMUNITY_RUBRIC.sections.find((s) => s.code === 'C')!.name).toBe('为社区办理实事');
    expect(group(COMMUNITY_RUBRIC, 'C').name).toContain('每年至少为社区办2件实事');
    expect(item(COMMUNITY_RUBRIC, 'C4').name).toContain('党建示范点');
  });

  it('keeps the village points, bounds and input codes (第十八条 参照执行); the village rubric is not changed', () => {
    const strip = (r: Rubric) => items(r).map(({ name: _n, inputs, ...rest }) => ({ ...rest, inputs: inputs.map(({ label: _l, ...x }) => x) }));
    expect(strip(COMMUNITY_RUBRIC)).toEqual(strip(JIAOZHOU_RUBRIC));
    expect(group(JIAOZHOU_RUBRIC, 'A1').name).toBe('加强队伍建设');
    expect(item(JIAOZHOU_RUBRIC, 'B2.1').name).toBe('按规定主持召开村“两委”工作例会');
  });

  it('an overlay may change points where a rubric says so; what it does not name stays', () => {
    const r = applyRubricOverlay(JIAOZHOU_RUBRIC, { id: 'x', name: '试', inputs: { 'A1.2': { points: '20' } } });
    expect(item(r, 'A1.2').inputs[0]!.points).toBe('20');
    expect(item(r, 'A1.3')).toEqual(item(JIAOZHOU_RUBRIC, 'A1.3'));
  });
});

describe('rubricFor: who is scored by the 社区 rubric', () => {
  const setting = (communityRubric: 'same' | 'own') => ({
    policy: policyWith({ communityRubric }),
    rubric: JIAOZHOU_RUBRIC,
    communityRubric: COMMUNITY_RUBRIC,
  });
  it('a 社区 secretary under “own”; a village one never; nobody under “same”', () => {
    expect(rubricFor(secretary('S', { postType: 'community' }), setting('own'))).toBe(COMMUNITY_RUBRIC);
    expect(rubricFor(secretary('V'), setting('own'))).toBe(JIAOZHOU_RUBRIC);
    expect(rubricFor(secretary('S', { postType: 'community' }), setting('same'))).toBe(JIAOZHOU_RUBRIC);
  });

  it('the results score a 社区 secretary with the 社区 rubric and a village one with the village rubric', () => {
    // a community rubric that gives 集中培训 20 points makes the difference visible in the totals
    const community = applyRubricOverlay(COMMUNITY_RUBRIC, { id: 'c', name: '社区', inputs: { 'A1.2': { points: '20' } } });
    const base = inputOf([
      { id: 'V', org: '0', base: '0', votes: [30, 10, 0, 0] },
      { id: 'S', org: '0', base: '0', votes: [30, 10, 0, 0], s: { postType: 'community' } },
    ]);
    const input = {
      ...base,
      policy: policyWith({ communityRubric: 'own' }),
      communityRubric: community,
      summaryScores: [],
      itemScores: ['V', 'S'].map((id) => ({ id, inputs: { 'A1.2': '1' } })),
    };
    const org = (id: string) => toDecimal(rowOf(computeAssessment(input), id).orgScore!);
    expect(org('V')).toBe('69');
    expect(org('S')).toBe('79');
    expect(toDecimal(rowOf(computeAssessment({ ...input, policy: policyWith({ communityRubric: 'same' }) }), 'S').orgScore!)).toBe('69');
  });
});

describe('the codes both rubrics share', () => {
  const input = (rubric: Rubric, code: string) =>
    items(rubric)
      .flatMap((i) => i.inputs)
      .find((i) => i.code === code)!;

  it('read alike in 第八条’s rubric; a bound written another way is the same bound', () => {
    expect(sharedInputConflicts(JIAOZHOU_RUBRIC, COMMUNITY_RUBRIC)).toEqual([]);
    const village = structuredClone(JIAOZHOU_RUBRIC);
    const community = structuredClone(COMMUNITY_RUBRIC);
    input(village, 'A3.1').max = '10';
    input(community, 'A3.1').max = '10.0';
    expect(sharedInputConflicts(village, community)).toEqual([]);
  });

  it('each code whose kind or bounds differ is named, with both sides', () => {
    const community = structuredClone(COMMUNITY_RUBRIC);
    Object.assign(input(community, 'A2.1'), { kind: 'count' });
    Object.assign(input(community, 'A3.1'), { min: '1', max: '5' });
    expect(sharedInputConflicts(JIAOZHOU_RUBRIC, community).map((e) => e.message)).toEqual([
      '录入项“A2.1”在村和社区考评细则中的类型（村：是/否，社区：次数/个数）不同：考评细则评分表中同一编码只有一列，请改为一致，或给社区的录入项另用编码',
      '录入项“A3.1”在村和社区考评细则中的下限（村：无，社区：1）、上限（村：无，社区：5）不同：考评细则评分表中同一编码只有一列，请改为一致，或给社区的录入项另用编码',
    ]);
  });
});
