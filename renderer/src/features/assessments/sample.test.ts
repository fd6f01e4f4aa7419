import { describe, expect, it } from 'vitest';
import { sampleFiles, sampleKind } from './sample';

describe('sample county', () => {
  it.each([
    ['roster.xlsx', 'roster'],
    ['名册.xlsx', 'roster'],
    ['summary.xlsx', 'summary'],
    ['考评得分汇总.xlsx', 'summary'],
    ['scores.xlsx', 'scores'],
    ['考评细则评分.xlsx', 'scores'],
    ['ballots.xlsx', 'ballots'],
    ['测评计票.xlsx', 'ballots'],
    ['events.xlsx', 'events'],
    ['readme.xlsx', null],
  ])('%s is %s', (name, kind) => {
    expect(sampleKind(name)).toBe(kind);
  });

  it('imports the roster first', () => {
    const files = sampleFiles({ '/s/ballots.xlsx': 'b', '/s/roster.xlsx': 'r', '/s/summary.xlsx': 's', '/s/notes.xlsx': 'n' });
    expect(files.map((f) => f.kind)).toEqual(['roster', 'summary', 'ballots']);
  });
});
