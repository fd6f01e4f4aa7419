/**
 * 每季度分析研判 (seed 002 季召回制度): per secretary the quarter's attendance and months
 * among the lowest three, and a person's finding — the recall ground (the five of 002,
 * verbatim) and the decision. A 召回撤换 is recorded as a recall event as well, so its
 * consequences follow in the results.
 */
import { useState } from 'react';
import { quarterRows, rateText, townLabel, type QuarterRow } from '../../../../shared/field';
import {
  monthLabel,
  quarterLabel,
  RECALL_GROUND_LABELS,
  RECALL_GROUNDS,
  REVIEW_DECISION_LABELS,
  REVIEW_DECISIONS,
  type QuarterReview,
  type RecallGround,
  type ReviewDecision,
} from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { saveReview } from '../../db/field';
import type { AssessmentRecord, AttendanceRecord, ReviewRecord, SecretaryRecord } from '../../db/schema';
import { Button } from '../../ui';

function ReviewRow({ row, quarter, review, assessment }: { row: QuarterRow; quarter: string; review: ReviewRecord | undefined; assessment: AssessmentRecord }) {
  const write = useWrite();
  const [decision, setDecision] = useState<ReviewDecision | ''>(review?.decision ?? '');
  const [ground, setGround] = useState<RecallGround | ''>(review?.ground ?? '');
  const [note, setNote] = useState(review?.note ?? '');
  const changed = decision !== (review?.decision ?? '') || ground !== (review?.ground ?? '') || note !== (review?.note ?? '');
  const missingGround = decision === 'recall' && !ground;
  const save = async () => {
    const value: QuarterReview = { id: row.id, quarter, decision: decision as ReviewDecision };
    if (ground) value.ground = ground;
    if (note.trim()) value.note = note.trim();
    await saveReview(db, assessment.id, value, await getOperator());
  };
  return (
    <tr data-testid={`review-${row.id}`}>
      <td>{row.id}</td>
      <td>{row.name}</td>
      <td>{townLabel(row.town)}</td>
      <td className="num">{row.rate ? `${row.daysPresent}/${row.workDays}（${rateText(row.rate)}）` : '—'}</td>
      <td>{row.lowMonths.map(monthLabel).join('、') || '—'}</td>
      <td>
        <select
          aria-label={`${row.name} 召回情形`}
          value={ground}
          disabled={assessment.locked}
          onChange={(e) => setGround(e.target.value as RecallGround | '')}
        >
          <option value="">（无）</option>
          {RECALL_GROUNDS.map((g) => (
            <option key={g} value={g}>
              {RECALL_GROUND_LABELS[g]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <select
          aria-label={`${row.name} 研判结论`}
          value={decision}
          disabled={assessment.locked}
          onChange={(e) => setDecision(e.target.value as ReviewDecision | '')}
        >
          <option value="">（未研判）</option>
          {REVIEW_DECISIONS.map((d) => (
            <option key={d} value={d}>
              {REVIEW_DECISION_LABELS[d]}
            </option>
          ))}
        </select>
      </td>
      <td>
        <input aria-label={`${row.name} 研判说明`} value={note} disabled={assessment.locked} onChange={(e) => setNote(e.target.value)} />
      </td>
      <td>
        {missingGround ? <span className="field-error">召回撤换须选择召回情形</span> : null}
        {decision && changed && !missingGround && !assessment.locked ? (
          <Button onClick={() => write(save())} aria-label={`保存 ${row.name} 的研判`}>
            保存
          </Button>
        ) : null}
        {review && !changed ? <span className="muted">{review.by}</span> : null}
      </td>
    </tr>
  );
}

export function ReviewsTab({
  assessment,
  secretaries,
  attendance,
  reviews,
}: {
  assessment: AssessmentRecord;
  secretaries: SecretaryRecord[];
  attendance: AttendanceRecord[];
  reviews: ReviewRecord[];
}) {
  const quarters = [1, 2, 3, 4].map((q) => `${assessment.year}Q${q}`);
  const [quarter, setQuarter] = useState(quarters[0]!);
  const rows = quarterRows(quarter, attendance, secretaries);
  const ofQuarter = new Map(reviews.filter((r) => r.quarter === quarter).map((r) => [r.id, r]));
  return (
    <div data-testid="reviews-tab">
      <div className="toolbar">
        <label className="field-label">
          季度{' '}
          <select aria-label="季度" value={quarter} onChange={(e) => setQuarter(e.target.value)}>
            {quarters.map((q) => (
              <option key={q} value={q}>
                {quarterLabel(q)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="note">
        每季度对“第一书记”履职情况进行分析研判。研判为“召回撤换”的，须选择召回情形，并作为召回撤换事项计入考核结果（大安区等规则：当年不得评先评优）。
      </p>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              {['编号', '姓名', '镇街', '本季度出勤', '末3位月份', '召回情形', '研判结论', '说明', ''].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <ReviewRow
                key={`${r.id}|${quarter}|${ofQuarter.get(r.id)?.at ?? ''}`}
                row={r}
                quarter={quarter}
                review={ofQuarter.get(r.id)}
                assessment={assessment}
              />
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
