/**
 * 审计日志: the assessment's log newest first, checked on open (and again on 校验)
 * by its hash chain; the first broken entry is named and highlighted. Filters by
 * action and operator; the whole log exports as JSON.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import type { ChainCheck } from '../../../../shared/audit/chain';
import { useAssessment } from '../../data/assessment';
import { checkAuditLog } from '../../db/audit';
import { db } from '../../db/db';
import type { AuditRecord } from '../../db/schema';
import { JSON_FILTER, platform } from '../../platform';
import { Button, Field, Table, useToast } from '../../ui';
import { actionLabel } from '../../../../shared/audit/actions';
import { auditExport, localTime } from './exportLog';
import { PriorDialog } from './PriorDialog';
import './audit.css';

const PAGE = 500;

interface Row {
  entry: AuditRecord;
  /** 1-based place in the chain */
  n: number;
}

/** The broken entry as a person reads it: local time, operator, the action in words. */
function brokenWords(entries: readonly AuditRecord[], check: Extract<ChainCheck, { ok: false }>): string {
  const entry = entries[check.index];
  if (!entry) return check.message;
  const where = `第${check.index + 1}条（${localTime(entry.at)}，${entry.operator || '未署名'}，${actionLabel(entry.action)}）`;
  const linked = entry.prevHash === (entries[check.index - 1]?.hash ?? '');
  return linked ? `${where}的内容与其哈希不符：该条记录被改动过。` : `${where}与前一条接不上：之前的记录被删除、插入或调换了顺序。`;
}

export function AuditPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const toast = useToast();
  const [round, setRound] = useState(0);
  const log = useLiveQuery(async () => ({ ...(await checkAuditLog(db, assessmentId)), at: new Date() }), [assessmentId, round]);
  const [action, setAction] = useState('');
  const [operator, setOperator] = useState('');
  const [shown, setShown] = useState(PAGE);
  const [prior, setPrior] = useState<AuditRecord | null>(null);

  const rows = useMemo<Row[]>(() => (log?.entries ?? []).map((entry, i) => ({ entry, n: i + 1 })).reverse(), [log]);
  const actions = useMemo(() => [...new Set(rows.map((r) => r.entry.action))].sort(), [rows]);
  const operators = useMemo(() => [...new Set(rows.map((r) => r.entry.operator))].sort((a, b) => a.localeCompare(b, 'zh-CN')), [rows]);
  if (!assessment || !log) return <p className="muted">正在读取…</p>;

  const { check } = log;
  const broken = check.ok ? null : check.index + 1;
  const filtered = rows.filter((r) => (!action || r.entry.action === action) && (!operator || r.entry.operator === operator));

  const exportJson = async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(auditExport(assessment, log.entries, check), null, 2));
    const name = `${assessment.year}年度审计日志-${assessment.region || assessment.name}.json`;
    if (await platform.saveFile({ title: '导出审计日志', suggestedName: name, filters: [JSON_FILTER], bytes })) toast('已导出审计日志');
  };
  const showBroken = () => {
    setAction('');
    setOperator('');
    setShown(Math.max(shown, rows.length));
    requestAnimationFrame(() => document.querySelector('.audit-broken')?.scrollIntoView({ block: 'center' }));
  };

  return (
    <div className="audit-page" data-testid="audit-page">
      <div className="page-head">
        <h1>审计日志</h1>
        <Button onClick={() => setRound((r) => r + 1)}>校验</Button>
        <Button onClick={() => void exportJson()} disabled={!log.entries.length}>
          导出日志（JSON）
        </Button>
      </div>
      <div className={`card ${check.ok ? 'notice-ok' : 'notice-warn audit-failed'}`} role="status" data-testid="audit-check">
        {check.ok ? (
          <>
            审计日志完整，共{check.count}条
            {check.head ? (
              <>
                ，末条哈希{' '}
                <span className="hash-text" title={check.head}>
                  {check.head.slice(0, 16)}…
                </span>
              </>
            ) : null}
          </>
        ) : (
          <>
            <strong>审计日志校验未通过：</strong>
            {brokenWords(log.entries, check)}
            {broken !== null && broken <= log.entries.length ? (
              <Button variant="ghost" onClick={showBroken}>
                查看第{broken}条
              </Button>
            ) : null}
          </>
        )}
        <span className="audit-checked">（校验于 {localTime(log.at.toISOString())}）</span>
      </div>
      <p className="note">
        每条记录含操作员、操作、对象，以及变更前后数据的摘要（SHA-256
        前16位）；被替换或删除的值留在记录中，点“原值”可查看和恢复。每条的哈希都包含前一条的哈希，任何一条被改动、删除或调换顺序，校验即不通过。
      </p>
      <div className="toolbar">
        <Field label="操作">
          <select value={action} onChange={(e) => setAction(e.target.value)}>
            <option value="">全部操作</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {actionLabel(a)}
              </option>
            ))}
          </select>
        </Field>
        <Field label="操作员">
          <select value={operator} onChange={(e) => setOperator(e.target.value)}>
            <option value="">全部操作员</option>
            {operators.map((o) => (
              <option key={o} value={o}>
                {o || '（未署名）'}
              </option>
            ))}
          </select>
        </Field>
        <span className="note" aria-live="polite">
          共 {rows.length} 条{filtered.length !== rows.length ? `，显示 ${filtered.length} 条` : ''}
        </span>
      </div>
      <Table
        testId="audit-table"
        scroll
        rows={filtered.slice(0, shown)}
        rowKey={(r) => String(r.entry.seq ?? r.n)}
        rowClass={(r) => (r.n === broken ? 'audit-broken' : undefined)}
        empty="没有记录"
        columns={[
          { key: 'n', header: '序号', align: 'right', render: (r) => r.n },
          { key: 'at', header: '时间', render: (r) => <span className="num nowrap">{localTime(r.entry.at)}</span> },
          { key: 'operator', header: '操作员', render: (r) => r.entry.operator || <span className="muted">未署名</span> },
          { key: 'action', header: '操作', render: (r) => <span title={r.entry.action}>{actionLabel(r.entry.action)}</span> },
          { key: 'target', header: '对象', render: (r) => <span className="wrap">{r.entry.target}</span> },
          { key: 'before', header: '变更前', render: (r) => <span className="wrap audit-state">{r.entry.before}</span> },
          { key: 'after', header: '变更后', render: (r) => <span className="wrap audit-state">{r.entry.after}</span> },
          {
            key: 'prior',
            header: '原值',
            render: (r) =>
              r.entry.prior ? (
                <Button variant="ghost" onClick={() => setPrior(r.entry)} aria-label={`第${r.n}条 查看原值`}>
                  查看
                </Button>
              ) : null,
          },
          {
            key: 'hash',
            header: '哈希',
            render: (r) => (
              <span className="hash-text" title={r.entry.hash}>
                {r.entry.hash.slice(0, 8)}
              </span>
            ),
          },
        ]}
      />
      {prior ? <PriorDialog entry={prior} locked={assessment.locked} onClose={() => setPrior(null)} /> : null}
      {filtered.length > shown ? (
        <p>
          <Button onClick={() => setShown((n) => n + PAGE)}>
            再显示 {Math.min(PAGE, filtered.length - shown)} 条（共 {filtered.length} 条）
          </Button>
        </p>
      ) : null}
    </div>
  );
}
