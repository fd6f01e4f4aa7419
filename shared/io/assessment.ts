/**
 * Reads every workbook of an assessment and checks them against each other:
 * ids known to the roster, votes within the electorate, one kind of scores per
 * secretary, and every secretary scored and voted on. All errors at once.
 */
import type { AssessmentInput } from '../method/input';
import { castOf, type Checked, type InputError, type Policy, type Rubric, type Secretary } from '../model';
import { parseBallots } from './ballots';
import { parseEvents } from './events';
import { sortErrors, type ParseOutcome, type Parsed } from './parsed';
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
  return outcome.parsed;
}

/** The Checked AssessmentInput: nothing unless every file and every cross-check is clean. */
export async function readAssessmentInputs(
  files: AssessmentFiles,
  policy: Policy,
  rubric: Rubric,
  communityRubric?: Rubric,
  { open = openWorkbook }: ReadOptions = {},
): Promise<Checked<AssessmentInput>> {
  const errors: InputError[] = [];
  const roster = await parseFile(files.roster, (o) => parseRoster(o, { requirePresence: policy.minPresence !== null }), errors, open);
  const summary = await parseFile(files.summary, parseSummary, errors, open);
  const scores = await parseFile(files.scores, (o) => parseScores(o, rubric), errors, open);
  const ballots = await parseFile(files.ballots, parseBallots, errors, open);
  const events = await parseFile(files.events, parseEvents, errors, open);

  if (roster) {
    const secretaries = new Map(roster.entries.map((e) => [e.value.id, e.value]));
    for (const other of [summary, scores, ballots, events]) if (other) checkKnownIds(other, roster.ids, errors);
    if (ballots) checkElectorate(ballots, secretaries, errors);
    if (summary && scores) checkOneKindOfScores(summary, scores, errors);
    checkComplete(roster, summary, scores, ballots, errors);
    if (roster.ids.size === 0) errors.push({ sheet: roster.sheet, message: '名册中没有任何“第一书记”' });
  }
  if (errors.length || !roster) return { ok: false, errors: sortErrors(errors) };

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
  return { ok: true, value: input };
}

function checkKnownIds(parsed: Parsed<unknown>, rosterIds: Map<string, number>, errors: InputError[]): void {
  for (const [id, row] of parsed.ids) {
    if (!rosterIds.has(id)) {
      errors.push({ sheet: parsed.sheet, row, column: parsed.idHeader, message: `编号“${id}”不在名册中` });
    }
  }
}

/** cast > eligibleVoters: the vote is void and must be repeated (RULES.md §3). */
function checkElectorate(ballots: Parsed<import('../model').BallotTally>, secretaries: Map<string, Secretary>, errors: InputError[]): void {
  for (const { value, row } of ballots.entries) {
    const secretary = secretaries.get(value.id);
    if (!secretary) continue;
    const cast = castOf(value);
    if (cast > secretary.eligibleVoters) {
      errors.push({
        sheet: ballots.sheet,
        row,
        column: ballots.idHeader,
        message: `投票数 ${cast} 超过名册中的应参加人数 ${secretary.eligibleVoters}，本次测评无效，应重新组织投票`,
      });
    }
  }
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
