/**
 * Reading an exchange workbook (shared/io) and importing it into an assessment
 * (db/imports.ts): first a preview — every error of the file and against this
 * assessment at once, and what would change — then, with a person's choice for every
 * difference, a backup of the database and the write in one transaction.
 *
 *   const preview = await previewWorkbook({ kind: 'ballots', assessmentId, file, operator });
 *   if (preview.ok) await applyWorkbook(request, preview.value, { S1: 'theirs' });
 */
import type { Checked, InputError } from '../../../../shared/model';
import { communityRubricInUse } from '../../../../shared/rubric/community';
import { db as appDb } from '../../db/db';
import type { ImportChoices, ImportKind } from '../../db/import-plan';
import { applyImport, previewImport, type ImportContext, type ImportOutcome, type ImportPreview } from '../../db/imports';
import type { ShuangpingDb } from '../../db/schema';
import type { PickedFile } from '../../platform';
import { backupBefore, beginBackupBefore, type EarlyBackup } from '../../data/backups';
import { spanEnd, spanStart } from '../../db/timing';
import { readOffThread } from './read-off-thread';

export const WORKBOOK_KINDS = ['roster', 'summary', 'scores', 'ballots', 'events', 'attendance'] as const satisfies readonly ImportKind[];
export type WorkbookKind = ImportKind;

export const WORKBOOK_LABELS: Record<WorkbookKind, string> = {
  roster: '名册',
  summary: '考评得分汇总',
  scores: '考评细则评分',
  ballots: '测评计票',
  events: '直接定等事项',
  attendance: '考勤',
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
  /** told at the start of each step; the page gets to paint before the step runs (reading and checking run in a worker) */
  onProgress?: (progress: ImportProgress) => void;
}

/** A previewed workbook: the plan, the warnings a person acknowledges, and where errors point. */
export interface WorkbookPreview extends ImportPreview {
  file: string;
  warnings: InputError[];
  context: ImportContext;
  /** the backup begun with the preview (the app's database): kept by applyWorkbook, or discarded when the person cancels */
  backup?: EarlyBackup;
}

/** A moment for the page to paint the progress before the next long step. */
const paint = () => new Promise<void>((done) => setTimeout(done, 16));

async function report(request: WorkbookImport, progress: ImportProgress): Promise<void> {
  if (!request.onProgress) return;
  request.onProgress(progress);
  await paint();
}

/**
 * Reads the workbook, checks it and its rows against this assessment, and plans the
 * import: every error at once (those of the file's rows and those against the roster),
 * and nothing written.
 */
export async function previewWorkbook(request: WorkbookImport): Promise<Checked<WorkbookPreview>> {
  // the app's database is backed up while the workbook is read (kept only if the import goes ahead)
  const backup = request.db ? undefined : beginBackupBefore('导入');
  try {
    const preview = await readAndPlan(request);
    if (!preview.ok) backup?.discard();
    return preview.ok && backup ? { ok: true, value: { ...preview.value, backup } } : preview;
  } catch (e) {
    backup?.discard();
    throw e;
  }
}

async function readAndPlan(request: WorkbookImport): Promise<Checked<WorkbookPreview>> {
  const assessment = await (request.db ?? appDb).assessments.get(request.assessmentId);
  if (!assessment) return { ok: false, errors: [{ message: '考核不存在' }] };
  await report(request, { step: 'open' });
  // read and checked off the main thread: the screen answers meanwhile
  const t = spanStart();
  const read = await readOffThread(
    {
      kind: request.kind,
      name: request.file.name,
      bytes: request.file.bytes,
      requirePresence: assessment.policy.minPresence !== null,
      rubric: assessment.rubric,
      communityRubric: communityRubricInUse(assessment),
    },
    () => request.onProgress?.({ step: 'check' }),
  );
  spanEnd('read', t);
  if (!read.ok) return read;
  const { parsed, errors, warnings } = read.value;
  if (!parsed) return { ok: false, errors };
  const context: ImportContext = {
    db: request.db ?? appDb,
    assessmentId: request.assessmentId,
    operator: request.operator,
    sheet: parsed.sheet,
    rows: parsed.ids,
    idHeader: parsed.idHeader,
  };
  // the rows that read well are checked against the assessment too: one round of errors
  const preview = await previewImport(
    context,
    request.kind,
    parsed.entries.map((e) => e.value),
    { parsed, errors },
  );
  if (!preview.ok) return preview;
  return { ok: true, value: { ...preview.value, file: request.file.name, warnings, context } };
}

/** Backs up the database (the app's; tests pass a db of their own) and writes the previewed import. */
export async function applyWorkbook(request: WorkbookImport, preview: WorkbookPreview, choices: ImportChoices = {}): Promise<ImportOutcome> {
  if (!request.db) {
    await report(request, { step: 'backup' });
    try {
      const t = spanStart();
      await (preview.backup ? preview.backup.keep() : backupBefore('导入'));
      spanEnd('backup', t);
    } catch (e) {
      return { ok: false, errors: [{ message: e instanceof Error ? e.message : String(e) }] };
    }
  }
  await report(request, { step: 'write', rows: preview.rows.filter((r) => r.status !== 'same').length });
  const t = spanStart();
  const outcome = await applyImport(preview.context, preview, choices);
  spanEnd('apply', t);
  return outcome;
}

/** Preview and write at once, for what needs no choice (the sample county, tests); a difference without a choice is an error. */
export async function importWorkbook(request: WorkbookImport, choices: ImportChoices = {}): Promise<ImportOutcome> {
  const preview = await previewWorkbook(request);
  if (!preview.ok) return preview;
  return applyWorkbook(request, preview.value, choices);
}
