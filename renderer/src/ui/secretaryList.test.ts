import { describe, expect, it } from 'vitest';
import { secretary } from '../../../shared/method/testing';
import { matchesQuery, neighbour, shownSecretaries, statusCounts } from './secretaryList';

const roster = [
  secretary('S1', { name: '王明', town: '三里河街道', village: '东庄村' }),
  secretary('S2', { name: '李强', town: '胶东街道', village: '西庄村' }),
  secretary('S3', { name: '张华', town: '九龙街道', village: '南庄村' }),
  secretary('S4', { name: '刘洋', town: '李哥庄镇', village: '北庄村' }),
  secretary('S5', { name: '陈静', town: '胶莱镇', village: '前屯村' }),
];
type Status = 'none' | 'firstEntered' | 'accepted';
const status: Record<string, Status> = { S1: 'accepted', S2: 'firstEntered', S3: 'none', S4: 'firstEntered', S5: 'none' };
const statusOf = (s: { id: string }) => status[s.id]!;
const order = roster.map((s) => s.id);

describe('the workbench list', () => {
  it('searches 编号, 姓名, 村 and 镇街', () => {
    expect(roster.filter((s) => matchesQuery(s, 's2')).map((s) => s.id)).toEqual(['S2']);
    expect(roster.filter((s) => matchesQuery(s, '胶')).map((s) => s.id)).toEqual(['S2', 'S5']);
    expect(roster.filter((s) => matchesQuery(s, ' 庄村 ')).map((s) => s.id)).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  it('filters by status (待第二次录入) together with the search', () => {
    expect(shownSecretaries(roster, '', 'firstEntered', statusOf).map((s) => s.id)).toEqual(['S2', 'S4']);
    expect(shownSecretaries(roster, '刘', 'firstEntered', statusOf).map((s) => s.id)).toEqual(['S4']);
    expect(shownSecretaries(roster, '', 'all', statusOf)).toHaveLength(5);
  });

  it('counts each status', () => {
    expect(statusCounts(roster, ['none', 'firstEntered', 'accepted'] as const, statusOf)).toEqual({ none: 2, firstEntered: 2, accepted: 1 });
  });

  it.each<[string, string[], string | null, 1 | -1, string | null]>([
    ['next in the whole list', order, 'S2', 1, 'S3'],
    ['previous in the whole list', order, 'S2', -1, 'S1'],
    ['nothing after the last', order, 'S5', 1, null],
    ['nothing before the first', order, 'S1', -1, null],
    ['next among those the filter shows', ['S2', 'S4'], 'S2', 1, 'S4'],
    ['the one after it when the current left the filter (its status changed with the save)', ['S2', 'S4'], 'S3', 1, 'S4'],
    ['the one before it when the current left the filter', ['S2', 'S4'], 'S3', -1, 'S2'],
    ['the first shown without a current one', ['S3', 'S5'], null, 1, 'S3'],
    ['the last shown without a current one', ['S3', 'S5'], null, -1, 'S5'],
    ['nothing when nothing is shown', [], 'S1', 1, null],
  ])('%s', (_, shown, current, step, expected) => {
    expect(neighbour(order, new Set(shown), current, step)).toBe(expected);
  });
});
