import { describe, expect, it } from 'vitest';
import { parseArgs } from './args';

describe('print options --year, --date and --region', () => {
  it.each([[['print', 'ranking', '--roster', '名册.xlsx', '--ballots', '计票.xlsx', '--summary', '得分.xlsx']], [['print', 'term', '结果2024.json']]])(
    'are taken by %j',
    (args) => {
      const parsed = parseArgs([...args, '--year', '2024', '--date', '2025-01-06', '--region', '胶州市']);
      expect(parsed.ok && parsed.value).toMatchObject({ year: 2024, date: '2025-01-06', region: '胶州市' });
    },
  );

  it.each([
    [['--year', '24'], '--year 应为四位年份，如 2024，而不是“24”'],
    [['--date', '2025-13-45'], '--date 应为日期，如 2025-01-06，而不是“2025-13-45”'],
  ])('refuse %j in words, for either print', (bad, message) => {
    for (const args of [
      ['print', 'ranking', '--roster', '名册.xlsx', '--ballots', '计票.xlsx', '--summary', '得分.xlsx'],
      ['print', 'term', '结果2024.json'],
    ])
      expect(parseArgs([...args, ...bad])).toEqual({ ok: false, message });
  });
});
