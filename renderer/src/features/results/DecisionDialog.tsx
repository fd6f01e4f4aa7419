/**
 * 部长办公会审定: the meeting's grade for one secretary, with its reason and who
 * recorded it. Before saving, it says what the grade chosen would do to the category's
 * quotas (保存后本类别优秀 4 人，超出名额（3 人）1 人): the meeting may decide so, but
 * not without seeing it.
 */
import { useState } from 'react';
import { quotaNotes, quotaSentence } from '../../../../shared/method';
import type { CategoryResult, Grade, Policy, ResultRow } from '../../../../shared/model';
import { Button, Dialog, Field } from '../../ui';

const DECIDABLE: Grade[] = ['excellent', 'good', 'competent', 'basic', 'incompetent'];

export interface DecisionValues {
  grade: Grade;
  reason: string;
  by: string;
}

export function DecisionDialog({
  row,
  category,
  policy,
  operator,
  onClose,
  onSave,
  onRemove,
  onHold,
}: {
  row: ResultRow;
  /** the row's category as it stands, for what the decision would do to its quotas */
  category: CategoryResult;
  policy: Pick<Policy, 'bands' | 'labels'>;
  operator: string;
  onClose: () => void;
  onSave: (values: DecisionValues) => Promise<void>;
  onRemove: () => Promise<void>;
  /** opens 暂缓定等 for the row instead */
  onHold?: () => void;
}) {
  const [grade, setGrade] = useState<Grade>(row.decision?.grade ?? (row.computedGrade === 'pending' ? 'excellent' : row.computedGrade));
  const [reason, setReason] = useState(row.decision?.reason ?? '');
  const [by, setBy] = useState(row.decision?.by ?? operator);
  const [tried, setTried] = useState(false);
  const labels = policy.labels;
  const afterSave = quotaSentence(quotaNotes(category, policy, { id: row.id, grade }), '保存后本类别');
  const submit = () => {
    setTried(true);
    if (reason.trim() && by.trim()) void onSave({ grade, reason: reason.trim(), by: by.trim() });
  };
  return (
    <Dialog
      open
      title={`审定等次：${row.secretary.name}（${row.id}）`}
      onClose={onClose}
      footer={
        <>
          {row.decision ? (
            <Button variant="danger" onClick={() => void onRemove()}>
              撤销审定
            </Button>
          ) : null}
          {onHold ? <Button onClick={onHold}>{row.hold ? '暂缓定等（已暂缓）…' : '暂缓定等…'}</Button> : null}
          <span style={{ flex: 1 }} />
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" type="submit" form="decision-form">
            保存审定
          </Button>
        </>
      }
    >
      <form
        id="decision-form"
        className="grid-form"
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <p className="field-wide">
          程序计算等次：<strong>{labels[row.computedGrade]}</strong>
          {row.rank !== null ? `，类别内名次第 ${row.rank}` : ''}。审定结果与计算等次并列显示，不覆盖计算结果，并记入操作日志。
        </p>
        <Field label="审定等次" required>
          <select value={grade} onChange={(e) => setGrade(e.target.value as Grade)} autoFocus>
            {DECIDABLE.map((g) => (
              <option key={g} value={g}>
                {labels[g]}
              </option>
            ))}
          </select>
        </Field>
        {afterSave ? (
          <p className="field-wide card notice-warn" role="alert" data-testid="decision-quota">
            {afterSave}。部长办公会可以这样审定；保存后，结果页、定稿和打印件都将写明。
          </p>
        ) : null}
        {row.decision?.quotaNote ? (
          <p className="field-wide note" data-testid="decision-quota-recorded">
            上次保存时：{row.decision.quotaNote}
          </p>
        ) : null}
        <Field label="记录人" required error={tried && !by.trim() ? '请填写记录人' : undefined}>
          <input value={by} onChange={(e) => setBy(e.target.value)} />
        </Field>
        <Field label="审定理由" required wide error={tried && !reason.trim() ? '请填写审定理由（如 部长办公会议纪要编号和结论）' : undefined}>
          <textarea value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：经2024年第3次部长办公会研究，……" />
        </Field>
      </form>
    </Dialog>
  );
}
