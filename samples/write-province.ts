/**
 * Writes the province (province.ts) as the workbooks a provincial office would
 * send (Node only). Filled templates for roster, scores, summary, tallies and
 * events; the half-million per-ballot rows through ExcelJS's streaming writer.
 *
 *   npx tsx samples/write-province.ts bench-data/province     # 10,000 secretaries
 *
 * Writes <dir>/{roster,summary,scores,ballots,ballots-per-ballot,events}.xlsx and
 * the first county's workbooks in <dir>/county/.
 *
 * writeLargeProvince streams every workbook (ten times a province: 100,000 secretaries),
 * so no workbook is held whole in memory.
 */
import { createWriteStream } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { PassThrough, type Writable } from 'node:stream';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { writeFilledTemplate, writeTemplate, type TemplateKind } from '../shared/io/templates';
import { readXlsx } from '../shared/io/xlsx/read';
import { BALLOT_SHEET } from '../shared/io/schemas';
import { JIAOZHOU_RUBRIC } from '../shared/rubric/jiaozhou';
import { generateProvince, type Province, type ProvinceOptions, type ProvinceRows } from './province';

const KINDS = ['roster', 'summary', 'scores', 'ballots', 'events'] as const satisfies readonly TemplateKind[];

/** The five filled templates of a set of rows, as bytes. */
export async function templateWorkbooks(rows: ProvinceRows): Promise<Record<(typeof KINDS)[number], Uint8Array>> {
  const entries = await Promise.all(
    KINDS.map(async (kind) => [kind, await writeFilledTemplate(kind, rows[kind], kind === 'scores' ? JIAOZHOU_RUBRIC : undefined)] as const),
  );
  return Object.fromEntries(entries) as Record<(typeof KINDS)[number], Uint8Array>;
}

/** The per-ballot layout (docs/formats.md §5): 编号, 选项, one row per ballot, streamed to `stream`. */
async function streamPerBallot(rows: Iterable<[string, string]>, stream: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useSharedStrings: true, useStyles: false });
  const ws = workbook.addWorksheet(BALLOT_SHEET);
  ws.addRow(['编号*', '选项*']).commit();
  for (const row of rows) ws.addRow(row).commit();
  ws.commit();
  await workbook.commit();
}

/** The per-ballot workbook as bytes (for tests: a scaled-down province fits in memory). */
export async function perBallotWorkbook(rows: Iterable<[string, string]>): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((ok) => sink.on('end', ok));
  await streamPerBallot(rows, sink);
  await ended;
  return new Uint8Array(Buffer.concat(chunks));
}

/** A filled template's data sheet (the template's sheet name and headers, one row a record), streamed to `file`. */
async function streamFilled(kind: (typeof KINDS)[number], rows: readonly Record<string, unknown>[], file: string): Promise<void> {
  const template = readXlsx(await writeTemplate(kind, JIAOZHOU_RUBRIC));
  if (!template.ok) throw new Error(`template ${kind} does not read`);
  const sheet = template.sheets[0]!;
  const headers = (sheet.rows[1] ?? []).slice(1).map((h) => String(h ?? ''));
  // a row's values are keyed by header (without *) or by its first word (an item's code)
  const columns = new Map<string, number>();
  headers.forEach((h, i) => {
    const header = h.replace(/\*$/, '');
    columns.set(header, i);
    columns.set(header.split(' ')[0]!, i);
  });
  const out = createWriteStream(file);
  const closed = new Promise<void>((ok, fail) => out.on('close', ok).on('error', fail));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: true, useStyles: false });
  const ws = workbook.addWorksheet(sheet.name);
  ws.addRow(headers).commit();
  for (const values of rows) {
    const row: unknown[] = [];
    for (const [key, value] of Object.entries(values)) {
      const col = columns.get(key);
      if (col === undefined) throw new Error(`template ${kind} has no column ${key}`);
      if (value !== null && value !== undefined) row[col] = value;
    }
    ws.addRow(row).commit();
  }
  ws.commit();
  await workbook.commit();
  await closed;
}

/** Every workbook of a large province but the per-ballot one, each streamed (none held whole). */
export async function writeLargeProvince(dir: string, province: Province): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const kind of KINDS) await streamFilled(kind, province[kind], join(dir, `${kind}.xlsx`));
}

export async function writeProvince(dir: string, province: Province): Promise<void> {
  await mkdir(join(dir, 'county'), { recursive: true });
  for (const [kind, bytes] of Object.entries(await templateWorkbooks(province))) await writeFile(join(dir, `${kind}.xlsx`), bytes);
  for (const [kind, bytes] of Object.entries(await templateWorkbooks(province.county(0)))) await writeFile(join(dir, 'county', `${kind}.xlsx`), bytes);
  const file = createWriteStream(join(dir, 'ballots-per-ballot.xlsx'));
  const closed = new Promise<void>((ok, fail) => file.on('close', ok).on('error', fail));
  await streamPerBallot(province.perBallot(), file);
  await closed;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = resolve(process.argv[2] ?? 'bench-data/province');
  const options: ProvinceOptions = process.argv[3] ? { counties: Number(process.argv[3]) } : {};
  const province = generateProvince(options);
  await writeProvince(dir, province);
  process.stdout.write(`省 ${province.people.length} 人、选票 ${province.ballotCount} 张，已写出 ${dir}\n`);
}
