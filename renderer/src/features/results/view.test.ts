/** The results screen's search and filters on the worked example (docs/method.md §8) and a boundary tie. */
import { describe, expect, it } from 'vitest';
import { computeAssessment } from '../../../../shared/method';
import { inputOf, type Person } from '../../../../shared/method/testing';
import { DEFAULT_GRADE_LABELS, FLAGS, type Secretary } from '../../../../shared/model';
import { EMPTY_VIEW, gradeCounts, isNarrowed, matchesSearch, needChoices, townsOf, viewRows, type ResultsView } from './view';

const chief: Partial<Secretary> = { rankClass: 'chief' };
const people: Person[] = [
  { id: 'S1', org: '96', base: '90', votes: [30, 8, 2, 0], s: { name: '王明', town: '甲镇' } },
  { id: 'S2', org: '92', base: '78', votes: [35, 5, 0, 0], eligible: 42, s: { name: '李强', town: '乙镇' } },
  { id: 'S3', org: '88', base: '85', votes: [20, 10, 5, 4, 1], eligible: 48, s: { name: '张华', town: '甲镇' } },
  { id: 'S4', org: '90', base: '86', votes: [10, 10, 20, 2], eligible: 50, s: { name: '刘洋', town: '乙镇' } },
  { id: 'T1', org: '95', base: '90', votes: [40, 0, 0, 0], s: { ...chief, name: '陈静', town: '甲镇' } },
  { id: 'T2', org: '95', base: '90', votes: [40, 0, 0, 0], s: { ...chief, name: '杨帆', town: '甲镇' } },
  { id: 'T3', org: '80', base: '85', votes: [30, 10, 0, 0], s: { ...chief, name: '赵磊', town: '乙镇' } },
  { id: 'T4', org: '70', base: '85', votes: [30, 10, 0, 0], s: { ...chief, name: '孙丽', town: '乙镇' } },
];
const decided = { decisions: [{ id: 'T1', grade: 'excellent' as const, reason: '会议研究确定', by: '张三' }] };
const result = computeAssessment(inputOf(people, 'jiaozhou', decided));
const rows = result.categories.flatMap((c) => c.rows);
const ids = (view: Partial<ResultsView>) => result.categories.flatMap((c) => viewRows(c, { ...EMPTY_VIEW, ...view }).map((r) => r.id));

describe('the results view', () => {
  it.each<[string, Partial<ResultsView>, string[]]>([
    ['nothing narrowed: everyone, in rank order per category', {}, ['T1', 'T2', 'T3', 'T4', 'S2', 'S1', 'S3', 'S4']],
    ['需关注: 待定, the tie, the decision, and every flag', { need: 'attention' }, ['T1', 'T2', 'S2', 'S4']],
    ['等次待定: the tied secretary not yet decided', { need: 'pending' }, ['T2']],
    ['并列: both of the tie, decided or not', { need: 'tieAtBoundary' }, ['T1', 'T2']],
    ['审定: the decided one', { need: 'decided' }, ['T1']],
    ['a flag: 基本分低于优秀最低分', { need: 'baseBelowMin' }, ['S2']],
    ['search by 姓名', { query: '张华' }, ['S3']],
    ['search by part of a 编号, any case', { query: 't' }, ['T1', 'T2', 'T3', 'T4']],
    ['search and filter together', { query: '杨', need: 'tieAtBoundary' }, ['T2']],
    ['a 镇街', { town: '乙镇' }, ['T3', 'T4', 'S2', 'S4']],
    ['a 镇街 and a flag', { town: '甲镇', need: 'baseBelowMin' }, []],
  ])('%s', (_, view, expected) => {
    expect(ids(view)).toEqual(expected);
  });

  it('searches 姓名 and 编号 only, ignoring spaces around the query', () => {
    const s1 = rows.find((r) => r.id === 'S1')!;
    expect(matchesSearch(s1, ' 王明 ')).toBe(true);
    expect(matchesSearch(s1, 's1')).toBe(true);
    expect(matchesSearch(s1, '甲镇')).toBe(false);
  });

  it('offers each choice in Chinese with how many it keeps; 并列 and 审定 first among the flags', () => {
    const choices = needChoices(rows, DEFAULT_GRADE_LABELS);
    expect(choices.slice(0, 5).map((c) => [c.label, c.count])).toEqual([
      ['全部', 8],
      ['需关注（待定、并列、审定及各项标注）', 4],
      ['等次待定', 1],
      ['等次分界处并列，待部长办公会确定', 2],
      ['部长办公会已审定', 1],
    ]);
    expect(choices.find((c) => c.key === 'baseBelowMin')).toEqual({ key: 'baseBelowMin', label: '基本分低于优秀最低分', count: 1 });
    expect(choices).toHaveLength(3 + FLAGS.length);
  });

  it('counts grades in grade order', () => {
    const chiefs = result.categories.find((c) => c.rows.some((r) => r.id === 'T1'))!.rows;
    expect(gradeCounts(chiefs)).toEqual([
      { grade: 'excellent', count: 1 },
      { grade: 'competent', count: 2 },
      { grade: 'pending', count: 1 },
    ]);
  });

  it('knows when the view is narrowed and lists the towns', () => {
    expect(isNarrowed(EMPTY_VIEW)).toBe(false);
    expect(isNarrowed({ ...EMPTY_VIEW, query: '  ' })).toBe(false);
    expect(isNarrowed({ ...EMPTY_VIEW, need: 'pending' })).toBe(true);
    expect(townsOf(rows)).toEqual(['甲镇', '乙镇']);
  });
});
