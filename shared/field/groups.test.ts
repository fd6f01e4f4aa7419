import { describe, expect, it } from 'vitest';
import type { AssessmentGroup, GroupAssignment } from '../model';
import { defaultGroupOf, groupOf, groupProblems, groupStatus, shareDigest, suggestedGroups } from './groups';

const groups = suggestedGroups([
  { mode: 'fulltime', town: '胶莱镇' },
  { mode: 'parttime', town: '胶莱镇' },
  { mode: 'parttime', town: '里岔镇' },
]);

describe('who assesses whom (第十九条)', () => {
  it('suggests the city group and one per town with a 非脱产 secretary', () => {
    expect(groups.map((g) => [g.id, g.name, g.level])).toEqual([
      ['city', '市委组织部考核组', 'city'],
      ['town:胶莱镇', '胶莱镇考核组', 'town'],
      ['town:里岔镇', '里岔镇考核组', 'town'],
    ]);
  });

  it('脱产 belongs to the city group, 非脱产 to its town’s; an assignment overrides', () => {
    expect(defaultGroupOf({ mode: 'fulltime', town: '里岔镇' }, groups)?.id).toBe('city');
    expect(defaultGroupOf({ mode: 'parttime', town: '里岔镇' }, groups)?.id).toBe('town:里岔镇');
    expect(defaultGroupOf({ mode: 'parttime', town: '九龙街道' }, groups)).toBeUndefined();
    expect(groupOf({ mode: 'fulltime', town: '里岔镇' }, { group: 'town:里岔镇' }, groups)?.id).toBe('town:里岔镇');
    // an assignment to a group that is gone falls back to the default
    expect(groupOf({ mode: 'fulltime', town: '里岔镇' }, { group: 'gone' }, groups)?.id).toBe('city');
  });

  it('names a group without a name, a name twice and a town group without its town', () => {
    const bad: AssessmentGroup[] = [
      { id: 'a', name: '第一组', level: 'city', members: [] },
      { id: 'b', name: '第一组', level: 'town', members: [] },
      { id: 'c', name: ' ', level: 'city', members: [] },
    ];
    expect(groupProblems(bad)).toEqual(['考核组“第一组”重名', '第一组：镇(街道)党(工)委考核组须填所在镇街', '考核组名称不能为空']);
  });
});

describe('a group signs off its share', () => {
  const city = groups[0]!;
  const d1 = shareDigest({ fingerprint: 'score S1' }, { fingerprint: 'tally S1' });
  const d2 = shareDigest({ fingerprint: 'score S2' }, undefined);
  const signed = (id: string, digest: string, at = '2024-12-10T10:00:00Z'): [string, GroupAssignment] => [
    id,
    { id, group: 'city', signedOff: { by: '张三', at, digest } },
  ];

  it('open, then signed when every secretary is signed as they stand', () => {
    const members = [
      { id: 'S1', digest: d1 },
      { id: 'S2', digest: d2 },
    ];
    expect(groupStatus(city, members, new Map()).state).toBe('open');
    const status = groupStatus(city, members, new Map([signed('S1', d1), signed('S2', d2, '2024-12-11T10:00:00Z')]));
    expect(status).toMatchObject({ state: 'signed', signed: { by: '张三', at: '2024-12-11T10:00:00Z' }, changed: [] });
  });

  it('a change of scores or tally after the sign-off reopens the share, naming who changed', () => {
    const changedTally = shareDigest({ fingerprint: 'score S1' }, { fingerprint: 'tally S1 changed' });
    expect(changedTally).not.toBe(d1);
    const status = groupStatus(
      city,
      [
        { id: 'S1', digest: changedTally },
        { id: 'S2', digest: d2 },
      ],
      new Map([signed('S1', d1), signed('S2', d2)]),
    );
    expect(status).toMatchObject({ state: 'reopened', changed: ['S1'] });
  });

  it('a secretary who joins the share after the sign-off reopens it; a sign-off for another group does not count', () => {
    const moved: [string, GroupAssignment] = ['S2', { id: 'S2', group: 'town:胶莱镇', signedOff: { by: '李四', at: '2024-12-09T00:00:00Z', digest: d2 } }];
    const status = groupStatus(
      city,
      [
        { id: 'S1', digest: d1 },
        { id: 'S2', digest: d2 },
      ],
      new Map([signed('S1', d1), moved]),
    );
    expect(status).toMatchObject({ state: 'reopened', changed: ['S2'] });
    expect(groupStatus(city, [], new Map()).state).toBe('empty');
  });
});
