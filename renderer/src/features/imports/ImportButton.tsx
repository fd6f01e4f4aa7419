/**
 * The one way to import a workbook, shared by every screen.
 *
 *   <ImportButton kind="roster" assessmentId={id} label="导入名册" title="导入名册" />
 *
 * - asks for an .xlsx file (platform.openFiles: Electron's dialog or a browser file input);
 * - reads and checks it (a progress bar beside the button says which step): any error →
 *   a dialog listing every error in an ErrorTable (工作表/行/列/说明) — nothing imported;
 * - if the file would change what this assessment holds (differences, records it lacks)
 *   or has warnings, shows the preview (ImportPreview) and imports only what the person
 *   chose; otherwise (only new records) imports at once;
 * - then a toast “已导入 N 条”; anything thrown becomes one Chinese message, never a stack trace.
 */
import { useEffect, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { InputError } from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { db } from '../../db/db';
import { needsChoices, type ImportChoices } from '../../db/import-plan';
import type { ImportOutcome } from '../../db/imports';
import { platform, XLSX_FILTER } from '../../platform';
import { Button, Dialog, ErrorTable, useToast } from '../../ui';
import { ImportPreview } from './ImportPreview';
import { applyWorkbook, IMPORT_STEPS, previewWorkbook, type ImportProgress, type WorkbookImport, type WorkbookKind, type WorkbookPreview } from './workbooks';
import './imports.css';

const STEP_WORDS: Record<ImportProgress['step'], (p: ImportProgress, file: string) => string> = {
  open: (_, file) => `正在读取“${file}”…`,
  check: () => '正在逐行检查…',
  backup: () => '正在备份数据库…',
  write: (p) => `正在写入 ${(p.rows ?? 0).toLocaleString('zh-CN')} 条记录…`,
};

/** Which step of how many, as a bar and in words. */
function ImportProgressBar({ progress, file }: { progress: ImportProgress; file: string }) {
  const step = IMPORT_STEPS.indexOf(progress.step) + 1;
  return (
    <span className="import-progress" role="status" data-testid="import-progress" data-step={progress.step}>
      <progress max={IMPORT_STEPS.length + 1} value={step} aria-label={`导入进度：第 ${step} 步，共 ${IMPORT_STEPS.length} 步`} />
      <span>{STEP_WORDS[progress.step](progress, file)}</span>
    </span>
  );
}

export interface ImportOptions {
  kind: WorkbookKind;
  assessmentId: string;
  /** the dialog title, e.g. "导入名册" */
  title: string;
  /** the success notice; default “已从“文件”导入 N 条记录（新增…，采用文件…）” */
  success?: (outcome: { count: number; total: number }, file: string) => string;
}

export function ImportButton({
  label,
  variant = 'secondary',
  disabled,
  ...options
}: ImportOptions & { label: string; variant?: 'primary' | 'secondary'; disabled?: boolean }) {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ file: string; progress: ImportProgress } | null>(null);
  const [failed, setFailed] = useState<{ file: string; errors: InputError[] } | null>(null);
  const [asking, setAsking] = useState<{ request: WorkbookImport; preview: WorkbookPreview } | null>(null);
  // a preview left open when the button goes (another screen chosen): its backup stops watching for changes
  useEffect(() => () => asking?.preview.backup?.discard(), [asking]);
  // the roster's names, read only while the preview is open: a province's roster is not re-read by every button after each import
  const asked = asking !== null;
  const names = useLiveQuery(
    async () =>
      asked
        ? new Map((await db.secretaries.where('assessmentId').equals(options.assessmentId).toArray()).map((s) => [s.id, s.name]))
        : new Map<string, string>(),
    [options.assessmentId, asked],
  );

  const finish = (file: string, outcome: ImportOutcome) => {
    const details = outcome.ok && outcome.words !== `新增 ${outcome.count}，相同 0` ? `（${outcome.words}）` : '';
    if (outcome.ok) toast(options.success?.(outcome, file) ?? `已从“${file}”导入 ${outcome.count} 条记录${details}`);
    else setFailed({ file, errors: outcome.errors });
  };

  /** Runs a step of the import; anything thrown is one Chinese message. */
  const guarded = async (file: string, step: () => Promise<void>) => {
    setBusy(true);
    try {
      await step();
    } catch (e) {
      console.error(e);
      setFailed({ file, errors: [{ sheet: file, message: '无法读取该文件，请确认它是 Excel 工作簿（.xlsx）' }] });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const start = async () => {
    const files = await platform.openFiles({ title: options.title, filters: [XLSX_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    await guarded(file.name, async () => {
      const request: WorkbookImport = {
        kind: options.kind,
        assessmentId: options.assessmentId,
        file,
        operator: await getOperator(),
        onProgress: (p) => setProgress({ file: file.name, progress: p }),
      };
      const preview = await previewWorkbook(request);
      if (!preview.ok) return setFailed({ file: file.name, errors: preview.errors });
      if (needsChoices(preview.value) || preview.value.warnings.length) return setAsking({ request, preview: preview.value });
      finish(file.name, await applyWorkbook(request, preview.value));
    });
  };

  const confirm = (choices: ImportChoices) => {
    if (!asking) return;
    const { request, preview } = asking;
    void guarded(request.file.name, async () => {
      const outcome = await applyWorkbook(request, preview, choices);
      setAsking(null);
      finish(request.file.name, outcome);
    });
  };

  return (
    <>
      <Button variant={variant} onClick={() => void start()} disabled={busy || disabled}>
        {busy ? '正在导入…' : label}
      </Button>
      {progress ? <ImportProgressBar progress={progress.progress} file={progress.file} /> : null}
      {asking ? (
        <ImportPreview
          preview={asking.preview}
          names={names ?? new Map()}
          busy={busy}
          onCancel={() => {
            asking.preview.backup?.discard();
            setAsking(null);
          }}
          onConfirm={confirm}
        />
      ) : null}
      <Dialog
        open={failed !== null}
        wide
        title={`${options.title}：文件有错误`}
        onClose={() => setFailed(null)}
        footer={
          <Button variant="primary" onClick={() => setFailed(null)}>
            知道了
          </Button>
        }
      >
        {failed ? (
          <>
            <p>
              文件：<strong>{failed.file}</strong>
            </p>
            <ErrorTable errors={failed.errors} />
          </>
        ) : null}
      </Dialog>
    </>
  );
}
