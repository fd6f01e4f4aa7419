/**
 * 从备份恢复, shown before anything is written: the backup verified; per assessment,
 * what would change (records new, the same, different, removed, by kind), the lock
 * here and in the backup, and how the audit logs join; the assessments here that the
 * backup lacks, which are kept. A finalized assessment whose data would change is not
 * restored unless the person chooses so, with a reason (logged); it is unlocked only
 * if they choose that too.
 */
import { useState } from 'react';
import { describeProtection, headLabel, timeLabel } from '../../../../shared/exchange/describe';
import { shortId } from '../../../../shared/exchange/paths';
import { UNIT_KINDS, UNIT_LABELS } from '../../../../shared/exchange/units';
import {
  backupSummary,
  type AssessmentRestore,
  type ChainRelation,
  type FinalizedChoice,
  type LedgerEntry,
  type RestoreConsent,
  type RestorePreview,
} from '../../db/backup';
import { Button, Dialog, Field, Table } from '../../ui';

export interface RestoreCandidate {
  /** the kept backup's name, or the file's */
  name: string;
  preview: RestorePreview;
  /** when this laptop wrote it (its ledger), or null */
  origin: LedgerEntry | null;
}

const lockWord = (locked: boolean) => (locked ? '已定稿' : '未定稿');

const CHAIN_WORDS: Record<ChainRelation, string> = {
  new: '本机没有此考核：按备份新建，审计日志随之恢复',
  behind: '备份的审计日志已全部含在本机审计日志中；本机日志保留，恢复记为新的一条',
  ahead: '备份的审计日志接续本机的：其后各条接入本机日志，恢复记为新的一条',
  diverged: '备份的审计日志与本机的分叉：本机日志保留，备份的日志另行保存（转来的审计日志），恢复记为新的一条',
};

function outcome(a: AssessmentRestore, choice: FinalizedChoice | undefined): string {
  if (!a.here) return '将按备份新建';
  if (a.needsConsent) {
    if (!choice || choice === 'skip') return '不恢复：保留本机数据，保持定稿';
    return choice === 'unlock' ? '按备份恢复，并解除定稿' : '按备份恢复，保持定稿';
  }
  if (!a.changes) return a.here.locked || a.here.locked === a.backup.locked ? '数据与备份相同，不变' : '数据与备份相同；按备份改为已定稿';
  return a.backup.locked ? '按备份恢复（备份中已定稿，恢复后为已定稿）' : '按备份恢复';
}

function Changes({ a, choice }: { a: AssessmentRestore; choice: FinalizedChoice | undefined }) {
  const rows = UNIT_KINDS.map((kind) => ({ kind, ...a.counts[kind] })).filter((r) => r.added || r.different || r.removed || r.identical);
  return (
    <section className={`card restore-assessment${a.needsConsent ? ' notice-warn' : ''}`} data-testid="restore-assessment">
      <h3>
        {a.title}
        <span className="badge merge-badge">{outcome(a, choice)}</span>
      </h3>
      <p className="note">
        定稿：本机{a.here ? lockWord(a.here.locked) : '无此考核'}，备份中{lockWord(a.backup.locked)}。审计日志：本机{' '}
        {a.here ? `${a.here.chain.count} 条` : '无'}，备份 {a.backup.chain.count} 条。
        {CHAIN_WORDS[a.chain]}。
      </p>
      {a.changes ? (
        <Table
          testId="restore-counts"
          rows={rows}
          rowKey={(r) => r.kind}
          rowClass={(r) => (r.different || r.removed ? 'merge-conflict-row' : undefined)}
          columns={[
            { key: 'kind', header: '内容', render: (r) => UNIT_LABELS[r.kind] },
            { key: 'added', header: '新增（备份有、本机无）', align: 'right', render: (r) => r.added },
            { key: 'different', header: '不同（以备份为准）', align: 'right', render: (r) => (r.different ? <strong>{r.different}</strong> : 0) },
            { key: 'removed', header: '删除（本机有、备份无）', align: 'right', render: (r) => (r.removed ? <strong>{r.removed}</strong> : 0) },
            { key: 'identical', header: '相同', align: 'right', render: (r) => r.identical },
          ]}
        />
      ) : null}
    </section>
  );
}

export function RestoreDialog({
  candidate,
  busy,
  onClose,
  onRestore,
}: {
  candidate: RestoreCandidate;
  busy: boolean;
  onClose: () => void;
  onRestore: (consent: RestoreConsent) => void;
}) {
  const { preview } = candidate;
  const m = preview.opened.manifest;
  const [confirmed, setConfirmed] = useState(false);
  const [choices, setChoices] = useState<Record<string, FinalizedChoice>>({});
  const [reason, setReason] = useState('');
  const finalized = preview.assessments.filter((a) => a.needsConsent);
  const needsReason = finalized.some((a) => (choices[a.id] ?? 'skip') !== 'skip');
  const ready = confirmed && (!needsReason || reason.trim().length > 0);
  const summary = new Map(backupSummary(m).map((s) => [s.id, s]));

  return (
    <Dialog
      open
      wide
      title="从备份恢复"
      onClose={busy ? () => {} : onClose}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            取消
          </Button>
          <Button variant="danger" onClick={() => onRestore({ finalized: choices, reason: reason.trim() })} disabled={!ready || busy}>
            {busy ? '正在恢复…' : '恢复此备份'}
          </Button>
        </>
      }
    >
      <div className="card notice-ok" role="status" data-testid="backup-verified">
        <strong>校验通过：</strong>
        {candidate.name}
        <br />
        生成于 {timeLabel(m.createdAt)}，电脑 {shortId(m.laptopId)}，操作员 {m.operator || '未署名'}；整包校验值{' '}
        <span className="hash-text">{m.digest.slice(0, 16)}…</span>
        <ul className="exchange-manifest" data-testid="backup-binding">
          {describeProtection(preview.opened).map((line) => (
            <li key={line}>{line}</li>
          ))}
          <li>
            {candidate.origin
              ? `本机于 ${timeLabel(candidate.origin.at)} 写出的备份（${candidate.origin.name}），内容与写出时一致`
              : '不是本机写出的备份（或本机的备份记录已清除）：请确认它的来源'}
          </li>
        </ul>
      </div>
      <Table
        testId="backup-contents"
        rows={preview.assessments}
        rowKey={(a) => a.id}
        empty="备份中没有考核"
        columns={[
          { key: 'title', header: '考核', render: (a) => a.title },
          { key: 'secretaries', header: '书记', align: 'right', render: (a) => summary.get(a.id)?.secretaries ?? 0 },
          { key: 'tallies', header: '计票', align: 'right', render: (a) => summary.get(a.id)?.tallies ?? 0 },
          { key: 'attachments', header: '附件', align: 'right', render: (a) => summary.get(a.id)?.attachments ?? 0 },
          { key: 'audit', header: '审计日志', align: 'right', render: (a) => `${a.backup.chain.count}条` },
          { key: 'head', header: '末条哈希', render: (a) => <span className="hash-text">{headLabel(a.backup.chain.head)}</span> },
          { key: 'lock', header: '定稿（本机／备份）', render: (a) => `${a.here ? lockWord(a.here.locked) : '本机无'}／${lockWord(a.backup.locked)}` },
        ]}
      />
      <h3 className="restore-heading">恢复后各考核的变化</h3>
      {preview.assessments.map((a) => (
        <Changes key={a.id} a={a} choice={choices[a.id]} />
      ))}
      {preview.kept.length ? (
        <div className="card" data-testid="restore-kept">
          <strong>本机另有 {preview.kept.length} 个考核备份中没有，恢复后原样保留：</strong>
          {preview.kept.map((k) => `${k.title}（${lockWord(k.locked)}）`).join('、')}。恢复从不删除备份不知道的考核。
        </div>
      ) : null}
      {finalized.length ? (
        <div className="card notice-warn" role="alert" data-testid="restore-finalized">
          <p>
            <strong>以下考核在本机已定稿，恢复将改变其数据。</strong>默认不恢复；如确需恢复，请逐个选择并说明理由，理由记入审计日志。
          </p>
          {finalized.map((a) => (
            <fieldset key={a.id} className="restore-choice">
              <legend>{a.title}</legend>
              {(
                [
                  ['skip', '不恢复此考核（保留本机数据，保持定稿）'],
                  ['keepLocked', '按备份恢复数据，保持定稿'],
                  ...(a.backup.locked ? [] : [['unlock', '按备份恢复数据，并解除定稿（备份中未定稿）']]),
                ] as [FinalizedChoice, string][]
              ).map(([value, label]) => (
                <label key={value}>
                  <input
                    type="radio"
                    name={`finalized-${a.id}`}
                    value={value}
                    checked={(choices[a.id] ?? 'skip') === value}
                    onChange={() => setChoices((c) => ({ ...c, [a.id]: value }))}
                  />
                  {label}
                </label>
              ))}
            </fieldset>
          ))}
          {needsReason ? (
            <Field label="恢复已定稿考核的理由" required wide error={confirmed && !reason.trim() ? '请填写理由' : undefined}>
              <textarea rows={2} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={500} />
            </Field>
          ) : null}
        </div>
      ) : null}
      <p className="card notice-warn">
        恢复将用该备份替换本机上述考核的数据（已定稿而未选择恢复的除外）；本机编号、操作员设置和备份中没有的考核不变。本机审计日志全部保留，恢复记入每个恢复的考核的审计日志。恢复之前会自动备份当前数据。
      </p>
      <label className="check-row">
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        我已了解：本机这些考核的数据将按该备份恢复
      </label>
    </Dialog>
  );
}
