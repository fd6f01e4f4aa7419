/**
 * 导入历年结果 (docs/formats.md §14): earlier years from the 历年结果 template, a results
 * workbook or the results JSON. Like every import it is previewed first — the years,
 * secretaries and grades it adds, and what it changes in the open years' carried blocks —
 * then, once confirmed, backed up before and written in one transaction (logged).
 */
import { useState } from 'react';
import type { InputError } from '../../../../shared/model';
import type { PastRow } from '../../../../shared/io/past';
import { backupBefore } from '../../data/backups';
import { getOperator } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { importPastResults, previewPastResults, type PastOptions, type PastPreview } from '../../db/people';
import type { AssessmentRecord } from '../../db/schema';
import { JSON_FILTER, platform, XLSX_FILTER } from '../../platform';
import { Button, ErrorTable, useToast } from '../../ui';
import { CarriedChanges } from './LinkPreviewPanel';

interface Previewed {
  rows: PastRow[];
  options: PastOptions;
  preview: PastPreview;
}

export function PastImport({ assessment }: { assessment: AssessmentRecord }) {
  const [year, setYear] = useState(String(assessment.year - 1));
  const [errors, setErrors] = useState<InputError[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [previewed, setPreviewed] = useState<Previewed | null>(null);
  const toast = useToast();
  const write = useWrite();
  const start = async () => {
    const files = await platform.openFiles({ title: '导入历年结果', filters: [XLSX_FILTER, JSON_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    setErrors(null);
    setPreviewed(null);
    try {
      const { readPastJson, readPastWorkbook } = await import('../../../../shared/io/past');
      const given = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : undefined;
      const read = file.name.toLowerCase().endsWith('.json')
        ? given
          ? readPastJson(new TextDecoder().decode(file.bytes), given, file.name)
          : { ok: false as const, errors: [{ sheet: file.name, message: 'JSON 文件不含年度，请先填写年度' }] }
        : await readPastWorkbook({ name: file.name, bytes: file.bytes }, given);
      if (!read.ok) return setErrors(read.errors);
      const options = { region: assessment.region, policy: assessment.policy, file: file.name };
      const preview = await previewPastResults(db, read.value, options, await getOperator());
      if (!preview.ok) return setErrors(preview.errors);
      setPreviewed({ rows: read.value, options, preview: preview.value });
    } finally {
      setBusy(false);
    }
  };
  const confirm = (p: Previewed) =>
    write(
      (async () => {
        setBusy(true);
        try {
          await backupBefore('导入');
          const made = await importPastResults(db, p.rows, p.options, await getOperator());
          if (!made.ok) return setErrors(made.errors);
          setPreviewed(null);
          toast(`已导入历年结果：${[...made.value.keys()].map((y) => `${y}年度`).join('、')}，共 ${p.rows.length} 人次`);
        } finally {
          setBusy(false);
        }
      })(),
    );
  return (
    <section className="card past-import" aria-label="导入历年结果">
      <label>
        年度（文件未注明年度时）：
        <input value={year} onChange={(e) => setYear(e.target.value)} size={6} aria-label="历年结果年度" />
      </label>
      <Button onClick={() => void start()} disabled={busy}>
        导入历年结果
      </Button>
      <span className="note">可导入“历年结果”模板、本程序导出的考核结果工作簿或 JSON；每个年度生成一次已定稿的考核，等次记为审定等次。</span>
      {errors ? <ErrorTable errors={errors} /> : null}
      {previewed ? <PastPreviewPanel previewed={previewed} busy={busy} onConfirm={() => confirm(previewed)} onCancel={() => setPreviewed(null)} /> : null}
    </section>
  );
}

function PastPreviewPanel({ previewed, busy, onConfirm, onCancel }: { previewed: Previewed; busy: boolean; onConfirm: () => void; onCancel: () => void }) {
  const { preview, options } = previewed;
  const { finalized } = preview.changes;
  return (
    <div className="past-preview" data-testid="past-preview">
      <strong>{`导入前预览：“${options.file}”`}</strong>
      <table className="table">
        <thead>
          <tr>
            <th scope="col">年度</th>
            <th scope="col">人数</th>
            <th scope="col">等次</th>
            <th scope="col">召回</th>
          </tr>
        </thead>
        <tbody>
          {preview.years.map((y) => (
            <tr key={y.year}>
              <td>
                {`${y.year}年度`}
                {y.existing ? <span className="muted">{`（本机已有该年度的考核${y.existing}次，将另建一次）`}</span> : null}
              </td>
              <td>{y.count}</td>
              <td>{y.grades.map((g) => `${g.label}${g.count}人`).join('、')}</td>
              <td>{y.recalls || '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <details>
        <summary>{`逐人查看（${preview.secretaries.length}人次）`}</summary>
        <ul>
          {preview.secretaries.map((r) => (
            <li key={`${r.year}|${r.id}`}>{`${r.year}年度 ${r.id} ${r.name}：${r.grade}`}</li>
          ))}
        </ul>
      </details>
      <CarriedChanges changes={preview.changes} />
      {finalized.length ? <p className="note">{`已定稿的考核（${finalized.join('、')}）保留定稿时的往年处理，等次不变。`}</p> : null}
      <p className="note">确认后先自动备份，再一次写入；导入记入审计日志。</p>
      <div className="actions">
        <Button variant="primary" onClick={onConfirm} disabled={busy}>
          确认导入
        </Button>
        <Button onClick={onCancel} disabled={busy}>
          取消
        </Button>
      </div>
    </div>
  );
}
