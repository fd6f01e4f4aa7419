import { describe, expect, it } from 'vitest';
import { receive } from './received';
import { AID, chain } from './testing';

const full = { laptopId: 'b', entries: chain(AID, ['a', 'b', 'c']) };
const start = { laptopId: 'b', entries: full.entries.slice(0, 2) };
const fork = { laptopId: 'b', entries: chain(AID, ['a', 'x']) };

describe('received chains', () => {
  it.each([
    ['nothing kept: keep it', [], full, { add: true, drop: [] }],
    ['an older copy arrives: nothing new', [full], start, { add: false, drop: [] }],
    ['the same again: nothing new', [full], full, { add: false, drop: [] }],
    ['a longer one replaces its beginning', [start], full, { add: true, drop: [start] }],
    ['a fork is kept beside', [start], fork, { add: true, drop: [] }],
    ['another laptop is kept beside', [full], { ...full, laptopId: 'c' }, { add: true, drop: [] }],
  ])('%s', (_, kept, incoming, expected) => {
    expect(receive(kept, incoming)).toEqual(expected);
  });
});
