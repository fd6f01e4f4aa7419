import { describe, expect, it } from 'vitest';
import { isDataChange } from './backups';

describe('automatic backups watch the data', () => {
  it.each([
    [['idb://shuangping/tallies/', 'idb://shuangping/tallies/assessmentId'], true],
    [['idb://shuangping/meta/'], false],
    [['idb://shuangping-backups/backups/'], false],
    [['idb://other/tallies/'], false],
    [[], false],
  ])('%j → %s', (parts, changed) => {
    expect(isDataChange(parts, 'shuangping')).toBe(changed);
  });
});
