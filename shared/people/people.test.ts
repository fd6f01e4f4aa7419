/** People across years, consequences carried forward, the 期满考核 and what follows the meeting (docs/method.md §10–§13). */
import { describe, expect, it } from 'vitest';
import { computeAssessment, resultToJson } from '../method';
import { inputOf } from '../method/testing';
import type { Grade, Policy } from '../model';
import { presetPolicy } from '../policy';
import { approvalSummary, awardLines, unitFeedback } from './awards';
import { carriedBlocks, carriedInto, type PersonYear } from './carry';
import { inForceIn, occurrencesOf } from './consequences';
import { idNumberProblem, maskIdNumber, normalizeIdNumber } from './id-number';
import { nodeKey, proposalsFor, resolvePeople, statusOf, type PersonLink, type PersonNode } from './persons';
import { termSheetsOf } from './person-view';
import { proposedTermEnd, reviewTerm, type TermYear } from './term';

/** valid check digits (GB 11643) */
const ZHANG = '370281199001011232';
const LI = '11010519491231002X';

const node = (assessmentId: string, id: string, year: number, extra: Partial<PersonNode> = {}): PersonNode => ({
  assessmentId,
  id,
  year,
  name: '张建国',
  unit: '市农业农村局',
  mode: 'fulltime',
  ...extra,
});

const link = (from: PersonNode, to: PersonNode, extra: Partial<PersonLink> = {}): PersonLink => ({
  assessmentId: from.assessmentId,
  id: from.id,
  sameAs: { assessmentId: to.assessmentId, id: to.id },
  basis: 'nameUnit',
  by: '王敏',
  at: '2026-01-05T08:00:00.000Z',
  ...extra,
});

describe('身份证号', () => {
  it.each([
    [ZHANG, null],
    [LI, null],
    ['11010519491231002x', null],
    ['３７０２８１１９９００１０１１２３２', null],
    ['370281199001011235', '身份证号“3702**********1235”的校验位不符，请核对是否抄错'],
    ['37028119900101123', '“3702*********1123”不是18位身份证号（17位数字，最后一位为数字或X）'],
  ])('%s → %s', (text, problem) => {
    expect(idNumberProblem(text)).toBe(problem);
  });

  it('is masked to its first and last four, never the birth date', () => {
    expect(maskIdNumber(ZHANG)).toBe('3702**********1232');
    expect(maskIdNumber(' 11010519491231002x ')).toBe('1101**********002X');
    expect(normalizeIdNumber(' 11010519491231002x ')).toBe(LI);
  });
});

describe('people across assessments', () => {
  const a2023 = node('A23', 'S7', 2023, { idNumber: ZHANG });
  const a2024 = node('A24', 'S12', 2024);
  const a2025 = node('A25', 'T3', 2025, { idNumber: normalizeIdNumber(ZHANG) });
  const other = node('A24', 'S13', 2024, { name: '张建国', unit: '市教育局' });

  it('one person by 身份证号, whatever the 编号; a node without one stands alone until a person links it', () => {
    const people = resolvePeople([a2023, a2024, a2025, other], []);
    expect(people.keyOf(a2023)).toBe(people.keyOf(a2025));
    expect(people.keyOf(a2024)).not.toBe(people.keyOf(a2023));
    expect(statusOf(a2025, people, undefined)).toBe('idNumber');
    expect(statusOf(a2024, people, undefined)).toBe('alone');
    // the key does not show the 身份证号
    expect(people.keyOf(a2023)).toMatch(/^P[0-9a-f]{16}$/);
    expect(people.keyOf(a2023)).not.toContain('1990');
  });

  it('proposes a match on 姓名 + 派出单位 first, 姓名 alone after; a confirmed link makes one person', () => {
    const people = resolvePeople([a2023, a2024, a2025, other], []);
    const proposals = proposalsFor(a2024, people);
    expect(proposals.map((p) => [nodeKey(p.node), p.basis])).toEqual([['A25|T3', 'nameUnit']]);
    // S13 of the same assessment is never proposed for S12; a person with another 身份证号 is not proposed
    const stranger = node('A26', 'X1', 2026, { idNumber: LI });
    expect(proposalsFor(stranger, resolvePeople([a2023, stranger], []))).toEqual([]);

    const linked = resolvePeople([a2023, a2024, a2025, other], [link(a2024, a2023)]);
    expect(linked.nodesOf(linked.keyOf(a2024)).map(nodeKey)).toEqual(['A23|S7', 'A24|S12', 'A25|T3']);
    expect(statusOf(a2024, linked, link(a2024, a2023))).toBe('linked');
    expect(statusOf(other, linked, { assessmentId: 'A24', id: 'S13', distinct: true, by: '王敏', at: '' })).toBe('distinct');
  });
});

/** A person across three years with a 召回 and a 不称职 (issue 13). */
describe('a person across three years with a 召回 and a 不称职', () => {
  const policy = presetPolicy('jiaozhou');
  const years: PersonYear[] = [
    // 2023: 称职, recalled on 30 June 2023 (the quarterly review)
    {
      node: node('A23', 'S7', 2023),
      assessmentName: '2023年度考核',
      policy,
      grade: 'competent',
      recalls: [{ date: '2023-06-30', note: '无正当理由长期不在岗' }],
      final: true,
    },
    // 2024: 不称职, approved on 6 January 2025
    { node: node('A24', 'S12', 2024), assessmentName: '2024年度考核', policy, grade: 'incompetent', recalls: [], approvedAt: '2025-01-06', final: true },
  ];
  const now = node('A25', 'T3', 2025);
  const links = [link(years[1]!.node, years[0]!.node), link(now, years[1]!.node)];
  const people = resolvePeople([...years.map((y) => y.node), now], links);
  const history = new Map(years.map((y) => [nodeKey(y.node), y]));

  it('the 期满考核表 of 2025: the term’s years from every assessment, the 身份证号 masked, 不合格 by the policy', () => {
    const closing = node('A25', 'T3', 2025, { idNumber: ZHANG, termStart: '2023-03-01', termEnd: '2025-12-31', town: '胶莱镇', village: '前屯村' });
    const all = resolvePeople([...years.map((y) => y.node), closing], [link(years[1]!.node, years[0]!.node), link(closing, years[1]!.node)]);
    const sheets = termSheetsOf([closing, node('A25', 'T4', 2025, { name: '李志明' })], 2025, all, history, policy);
    expect(sheets).toEqual([
      {
        id: 'T3',
        name: '张建国',
        unit: '市农业农村局',
        village: '胶莱镇 前屯村',
        idNumber: '3702**********1232',
        term: '任期2023年3月1日至2025年12月31日',
        years: [
          { year: 2023, grade: '称职', recalls: '2023年6月30日被召回' },
          { year: 2024, grade: '不称职', recalls: '' },
          { year: 2025, grade: '无结果', recalls: '' },
        ],
        evaluation: '未录入',
        grade: '不合格',
        reasons: expect.arrayContaining(['2024年度考核为不称职，2023年6月30日被召回，期满考核为不合格']) as string[],
      },
    ]);
  });

  it('each consequence runs from its day: 当年 to 31 December, n years to the day before', () => {
    const recall = occurrencesOf(policy, { year: 2023, grade: null, mode: 'fulltime', recalls: years[0]!.recalls });
    expect(recall.map((o) => [o.text, o.from, o.until])).toEqual([
      ['当年不得评先评优', '2023-06-30', '2023-12-31'],
      ['是递进培养对象和后备干部的取消资格', '2023-06-30', '2023-12-31'],
      ['两年内不得提拔', '2023-06-30', '2025-06-29'],
    ]);
    const incompetent = occurrencesOf(policy, { year: 2024, grade: 'incompetent', approvedAt: '2025-01-06', mode: 'fulltime', recalls: [] });
    expect(incompetent.map((o) => [o.text, o.until, o.blocksExcellent])).toEqual([
      ['由市委组织部予以诫勉谈话', '2025-12-31', false],
      ['调整出“第一书记”队伍', '2025-12-31', false],
      ['取消年度评优资格', '2025-12-31', true],
      ['两年内不得提拔重用', '2027-01-05', false],
    ]);
    // counted for the assessment of a year when in force on its 31 December
    expect(incompetent.filter((o) => inForceIn(o, 2026)).map((o) => o.text)).toEqual(['两年内不得提拔重用']);
    expect(incompetent.filter((o) => inForceIn(o, 2027))).toEqual([]);
    // the dates move with the 审批日期: none → 1 January; approved within the year graded → 当年 ends with that year
    const unapproved = occurrencesOf(policy, { year: 2024, grade: 'incompetent', mode: 'fulltime', recalls: [] });
    expect(unapproved.map((o) => [o.from, o.until]).at(-1)).toEqual(['2025-01-01', '2026-12-31']);
    const early = occurrencesOf(policy, { year: 2024, grade: 'incompetent', approvedAt: '2024-12-20', mode: 'fulltime', recalls: [] });
    expect(early.filter((o) => inForceIn(o, 2025)).map((o) => [o.text, o.until])).toEqual([['两年内不得提拔重用', '2026-12-19']]);
  });

  it('opening 2025: 取消年度评优资格 this year (blocks 优秀), 两年内不得提拔重用 until 2027-01-05; the 2023 recall has run out', () => {
    const carried = carriedInto(2025, [now], people, history);
    expect(carried).toHaveLength(1);
    expect(carried[0]!.occurrences.map((o) => `${o.source}：${o.text}（至${o.until}）${o.blocksExcellent ? ' 不得评优' : ''}`)).toEqual([
      '2024年度考核不称职：由市委组织部予以诫勉谈话（至2025-12-31）',
      '2024年度考核不称职：调整出“第一书记”队伍（至2025-12-31）',
      '2024年度考核不称职：取消年度评优资格（至2025-12-31） 不得评优',
      '2024年度考核不称职：两年内不得提拔重用（至2027-01-05）',
    ]);
    expect(carriedBlocks(carried)).toEqual([{ id: 'T3', reason: '2024年度考核不称职：取消年度评优资格（至2025年12月31日）' }]);
  });

  it('opening 2024: the 2023 recall still bars promotion (两年内不得提拔 until 2025-06-29), but not 优秀', () => {
    const carried = carriedInto(2024, [years[1]!.node], people, history);
    expect(carried[0]!.occurrences.map((o) => [o.source, o.text, o.until])).toEqual([['2023年6月30日被召回', '两年内不得提拔', '2025-06-29']]);
    expect(carriedBlocks(carried)).toEqual([]);
  });

  it('the carried block passes the secretary over like any who may not be 优秀, and says why', () => {
    const input = inputOf(
      [
        { id: 'T3', org: '98', base: '95', votes: [40, 5, 0, 0] },
        { id: 'T4', org: '90', base: '90', votes: [40, 5, 0, 0] },
        { id: 'T5', org: '80', base: '90', votes: [40, 5, 0, 0] },
        { id: 'T6', org: '70', base: '90', votes: [40, 5, 0, 0] },
      ],
      policy,
      { carried: carriedBlocks(carriedInto(2025, [now], people, history)) },
    );
    const rows = resultToJson(computeAssessment(input)).categories[0]!.rows;
    const t3 = rows.find((r) => r.id === 'T3')!;
    expect(t3.grade).toBe('good');
    expect(t3.flags).toEqual(['carried']);
    expect(t3.reasons).toContain('名次第1，但2024年度考核不称职：取消年度评优资格（至2025年12月31日），不能评为优秀，由第2名书记T4递补');
    expect(rows.find((r) => r.id === 'T4')!.grade).toBe('excellent');
  });

  it('a recall recorded this year: flagged, and under the policy (当年不得评先评优) not 优秀', () => {
    const input = inputOf(
      [
        { id: 'R1', org: '98', base: '95', votes: [40, 5, 0, 0] },
        { id: 'R2', org: '90', base: '90', votes: [40, 5, 0, 0] },
        { id: 'R3', org: '80', base: '90', votes: [40, 5, 0, 0] },
        { id: 'R4', org: '70', base: '90', votes: [40, 5, 0, 0] },
      ],
      policy,
      { events: [{ id: 'R1', kind: 'recall', date: '2025-06-30', note: '每季度分析研判' }] },
    );
    const r1 = resultToJson(computeAssessment(input)).categories[0]!.rows.find((r) => r.id === 'R1')!;
    expect(r1.grade).toBe('good');
    expect(r1.flags).toEqual(['recalled']);
    expect(r1.reasons).toContain('2025-06-30召回撤换（每季度分析研判）');
    expect(r1.reasons).toContain('名次第1，但本年度被召回，当年不得评先评优，不能评为优秀，由第2名书记R2递补');
  });
});

describe('期满考核 by the policy', () => {
  const policy = presetPolicy('jiaozhou');
  const y = (year: number, grade: Grade | null, recalls: TermYear['recalls'] = []): TermYear => ({
    year,
    grade,
    gradeLabel: grade ? policy.labels[grade] : '',
    recalls,
  });

  it.each([
    ['any 不称职 year fails the term', [y(2023, 'excellent'), y(2024, 'incompetent')], undefined, 'fail', '2024年度考核为不称职，期满考核为不合格'],
    ['a recall fails the term', [y(2023, 'competent', [{ date: '2023-06-30' }]), y(2024, 'good')], undefined, 'fail', '2023年6月30日被召回，期满考核为不合格'],
    ['a failed evaluation fails the term', [y(2023, 'good'), y(2024, 'good')], 'fail', 'fail', '期满评价为不合格，期满考核为不合格'],
    ['a year still pending waits', [y(2023, 'good'), y(2024, 'pending')], undefined, 'pending', '2024年度考核结果待定，期满考核待定'],
    [
      'half the years 优秀 and an 优秀 evaluation',
      [y(2023, 'good'), y(2024, 'excellent')],
      'excellent',
      'excellent',
      '任期内2个年度中1个年度为优秀（不少于1/2），期满考核为优秀',
    ],
    ['half 优秀 but a 合格 evaluation', [y(2023, 'good'), y(2024, 'excellent')], 'pass', 'pass', '期满考核为合格'],
    ['a 基本称职 year keeps it from 优秀', [y(2023, 'basic'), y(2024, 'excellent')], undefined, 'pass', '有2023年度基本称职，不能评为优秀'],
    ['the years alone, without an evaluation', [y(2023, 'competent'), y(2024, 'good')], undefined, 'pass', '未录入期满评价，按任期内年度考核结果确定'],
  ] as const)('%s', (_, years, evaluation, grade, reason) => {
    const outcome = reviewTerm({ start: '2023-03-01', end: '2025-02-28', years: [...years], evaluation }, policy);
    expect(outcome.grade).toBe(grade);
    expect(outcome.reasons).toContain(reason);
    expect(outcome.reasons[0]).toMatch(/^任期2023年3月1日至2025年2月28日：2023年度/);
  });

  it('an evaluation the policy requires: waits for it', () => {
    const strict: Policy = { ...policy, term: { ...policy.term, evaluation: 'required' } };
    expect(reviewTerm({ years: [y(2024, 'good')] }, strict)).toMatchObject({ grade: 'pending' });
  });

  it('proposes the term end by 驻村方式 (胶州 第四条: 脱产驻村一年，非脱产联村两年)', () => {
    expect(proposedTermEnd(policy, '2024-03-01', 'fulltime')).toBe('2025-02-28');
    expect(proposedTermEnd(policy, '2024-03-01', 'parttime')).toBe('2026-02-28');
    expect(proposedTermEnd(presetPolicy('daan'), '2024-03-01', 'fulltime')).toBe('2026-02-28');
  });
});

describe('after the review meeting', () => {
  const people = [
    { id: 'S1', org: '98', base: '95', votes: [40, 5, 0, 0], s: { unit: '市农业农村局', mode: 'fulltime' as const } },
    { id: 'S2', org: '90', base: '90', votes: [40, 5, 0, 0], s: { unit: '市农业农村局', mode: 'fulltime' as const } },
    { id: 'S3', org: '80', base: '90', votes: [40, 5, 0, 0], s: { unit: '市教育局', mode: 'fulltime' as const } },
    { id: 'S4', org: '70', base: '90', votes: [40, 5, 0, 0], s: { unit: '市农业农村局', mode: 'fulltime' as const } },
    { id: 'S5', org: '60', base: '90', votes: [10, 5, 30, 0], s: { unit: '市教育局', mode: 'fulltime' as const } },
  ];

  it('奖惩意见 from each grade and the policy; an edit stands with its reason', () => {
    const policy = presetPolicy('jiaozhou');
    const result = computeAssessment(inputOf(people, policy, { events: [{ id: 'S5', kind: 'breach', note: '饮酒' }] }));
    const edits = new Map([['S3', { lines: ['通报表扬'], reason: '部长办公会研究', by: '王敏', at: '2025-01-06T08:00:00Z' }]]);
    const lines = awardLines(result, policy, { year: 2024, approvedAt: '2025-01-06', recalls: new Map(), edits });
    const of = (id: string) => lines.find((l) => l.id === id)!;
    expect(of('S1')).toMatchObject({ grade: 'excellent', gradeLabel: '优秀' });
    expect(of('S1').lines).toEqual([
      '由市委授予“优秀第一书记”称号',
      '优先推荐为各级优秀共产党员、优秀党务工作者、先进工作者和劳动模范',
      '不占单位名额直接确定为机关事业单位年度考核优秀等次',
      '优先提拔重用',
    ]);
    expect(of('S1').cadre).toEqual(['由市委授予“优秀第一书记”称号', '不占单位名额直接确定为机关事业单位年度考核优秀等次']);
    expect(of('S5').lines).toEqual(['由市委组织部予以诫勉谈话', '调整出“第一书记”队伍', '取消年度评优资格', '两年内不得提拔重用（至2027年1月5日）']);
    expect(of('S3')).toMatchObject({ lines: ['通报表扬'], edit: { reason: '部长办公会研究' } });
    const summary = approvalSummary(lines, policy, 2024);
    expect(summary.grades.map((g) => [g.label, g.names.length])).toEqual([
      ['优秀', 1],
      ['良好', 1],
      ['称职', 2],
      ['不称职', 1],
    ]);
    expect(summary.edited).toEqual(['书记S3']);
  });

  it('the 000 rule: a 派出单位 with two recalls in one year is flagged; its letter lists its secretaries', () => {
    const policy = presetPolicy('daan');
    const result = computeAssessment(inputOf(people, policy));
    const recalls = new Map([
      ['S2', [{ date: '2024-03-31' }]],
      ['S4', [{ date: '2024-09-30' }]],
      ['S3', [{ date: '2024-06-30' }]],
    ]);
    const units = unitFeedback(awardLines(result, policy, { year: 2024, recalls, edits: new Map() }), policy, 2024);
    expect(units.map((u) => [u.unit, u.lines.map((l) => l.id), u.recalls, !!u.flag])).toEqual([
      ['市教育局', ['S3', 'S5'], 1, false],
      ['市农业农村局', ['S1', 'S2', 'S4'], 2, true],
    ]);
    expect(units[1]!.flag).toBe(
      '2024年度本单位选派的第一书记被召回2次（一年内2次及以上）：扣减派出单位目标绩效综合考评分值，单位主要负责人当年年度考核不得评为“优秀”等次',
    );
    // a recalled secretary's 奖惩意见 says so
    expect(units[1]!.lines.find((l) => l.id === 'S2')!.lines).toContain('因召回，两年内不得提拔（至2026年3月30日）');
  });
});
