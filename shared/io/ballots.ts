/**
 * 测评计票 (`ballots`): one tally row per ballot box, or one row per returned ballot
 * (`编号`, `选项`), which is tallied. Nothing about a voter is read or kept.
 */
import { tallyProblems } from '../method/tally-check';
import { BALLOT_OPTION_LABELS, type BallotTally, type InputError } from '../model';
import { BALLOT_OPTION_ENUM } from './enums';
import { Fields } from './fields';
import { idsOf, parsedOf, parseIdRows, readWith, type Located, type ParseOutcome } from './parsed';
import { BALLOT_FIELDS, BALLOT_ROW_FIELDS, BALLOT_SHEET, requiredOf, type BallotKey, type BallotRowKey } from './schemas';
import { matcherFor, readTable, textCells } from './table';
import { dataSheet, sheetLabel, type OpenedWorkbook, type Sheet, type WorkbookSource } from './workbook';
import { headerKey } from './normalize';
import { wrongWorkbook } from './recognise';

const isPerBallot = (ws: Sheet): boolean => {
  const byRow = matcherFor(BALLOT_ROW_FIELDS);
  const tally = matcherFor(BALLOT_FIELDS);
  for (let r = 1; r <= Math.min(10, ws.rowCount); r++) {
    const texts = textCells(ws, r);
    if (texts.some((t) => byRow(t) === 'option')) return !texts.some((t) => tally(t) === 'verySatisfied');
    if (texts.some((t) => headerKey(t) === headerKey(BALLOT_OPTION_LABELS.verySatisfied))) return false;
  }
  return false;
};

const REQUIRED = { required: true };

export function parseBallots(opened: OpenedWorkbook): ParseOutcome<BallotTally> {
  const wrong = wrongWorkbook(opened, 'ballots');
  if (wrong) return { parsed: null, errors: [wrong], warnings: [] };
  const ws = dataSheet(opened, [BALLOT_SHEET]);
  return isPerBallot(ws) ? parsePerBallot(opened, ws) : parseTallies(opened, ws);
}

function parseTallies(opened: OpenedWorkbook, ws: Sheet): ParseOutcome<BallotTally> {
  const errors: InputError[] = [];
  const sheet = sheetLabel(opened, ws);
  const table = readTable(ws, sheet, matcherFor(BALLOT_FIELDS), requiredOf(BALLOT_FIELDS), 'id', errors);
  if (!table) return { parsed: null, errors, warnings: [] };
  const fields = new Fields<BallotKey>(table, errors);
  const parsed = parseIdRows('ballots', table, fields, errors, (row, id): BallotTally | undefined => {
    const before = errors.length;
    const tally = {
      id: id!,
      verySatisfied: fields.int(row, 'verySatisfied', REQUIRED)!,
      satisfied: fields.int(row, 'satisfied', REQUIRED)!,
      basic: fields.int(row, 'basic', REQUIRED)!,
      dissatisfied: fields.int(row, 'dissatisfied', REQUIRED)!,
      invalid: fields.int(row, 'invalid') ?? 0,
      abstain: fields.int(row, 'abstain') ?? 0,
    } satisfies BallotTally;
    const issued = fields.int(row, 'issued');
    if (id === undefined || errors.length > before) return undefined;
    // written out, not spread: V8 reads a spread copy's counts several times slower, once per secretary in every computation
    const read: BallotTally =
      issued === undefined
        ? tally
        : {
            id: tally.id,
            verySatisfied: tally.verySatisfied,
            satisfied: tally.satisfied,
            basic: tally.basic,
            dissatisfied: tally.dissatisfied,
            invalid: tally.invalid,
            abstain: tally.abstain,
            issued,
          };
    // against 应参加人数 once the roster is known (assessment.ts)
    for (const problem of tallyProblems(read)) fields.fail(row, 'issued', problem.message);
    return errors.length > before ? undefined : read;
  });
  return { parsed, errors, warnings: table.warnings };
}

function parsePerBallot(opened: OpenedWorkbook, ws: Sheet): ParseOutcome<BallotTally> {
  const errors: InputError[] = [];
  const sheet = sheetLabel(opened, ws);
  const table = readTable(ws, sheet, matcherFor(BALLOT_ROW_FIELDS), requiredOf(BALLOT_ROW_FIELDS), 'id', errors);
  if (!table) return { parsed: null, errors, warnings: [] };
  const fields = new Fields<BallotRowKey>(table, errors);
  const tallies = new Map<string, Located<BallotTally>>();
  const allIds: { row: number; id: string | undefined }[] = [];
  for (const row of table.rows) {
    const id = fields.text(row, 'id', true);
    allIds.push({ row: row.row, id });
    const option = fields.enumeration(row, 'option', BALLOT_OPTION_ENUM, true);
    if (id === undefined || option === undefined) continue;
    const located = tallies.get(id) ?? {
      value: { id, verySatisfied: 0, satisfied: 0, basic: 0, dissatisfied: 0, invalid: 0, abstain: 0 },
      row: row.row,
    };
    located.value[option] += 1;
    tallies.set(id, located);
  }
  return { parsed: parsedOf('ballots', table, fields, { entries: [...tallies.values()], ids: idsOf(allIds) }), errors, warnings: table.warnings };
}

export function readBallots(source: WorkbookSource) {
  return readWith(source, parseBallots);
}
