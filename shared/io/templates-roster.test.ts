/** Templates a clerk fills without help: filled from the roster, one row per secretary, with a 填写示例 on the instructions sheet. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Secretary } from '../model';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { checkAgainstRoster } from './assessment';
import { parseAttendance } from './attendance';
import { parseBallots } from './ballots';
import { parseEvents } from './events';
import type { ParseOutcome } from './parsed';
import { readPastWorkbook } from './past';
import { parseRoster, readRoster } from './roster';
import { parseScores } from './scores';
import { parseSummary } from './summary';
import { EXAMPLE_TITLE, ROSTER_TEMPLATE_KINDS, TEMPLATE_KINDS, writeRosterTemplate, writeTemplate, type RosterTemplateKind } from './templates';
import { fillTemplate } from './testing';
import { openWorkbook, type OpenedWorkbook } from './workbook';

let roster: Secretary[] = [];

beforeAll(async () => {
  const bytes = new Uint8Array(await readFile(join(__dirname, '..', '..', 'samples', 'sample-county', 'roster.xlsx')));
  const read = await readRoster({ name: 'roster.xlsx', bytes });
  if (!read.ok) throw new Error(read.errors[0]?.message);
  roster = read.value;
});

async function sheets(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook;
}

const valuesOf = (ws: ExcelJS.Worksheet, r: number): CellValue[] => (ws.getRow(r).values as CellValue[]).slice(1);

const PARSE: Record<RosterTemplateKind, (opened: OpenedWorkbook) => ParseOutcome<unknown>> = {
  summary: parseSummary,
  scores: (opened) => parseScores(opened, JIAOZHOU_RUBRIC),
  ballots: parseBallots,
  events: parseEvents,
  attendance: parseAttendance,
};

/** What a clerk types in each row: scores, votes; no events. */
const TYPED: Record<RosterTemplateKind, (i: number, s: Secretary) => Record<string, CellValue>> = {
  summary: (i) => ({ 基本分: 80 + (i % 20), 组织工作目标考评得分: 85 + (i % 10) }),
  scores: (i) => ({ 'A3.2': i % 3 }),
  ballots: (i, s) => ({ 很满意: s.eligibleVoters - 5 - (i % 3), 满意: 3, 基本满意: 1, 不满意: 0 }),
  events: () => ({}),
  attendance: (i) => ({ 月份: '2024-03', 在村工作天数: 15 + (i % 6), 本月工作日数: 21 }),
};

async function parsed(kind: RosterTemplateKind, bytes: Uint8Array) {
  const opened = await openWorkbook({ name: `${kind}.xlsx`, bytes });
  if (!opened.ok) throw new Error(opened.errors[0]?.message);
  return PARSE[kind](opened.value);
}

describe('a template filled from the roster', () => {
  it.each(ROSTER_TEMPLATE_KINDS)('%s: one row per secretary with 编号, 姓名, 所在镇街 and 村社区, in the roster’s order', async (kind) => {
    const workbook = await sheets(await writeRosterTemplate(kind, roster, JIAOZHOU_RUBRIC));
    const ws = workbook.worksheets[0]!;
    expect(valuesOf(ws, 1).slice(0, 4)).toEqual(['编号*', '姓名', '所在镇街', '村社区']);
    expect(ws.actualRowCount).toBe(roster.length + 1);
    roster.forEach((s, i) => expect(valuesOf(ws, i + 2).slice(0, 4)).toEqual([s.id, s.name, s.town, s.village]));
  });

  it.each(ROSTER_TEMPLATE_KINDS)('%s: imports cleanly once the clerk has typed the numbers; 姓名 still checked against the roster', async (kind) => {
    const bytes = await writeRosterTemplate(kind, roster, JIAOZHOU_RUBRIC);
    const filled = await fillTemplate(
      bytes,
      roster.map((s, i) => TYPED[kind](i, s)),
    );
    const outcome = await parsed(kind, filled);
    const byId = new Map(roster.map((s) => [s.id, s]));
    expect(outcome.errors.map((e) => e.message)).toEqual([]);
    expect(outcome.parsed!.entries).toHaveLength(kind === 'events' ? 0 : roster.length);
    expect(checkAgainstRoster(outcome.parsed!, byId)).toEqual([]);
    // a name changed in the filled template is still found
    const wrong = await fillTemplate(filled, [{ 姓名: '王某某' }]);
    const errors = checkAgainstRoster((await parsed(kind, wrong)).parsed!, byId);
    expect(errors.map((e) => e.message)).toEqual([`姓名“王某某”与名册中编号“${roster[0]!.id}”的姓名“${roster[0]!.name}”不一致，请核对是否填错了行`]);
  });

  it('an event typed on one secretary’s row is read; the rows left blank are no events', async () => {
    const bytes = await writeRosterTemplate('events', roster);
    const filled = await fillTemplate(bytes, [{}, { 事项: '违反六严禁造成严重不良影响' }]);
    const outcome = await parsed('events', filled);
    expect(outcome.errors).toEqual([]);
    expect(outcome.parsed!.entries.map((e) => e.value)).toEqual([{ id: roster[1]!.id, kind: 'breach' }]);
  });
});

describe('填写示例 on every template', () => {
  it.each(TEMPLATE_KINDS)('%s: example rows under the data sheet’s headers on 填表说明, none on the data sheet', async (kind) => {
    const workbook = await sheets(await writeTemplate(kind, JIAOZHOU_RUBRIC));
    const [data, notes] = workbook.worksheets;
    expect(notes!.name).toBe('填表说明');
    expect(data!.actualRowCount).toBe(1);
    let title = 0;
    notes!.eachRow((row, r) => {
      if (row.getCell(1).value === EXAMPLE_TITLE) title = r;
    });
    expect(title).toBeGreaterThan(0);
    const headers = valuesOf(data!, 1).map((h) => String(h).replace(/\*$/, ''));
    expect(valuesOf(notes!, title + 1)).toEqual(headers);
    expect(notes!.getRow(title + 2).getCell(1).value).toBe('S001');
    expect(notes!.getRow(title + 3).getCell(1).value).toBe('S002');
  });

  it.each(TEMPLATE_KINDS)('%s: the example rows, typed on the data sheet, read without an error', async (kind) => {
    const bytes = await writeTemplate(kind, JIAOZHOU_RUBRIC);
    const workbook = await sheets(bytes);
    const notes = workbook.getWorksheet('填表说明')!;
    let title = 0;
    notes.eachRow((row, r) => {
      if (row.getCell(1).value === EXAMPLE_TITLE) title = r;
    });
    const headers = valuesOf(notes, title + 1).map(String);
    const rows = [title + 2, title + 3].map((r) =>
      Object.fromEntries(headers.map((h, i) => [h, notes.getRow(r).getCell(i + 1).value] as const).filter(([, v]) => v !== null && v !== undefined)),
    );
    const filled = await fillTemplate(bytes, rows);
    if (kind === 'past') {
      const past = await readPastWorkbook({ name: `${kind}.xlsx`, bytes: filled });
      expect(past.ok ? past.value.length : past.errors).toBe(2);
      return;
    }
    const opened = await openWorkbook({ name: `${kind}.xlsx`, bytes: filled });
    if (!opened.ok) throw new Error(opened.errors[0]?.message);
    const parse = kind === 'roster' ? (o: OpenedWorkbook) => parseRoster(o) : PARSE[kind];
    const outcome = parse(opened.value);
    expect(outcome.errors).toEqual([]);
    expect(outcome.parsed!.entries.length).toBe(kind === 'events' ? 1 : 2);
  });
});
