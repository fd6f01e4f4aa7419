/**
 * 结果: per category in rank order, with grades, flags in words and the reasons of
 * each grade; boundary ties highlighted for the review meeting, whose decisions are
 * recorded here; exports to xlsx and JSON.
 */
import { useMemo, useState } from 'react';
import { resultToJson } from '../../../../shared/method';
import { GRADES, type ResultRow } from '../../../../shared/model';
import { getOperator, useOperator } from '../../data/operator';
import { printHref } from '../../data/routes';
import { useAssessment } from '../../data/assessment';
import { db } from '../../db/db';
import { recordHold, removeHold } from '../../db/checks';
import { recordDecision, removeDecision } from '../../db/decisions';
import { JSON_FILTER, platform, XLSX_FILTER } from '../../platform';
import { Button, TownSelect, useToast } from '../../ui';
import { UnconfirmedNotice } from '../ballots';
import { WarningsPanel } from '../checks';
import { LockControls } from '../lock';
import { CategoryTable } from './CategoryTable';
import { DecisionDialog } from './DecisionDialog';
import { HoldDialog } from './HoldDialog';
import { useResult } from '../../data/result';

export function ResultsPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const state = useResult(assessmentId);
  const { operator } = useOperator();
  const toast = useToast();
  const [town, setTown] = useState('');
  const [deciding, setDeciding] = useState<ResultRow | null>(null);
  const [holding, setHolding] = useState<ResultRow | null>(null);

  const result = state.status === 'ready' ? state.result : null;
  const towns = useMemo(
    () =>
      [...new Set(result?.categories.flatMap((c) => c.rows.map((r) => r.secretary.town ?? '')) ?? [])]
        .filter(Boolean)
        .sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [result],
  );
  if (!assessment) return null;
  if (state.status === 'loading') return <p className="muted">正在计算…</p>;
  if (state.status === 'failed') return <p className="error-summary">{state.message}</p>;
  if (state.status === 'missing') return <p>找不到该考核。</p>;
  const { result: r } = state;
  const labels = assessment.policy.labels;
  const readOnly = assessment.locked || assessment.status === 'archived';
  const allRows = r.categories.flatMap((c) => c.rows);
  const ties = allRows.filter((row) => row.flags.includes('tieAtBoundary'));
  const undecidedTies = ties.filter((row) => !row.decision);
  const overQuota = r.categories.filter((c) => c.quotaNotes.length);
  const held = allRows.filter((row) => row.hold);
  const decidingIn = deciding ? r.categories.find((c) => c.rows.some((row) => row.id === deciding.id)) : undefined;
  const fileBase = `${assessment.year}年度考核结果-${assessment.region || assessment.name}`;

  const exportXlsx = async () => {
    const { writeResultsWorkbook } = await import('../../../../shared/io/results');
    const bytes = await writeResultsWorkbook(r, assessment.policy);
    if (await platform.saveFile({ title: '导出考核结果', suggestedName: `${fileBase}.xlsx`, filters: [XLSX_FILTER], bytes })) toast('已导出考核结果工作簿');
  };
  const exportJson = async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(resultToJson(r), null, 2));
    if (await platform.saveFile({ title: '导出考核结果（JSON）', suggestedName: `${fileBase}.json`, filters: [JSON_FILTER], bytes })) toast('已导出 JSON');
  };
  const counts = GRADES.map((g) => [g, allRows.filter((row) => row.grade === g).length] as const).filter(([, n]) => n > 0);

  return (
    <>
      <div className="page-head">
        <h1>考核结果</h1>
        <LockControls assessment={assessment} />
        <Button onClick={() => void exportXlsx()} disabled={!allRows.length}>
          导出 Excel
        </Button>
        <Button onClick={() => void exportJson()} disabled={!allRows.length}>
          导出 JSON
        </Button>
        <a className="btn" href={printHref(assessmentId, 'ranking')}>
          打印预览
        </a>
      </div>
      <div className="toolbar">
        <TownSelect towns={towns} value={town} onChange={setTown} />
        <div className="note" style={{ flex: 1 }}>
          按“{r.policyName}”计算，共 {allRows.length} 人、{r.categories.length} 个类别。
          {counts.map(([g, n]) => `${labels[g]} ${n} 人`).join('，')}
        </div>
      </div>
      <UnconfirmedNotice assessmentId={assessmentId} />
      <WarningsPanel assessmentId={assessmentId} names={new Map(allRows.map((row) => [row.id, row.secretary.name]))} readOnly={readOnly} />
      {held.length ? (
        <div className="card notice-warn" role="status" data-testid="hold-notice">
          暂缓定等 {held.length} 人（不占名额）：
          {held.map((row) => `${row.secretary.name}（${row.id}）`).join('、')}
        </div>
      ) : null}
      {ties.length ? (
        <div className={`card ${undecidedTies.length ? 'notice-warn' : 'notice-ok'}`} role="status" data-testid="tie-notice">
          {undecidedTies.length
            ? `有 ${undecidedTies.length} 名第一书记在等次分界处并列（黄色标出），等次待部长办公会确定。请点击“审定”录入会议决定。`
            : `等次分界处并列的 ${ties.length} 名第一书记均已审定。`}
        </div>
      ) : null}
      {overQuota.length ? (
        <div className="card notice-warn" role="status" data-testid="quota-notice">
          <strong>部长办公会审定后，{overQuota.length} 个类别超出名额或空出名额：</strong>
          <ul className="quota-list">
            {overQuota.map((c) => (
              <li key={c.key}>
                {c.label}：{c.quotaNotes.map((n) => n.text).join('；')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {allRows.length === 0 ? <p className="card">还没有可计算的数据。请先在“名册”导入名册，并录入考评得分和测评票数。</p> : null}
      {r.categories.map((category) => {
        const rows = town ? category.rows.filter((row) => row.secretary.town === town) : category.rows;
        if (!rows.length) return null;
        return <CategoryTable key={category.key} category={category} rows={rows} labels={labels} readOnly={readOnly} onDecide={setDeciding} />;
      })}
      {deciding && decidingIn ? (
        <DecisionDialog
          row={decidingIn.rows.find((row) => row.id === deciding.id) ?? deciding}
          category={decidingIn}
          policy={assessment.policy}
          operator={operator ?? ''}
          onClose={() => setDeciding(null)}
          onSave={async (values) => {
            await recordDecision(db, assessmentId, { id: deciding.id, ...values }, await getOperator());
            toast(`已记录审定：${deciding.secretary.name} ${labels[values.grade]}`);
            setDeciding(null);
          }}
          onRemove={async () => {
            await removeDecision(db, assessmentId, deciding.id, await getOperator());
            toast(`已撤销 ${deciding.secretary.name} 的审定`);
            setDeciding(null);
          }}
          onHold={() => {
            setHolding(decidingIn.rows.find((row) => row.id === deciding.id) ?? deciding);
            setDeciding(null);
          }}
        />
      ) : null}
      {holding ? (
        <HoldDialog
          row={holding}
          onClose={() => setHolding(null)}
          onSave={async (values) => {
            await recordHold(db, assessmentId, { id: holding.id, ...values }, await getOperator());
            toast(`已暂缓定等：${holding.secretary.name}`);
            setHolding(null);
          }}
          onRemove={async () => {
            await removeHold(db, assessmentId, holding.id, await getOperator());
            toast(`已撤销 ${holding.secretary.name} 的暂缓定等`);
            setHolding(null);
          }}
        />
      ) : null}
    </>
  );
}
