/**
 * One secretary as a person across years (docs/method.md §10–§12): every assessment with
 * its grade, recalls and decision; each consequence with its dates; the 期满考核 of the
 * term by the policy; and, for a secretary not yet matched, the matches a person may
 * confirm (never applied unseen). The 身份证号 is shown whole here only.
 */
import { useState } from 'react';
import { dayWords, termWords, type Proposal } from '../../../../shared/people';
import { aftermathOf } from '../../../../shared/policy';
import { useAssessment } from '../../data/assessment';
import { getOperator } from '../../data/operator';
import { usePerson } from '../../data/people';
import { personHref, screenHref } from '../../data/routes';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { linkPerson, unlinkPerson } from '../../db/people';
import type { AssessmentRecord } from '../../db/schema';
import { Button, useToast } from '../../ui';
import { LinkPreviewPanel, type PendingLink } from './LinkPreviewPanel';
import { TermEvaluationForm } from './TermEvaluationForm';

export function PersonPage({ assessmentId, id }: { assessmentId: string; id: string }) {
  const assessment = useAssessment(assessmentId);
  if (!assessment) return null;
  return <Person assessment={assessment} id={id} />;
}

const STATUS_WORDS = {
  idNumber: '按身份证号与往年对应',
  linked: '已确认与往年为同一人',
  distinct: '已确认为新人员（不与往年对应）',
  alone: '尚未与往年对应',
} as const;

function Person({ assessment, id }: { assessment: AssessmentRecord; id: string }) {
  const data = usePerson(assessment, id);
  const write = useWrite();
  const toast = useToast();
  // a link is previewed against the open years before it is saved
  const [pending, setPending] = useState<(PendingLink & { save: () => Promise<void> }) | null>(null);
  if (data === undefined) return <p className="muted">正在读取…</p>;
  if (data === null) return <p>本次考核没有编号为 {id} 的第一书记。</p>;
  const { view, status, proposals, names } = data;
  const archived = assessment.status === 'archived';
  // a finalized year links no one any more; its 期满评价 it still takes (db/lock.ts AFTER_LOCK_KINDS)
  const readOnly = assessment.locked || archived;
  const confirm = (p: Proposal | null) => {
    const sameAs = p ? { assessmentId: p.node.assessmentId, id: p.node.id } : null;
    setPending({
      change: sameAs ? { sameAs } : { distinct: true },
      title: p ? `确认与${p.node.year}年度的${p.node.name}为同一人` : '确认为新人员',
      save: async () => {
        await linkPerson(db, assessment.id, id, sameAs, p ? p.basis : undefined, await getOperator());
        toast(p ? `已确认与${p.node.year}年度的${p.node.name}为同一人` : '已确认为新人员');
      },
    });
  };
  const unlink = () =>
    setPending({
      change: { unlink: true },
      title: '撤销人员对应',
      save: async () => {
        await unlinkPerson(db, assessment.id, id, await getOperator());
        toast('已撤销人员对应');
      },
    });
  return (
    <>
      <div className="page-head">
        <h1>{`${view.name} · 历年考核`}</h1>
        <a className="btn" href={screenHref(assessment.id, 'awards')}>
          返回奖惩意见
        </a>
      </div>
      <p className="note" data-testid="person-status">
        {`身份证号：${view.idNumber ?? '未填'}　${STATUS_WORDS[status]}`}
        {(status === 'linked' || status === 'distinct') && !readOnly ? (
          <Button variant="ghost" onClick={unlink}>
            撤销对应
          </Button>
        ) : null}
      </p>
      {pending ? (
        <LinkPreviewPanel
          assessmentId={assessment.id}
          id={id}
          pending={pending}
          onCancel={() => setPending(null)}
          onConfirm={() => {
            const { save } = pending;
            setPending(null);
            write(save());
          }}
        />
      ) : null}
      {status === 'alone' && !readOnly && !pending ? (
        <section className="card" data-testid="person-proposals">
          <strong>{proposals.length ? '以下往年人员姓名相同，请核实是否为同一人（确认后才对应）：' : '没有姓名相同的往年人员。'}</strong>
          <ul>
            {proposals.map((p) => (
              <li key={`${p.node.assessmentId}|${p.node.id}`}>
                {`${p.node.year}年度 ${p.node.name}（编号 ${p.node.id}，${p.node.unit ?? '未填派出单位'}）${p.basis === 'nameUnit' ? '：姓名、派出单位均相同' : '：仅姓名相同'}`}
                <Button onClick={() => confirm(p)}>是同一人</Button>
              </li>
            ))}
          </ul>
          <Button onClick={() => confirm(null)}>都不是，确认为新人员</Button>
        </section>
      ) : null}
      <h2>历年考核</h2>
      <div className="table-wrap">
        <table className="table" data-testid="person-years">
          <thead>
            <tr>
              <th scope="col">年度</th>
              <th scope="col">考核</th>
              <th scope="col">编号</th>
              <th scope="col">派出单位</th>
              <th scope="col">所任职村(社区)</th>
              <th scope="col">等次</th>
              <th scope="col">召回</th>
            </tr>
          </thead>
          <tbody>
            {view.years.map((y) => (
              <tr key={`${y.node.assessmentId}|${y.node.id}`}>
                <td>{y.node.year}</td>
                <td>{names.get(y.node.assessmentId) ?? y.node.assessmentId}</td>
                <td>
                  <a href={personHref(y.node.assessmentId, y.node.id)}>{y.node.id}</a>
                </td>
                <td>{y.node.unit ?? '—'}</td>
                <td>{[y.node.town, y.node.village].filter(Boolean).join(' ') || '—'}</td>
                <td>
                  {y.year?.grade ? y.year.policy.labels[y.year.grade] : '待定'}
                  {y.year?.computedGrade ? `（计算为${y.year.policy.labels[y.year.computedGrade]}，经审定）` : ''}
                </td>
                <td>
                  {y.year?.recalls.length
                    ? y.year.recalls.map((r) => `${r.date ? dayWords(r.date) : '本年度'}${r.note ? `（${r.note}）` : ''}`).join('；')
                    : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h2>考核结果运用</h2>
      <div className="table-wrap">
        <table className="table" data-testid="person-consequences">
          <thead>
            <tr>
              <th scope="col">依据</th>
              <th scope="col">奖惩</th>
              <th scope="col">期限</th>
              <th scope="col">不得评为优秀</th>
              <th scope="col">记入干部档案</th>
            </tr>
          </thead>
          <tbody>
            {view.years.flatMap((y) =>
              y.occurrences.map((o, i) => (
                <tr key={`${y.node.assessmentId}|${y.node.id}|${i}`}>
                  <td>{o.source}</td>
                  <td>{o.text}</td>
                  <td>{`${dayWords(o.from)}至${dayWords(o.until)}`}</td>
                  <td>{o.blocksExcellent ? '是' : '—'}</td>
                  <td>{o.cadreFile ? '是' : '—'}</td>
                </tr>
              )),
            )}
          </tbody>
        </table>
      </div>
      <h2>期满考核</h2>
      {view.term ? (
        <div className="card" data-testid="person-term">
          <p>
            <strong>{`${termWords(view.term)}：期满考核${aftermathOf(assessment.policy).term.labels[view.term.outcome.grade]}`}</strong>
          </p>
          <ul>
            {view.term.outcome.reasons.map((r, i) => (
              <li key={i}>{r}</li>
            ))}
          </ul>
        </div>
      ) : null}
      {view.term ? (
        <TermEvaluationForm
          key={`${view.term.evaluation?.at ?? ''}`}
          assessmentId={assessment.id}
          id={id}
          term={view.term}
          rule={aftermathOf(assessment.policy).term}
          names={names}
          readOnly={archived}
        />
      ) : (
        <p className="note">名册未填任期开始和结束日期，暂不进行期满考核。</p>
      )}
    </>
  );
}
