/**
 * Reading and checking a workbook's rows (shared/io: the xlsx reader and the sheet
 * parsers), the same in the import worker (read.worker.ts) and, where there is no
 * worker (unit tests), on the calling thread. Everything in and out is plain data that
 * structured clone carries: the parser is chosen by kind, not passed.
 */
import type { ParseOutcome } from '../../../../shared/io/parsed';
import type { Checked, Rubric } from '../../../../shared/model';
import type { ImportKind, ImportRecords } from '../../db/import-plan';

export interface ReadRequest {
  kind: ImportKind;
  name: string;
  bytes: Uint8Array | ArrayBuffer;
  /** what the parsers need of the assessment */
  requirePresence: boolean;
  rubric: Rubric;
  /** the 社区 rubric when 社区 secretaries are scored by it */
  communityRubric?: Rubric | undefined;
}

export type ReadOutcome = Checked<ParseOutcome<ImportRecords[ImportKind]>>;

/** Opens the workbook, then (after `onChecking`) checks its rows with the parser of its kind. */
export async function readWorkbook(request: ReadRequest, onChecking: () => void | Promise<void> = () => {}): Promise<ReadOutcome> {
  const { openWorkbook, parseAttendance, parseBallots, parseEvents, parseRoster, parseScores, parseSummary } = await import('./readers');
  const opened = await openWorkbook({ name: request.name, bytes: request.bytes });
  if (!opened.ok) return opened;
  await onChecking();
  const o = opened.value;
  switch (request.kind) {
    case 'roster':
      return { ok: true, value: parseRoster(o, { requirePresence: request.requirePresence }) };
    case 'summary':
      return { ok: true, value: parseSummary(o) };
    case 'scores':
      return { ok: true, value: parseScores(o, request.rubric, request.communityRubric) };
    case 'ballots':
      return { ok: true, value: parseBallots(o) };
    case 'events':
      return { ok: true, value: parseEvents(o) };
    case 'attendance':
      return { ok: true, value: parseAttendance(o) };
  }
}
