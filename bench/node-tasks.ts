/**
 * One measurement per process, so each starts cold and its peak memory is its own:
 *
 *   tsx bench/node-tasks.ts <task> <json args>
 *
 * prints one line of JSON: { ms, maxRssMb, heapMb, ...figures }. Tasks:
 *   bare     ExcelJS's streaming reader over the files, every row and cell visited (the floor)
 *   cli      `shuangping <args>` in this process: the built command (dist-cli/, as bin/shuangping.mjs runs it)
 *   phases   read and check, compute, plausibility warnings, results workbook (ours, and ExcelJS's streaming writer filling the same cells), JSON
 *   compute  computeAssessment on the inputs, warm, several runs
 *   print    `shuangping print ranking …` through system Chromium (the county's PDF)
 */
import { readFile } from 'node:fs/promises';
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import { getHeapStatistics } from 'node:v8';
import ExcelJS from 'exceljs';
import { nodeZlib } from '../cli/zlib';
import { writeResultsWorkbookStreaming } from '../cli/stream-results';
import { openWorkbook } from '../shared/io/workbook';
import { fillResultsWorkbook } from '../shared/io/results';
import { stamp } from '../shared/io/style';
import { readAssessmentInputs, type AssessmentFiles } from '../shared/io/assessment';
import { jsonParts } from '../shared/cli/json-bytes';
import { computeAssessment, plausibilityWarnings, resultToJson } from '../shared/method';
import type { AssessmentResult, Policy } from '../shared/model';
import { presetPolicy } from '../shared/policy/presets';
import { JIAOZHOU_RUBRIC } from '../shared/rubric/jiaozhou';

type Files = Partial<Record<keyof AssessmentFiles, string>>;

/** The largest heap seen at the end of any phase (the peak RSS is the process's own). */
let heapPeak = 0;
const noteHeap = () => (heapPeak = Math.max(heapPeak, getHeapStatistics().used_heap_size));

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await work();
  noteHeap();
  return { ms: performance.now() - start, value };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

/** The floor: every cell of every file visited by ExcelJS's streaming reader, nothing else done. */
async function bare(files: string[]) {
  let rows = 0;
  let cells = 0;
  const { ms } = await timed(async () => {
    for (const file of files) {
      const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
        worksheets: 'emit',
        sharedStrings: 'cache',
        styles: 'ignore',
        hyperlinks: 'ignore',
        entries: 'ignore',
      });
      for await (const sheet of reader) {
        for await (const row of sheet) {
          rows++;
          cells += row.cellCount;
        }
      }
    }
  });
  return { ms, rows, cells };
}

/** The command as a person runs it, in this process: the built entry, as bin/shuangping.mjs starts it. */
async function cli(args: string[]) {
  const entry = new URL('../dist-cli/shuangping.mjs', import.meta.url);
  const { run } = (await import(pathToFileURL(entry.pathname).href)) as { run: (argv: string[]) => Promise<number> };
  const { ms, value: code } = await timed(() => run(args));
  if (code !== 0) throw new Error(`shuangping ${args[0]} exited ${code}`);
  return { ms, code };
}

/** Where the command's time goes: read and check, compute, write the workbook and the JSON (as the command does). */
async function phases(files: Files) {
  const sources: AssessmentFiles = { roster: { name: 'roster', bytes: new Uint8Array() } };
  for (const [key, path] of Object.entries(files)) sources[key as keyof AssessmentFiles] = { name: path, bytes: await readFile(path) };
  const policy = presetPolicy('jiaozhou');
  // as the command reads: the parts inflated by Node's zlib
  const read = await timed(() => readAssessmentInputs(sources, policy, JIAOZHOU_RUBRIC, undefined, { open: (source) => openWorkbook(source, nodeZlib) }));
  if (!read.value.ok)
    throw new Error(
      read.value.errors
        .slice(0, 3)
        .map((e) => e.message)
        .join('; '),
    );
  const input = read.value.value;
  const compute = await timed(async () => computeAssessment(input));
  // the command puts the plausibility warnings on stderr and into the JSON
  const warnings = await timed(async () => plausibilityWarnings(compute.value, policy));
  // the results workbook: ours, and ExcelJS's streaming writer filling the same cells, in turns (the first of ours is the command's)
  const ours: number[] = [];
  const floor: number[] = [];
  for (let i = 0; i < 3; i++) {
    ours.push((await timed(() => writeResultsWorkbookStreaming(compute.value, policy))).ms);
    floor.push((await timed(() => exceljsStreamingResults(compute.value, policy))).ms);
  }
  // the JSON's bytes as the command makes them (written part by part)
  const json = await timed(async () => {
    let bytes = 0;
    for (const part of jsonParts(resultToJson(compute.value, warnings.value))) bytes += part.length;
    return bytes;
  });
  return {
    ms: read.ms + compute.ms + warnings.ms + ours[0]! + json.ms,
    readMs: read.ms,
    computeMs: compute.ms,
    warningsMs: warnings.ms,
    warnings: warnings.value.length,
    xlsxMs: ours[0]!,
    xlsxWarmMs: median(ours),
    xlsxFloorMs: median(floor),
    xlsxRatio: median(ours.map((t, i) => t / floor[i]!)),
    jsonMs: json.ms,
    secretaries: input.secretaries.length,
  };
}

/** The floor of the results workbook: ExcelJS's streaming writer (Node's zlib) filled with the same cells by the same code. */
async function exceljsStreamingResults(result: AssessmentResult, policy: Policy): Promise<number> {
  const sink = new PassThrough();
  let bytes = 0;
  sink.on('data', (chunk: Buffer) => (bytes += chunk.length));
  const ended = new Promise<void>((done, fail) => sink.on('end', done).on('error', fail));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  stamp(workbook);
  fillResultsWorkbook(workbook, result, policy);
  await workbook.commit();
  await ended;
  return bytes;
}

/** Compute alone: warmed up, then the median and the fastest of several runs. */
async function compute(files: Files, runs: number) {
  const sources: AssessmentFiles = { roster: { name: 'roster', bytes: new Uint8Array() } };
  for (const [key, path] of Object.entries(files)) sources[key as keyof AssessmentFiles] = { name: path, bytes: await readFile(path) };
  const read = await readAssessmentInputs(sources, presetPolicy('jiaozhou'), JIAOZHOU_RUBRIC);
  if (!read.ok) throw new Error('inputs do not read');
  const input = read.value;
  const first = (await timed(async () => computeAssessment(input))).ms;
  const times: number[] = [];
  for (let i = 0; i < runs; i++) times.push((await timed(async () => computeAssessment(input))).ms);
  return { ms: median(times), firstMs: first, minMs: Math.min(...times), runs, secretaries: input.secretaries.length };
}

async function run(task: string, args: unknown): Promise<Record<string, number | string>> {
  switch (task) {
    case 'bare':
      return bare(args as string[]);
    case 'cli':
    case 'print':
      return cli(args as string[]);
    case 'phases':
      return phases(args as Files);
    case 'compute':
      return compute((args as { files: Files }).files, (args as { runs: number }).runs);
    default:
      throw new Error(`unknown task ${task}`);
  }
}

const [task = '', json = 'null'] = process.argv.slice(2);
const figures = await run(task, JSON.parse(json));
noteHeap();
// stdout is the command's own in `cli`: the figures go last, on a line of their own
process.stdout.write(`\nBENCH ${JSON.stringify({ ...figures, maxRssMb: process.resourceUsage().maxRSS / 1024, heapMb: heapPeak / 2 ** 20 })}\n`);
