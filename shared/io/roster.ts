/** 名册 (`roster`): the secretaries assessed. */
import type { Secretary } from '../model';
import { Fields } from './fields';
import { parseIdRows, readWith, type ParseOutcome } from './parsed';
import { ROSTER_FIELDS, ROSTER_SHEET, requiredOf, type RosterKey } from './schemas';
import { matcherFor, readTable } from './table';
import { dataSheet, sheetLabel, type OpenedWorkbook, type WorkbookSource } from './workbook';
import type { InputError } from '../model';
import { idNumberProblem, normalizeIdNumber } from '../people/id-number';
import { readDay } from '../people/dates';
import { MODE_ENUM, POST_TYPE_ENUM, RANK_CLASS_ENUM, RATING_ENUM, SOURCE_ENUM } from './enums';
import { wrongWorkbook } from './recognise';

export interface RosterOptions {
  /** policy.minPresence is set: 在村工作天数 and 全年工作日数 are required */
  requirePresence?: boolean;
}

const headerOf = Object.fromEntries(ROSTER_FIELDS.map((x) => [x.key, x.header])) as Record<RosterKey, string>;

export function parseRoster(opened: OpenedWorkbook, options: RosterOptions = {}): ParseOutcome<Secretary> {
  const wrong = wrongWorkbook(opened, 'roster');
  if (wrong) return { parsed: null, errors: [wrong], warnings: [] };
  const errors: InputError[] = [];
  const ws = dataSheet(opened, [ROSTER_SHEET]);
  const sheet = sheetLabel(opened, ws);
  const table = readTable(ws, sheet, matcherFor(ROSTER_FIELDS), requiredOf(ROSTER_FIELDS), 'id', errors);
  if (!table) return { parsed: null, errors, warnings: [] };
  const fields = new Fields<RosterKey>(table, errors, headerOf);

  const parsed = parseIdRows('roster', table, fields, errors, (row, id): Secretary | undefined => {
    const before = errors.length;
    const name = fields.text(row, 'name', true);
    const unit = fields.text(row, 'unit');
    const source = fields.enumeration(row, 'source', SOURCE_ENUM, true);
    const mode = fields.enumeration(row, 'mode', MODE_ENUM, true);
    const rankClass = fields.enumeration(row, 'rankClass', RANK_CLASS_ENUM, true);
    const town = fields.text(row, 'town');
    const village = fields.text(row, 'village');
    const postType = fields.enumeration(row, 'postType', POST_TYPE_ENUM) ?? 'village';
    const eligibleVoters = fields.int(row, 'eligibleVoters', { required: true, min: 1 });
    const ratingStart = fields.enumeration(row, 'ratingStart', RATING_ENUM);
    const ratingEnd = fields.enumeration(row, 'ratingEnd', RATING_ENUM);
    const required = options.requirePresence === true;
    const daysPresent = fields.int(row, 'daysPresent', { required });
    const workDays = fields.int(row, 'workDays', { required, min: 1 });
    if (daysPresent !== undefined && workDays !== undefined && daysPresent > workDays) {
      fields.fail(row, 'daysPresent', `在村工作天数 ${daysPresent} 超过全年工作日数 ${workDays}`);
    }
    const idText = fields.text(row, 'idNumber');
    const idProblem = idText === undefined ? null : idNumberProblem(idText);
    if (idProblem) fields.fail(row, 'idNumber', idProblem);
    const termStart = dayOf(fields, row, 'termStart');
    const termEnd = dayOf(fields, row, 'termEnd');
    if (termStart && termEnd && termEnd <= termStart) fields.fail(row, 'termEnd', `任期结束 ${termEnd} 不晚于任期开始 ${termStart}`);
    if (id === undefined || errors.length > before) return undefined;
    const secretary: Secretary = {
      id,
      name: name!,
      source: source!,
      mode: mode!,
      rankClass: rankClass!,
      postType,
      eligibleVoters: eligibleVoters!,
    };
    if (unit !== undefined) secretary.unit = unit;
    if (town !== undefined) secretary.town = town;
    if (village !== undefined) secretary.village = village;
    if (ratingStart !== undefined) secretary.ratingStart = ratingStart;
    if (ratingEnd !== undefined) secretary.ratingEnd = ratingEnd;
    if (daysPresent !== undefined) secretary.daysPresent = daysPresent;
    if (workDays !== undefined) secretary.workDays = workDays;
    if (idText !== undefined) secretary.idNumber = normalizeIdNumber(idText);
    if (termStart) secretary.termStart = termStart;
    if (termEnd) secretary.termEnd = termEnd;
    return secretary;
  });
  return { parsed, errors, warnings: table.warnings };
}

/** A day column (任期开始, 任期结束) as YYYY-MM-DD. */
function dayOf(fields: Fields<RosterKey>, row: Parameters<Fields<RosterKey>['text']>[0], key: RosterKey): string | undefined {
  const text = fields.text(row, key);
  if (text === undefined) return undefined;
  return readDay(text) ?? fields.fail(row, key, `“${text}”不是有效的日期，请填写如 2024-03-01`);
}

/** Reads a roster workbook: every secretary, or every error. */
export function readRoster(source: WorkbookSource, options: RosterOptions = {}) {
  return readWith(source, (opened) => parseRoster(opened, options));
}
