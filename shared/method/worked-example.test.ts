/** docs/method.md §8, the worked example: must hold exactly. */
import { describe, expect, it } from 'vitest';
import { computeAssessment, resultToJson } from '.';
import { inputOf } from './testing';

const example = inputOf([
  { id: 'S1', org: '96', base: '90', votes: [30, 8, 2, 0, 0], eligible: 45 },
  { id: 'S2', org: '92', base: '78', votes: [35, 5, 0, 0, 0], eligible: 42 },
  { id: 'S3', org: '88', base: '85', votes: [20, 10, 5, 4, 1], eligible: 48 },
  { id: 'S4', org: '90', base: '86', votes: [10, 10, 20, 2, 0], eligible: 50 },
]);

describe('the worked example of docs/method.md §8', () => {
  const json = resultToJson(computeAssessment(example));
  const category = json.categories[0]!;
  const row = (id: string) => category.rows.find((r) => r.id === id)!;

  it('has one category 镇街·脱产·正股级 of 4 with one place in each band', () => {
    expect(json.categories).toHaveLength(1);
    expect(category).toMatchObject({
      key: 'town|fulltime|section',
      label: '镇街·脱产·正股级',
      size: 4,
      quotas: { excellent: 1, good: 1 },
      smallCategory: false,
    });
    expect(Object.keys(category.quotas)).toEqual(['excellent', 'good']);
  });

  it('computes satisfaction and totals exactly', () => {
    expect(row('S1')).toMatchObject({ satisfaction: '0.9500', total: '91.20', totalExact: '456/5' });
    expect(row('S2')).toMatchObject({ satisfaction: '1.0000', total: '92.00', totalExact: '92' });
    expect(row('S3')).toMatchObject({ satisfaction: '0.7500', total: '66.00', totalExact: '66' });
    expect(row('S4')).toMatchObject({ satisfaction: '0.4762', total: '42.86', totalExact: '300/7' });
  });

  it('ranks by total, whatever the grade: S2 1, S1 2, S3 3, S4 4', () => {
    expect(category.rows.map((r) => [r.id, r.rank])).toEqual([
      ['S2', 1],
      ['S1', 2],
      ['S3', 3],
      ['S4', 4],
    ]);
  });

  it('passes S2 over for base 78 < 80: S1 excellent, S2 good, S3 competent, S4 basic', () => {
    expect(category.rows.map((r) => [r.id, r.grade])).toEqual([
      ['S2', 'good'],
      ['S1', 'excellent'],
      ['S3', 'competent'],
      ['S4', 'basic'],
    ]);
    expect(row('S2').flags).toEqual(['baseBelowMin']);
    expect(row('S4').flags).toEqual(['satisfactionBasic']);
    expect(row('S1').flags).toEqual([]);
    expect(row('S3').flags).toEqual([]);
  });

  it('explains every grade in Chinese', () => {
    expect(row('S2').reasons).toContain('名次第1，但基本分78低于80分，不能评为优秀，由第2名书记S1递补');
    expect(row('S2').reasons).toContain('名次第1，在本类别良好名额（1名）内，评为良好');
    expect(row('S1').reasons).toEqual(['名次第2，因第1名书记S2不能评为优秀而递补，评为优秀']);
    expect(row('S3').reasons).toEqual(['名次第3，未进入优秀（1名）、良好（1名）名额，评为称职']);
    expect(row('S4').reasons[0]).toBe('群众满意度20/42（47.62%），低于2/3，测评等次为基本称职，直接确定为基本称职');
  });
});
