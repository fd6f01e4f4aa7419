/** 导入历年结果 (docs/formats.md §14): earlier years from the 历年结果 template, a results workbook or the results JSON. */
import { useState } from 'react';
import type { InputError } from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { db } from '../../db/db';
import { importPastResults } from '../../db/people';
import type { AssessmentRecord } from '../../db/schema';
import { JSON_FILTER, platform, XLSX_FILTER } from '../../platform';
import { Button, ErrorTable, useToast } from '../../ui';

export function PastImport({ assessment }: { assessment: AssessmentRecord }) {
  const [year, setYear] = useState(String(assessment.year - 1));
  const [errors, setErrors] = useState<InputError[] | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useToast();
  const start = async () => {
    const files = await platform.openFiles({ title: '导入历年结果', filters: [XLSX_FILTER, JSON_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    setBusy(true);
    setErrors(null);
    try {
      const { readPastJson, readPastWorkbook } = await import('../../../../shared/io/past');
      const given = /^\d{4}$/.test(year.trim()) ? Number(year.trim()) : undefined;
      const read = file.name.toLowerCase().endsWith('.json')
        ? given
          ? readPastJson(new TextDecoder().decode(file.bytes), given, file.name)
          : { ok: false as const, errors: [{ sheet: file.name, message: 'JSON 文件不含年度，请先填写年度' }] }
        : await readPastWorkbook({ name: file.name, bytes: file.bytes }, given);
      if (!read.ok) return setErrors(read.errors);
      const made = await importPastResults(db, read.value, { region: assessment.region, policy: assessment.policy, file: file.name }, await getOperator());
      if (!made.ok) return setErrors(made.errors);
      toast(`已导入历年结果：${[...made.value.keys()].map((y) => `${y}年度`).join('、')}，共 ${read.value.length} 人次`);
    } finally {
      setBusy(false);
    }
  };
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
    </section>
  );
}
