/** The streaming reader of the command line reads what the app's reader reads, cell for cell. */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { parseBallots } from '../io/ballots';
import { parseEvents } from '../io/events';
import type { ParseOutcome } from '../io/parsed';
import { parseRoster } from '../io/roster';
import { parseScores } from '../io/scores';
import { parseSummary } from '../io/summary';
import { workbookOf } from '../io/testing';
import { openWorkbook, type OpenedWorkbook, type WorkbookSource } from '../io/workbook';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { openWorkbookStreaming } from './stream-workbook';

const root = resolve(__dirname, '..', '..');

const PARSERS: Record<string, (opened: OpenedWorkbook) => ParseOutcome<unknown>> = {
  roster: parseRoster,
  summary: parseSummary,
  scores: (o) => parseScores(o, JIAOZHOU_RUBRIC),
  ballots: parseBallots,
  events: parseEvents,
};

/** What each reader makes of the workbook: the whole outcome, or the open error. */
async function readings(source: WorkbookSource, open: typeof openWorkbook) {
  const opened = await open(source);
  if (!opened.ok) return opened.errors;
  return Object.fromEntries(Object.entries(PARSERS).map(([kind, parse]) => [kind, parse(opened.value)]));
}

async function expectSame(source: WorkbookSource): Promise<void> {
  expect(await readings(source, openWorkbookStreaming)).toEqual(await readings(source, openWorkbook));
}

describe('openWorkbookStreaming', () => {
  it.each(['samples/sample-county', 'test/fixtures/worked-example'])('reads %s as the workbook model does', async (dir) => {
    const files = (await readdir(join(root, dir))).filter((f) => f.endsWith('.xlsx'));
    expect(files.length).toBeGreaterThan(2);
    for (const file of files) await expectSame({ name: file, bytes: await readFile(join(root, dir, file)) });
  });

  it('reads titles, instructions first, formulas, rich text, booleans, dates, errors and full-width text alike', async () => {
    const bytes = await workbookOf({
      填表说明: [['请按说明填写']],
      名册: [
        ['2024年 名册'],
        ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数', '年初定级', '在村工作天数'],
        ['Ｓ１', { richText: [{ text: '张' }, { font: { bold: true }, text: '三' }] }, '镇街', '脱产', '正股级', { formula: '40+2', result: 42 }, 'B', true],
        ['S2', '李四', '市直', '非脱产', '科级', new Date(Date.UTC(2024, 0, 2)), { error: '#N/A' }, 12.5],
      ],
    });
    await expectSame({ name: '名册.xlsx', bytes });
  });

  it('skips a hidden sheet and keeps the order the workbook shows', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('旧名册', { state: 'hidden' }).addRow(['编号', '姓名']);
    const ws = workbook.addWorksheet('名册');
    ws.addRow(['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数']);
    ws.addRow(['S1', '张三', '镇街', '脱产', '正股级', 40]);
    await expectSame(new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer));
  });

  it('gives the same one error for what is not a workbook', async () => {
    for (const bytes of [new Uint8Array(), new TextEncoder().encode('编号,姓名'), new Uint8Array([0x50, 0x4b, 3, 4, 0, 0, 0]), new Uint8Array([0xd0, 0xcf, 0x11, 0xe0])]) {
      await expectSame({ name: '坏文件.xlsx', bytes });
    }
  });

  it('keeps every Chinese character whole where the inflated stream is cut (exceljs#2063)', async () => {
    // thousands of distinct Chinese names: the shared strings and the sheet span many chunks
    const names = Array.from({ length: 6000 }, (_, i) => `第${i}号书记张三李四王五赵六`);
    const rows = names.map((name, i) => [`S${i}`, name, '镇街', '脱产', '正股级', 40]);
    const bytes = await workbookOf({ 名册: [['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数'], ...rows] });
    const opened = await openWorkbookStreaming(bytes);
    expect(opened.ok).toBe(true);
    if (!opened.ok) return;
    const { parsed } = parseRoster(opened.value);
    expect(parsed?.entries.map((e) => (e.value as { name: string }).name)).toEqual(names);
  });
});
