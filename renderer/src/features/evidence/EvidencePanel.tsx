/**
 * One rubric item's evidence: the checklist (kind, 已核/缺失/存疑, checker, date,
 * reference, note) and the item's attachments. Text fields save when they lose focus.
 */
import { useState } from 'react';
import { db } from '../../db/db';
import { EVIDENCE_STATUSES, type AttachmentRecord, type EvidenceRecord, type EvidenceStatus } from '../../db/schema';
import { Button, useToast } from '../../ui';
import { AttachmentList } from './AttachmentList';
import { EVIDENCE_KINDS, EVIDENCE_STATUS_LABELS, kindLabel, type EvidenceKind } from './kinds';
import { useWrite } from '../lock/useWrite';
import { addAttachment, newEvidence, removeEvidence, saveEvidence } from './store';

type TextField = 'checker' | 'date' | 'reference' | 'note';

function EvidenceRow({ line, readOnly, operator }: { line: EvidenceRecord; readOnly: boolean; operator: string }) {
  const write = useWrite();
  const save = (patch: Partial<EvidenceRecord>) => write(saveEvidence(db, { ...line, ...patch }, operator));
  const text = (field: TextField, className: string, label: string, type = 'text') => (
    <input
      type={type}
      className={className}
      aria-label={`${kindLabel(line.kind)} ${label}`}
      defaultValue={line[field]}
      disabled={readOnly}
      onBlur={(e) => {
        if (e.target.value !== line[field]) save({ [field]: e.target.value });
      }}
    />
  );
  return (
    <tr>
      <td>{kindLabel(line.kind)}</td>
      <td>
        <select
          aria-label={`${kindLabel(line.kind)} 核查结果`}
          className={`status-${line.status}`}
          value={line.status}
          disabled={readOnly}
          onChange={(e) => save({ status: e.target.value as EvidenceStatus })}
        >
          {EVIDENCE_STATUSES.map((s) => (
            <option key={s} value={s}>
              {EVIDENCE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </td>
      <td>{text('checker', 'w-s', '核查人')}</td>
      <td>{text('date', 'w-m', '核查日期', 'date')}</td>
      <td>{text('reference', 'w-m', '出处/编号')}</td>
      <td style={{ width: '100%' }}>{text('note', 'w-l', '备注')}</td>
      <td>
        {readOnly ? null : (
          <Button variant="ghost" onClick={() => write(removeEvidence(db, line, operator))}>
            删除
          </Button>
        )}
      </td>
    </tr>
  );
}

export function EvidencePanel({
  assessmentId,
  secretaryId,
  itemCode,
  lines,
  attachments,
  operator,
  readOnly = false,
}: {
  assessmentId: string;
  secretaryId: string;
  itemCode: string;
  lines: readonly EvidenceRecord[];
  attachments: readonly AttachmentRecord[];
  operator: string;
  readOnly?: boolean;
}) {
  const toast = useToast();
  const write = useWrite();
  const unused = EVIDENCE_KINDS.filter((k) => !lines.some((l) => l.kind === k));
  const [kind, setKind] = useState<EvidenceKind | ''>('');
  const chosen = kind && unused.includes(kind) ? kind : (unused[0] ?? '');

  const addFiles = async (files: FileList | null) => {
    if (!files) return;
    for (const file of Array.from(files)) {
      const { duplicate } = await addAttachment(db, assessmentId, secretaryId, itemCode, file, operator);
      toast(duplicate ? `“${file.name}”已存在（内容相同），未重复保存` : `已保存附件“${file.name}”`, duplicate ? 'info' : 'success');
    }
  };

  return (
    <div className="evidence-panel" data-testid={`evidence-${itemCode}`}>
      <table className="table evidence-table">
        <thead>
          <tr>
            <th>佐证材料</th>
            <th>核查结果</th>
            <th>核查人</th>
            <th>日期</th>
            <th>出处/编号</th>
            <th>备注</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {lines.map((l) => (
            <EvidenceRow key={l.kind} line={l} readOnly={readOnly} operator={operator} />
          ))}
          {lines.length === 0 ? (
            <tr>
              <td colSpan={7} className="muted">
                尚未登记佐证材料
              </td>
            </tr>
          ) : null}
        </tbody>
      </table>
      {readOnly ? null : (
        <div className="toolbar" style={{ marginTop: 6, marginBottom: 0, alignItems: 'center' }}>
          {unused.length ? (
            <>
              <select aria-label="佐证材料类别" className="input" value={chosen} onChange={(e) => setKind(e.target.value as EvidenceKind)}>
                {unused.map((k) => (
                  <option key={k} value={k}>
                    {kindLabel(k)}
                  </option>
                ))}
              </select>
              <Button
                onClick={() => {
                  if (chosen) write(saveEvidence(db, newEvidence(assessmentId, secretaryId, itemCode, chosen, operator), operator));
                }}
              >
                登记佐证
              </Button>
            </>
          ) : null}
          <label className="btn btn-secondary file-button" style={{ display: 'inline-flex', alignItems: 'center' }}>
            添加附件（照片、扫描件、PDF）
            <input
              type="file"
              multiple
              accept="image/*,application/pdf"
              style={{ position: 'absolute', width: 1, height: 1, opacity: 0 }}
              aria-label={`为 ${itemCode} 添加附件`}
              onChange={(e) => {
                write(addFiles(e.target.files));
                e.target.value = '';
              }}
            />
          </label>
        </div>
      )}
      <AttachmentList attachments={attachments} readOnly={readOnly} />
    </div>
  );
}
