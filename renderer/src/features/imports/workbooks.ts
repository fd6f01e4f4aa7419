/**
 * Reading an exchange workbook (shared/io) and importing it into an assessment
 * (db/imports.ts, one transaction). The kinds are those of FORMATS.md.
 *
 *   const outcome = await importWorkbook({ kind: 'ballots', assessmentId, file, operator });
 */
import type { ParseOutcome } from '../../../../shared/io/parsed';
import type { OpenedWorkbook } from '../../../../shared/io/workbook';
import { db as appDb } from '../../db/db';
import {
  importEvents,
  importItemScores,
  importRoster,
  importSummaryScores,
  importTallies,
  type ImportContext,
  type ImportOutcome,
} from '../../db/imports';
import type { ShuangpingDb } from '../../db/schema';
import type { PickedFile } from '../../platform';
import { backupBefore } from '../backups/service';

export const WORKBOOK_KINDS = ['roster', 'summary', 'scores', 'ballots', 'events'] as const;
export type WorkbookKind = (typeof WORKBOOK_KINDS)[number];

export const WORKBOOK_LABELS: Record<WorkbookKind, string> = {
  roster: '名册',
  summary: '考评得分汇总',
  scores: '考评细则评分',
  ballots: '测评计票',
  events: '直接定等事项',
};

/** The steps of an import, in order: read the workbook, check its rows, back up the database, write the rows in one transaction. */
export const IMPORT_STEPS = ['open', 'check', 'backup', 'write'] as const;
export type ImportStep = (typeof IMPORT_STEPS)[number];

/** How far an import has got: its step, and the rows to write once they are known. */
export interface ImportProgress {
  step: ImportStep;
  rows?: number;
}

export interface WorkbookImport {
  kind: WorkbookKind;
  assessmentId: string;
  file: PickedFile;
  operator: string;
  db?: ShuangpingDb;
  /** told at the start of each step; the page gets to paint before the step runs */
  onProgress?: (progress: ImportProgress) => void;
}

/** A moment for the page to paint the progress before the next long step. */
const paint = () => new Promise<void>((done) => setTimeout(done, 16));

async function run<T>(
  request: WorkbookImport,
  parse: (opened: OpenedWorkbook) => ParseOutcome<T>,
  write: (ctx: ImportContext, values: T[]) => Promise<ImportOutcome>,
): Promise<ImportOutcome> {
  const report = async (progress: ImportProgress) => {
    if (!request.onProgress) return;
    request.onProgress(progress);
    await paint();
  };
  await report({ step: 'open' });
  const { openWorkbook } = await import('./readers');
  const opened = await openWorkbook({ name: request.file.name, bytes: request.file.bytes });
  if (!opened.ok) return opened;
  await report({ step: 'check' });
  const { parsed, errors } = parse(opened.value);
  if (errors.length || !parsed) return { ok: false, errors };
  // the app's database is backed up before every import (tests pass a db of their own)
  if (!request.db) {
    await report({ step: 'backup' });
    try {
      await backupBefore('导入');
    } catch (e) {
      return { ok: false, errors: [{ message: e instanceof Error ? e.message : String(e) }] };
    }
  }
  await report({ step: 'write', rows: parsed.entries.length });
  const ctx: ImportContext = {
    db: request.db ?? appDb,
    assessmentId: request.assessmentId,
    operator: request.operator,
    sheet: parsed.sheet,
    rows: parsed.ids,
    idHeader: parsed.idHeader,
  };
  return write(ctx, parsed.entries.map((e) => e.value));
}

/** Reads the workbook and imports it; every error at once, and then nothing is imported. */
export async function importWorkbook(request: WorkbookImport): Promise<ImportOutcome> {
  const database = request.db ?? appDb;
  const { parseBallots, parseEvents, parseRoster, parseScores, parseSummary } = await import('./readers');
  switch (request.kind) {
    case 'roster': {
      const assessment = await database.assessments.get(request.assessmentId);
      const requirePresence = assessment?.policy.minPresence != null;
      return run(request, (o) => parseRoster(o, { requirePresence }), importRoster);
    }
    case 'summary':
      return run(request, parseSummary, importSummaryScores);
    case 'scores': {
      const assessment = await database.assessments.get(request.assessmentId);
      if (!assessment) return { ok: false, errors: [{ message: '考核不存在' }] };
      return run(request, (o) => parseScores(o, assessment.rubric), importItemScores);
    }
    case 'ballots':
      return run(request, parseBallots, importTallies);
    case 'events':
      return run(request, parseEvents, importEvents);
  }
}
