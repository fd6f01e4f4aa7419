/** A workbook of one kind chosen where another is read: one sentence saying which it is, for every pair (docs/formats.md §1.7). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { computeAssessment } from '../method';
import { inputOf } from '../method/testing';
import type { InputError } from '../model';
import { presetPolicy } from '../policy';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { parseBallots } from './ballots';
import { parseEvents } from './events';
import { FILE_KIND_WORDS, FILE_KINDS, recogniseWorkbook, type FileKind } from './recognise';
import { writeResultsWorkbook } from './results';
import { parseRoster } from './roster';
import { parseRules, writeRulesWorkbook } from './rules';
import { parseScores } from './scores';
import { parseSummary } from './summary';
import { workbookOf } from './testing';
import { openWorkbook, type OpenedWorkbook } from './workbook';

const SAMPLE = join(__dirname, '..', '..', 'samples', 'sample-county');

/** Each reader, as the app and the command line run it: the errors it gives a workbook. */
const READERS: Record<FileKind, ((opened: OpenedWorkbook) => InputError[]) | null> = {
  roster: (o) => parseRoster(o).errors,
  summary: (o) => parseSummary(o).errors,
  scores: (o) => parseScores(o, JIAOZHOU_RUBRIC).errors,
  ballots: (o) => parseBallots(o).errors,
  events: (o) => parseEvents(o).errors,
  rules: (o) => {
    const read = parseRules(o);
    return read.ok ? [] : read.errors;
  },
  // the program writes the results workbook and never reads it
  results: null,
};

const FILES: Partial<Record<FileKind, Uint8Array>> = {};

beforeAll(async () => {
  for (const kind of ['roster', 'summary', 'scores', 'ballots', 'events'] as const) FILES[kind] = new Uint8Array(await readFile(join(SAMPLE, `${kind}.xlsx`)));
  const input = inputOf([
    { id: 'S1', org: '96', base: '90', votes: [30, 8, 2, 0] },
    { id: 'S2', org: '92', base: '78', votes: [35, 5, 0, 0] },
  ]);
  FILES.results = await writeResultsWorkbook(computeAssessment(input), input.policy);
  FILES.rules = await writeRulesWorkbook(presetPolicy('jiaozhou'), JIAOZHOU_RUBRIC);
});

async function opened(bytes: Uint8Array, name: string): Promise<OpenedWorkbook> {
  const read = await openWorkbook({ name, bytes });
  if (!read.ok) throw new Error(read.errors[0]?.message);
  return read.value;
}

/** The same workbook with its data sheet renamed Sheet1 and its instructions removed: only the header says what it is. */
async function headerOnly(bytes: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  for (const ws of [...workbook.worksheets]) if (ws.name === '填表说明') workbook.removeWorksheet(ws.id);
  workbook.worksheets[0]!.name = 'Sheet1';
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}

const PAIRS = FILE_KINDS.flatMap((expected) =>
  READERS[expected] ? FILE_KINDS.filter((given) => given !== expected).map((given) => [expected, given] as const) : [],
);

describe('a workbook of another kind: “这是…，不是…”', () => {
  it.each(PAIRS)('read as %s, given %s: one sentence naming both', async (expected, given) => {
    const errors = READERS[expected]!(await opened(FILES[given]!, `${FILE_KIND_WORDS[given]}.xlsx`));
    expect(errors).toEqual([
      { sheet: `${FILE_KIND_WORDS[given]}.xlsx`, message: `这是${FILE_KIND_WORDS[given]}，不是${FILE_KIND_WORDS[expected]}，请检查是否选错了文件` },
    ]);
  });

  it('the exact words of the issue: a ballots workbook chosen for the roster', async () => {
    const errors = READERS.roster!(await opened(FILES.ballots!, '计票.xlsx'));
    expect(errors[0]?.message).toMatch(/^这是测评计票表，不是名册/);
  });

  it.each(['roster', 'summary', 'scores', 'ballots', 'events', 'results'] as const)('%s with its sheets renamed: known by its header row', async (kind) => {
    const bytes = kind === 'results' ? FILES.results! : await headerOnly(FILES[kind]!);
    const workbook = await opened(bytes, 'x.xlsx');
    if (kind !== 'results') expect(workbook.sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(recogniseWorkbook(workbook)).toEqual([kind]);
  });

  it('the per-ballot layout (编号, 选项) is a ballots workbook', async () => {
    const bytes = await workbookOf({
      Sheet1: [
        ['编号', '选项'],
        ['S1', '很满意'],
      ],
    });
    expect(recogniseWorkbook(await opened(bytes, '票.xlsx'))).toEqual(['ballots']);
  });

  it('each workbook is taken for its own kind: no error of recognition on the right file', async () => {
    for (const kind of ['roster', 'summary', 'scores', 'ballots', 'events', 'rules'] as const) {
      const errors = READERS[kind]!(await opened(FILES[kind]!, 'x.xlsx'));
      expect(errors.filter((e) => e.message.startsWith('这是'))).toEqual([]);
    }
  });

  it('a workbook that says nothing of itself is read as asked: the missing columns are listed, as before', async () => {
    const bytes = await workbookOf({
      Sheet1: [
        ['编号', '姓名', '备注'],
        ['S1', '张三', ''],
      ],
    });
    const errors = READERS.roster!(await opened(bytes, '名册.xlsx'));
    expect(errors.map((e) => e.message)).toContain('缺少必填列“单位类别”');
  });
});
