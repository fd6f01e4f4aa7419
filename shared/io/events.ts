/** 直接定等事项 (`events`): events that make the grade 不称职 directly (第十九条), and recalls (召回). */
import type { DirectEvent, InputError } from '../model';
import { readDay } from '../people/dates';
import { EVENT_KIND_ENUM } from './enums';
import { Fields } from './fields';
import { idsOf, nameOf, parsedOf, readWith, type Located, type NamedRow, type ParseOutcome } from './parsed';
import { EVENT_FIELDS, EVENT_SHEET, requiredOf, type EventKey } from './schemas';
import { matcherFor, readTable } from './table';
import { dataSheet, sheetLabel, type OpenedWorkbook, type WorkbookSource } from './workbook';
import { wrongWorkbook } from './recognise';

/** A secretary may have several events: ids repeat here by design. */
export function parseEvents(opened: OpenedWorkbook): ParseOutcome<DirectEvent> {
  const wrong = wrongWorkbook(opened, 'events');
  if (wrong) return { parsed: null, errors: [wrong], warnings: [] };
  const errors: InputError[] = [];
  const ws = dataSheet(opened, [EVENT_SHEET]);
  const sheet = sheetLabel(opened, ws);
  const table = readTable(ws, sheet, matcherFor(EVENT_FIELDS), requiredOf(EVENT_FIELDS), 'id', errors);
  if (!table) return { parsed: null, errors, warnings: [] };
  const fields = new Fields<EventKey>(table, errors);
  const entries: Located<DirectEvent>[] = [];
  const allIds: { row: number; id: string | undefined }[] = [];
  const names: NamedRow[] = [];
  for (const row of table.rows) {
    const before = errors.length;
    const id = fields.text(row, 'id', true);
    allIds.push({ row: row.row, id });
    const named = nameOf(table, row, id);
    if (named) names.push(named);
    // a row of the filled template (编号 and 姓名 only): that secretary has no event
    if (row.cell('kind').kind === 'blank' && row.cell('note').kind === 'blank') continue;
    const kind = fields.enumeration(row, 'kind', EVENT_KIND_ENUM, true);
    const note = fields.text(row, 'note');
    const dateText = fields.text(row, 'date');
    const date = dateText === undefined ? undefined : (readDay(dateText) ?? fields.fail(row, 'date', `“${dateText}”不是有效的日期，请填写如 2024-06-30`));
    if (errors.length > before) continue;
    const event: DirectEvent = { id: id!, kind: kind! };
    if (note !== undefined) event.note = note;
    if (date !== undefined) event.date = date;
    entries.push({ value: event, row: row.row });
  }
  return { parsed: parsedOf('events', table, fields, { entries, ids: idsOf(allIds), names }), errors, warnings: table.warnings };
}

export function readEvents(source: WorkbookSource) {
  return readWith(source, parseEvents);
}
