/**
 * 定稿 and 解除定稿 for the head of the overview and results screens: a badge when
 * locked, and the action behind a confirming dialog. Finalizing warns when the results
 * are not complete, and lists the categories the review meeting's decisions put over a
 * quota or left with a place empty; either needs an acknowledgment. Unlocking needs a
 * reason. Both go to the audit log.
 */
import { useState } from 'react';
import { WARNING_LABELS } from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { useWarningStatuses } from '../../data/warnings';
import { db } from '../../db/db';
import { waiveMissing } from '../../db/field';
import { lockAssessment, unlockAssessment } from '../../db/lock';
import { PAPER_LABELS } from '../../../../shared/model';
import { useWrite } from '../../data/useWrite';
import type { AssessmentRecord } from '../../db/schema';
import { Button, Dialog, Field, useToast } from '../../ui';
import { useProgress } from '../progress';
import './lock.css';

export function LockControls({ assessment }: { assessment: AssessmentRecord }) {
  const [open, setOpen] = useState(false);
  return (
    <span className="lock-controls">
      {assessment.locked ? (
        <span className="badge badge-warn" data-testid="locked-badge" title="已定稿的考核不能修改">
          已定稿
        </span>
      ) : null}
      <Button onClick={() => setOpen(true)}>{assessment.locked ? '解除定稿' : '定稿'}</Button>
      {open && assessment.locked ? <UnlockDialog assessment={assessment} onClose={() => setOpen(false)} /> : null}
      {open && !assessment.locked ? <LockDialog assessment={assessment} onClose={() => setOpen(false)} /> : null}
    </span>
  );
}

function LockDialog({ assessment, onClose }: { assessment: AssessmentRecord; onClose: () => void }) {
  const toast = useToast();
  const state = useProgress(assessment.id);
  const [anyway, setAnyway] = useState(false);
  const [busy, setBusy] = useState(false);
  const write = useWrite();
  const [reason, setReason] = useState('');
  // papers missing are listed on their own: they block until received or waived with a reason
  const blocking = state?.progress.blockers.filter((b) => b.severity === 'blocks' && b.key !== 'papers') ?? [];
  const missing = state?.progress.field?.missing ?? [];
  const unsigned = state?.progress.field?.groups.filter((g) => g.state === 'open' || g.state === 'reopened') ?? [];
  const failed = state?.computed.status === 'failed';
  const incomplete = blocking.length > 0 || failed || state?.progress.total === 0;
  const overQuota = state?.computed.status === 'ready' ? state.computed.result.categories.filter((c) => c.quotaNotes.length) : [];
  const needsAck = incomplete || overQuota.length > 0 || unsigned.length > 0;
  const waive = async () => waiveMissing(db, assessment.id, missing, reason, await getOperator());
  // plausibility warnings are not overridden by the acknowledgment: each needs its own, with a reason
  const statuses = useWarningStatuses(assessment.id);
  const unacknowledged = statuses?.filter((s) => s.state !== 'acknowledged') ?? [];
  const lock = async () => {
    setBusy(true);
    try {
      await lockAssessment(db, assessment.id, await getOperator());
      toast('已定稿：本次考核的数据不能再修改');
      onClose();
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open
      title="定稿"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button
            variant="primary"
            disabled={!state || !statuses || busy || missing.length > 0 || (needsAck && !anyway) || unacknowledged.length > 0}
            onClick={() => void lock()}
          >
            确认定稿
          </Button>
        </>
      }
    >
      <p>部长办公会审定后定稿。定稿后，“{assessment.name}”的名册、评分、佐证、测评票数、审定意见和考核设置都不能再修改，打印件标明“结果已定稿”。</p>
      <p className="note">如确需修改，可以解除定稿，但须说明理由；定稿和解除定稿都记入审计日志。</p>
      {state === undefined ? <p className="muted">正在检查结果是否完整…</p> : null}
      {missing.length ? (
        <div className="card notice-warn" role="alert" data-testid="lock-papers">
          <strong>履职材料未交齐，不能定稿（须补交，或说明理由免交）：</strong>
          <ul>
            {missing.map((m) => (
              <li key={m.id}>
                {m.name}（{m.id}）：{m.kinds.map((k) => PAPER_LABELS[k]).join('、')}
              </li>
            ))}
          </ul>
          <Field label="免交理由（记入审计日志）" required>
            <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={300} />
          </Field>
          <Button disabled={!reason.trim()} onClick={() => write(waive())}>
            说明理由，以上材料免交
          </Button>
        </div>
      ) : null}
      {state && needsAck ? (
        <div className="card notice-warn" role="alert" data-testid="lock-warnings">
          {incomplete ? (
            <>
              <strong>结果尚不完整：</strong>
              <ul>
                {state.progress.total === 0 ? <li>名册为空</li> : null}
                {failed ? <li>无法计算结果</li> : null}
                {blocking.map((b) => (
                  <li key={b.key}>
                    {b.title}：{b.secretaries.length} 人
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {unsigned.length ? (
            <div data-testid="lock-groups">
              <strong>考核组尚未签字或签字后有修改：</strong>
              <ul>
                {unsigned.map((g) => (
                  <li key={g.group.id}>
                    {g.group.name}：{g.state === 'open' ? `${g.members.length} 人未签字` : `${g.changed.length} 人签字后有修改`}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          {overQuota.length ? (
            <div data-testid="lock-quota">
              <strong>部长办公会审定后，以下类别超出名额或空出名额：</strong>
              <ul>
                {overQuota.map((c) => (
                  <li key={c.key}>
                    {c.label}：{c.quotaNotes.map((n) => n.text).join('；')}
                  </li>
                ))}
              </ul>
            </div>
          ) : null}
          <label>
            <input type="checkbox" checked={anyway} onChange={(e) => setAnyway(e.target.checked)} /> 我已知晓，仍要定稿
          </label>
        </div>
      ) : null}
      {unacknowledged.length ? (
        <div className="card notice-warn" role="alert" data-testid="lock-plausibility">
          <strong>合理性提示尚有 {unacknowledged.length} 条未确认，确认后才能定稿：</strong>
          <ul>
            {unacknowledged.slice(0, 10).map((s) => (
              <li key={`${s.warning.id}|${s.warning.warning}`}>
                编号{s.warning.id} {WARNING_LABELS[s.warning.code]}
                {s.state === 'stale' ? '（确认后数据已变更）' : ''}
              </li>
            ))}
          </ul>
          {unacknowledged.length > 10 ? <p className="note">等 {unacknowledged.length} 条。</p> : null}
          <p className="note">请到“结果”页（或测评、评分页）逐条核对，说明理由确认。</p>
        </div>
      ) : null}
      {state && statuses && !needsAck && !missing.length && !unacknowledged.length ? <p className="notice-ok card">各项已齐备。</p> : null}
    </Dialog>
  );
}

function UnlockDialog({ assessment, onClose }: { assessment: AssessmentRecord; onClose: () => void }) {
  const toast = useToast();
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const unlock = async () => {
    setTried(true);
    if (!reason.trim()) return;
    await unlockAssessment(db, assessment.id, await getOperator(), reason);
    toast('已解除定稿，理由已记入审计日志');
    onClose();
  };
  return (
    <Dialog
      open
      title="解除定稿"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" type="submit" form="unlock-form">
            解除定稿
          </Button>
        </>
      }
    >
      <form
        id="unlock-form"
        onSubmit={(e) => {
          e.preventDefault();
          void unlock();
        }}
      >
        <p>解除定稿后可以再修改数据。理由将与操作员、时间一起记入审计日志。</p>
        <Field label="解除定稿的理由" required error={tried && !reason.trim() ? '请填写理由' : undefined}>
          <textarea rows={3} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
        </Field>
      </form>
    </Dialog>
  );
}
