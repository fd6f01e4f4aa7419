/**
 * 合理性提示 where the data is: each warning with its figures and its state — 待确认,
 * 已确认 (who, when, why) or 数据已变更 (the acknowledgment no longer covers the data) —
 * and, unless read-only, a form to acknowledge it with a reason as the current operator.
 * Unacknowledged warnings block 定稿 (docs/method.md §15).
 */
import { useState } from 'react';
import { WARNING_LABELS, type WarningCode, type WarningPlace, type WarningStatus } from '../../../../shared/model';
import { warningKey } from '../../../../shared/method';
import { getOperator } from '../../data/operator';
import { useWarningStatuses } from '../../data/warnings';
import { acknowledgeWarning, acknowledgeWarnings } from '../../db/checks';
import { db } from '../../db/db';
import { Button, Field, useToast } from '../../ui';
import './checks.css';

const STATE_LABELS: Record<WarningStatus['state'], string> = { open: '待确认', acknowledged: '已确认', stale: '数据已变更，须重新确认' };
const STATE_BADGES: Record<WarningStatus['state'], string> = { open: 'badge-warn', acknowledged: 'badge-ok', stale: 'badge-warn' };

export function WarningsPanel({
  assessmentId,
  names,
  ids,
  place,
  readOnly,
  title = '合理性提示',
}: {
  assessmentId: string;
  /** 编号 → 姓名, to name the secretary of each warning */
  names?: ReadonlyMap<string, string>;
  /** only these secretaries' warnings (identical tallies: either of the two) */
  ids?: readonly string[];
  /** only the warnings whose data is entered on this screen */
  place?: WarningPlace;
  readOnly: boolean;
  title?: string;
}) {
  const statuses = useWarningStatuses(assessmentId);
  if (!statuses) return null;
  const shown = statuses.filter(
    (s) => (!ids || ids.includes(s.warning.id) || (s.warning.other !== undefined && ids.includes(s.warning.other))) && (!place || s.warning.place === place),
  );
  if (!shown.length) return null;
  const pending = shown.filter((s) => s.state !== 'acknowledged').length;
  return (
    <section className={`card warnings-panel ${pending ? 'notice-warn' : 'notice-ok'}`} aria-label={title} data-testid="warnings-panel">
      <strong>
        {title}：{shown.length} 条{pending ? `，${pending} 条待确认（定稿前须逐条核对确认）` : '，均已确认'}
      </strong>
      <p className="note">不是错误，不影响计算；请核对原始材料后说明理由确认。数据改变后，原确认失效，须重新确认。</p>
      {!readOnly && pending > 1 ? <BulkAck assessmentId={assessmentId} statuses={shown.filter((s) => s.state !== 'acknowledged')} /> : null}
      <ul className="warnings-list">
        {shown.map((s) => (
          <WarningItem key={warningKey(s.warning)} status={s} name={names?.get(s.warning.id)} assessmentId={assessmentId} readOnly={readOnly} />
        ))}
      </ul>
    </section>
  );
}

function WarningItem({ status, name, assessmentId, readOnly }: { status: WarningStatus; name: string | undefined; assessmentId: string; readOnly: boolean }) {
  const toast = useToast();
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const { warning, ack, state } = status;
  const save = async () => {
    setTried(true);
    if (!reason.trim()) return;
    const saved = await acknowledgeWarning(db, assessmentId, warning, reason, await getOperator());
    toast(saved ? '已确认该提示，已记入审计日志' : '数据已变更，该提示已不存在');
    setOpen(false);
    setReason('');
    setTried(false);
  };
  return (
    <li data-testid="warning" data-warning={warningKey(warning)} data-state={state}>
      <span className={`badge ${STATE_BADGES[state]}`}>{STATE_LABELS[state]}</span> <strong>{WARNING_LABELS[warning.code]}</strong>
      ：编号{warning.id}
      {name ? `（${name}）` : ''}，{warning.message}
      {ack ? (
        <div className="note">
          {state === 'stale' ? '原确认（数据已变更）：' : '确认：'}
          {ack.by}，{ack.at.slice(0, 16).replace('T', ' ')}，{ack.reason}
        </div>
      ) : null}
      {!readOnly && state !== 'acknowledged' && !open ? (
        <Button variant="ghost" onClick={() => setOpen(true)} aria-label={`确认提示 ${warning.id} ${WARNING_LABELS[warning.code]}`}>
          核对后确认…
        </Button>
      ) : null}
      {open ? (
        <form
          className="ack-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label="确认理由" required error={tried && !reason.trim() ? '请填写确认理由' : undefined}>
            <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：已核对计票单原件，票数无误" maxLength={300} autoFocus />
          </Field>
          <Button variant="primary" type="submit">
            确认
          </Button>
          <Button onClick={() => setOpen(false)}>取消</Button>
        </form>
      ) : null}
    </li>
  );
}

/**
 * Many warnings of one kind (a county's score outliers) acknowledged with one reason once a
 * person has checked each: every warning still gets its own acknowledgment and audit entry.
 */
function BulkAck({ assessmentId, statuses }: { assessmentId: string; statuses: readonly WarningStatus[] }) {
  const toast = useToast();
  const [code, setCode] = useState('');
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const counts = new Map<WarningCode, number>();
  for (const s of statuses) counts.set(s.warning.code, (counts.get(s.warning.code) ?? 0) + 1);
  const chosen = statuses.filter((s) => !code || s.warning.code === code);
  const save = async () => {
    setTried(true);
    if (!reason.trim()) return;
    const saved = await acknowledgeWarnings(
      db,
      assessmentId,
      chosen.map((s) => s.warning),
      reason,
      await getOperator(),
    );
    toast(`已确认 ${saved.length} 条提示，逐条记入审计日志`);
    setReason('');
    setTried(false);
  };
  return (
    <form
      className="ack-form bulk-ack"
      aria-label="一并确认"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <Field label="一并确认">
        <select value={code} onChange={(e) => setCode(e.target.value)}>
          <option value="">全部待确认的提示（{statuses.length} 条）</option>
          {[...counts].map(([c, n]) => (
            <option key={c} value={c}>
              {WARNING_LABELS[c]}（{n} 条）
            </option>
          ))}
        </select>
      </Field>
      <Field label="确认理由（逐条核对后填写）" required error={tried && !reason.trim() ? '请填写确认理由' : undefined}>
        <input value={reason} onChange={(e) => setReason(e.target.value)} placeholder="如：已逐一核对评分表和计票单原件，无误" maxLength={300} />
      </Field>
      <Button variant="primary" type="submit">
        确认所选 {chosen.length} 条
      </Button>
    </form>
  );
}
