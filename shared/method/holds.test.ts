/** 暂缓定等 (docs/method.md §5.9): a grade held back takes no place; the band's places go to the others, explained. */
import { describe, expect, it } from 'vitest';
import { computeAssessment, resultToJson, type RowJson } from '.';
import type { Decision, DirectEvent, GradeHold, Policy } from '../model';
import { holdText } from './compute';
import { inputOf, policyWith, type Person } from './testing';

/** 10 secretaries, org 100 … 91, all 40 of 45 satisfied: 3 优秀, 3 良好 */
const ladder: Person[] = Array.from({ length: 10 }, (_, i) => ({
  id: `P${String(i + 1).padStart(2, '0')}`,
  org: String(100 - i),
  base: '90',
  votes: [30, 10, 5, 0],
}));

const hold = (id: string, reason: GradeHold['reason'] = 'investigation', note?: string): GradeHold => ({
  id,
  reason,
  ...(note ? { note } : {}),
  by: '张三',
  at: '2024-12-20',
});

function run(holds: GradeHold[], extra: { decisions?: Decision[]; events?: DirectEvent[]; policy?: Policy } = {}) {
  const json = resultToJson(
    computeAssessment(inputOf(ladder, extra.policy ?? 'jiaozhou', { holds, decisions: extra.decisions ?? [], events: extra.events ?? [] })),
  );
  const category = json.categories[0]!;
  const row = (id: string): RowJson => category.rows.find((r) => r.id === id)!;
  const grades = category.rows.map((r) => `${r.id} ${r.grade}`);
  return { category, row, grades };
}

describe('暂缓定等', () => {
  it('the holder keeps the rank, is pending with the reason, and takes no place: 优秀 goes to 2–4, 良好 to 5–7', () => {
    const { row, grades, category } = run([hold('P01', 'investigation', '市纪委立案')]);
    expect(category.quotas).toEqual({ excellent: 3, good: 3 });
    expect(grades).toEqual([
      'P01 pending',
      'P02 excellent',
      'P03 excellent',
      'P04 excellent',
      'P05 good',
      'P06 good',
      'P07 good',
      'P08 competent',
      'P09 competent',
      'P10 competent',
    ]);
    expect(row('P01')).toMatchObject({ rank: 1, flags: ['held'] });
    expect(row('P01').reasons).toEqual([
      '暂缓定等：立案审查中（市纪委立案）（张三，2024-12-20），等次暂不确定，不占等次名额',
      '名次第1，暂缓定等，不占优秀名额，由第4名书记P04递补',
    ]);
    expect(row('P04').reasons).toEqual(['名次第4，因第1名书记P01暂缓定等而递补，评为优秀']);
    expect(row('P05').reasons).toEqual(['名次第5，在本类别良好名额（3名）内，评为良好']);
  });

  it('a holder ranked in the 良好 band passes that place down', () => {
    const { row, grades } = run([hold('P05', 'shortPresence')]);
    expect(grades.slice(0, 8)).toEqual(['P01 excellent', 'P02 excellent', 'P03 excellent', 'P04 good', 'P05 pending', 'P06 good', 'P07 good', 'P08 competent']);
    expect(row('P05').reasons).toEqual([
      '暂缓定等：驻村不足一定期限（张三，2024-12-20），等次暂不确定，不占等次名额',
      '名次第5，暂缓定等，不占良好名额，由第7名书记P07递补',
    ]);
    expect(row('P07').reasons).toEqual(['名次第7，因第5名书记P05暂缓定等而递补，评为良好']);
  });

  it('a holder outside the bands changes nothing for the others', () => {
    const { row, grades } = run([hold('P09', 'other', '待审计结论')]);
    expect(grades.filter((g) => !g.startsWith('P09'))).toEqual(run([]).grades.filter((g) => !g.startsWith('P09')));
    expect(row('P09').reasons).toEqual(['暂缓定等：待审计结论（张三，2024-12-20），等次暂不确定，不占等次名额', '考核总分名次第9，暂缓定等']);
  });

  it('is reversible: without the hold the grade is computed again', () => {
    expect(run([]).row('P01').grade).toBe('excellent');
  });

  it('the quota is counted on the whole category (quotaBase all), without the holder under quotaBase ranked', () => {
    expect(run([hold('P01')]).category.quotas).toEqual({ excellent: 3, good: 3 });
    expect(run([hold('P01')], { policy: policyWith({ quotaBase: 'ranked' }) }).category.quotas).toEqual({ excellent: 2, good: 2 });
  });

  it('a grade fixed before ranking is held too, and says what it would be', () => {
    const { row } = run([hold('P03')], { events: [{ id: 'P03', kind: 'breach', note: '饮酒' }] });
    expect(row('P03').grade).toBe('pending');
    expect(row('P03').flags).toEqual(['directIncompetent', 'held']);
    expect(row('P03').reasons).toContain('暂缓定等：立案审查中（张三，2024-12-20），如不暂缓应为不称职，等次暂不确定，不占等次名额');
    // it was never a candidate, so nobody moves up for it
    expect(run([hold('P03')], { events: [{ id: 'P03', kind: 'breach' }] }).row('P04').reasons).toEqual(['名次第4，在本类别优秀名额（3名）内，评为优秀']);
  });

  it('the review meeting may then decide the held grade: a band over its quota is said, nobody moves down', () => {
    const decisions: Decision[] = [{ id: 'P01', grade: 'excellent', reason: '审查结束，未发现问题', by: '李四', at: '2025-01-10' }];
    const { category, grades } = run([hold('P01')], { decisions });
    expect(grades.slice(0, 4)).toEqual(['P01 excellent', 'P02 excellent', 'P03 excellent', 'P04 excellent']);
    expect(category.quotaNotes?.map((n) => n.text)).toEqual(['优秀 4 人，超出名额（3 人）1 人']);
  });

  it('says the hold in words', () => {
    expect(holdText({ id: 'S1', reason: 'other', note: '', by: '张三' })).toBe('暂缓定等：其他原因（张三）');
  });
});
