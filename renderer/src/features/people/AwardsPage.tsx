/**
 * 奖惩: after the review meeting (docs/method.md §13). The 奖惩意见 generated from each
 * grade, the year's recalls and the policy, editable per person with a reason (logged);
 * the 派出单位 under the 000 recall rule; who carries what from earlier years; and the
 * prints: 奖惩意见表, 报市委审批, 反馈函, 干部档案登记表.
 */
import { useState } from 'react';
import type { AwardLine } from '../../../../shared/people';
import { useAssessment } from '../../data/assessment';
import { getOperator } from '../../data/operator';
import { useAwards, useCarried } from '../../data/people';
import { personHref, printHref } from '../../data/routes';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { editAward, resetAward } from '../../db/people';
import type { AssessmentRecord } from '../../db/schema';
import { platform, XLSX_FILTER } from '../../platform';
import { Button, Field, useToast } from '../../ui';
import { ApprovalDateForm } from './ApprovalDateForm';
import { CarriedList } from './CarriedList';
import { PastImport } from './PastImport';
import { PolicyConsequences } from './PolicyConsequences';
import './people.css';

export function AwardsPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  if (!assessment) return null;
  return <Awards assessment={assessment} />;
}

function Awards({ assessment }: { assessment: AssessmentRecord }) {
  const state = useAwards(assessment);
  const carried = useCarried(assessment);
  const [editing, setEditing] = useState<string | null>(null);
  const toast = useToast();
  // the 奖惩意见 and the 审批日期 decide no grade: 定稿 does not close them (docs/data.md §4)
  const readOnly = assessment.status === 'archived';
  if (state.status === 'loading') return <p className="muted">正在计算…</p>;
  if (state.status === 'failed') return <p className="error-summary">{state.message}</p>;
  const flagged = state.units.filter((u) => u.flag);
  const exportXlsx = async () => {
    const { writeAftermathWorkbook } = await import('../../../../shared/io/aftermath-workbook');
    const bytes = await writeAftermathWorkbook(state.lines, state.units, assessment.year);
    const suggestedName = `${assessment.year}年度奖惩意见-${assessment.region || assessment.name}.xlsx`;
    if (await platform.saveFile({ title: '导出奖惩意见', suggestedName, filters: [XLSX_FILTER], bytes })) toast('已导出奖惩意见工作簿');
  };
  return (
    <>
      <div className="page-head">
        <h1>奖惩意见</h1>
        <Button onClick={() => void exportXlsx()} disabled={!state.lines.length}>
          导出 Excel
        </Button>
        {(['awards', 'approval', 'feedback', 'cadre'] as const).map((kind) => (
          <a key={kind} className="btn" href={printHref(assessment.id, kind)}>
            {{ awards: '打印奖惩意见表', approval: '打印报批表', feedback: '打印反馈函', cadre: '打印干部档案登记表' }[kind]}
          </a>
        ))}
      </div>
      <p className="note">
        {`按“${state.policy.name}”的考核结果运用，由各人等次、本年度召回和审定意见生成；部长办公会研究后可逐人调整（须填写理由，记入审计日志；定稿后仍可调整），报市委审批后录入审批日期，反馈派出单位。`}
      </p>
      <PolicyConsequences policy={assessment.policy} />
      {carried ? <CarriedList assessmentId={assessment.id} carried={carried} /> : null}
      <ApprovalDateForm key={assessment.approvedAt ?? ''} assessment={assessment} readOnly={readOnly} />
      {readOnly || assessment.locked ? null : <PastImport assessment={assessment} />}
      {flagged.length ? (
        <div className="card notice-warn" role="status" data-testid="unit-recalls">
          {flagged.map((u) => (
            <p key={u.unit}>{`${u.unit}：${u.flag}`}</p>
          ))}
        </div>
      ) : null}
      {state.lines.length === 0 ? <p className="card">还没有考核结果。</p> : null}
      <div className="table-wrap">
        <table className="table" data-testid="awards-table">
          <thead>
            <tr>
              <th scope="col">编号</th>
              <th scope="col">姓名</th>
              <th scope="col">派出单位</th>
              <th scope="col">等次</th>
              <th scope="col">奖惩意见</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {state.lines.map((line) => (
              <tr key={line.id} data-testid={`award-${line.id}`}>
                <td>{line.id}</td>
                <td>
                  <a href={personHref(assessment.id, line.id)}>{line.name}</a>
                </td>
                <td>{line.unit}</td>
                <td>
                  {line.gradeLabel}
                  {line.recalls.length ? '（已召回）' : ''}
                </td>
                <td>
                  {editing === line.id ? <AwardEditor assessmentId={assessment.id} line={line} onDone={() => setEditing(null)} /> : <AwardText line={line} />}
                </td>
                <td>{editing === line.id || readOnly ? null : <AwardActions assessmentId={assessment.id} line={line} onEdit={() => setEditing(line.id)} />}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function AwardText({ line }: { line: AwardLine }) {
  return (
    <>
      {line.lines.length ? (
        <ul className="award-lines">
          {line.lines.map((l, i) => (
            <li key={i}>{l}</li>
          ))}
        </ul>
      ) : (
        <span className="muted">—</span>
      )}
      {line.edit ? <div className="note">{`已调整（${line.edit.by}）：${line.edit.reason}`}</div> : null}
      {line.notes.map((n, i) => (
        <div key={i} className="note">
          {n}
        </div>
      ))}
    </>
  );
}

function AwardActions({ assessmentId, line, onEdit }: { assessmentId: string; line: AwardLine; onEdit: () => void }) {
  const write = useWrite();
  const toast = useToast();
  return (
    <>
      <Button variant="ghost" onClick={onEdit} aria-label={`调整 ${line.name} 的奖惩意见`}>
        调整
      </Button>
      {line.edit ? (
        <Button
          variant="ghost"
          aria-label={`恢复 ${line.name} 生成的奖惩意见`}
          onClick={() =>
            write(
              (async () => {
                await resetAward(db, assessmentId, line.id, await getOperator());
                toast(`已恢复 ${line.name} 生成的奖惩意见`);
              })(),
            )
          }
        >
          恢复生成
        </Button>
      ) : null}
    </>
  );
}

function AwardEditor({ assessmentId, line, onDone }: { assessmentId: string; line: AwardLine; onDone: () => void }) {
  const [text, setText] = useState(line.lines.join('\n'));
  const [reason, setReason] = useState(line.edit?.reason ?? '');
  const [error, setError] = useState<string | undefined>();
  const write = useWrite();
  const toast = useToast();
  const save = () => {
    if (!reason.trim()) return setError('请填写调整理由');
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    write(
      (async () => {
        await editAward(db, assessmentId, line.id, { lines, reason: reason.trim() }, await getOperator());
        toast(`已调整 ${line.name} 的奖惩意见`);
        onDone();
      })(),
    );
  };
  return (
    <div className="award-editor">
      <Field label="奖惩意见（每行一条）" wide>
        <textarea rows={Math.max(3, line.lines.length + 1)} value={text} onChange={(e) => setText(e.target.value)} />
      </Field>
      <Field label="调整理由" required error={error} wide>
        <input value={reason} onChange={(e) => setReason(e.target.value)} />
      </Field>
      <div className="actions">
        <Button variant="primary" onClick={save}>
          保存调整
        </Button>
        <Button onClick={onDone}>取消</Button>
      </div>
    </div>
  );
}
