/**
 * The one way to import a workbook, shared by every screen.
 *
 *   <ImportButton label="导入名册" run={(file) => importWorkbook({ kind: 'roster', file, assessmentId })} />
 *
 * - asks for an .xlsx file (platform.openFiles: Electron's dialog or a browser file input);
 * - calls `run(file, onProgress)`, which resolves to an ImportOutcome (db/imports.ts) and
 *   reports its steps (pass `onProgress` on to importWorkbook): a progress bar beside
 *   the button says which step, and how many rows, while a big workbook is imported;
 * - the outcome:
 *   `{ ok: true, count }` → a toast “已导入 N 条”; `{ ok: false, errors }` → a dialog
 *   listing every error in an ErrorTable (工作表/行/列/说明) — nothing was imported;
 * - anything thrown by `run` becomes one Chinese message, never a stack trace.
 * For a custom trigger use `useImportFlow(run)` → `{ start, busy, view }` and render `view`.
 */
import { useState, type ReactNode } from 'react';
import type { InputError } from '../../../../shared/model';
import { platform, XLSX_FILTER, type PickedFile } from '../../platform';
import { Button, Dialog, ErrorTable, useToast } from '../../ui';
import type { ImportOutcome } from '../../db/imports';
import { IMPORT_STEPS, type ImportProgress } from './workbooks';
import './imports.css';

export type ImportRun = (file: PickedFile, onProgress: (progress: ImportProgress) => void) => Promise<ImportOutcome>;

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
  /** the dialog title, e.g. "导入名册" */
  title: string;
  /** the success notice; default “已导入 N 条记录” */
  success?: (count: number, file: PickedFile) => string;
  /** called after a successful import */
  onDone?: (count: number) => void;
}

export function useImportFlow(run: ImportRun, options: ImportOptions): { start: () => Promise<void>; busy: boolean; view: ReactNode } {
  const toast = useToast();
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ file: string; progress: ImportProgress } | null>(null);
  const [failed, setFailed] = useState<{ file: string; errors: InputError[] } | null>(null);

  const start = async () => {
    const files = await platform.openFiles({ title: options.title, filters: [XLSX_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    try {
      const outcome = await run(file, (p) => setProgress({ file: file.name, progress: p }));
      if (outcome.ok) {
        toast(options.success?.(outcome.count, file) ?? `已从“${file.name}”导入 ${outcome.count} 条记录`);
        options.onDone?.(outcome.count);
      } else {
        setFailed({ file: file.name, errors: outcome.errors });
      }
    } catch (e) {
      console.error(e);
      setFailed({ file: file.name, errors: [{ sheet: file.name, message: '无法读取该文件，请确认它是 Excel 工作簿（.xlsx）' }] });
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const view = (
    <>
      {progress ? <ImportProgressBar progress={progress.progress} file={progress.file} /> : null}
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
  return { start, busy, view };
}

export function ImportButton({
  label,
  run,
  variant = 'secondary',
  disabled,
  ...options
}: ImportOptions & { label: string; run: ImportRun; variant?: 'primary' | 'secondary'; disabled?: boolean }) {
  const { start, busy, view } = useImportFlow(run, options);
  return (
    <>
      <Button variant={variant} onClick={() => void start()} disabled={busy || disabled}>
        {busy ? '正在导入…' : label}
      </Button>
      {view}
    </>
  );
}
