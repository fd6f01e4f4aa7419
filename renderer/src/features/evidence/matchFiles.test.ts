// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { matchFiles, matchSecretaryId } from './matchFiles';

const ids = ['JZ001', 'JZ002', 'JZ0015', 'JZ010'];

describe('matching files by 编号', () => {
  it.each([
    ['JZ001_会议记录.jpg', 'JZ001'],
    ['jz002 考勤.pdf', 'JZ002'],
    ['张三JZ010民情日记.png', 'JZ010'],
    ['JZ0015.jpg', 'JZ0015'],
    ['JZ00150.jpg', null],
    ['会议记录.jpg', null],
    ['XJZ001.jpg', null],
  ])('%s → %s', (name, id) => {
    expect(matchSecretaryId(name, ids)).toBe(id);
  });

  it('splits matched and unmatched, with kind and item code', () => {
    const files = [{ name: 'JZ001_A3.2_会议记录.jpg' }, { name: 'scan.pdf' }, { name: 'JZ002-调研报告.pdf' }];
    const out = matchFiles(files, ids, ['A3.2', 'B1.2', 'A3']);
    expect(out.unmatched).toEqual([{ name: 'scan.pdf' }]);
    expect(out.matched.map((m) => [m.id, m.itemCode, m.kind])).toEqual([
      ['JZ001', 'A3.2', 'minutes'],
      ['JZ002', '', 'survey'],
    ]);
  });
});
