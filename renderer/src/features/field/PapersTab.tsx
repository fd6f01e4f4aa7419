/**
 * 履职材料: per secretary, the papers the policy requires (docs/method.md §14.3) —
 * received (when, by whom, with the scan as an attachment) or waived with a reason.
 * What is missing blocks 定稿.
 */
import { useState } from 'react';
import { missingOf } from '../../../../shared/field';
import { PAPER_LABELS, paperItemCode, type PaperKind } from '../../../../shared/model';
import { requiredPapersOf } from '../../../../shared/policy';
import { getOperator, useOperators } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { removePaper, savePaper } from '../../db/field';
import type { AssessmentRecord, AttachmentRecord, PaperRecordRow, SecretaryRecord } from '../../db/schema';
import { Button, ConfirmButton, DayInput, Dialog, Field } from '../../ui';
import { addAttachment, AttachmentList } from '../evidence';

interface Target {
  s: SecretaryRecord;
  kind: PaperKind;
  record: PaperRecordRow | undefined;
}

function PaperDialog({ target, assessment, scans, onClose }: { target: Target; assessment: AssessmentRecord; scans: AttachmentRecord[]; onClose: () => void }) {
  const write = useWrite();
  const operators = useOperators();
  const { s, kind, record } = target;
  const [status, setStatus] = useState<'received' | 'waived'>(record?.status ?? 'received');
  const [date, setDate] = useState(record?.date ?? new Date().toISOString().slice(0, 10));
  const [by, setBy] = useState(record?.by ?? '');
  const [reason, setReason] = useState(record?.reason ?? '');
  const [tried, setTried] = useState(false);
  const mine = scans.filter((a) => a.id === s.id && a.itemCode === paperItemCode(kind));
  const save = async () => {
    setTried(true);
    if (!by || (status === 'waived' && !reason.trim())) return;
    await savePaper(db, assessment.id, { id: s.id, kind, status, date, by, ...(status === 'waived' ? { reason: reason.trim() } : {}) }, await getOperator());
    onClose();
  };
  return (
    <Dialog
      open
      title={`${s.name}（${s.id}）${PAPER_LABELS[kind]}`}
      onClose={onClose}
      footer={
        <>
          {record ? (
            <ConfirmButton
              label="撤销登记"
              title="撤销登记"
              confirmLabel="撤销"
              variant="danger"
              onConfirm={async () => (await removePaper(db, assessment.id, s.id, kind, await getOperator()), onClose())}
            >
              <p>撤销后该材料视为未交，原登记记入审计日志。</p>
            </ConfirmButton>
          ) : null}
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" onClick={() => write(save())}>
            保存
          </Button>
        </>
      }
    >
      <div className="grid-form">
        <Field label="登记为">
          <select value={status} onChange={(e) => setStatus(e.target.value as 'received' | 'waived')}>
            <option value="received">已收到</option>
            <option value="waived">免交（须说明理由）</option>
          </select>
        </Field>
        <Field label={status === 'received' ? '收到日期' : '免交日期'}>
          <DayInput value={date} onChange={setDate} />
        </Field>
        <Field label={status === 'received' ? '接收人' : '审批人'} required error={tried && !by ? '请从操作员名单中选择' : undefined}>
          <select value={by} onChange={(e) => setBy(e.target.value)}>
            <option value="">（请选择）</option>
            {(operators ?? []).map((o) => (
              <option key={o.name} value={o.name}>
                {o.name}
              </option>
            ))}
          </select>
        </Field>
        {status === 'waived' ? (
          <Field label="免交理由" required wide error={tried && !reason.trim() ? '请填写免交理由' : undefined}>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} />
          </Field>
        ) : null}
      </div>
      {status === 'received' ? (
        <div>
          <p className="field-label">扫描件</p>
          <AttachmentList attachments={mine} readOnly={assessment.locked} />
          {/* the browser's own file field says “Choose File” in the computer's language: our button says it in Chinese */}
          <label className="btn btn-secondary file-button" style={{ display: 'inline-flex', alignItems: 'center', position: 'relative' }}>
            添加扫描件（照片、PDF）
            <input
              type="file"
              aria-label="添加扫描件"
              accept="image/*,application/pdf"
              style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) write(getOperator().then((op) => addAttachment(db, assessment.id, s.id, paperItemCode(kind), file, op)));
                e.target.value = '';
              }}
            />
          </label>
        </div>
      ) : null}
    </Dialog>
  );
}

export function PapersTab({
  assessment,
  secretaries,
  papers,
  scans,
}: {
  assessment: AssessmentRecord;
  secretaries: SecretaryRecord[];
  papers: PaperRecordRow[];
  scans: AttachmentRecord[];
}) {
  const required = requiredPapersOf(assessment.policy);
  const [target, setTarget] = useState<Target | null>(null);
  const byKey = new Map(papers.map((p) => [`${p.id}|${p.kind}`, p]));
  const missing = secretaries.filter(
    (s) =>
      missingOf(
        required,
        papers.filter((p) => p.id === s.id),
      ).length,
  ).length;
  if (!required.length) return <p className="muted">本考核规则未要求提交履职材料（可在“考核”页的考核规则中设置）。</p>;
  return (
    <div data-testid="papers-tab">
      <p className="note">
        本考核规则要求每名“第一书记”提交：{required.map((k) => PAPER_LABELS[k]).join('、')}。未交齐的不能定稿；确因特殊情况不能提交的，登记为“免交”并说明理由。
        {missing ? `尚有 ${missing} 人未交齐。` : '已全部交齐。'}
      </p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">姓名</th>
              {required.map((k) => (
                <th key={k} scope="col">
                  {PAPER_LABELS[k]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {secretaries.map((s) => (
              <tr key={s.id} data-testid={`papers-${s.id}`}>
                <td>{s.id}</td>
                <td>{s.name}</td>
                {required.map((kind) => {
                  const record = byKey.get(`${s.id}|${kind}`);
                  const scanCount = scans.filter((a) => a.id === s.id && a.itemCode === paperItemCode(kind)).length;
                  const words = !record ? '未交' : record.status === 'received' ? `已收 ${record.date.slice(5)}${scanCount ? ' 📎' : ''}` : '免交';
                  return (
                    <td key={kind}>
                      <button
                        type="button"
                        className={`badge ${!record ? 'badge-warn' : 'badge-ok'}`}
                        title={record?.reason ?? (record ? `${record.by} ${record.date}` : '点击登记')}
                        aria-label={`${s.name} ${PAPER_LABELS[kind]}：${words}`}
                        disabled={assessment.locked}
                        onClick={() => setTarget({ s, kind, record })}
                      >
                        {words}
                      </button>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {target ? <PaperDialog target={target} assessment={assessment} scans={scans} onClose={() => setTarget(null)} /> : null}
    </div>
  );
}
