/**
 * 暂缓定等 (docs/method.md §5.9): a person holds a secretary's grade back, with a reason —
 * 立案审查中, 驻村不足一定期限, or another given in words. The holder keeps the rank and
 * takes no place: the band's places go to the others. Reversible, and logged.
 */
import { useState } from 'react';
import { HOLD_REASON_LABELS, HOLD_REASONS, type HoldReason, type ResultRow } from '../../../../shared/model';
import { Button, Dialog, Field } from '../../ui';

export interface HoldValues {
  reason: HoldReason;
  note?: string;
}

export function HoldDialog({
  row,
  onClose,
  onSave,
  onRemove,
}: {
  row: ResultRow;
  onClose: () => void;
  onSave: (values: HoldValues) => Promise<void>;
  onRemove: () => Promise<void>;
}) {
  const [reason, setReason] = useState<HoldReason>(row.hold?.reason ?? 'investigation');
  const [note, setNote] = useState(row.hold?.note ?? '');
  const [tried, setTried] = useState(false);
  const missing = reason === 'other' && !note.trim();
  const submit = () => {
    setTried(true);
    if (!missing) void onSave(note.trim() ? { reason, note: note.trim() } : { reason });
  };
  return (
    <Dialog
      open
      title={`暂缓定等：${row.secretary.name}（${row.id}）`}
      onClose={onClose}
      footer={
        <>
          {row.hold ? (
            <Button variant="danger" onClick={() => void onRemove()}>
              撤销暂缓定等
            </Button>
          ) : null}
          <span style={{ flex: 1 }} />
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" type="submit" form="hold-form">
            暂缓定等
          </Button>
        </>
      }
    >
      <form
        id="hold-form"
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="field-wide">
          暂缓定等的第一书记保留名次，等次暂不确定，不占本类别名额，名额由其后的人员依次递补。结果、打印件和导出表格都写明原因；可以撤销，记入审计日志。
        </p>
        <Field label="暂缓原因" required>
          <select value={reason} onChange={(e) => setReason(e.target.value as HoldReason)} autoFocus>
            {HOLD_REASONS.map((r) => (
              <option key={r} value={r}>
                {HOLD_REASON_LABELS[r]}
              </option>
            ))}
          </select>
        </Field>
        <Field
          label="说明"
          wide
          error={tried && missing ? '请写明暂缓定等的原因' : undefined}
          hint={reason === 'other' ? '必填' : '选填，如立案单位、驻村起始日期'}
        >
          <textarea value={note} onChange={(e) => setNote(e.target.value)} maxLength={300} />
        </Field>
      </form>
    </Dialog>
  );
}
