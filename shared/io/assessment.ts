/**
 * Reads every workbook of an assessment and checks them against each other:
 * ids known to the roster, names that match it, votes within the electorate, one
 * kind of scores per secretary, and every secretary scored and voted on. All
 * errors at once. The checks against the roster are pure functions of a parse and
 * a roster, so the app runs the same ones against the roster in its database.
 */
import type { AssessmentInput } from '../method/input';
import { tallyProblems } from '../method/tally-check';
import type { BallotTally, InputError, Policy, Rubric, Secretary } from '../model';
import { parseBallots } from './ballots';
import { parseEvents } from './events';
import { sortErrors, type CheckedWithWarnings, type ParseOutcome, type Parsed } from './parsed';
import { parseRoster } from './roster';
import { parseScores } from './scores';
import { parseSummary } from './summary';
import { openWorkbook, type OpenedWorkbook, type WorkbookOpener, type WorkbookSource } from './workbook';

export interface AssessmentFiles {
  roster: WorkbookSource;
  summary?: WorkbookSource;
  scores?: WorkbookSource;
  ballots?: WorkbookSource;
  events?: WorkbookSource;
}

export interface ReadOptions {
  /** how workbook bytes are opened: ExcelJS's model by default, a streaming reader in Node */
  open?: WorkbookOpener;
}

async function parseFile<T>(
  source: WorkbookSource | undefined,
  parse: (opened: OpenedWorkbook) => ParseOutcome<T>,
  errors: InputError[],
  warnings: InputError[],
  open: WorkbookOpener,
): Promise<Parsed<T> | null | undefined> {
  if (source === undefined) return undefined;
  const opened = await open(source);
  if (!opened.ok) {
    errors.push(...opened.errors);
    return null;
  }
  const outcome = parse(opened.value);
  errors.push(...outcome.errors);
  warnings.push(...outcome.warnings);
  return outcome.parsed;
}

/**
 * The AssessmentInput: nothing unless every file and every cross-check is clean;
 * warnings (a merged header, data under no header) either way.
 */
export async function readAssessmentInputs(
  files: AssessmentFiles,
  policy: Policy,
  rubric: Rubric,
  communityRubric?: Rubric,
  { open = openWorkbook }: ReadOptions = {},
): Promise<CheckedWithWarnings<AssessmentInput>> {
  const errors: InputError[] = [];
  const warnings: InputError[] = [];
  const roster = await parseFile(files.roster, (o) => parseRoster(o, { requirePresence: policy.minPresence !== null }), errors, warnings, open);
  const summary = await parseFile(files.summary, parseSummary, errors, warnings, open);
  const scores = await parseFile(
    files.scores,
    (o) => parseScores(o, rubric, policy.communityRubric === 'own' ? communityRubric : undefined),
    errors,
    warnings,
    open,
  );
  const ballots = await parseFile(files.ballots, parseBallots, errors, warnings, open);
  const events = await parseFile(files.events, parseEvents, errors, warnings, open);

  if (roster) {
    const secretaries = new Map(roster.entries.map((e) => [e.value.id, e.value]));
    // an id whose roster row has errors is not "unknown": that row is already reported
    for (const other of [summary, scores, ballots, events]) if (other) errors.push(...checkAgainstRoster(other, secretaries, roster.ids));
    if (summary && scores) checkOneKindOfScores(summary, scores, errors);
    checkComplete(roster, summary, scores, ballots, errors);
    if (roster.ids.size === 0) errors.push({ sheet: roster.sheet, message: '名册中没有任何“第一书记”' });
  }
  if (errors.length || !roster) return { ok: false, errors: sortErrors(errors), warnings: sortErrors(warnings) };

  const input: AssessmentInput = {
    policy,
    rubric,
    secretaries: roster.entries.map((e) => e.value),
    itemScores: scores?.entries.map((e) => e.value) ?? [],
    summaryScores: summary?.entries.map((e) => e.value) ?? [],
    tallies: ballots?.entries.map((e) => e.value) ?? [],
    events: events?.entries.map((e) => e.value) ?? [],
    decisions: [],
  };
  if (communityRubric) input.communityRubric = communityRubric;
  return { ok: true, value: input, warnings: sortErrors(warnings) };
}

/**
 * What a workbook (other than the roster) gets wrong against a roster: ids not on
 * it, a 姓名 that is not the roster's for that 编号, and for ballots a vote beyond
 * the electorate (cast or issued above 应参加人数: void, docs/method.md §3.2). Runs on the
 * rows that read, so a parse with row errors is checked in the same round.
 * `knownIds`: ids to treat as on the roster (default: the roster's own).
 */
export function checkAgainstRoster(
  parsed: Parsed<unknown>,
  roster: ReadonlyMap<string, Secretary>,
  knownIds: { has(id: string): boolean } = roster,
): InputError[] {
  if (parsed.kind === 'roster') return [];
  const errors: InputError[] = [];
  for (const [id, row] of parsed.ids) {
    if (!knownIds.has(id)) errors.push({ sheet: parsed.sheet, row, column: parsed.idHeader, message: `编号“${id}”不在名册中` });
  }
  for (const { id, name, row } of parsed.names) {
    const secretary = roster.get(id);
    if (secretary && !sameName(secretary.name, name)) {
      errors.push({
        sheet: parsed.sheet,
        row,
        column: parsed.nameHeader,
        message: `姓名“${name}”与名册中编号“${id}”的姓名“${secretary.name}”不一致，请核对是否填错了行`,
      });
    }
  }
  if (parsed.kind === 'ballots') errors.push(...checkElectorate(parsed as Parsed<BallotTally>, roster));
  return sortErrors(errors);
}

/** Names compared as a person reads them: spaces inside ("张  三", to align two-character names) do not count. */
const sameName = (a: string, b: string) => a.replace(/\s+/g, '') === b.replace(/\s+/g, '');

/** cast or issued above the roster's 应参加人数 (cast > issued is the reader's own check). */
function checkElectorate(ballots: Parsed<BallotTally>, roster: ReadonlyMap<string, Secretary>): InputError[] {
  const errors: InputError[] = [];
  for (const { value, row } of ballots.readRows) {
    const secretary = roster.get(value.id);
    if (!secretary) continue;
    for (const problem of tallyProblems(value, secretary.eligibleVoters)) {
      if (problem.code === 'castOverIssued') continue;
      const column = problem.code === 'issuedOverEligible' ? (ballots.headers.get('issued') ?? '发出票数') : ballots.idHeader;
      errors.push({ sheet: ballots.sheet, row, column, message: problem.message });
    }
  }
  return errors;
}

function checkOneKindOfScores(summary: Parsed<unknown>, scores: Parsed<unknown>, errors: InputError[]): void {
  for (const [id, row] of scores.ids) {
    const summaryRow = summary.ids.get(id);
    if (summaryRow === undefined) continue;
    errors.push({
      sheet: scores.sheet,
      row,
      column: scores.idHeader,
      message: `编号“${id}”同时有考评细则评分和考评得分汇总（“${summary.sheet}”第${summaryRow}行），只能用其中一种`,
    });
    errors.push({
      sheet: summary.sheet,
      row: summaryRow,
      column: summary.idHeader,
      message: `编号“${id}”同时有考评得分汇总和考评细则评分（“${scores.sheet}”第${row}行），只能用其中一种`,
    });
  }
}

/** Every roster secretary needs scores and a tally; named on the roster row. */
function checkComplete(
  roster: Parsed<Secretary>,
  summary: Parsed<unknown> | null | undefined,
  scores: Parsed<unknown> | null | undefined,
  ballots: Parsed<unknown> | null | undefined,
  errors: InputError[],
): void {
  // an unreadable file has already been reported: do not name every secretary again
  const scoresKnown = summary !== null && scores !== null;
  for (const [id, row] of roster.ids) {
    if (scoresKnown && !summary?.ids.has(id) && !scores?.ids.has(id)) {
      errors.push({ sheet: roster.sheet, row, column: roster.idHeader, message: `编号“${id}”没有考评得分（考评细则评分或考评得分汇总）` });
    }
    if (ballots !== null && !ballots?.ids.has(id)) {
      errors.push({ sheet: roster.sheet, row, column: roster.idHeader, message: `编号“${id}”没有群众满意度测评计票` });
    }
  }
}
