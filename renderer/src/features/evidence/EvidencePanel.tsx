/**
 * One rubric item's evidence: the checklist and the item's attachments. A line is
 * registered (登记, by whom and when) and then checked (核实: 已核/缺失/存疑, by an
 * operator, dated) — two acts. 出处 and 备注 save when they lose focus.
 */
import { useState } from 'react';
import { db } from '../../db/db';
import { checkOperator } from '../../data/operator';
import { OperatorChoice, type OperatorPick } from '../operators';
import type { AttachmentRecord, EvidenceRecord } from '../../db/schema';
import { Button, Field, useToast } from '../../ui';
import { AttachmentList } from './AttachmentList';
import { EVIDENCE_KINDS, EVIDENCE_STATUS_LABELS, kindLabel, type EvidenceKind } from './kinds';
import { useWrite } from '../../data/useWrite';
import { addAttachment, CHECK_OUTCOMES, newEvidence, removeEvidence, saveEvidence, today, verifyEvidence, type CheckOutcome } from './store';

type TextField = 'reference' | 'note';

const STATUS_CLASS: Record<EvidenceRecord['status'], string> = {
  pending: 'badge-warn',
  checked: 'badge-ok',
  missing: 'badge-accent',
  doubtful: 'badge-accent',
};

function EvidenceRow({ line, readOnly, operator }: { line: EvidenceRecord; readOnly: boolean; operator: string }) {
  const write = useWrite();
  const [checking, setChecking] = useState(false);
  const save = (patch: Partial<EvidenceRecord>) => write(saveEvidence(db, { ...line, ...patch }, operator));
  const text = (field: TextField, className: string, label: string) => (
    <input
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
    <>
      <tr data-evidence={line.kind}>
        <td>{kindLabel(line.kind)}</td>
        <td className="nowrap">
          {line.registeredBy !== undefined ? `${line.registeredBy || '未署名'} ${line.registeredAt ?? ''}` : <span className="muted">—</span>}
        </td>
        <td className="nowrap">
          <span className={`badge ${STATUS_CLASS[line.status]}`} data-testid="evidence-status">
            {EVIDENCE_STATUS_LABELS[line.status]}
          </span>
          {line.status !== 'pending' ? (
            <span className="muted">
              {' '}
              {line.checker || '未署名'} {line.date}
            </span>
          ) : null}
        </td>
        <td>{text('reference', 'w-m', '出处/编号')}</td>
        <td style={{ width: '100%' }}>{text('note', 'w-l', '备注')}</td>
        <td className="nowrap">
          {readOnly ? null : (
            <>
              <Button variant="ghost" onClick={() => setChecking(!checking)} aria-expanded={checking}>
                {line.status === 'pending' ? '核实' : '重新核实'}
              </Button>
              <Button variant="ghost" onClick={() => write(removeEvidence(db, line, operator))}>
                删除
              </Button>
            </>
          )}
        </td>
      </tr>
      {checking && !readOnly ? (
        <tr>
          <td colSpan={6}>
            <VerifyForm line={line} operator={operator} onDone={() => setChecking(false)} />
          </td>
        </tr>
      ) : null}
    </>
  );
}

/** 核实: who checked the line against the material, and what they found; the date is today. */
function VerifyForm({ line, operator, onDone }: { line: EvidenceRecord; operator: string; onDone: () => void }) {
  const write = useWrite();
  const [outcome, setOutcome] = useState<CheckOutcome>('checked');
  const [picked, setPicked] = useState<OperatorPick | null>(null);
  const who = picked ?? { name: operator, pin: '' };
  const [error, setError] = useState<string | undefined>(undefined);
  const confirm = async () => {
    const checked = await checkOperator(who.name, who.pin);
    if (!checked.ok) return setError(checked.message);
    write(verifyEvidence(db, line, outcome, who.name));
    onDone();
  };
  return (
    <div className="verify-form" data-testid="verify-form">
      <Field label="核实结果">
        <select value={outcome} onChange={(e) => setOutcome(e.target.value as CheckOutcome)} aria-label={`${kindLabel(line.kind)} 核实结果`}>
          {CHECK_OUTCOMES.map((s) => (
            <option key={s} value={s}>
              {EVIDENCE_STATUS_LABELS[s]}
            </option>
          ))}
        </select>
      </Field>
      <OperatorChoice label="核实人" value={who} error={error} onChange={(p) => (setPicked(p), setError(undefined))} />
      <Button variant="primary" disabled={!who.name} onClick={() => void confirm()}>
        确认核实（{today()}）
      </Button>
      <Button onClick={onDone}>取消</Button>
    </div>
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
            <th>登记</th>
            <th>核实</th>
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
              <td colSpan={6} className="muted">
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
                登记佐证（待核实）
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
