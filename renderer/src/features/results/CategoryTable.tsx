/** One category of the results: rank order, the columns of the results workbook, why each grade. */
import type { CategoryResult, Grade, ResultRow } from '../../../../shared/model';
import { BAND_KEYS, FLAG_LABELS } from '../../../../shared/model';
import { Button, Table } from '../../ui';
import { percent, score, total } from './format';

export function GradeCell({ row, labels }: { row: ResultRow; labels: Record<Grade, string> }) {
  if (!row.decision) return <span className={`grade grade-${row.grade}`}>{labels[row.grade]}</span>;
  return (
    <span className="decided">
      <span className={`grade grade-${row.decision.grade}`}>{labels[row.decision.grade]}</span>
      <span className="badge badge-accent" title={`审定理由：${row.decision.reason}`}>
        部长办公会审定
      </span>
      <span className="muted computed">计算：{labels[row.computedGrade]}</span>
    </span>
  );
}

export function Explanation({ row, labels }: { row: ResultRow; labels: Record<Grade, string> }) {
  const flags = row.flags.filter((f) => f !== 'decided');
  return (
    <div className="explain wrap">
      {flags.length ? (
        <div className="flags">
          {flags.map((f) => (
            <span key={f} className={`badge ${f === 'tieAtBoundary' ? 'badge-warn' : 'badge-accent'}`}>
              {FLAG_LABELS[f]}
            </span>
          ))}
        </div>
      ) : null}
      {row.reasons.length ? (
        <ul className="reasons">
          {row.reasons.map((r, i) => (
            <li key={i}>{r}</li>
          ))}
        </ul>
      ) : null}
      {row.decision ? (
        <p className="decision-note">
          审定为{labels[row.decision.grade]}：{row.decision.reason}（{[row.decision.by, row.decision.at?.slice(0, 10)].filter(Boolean).join('，')}）
        </p>
      ) : null}
    </div>
  );
}

export function CategoryTable({
  category,
  rows,
  labels,
  onDecide,
  readOnly,
}: {
  category: CategoryResult;
  rows: ResultRow[];
  labels: Record<Grade, string>;
  onDecide: (row: ResultRow) => void;
  readOnly: boolean;
}) {
  const quotas = BAND_KEYS.filter((k) => category.quotas[k] !== undefined)
    .map((k) => `${labels[k]} ${category.quotas[k]} 名`)
    .join('，');
  return (
    <section className="card category" data-testid="result-category" aria-labelledby={`cat-${category.key}`}>
      <div className="category-head">
        <h2 id={`cat-${category.key}`}>{category.label}</h2>
        <span className="badge">共 {category.size} 人</span>
        <span className="badge">名额：{quotas || '无'}</span>
        {category.smallCategory ? <span className="badge badge-warn">人数过少，部分等次无名额，请部长办公会研究</span> : null}
        {category.merged.length ? <span className="badge">已合并：{category.merged.join('、')}</span> : null}
      </div>
      <Table
        rows={rows}
        rowKey={(r) => r.id}
        rowClass={(r) => (r.flags.includes('tieAtBoundary') ? 'tie-row' : undefined)}
        columns={[
          { key: 'rank', header: '名次', align: 'center', render: (r) => r.rank ?? '—' },
          { key: 'id', header: '编号', render: (r) => r.id },
          { key: 'name', header: '姓名', render: (r) => r.secretary.name },
          { key: 'unit', header: '派出单位', render: (r) => <span className="clip">{r.secretary.unit ?? ''}</span> },
          { key: 'village', header: '村社区', render: (r) => r.secretary.village ?? '' },
          { key: 'base', header: '基本分', align: 'right', render: (r) => score(r.baseScore) },
          { key: 'org', header: <abbr title="组织工作目标考评得分">组织得分</abbr>, align: 'right', render: (r) => score(r.orgScore) },
          { key: 'vs', header: '很满意', align: 'right', render: (r) => r.ballots?.verySatisfied ?? '—' },
          { key: 's', header: '满意', align: 'right', render: (r) => r.ballots?.satisfied ?? '—' },
          { key: 'b', header: '基本满意', align: 'right', render: (r) => r.ballots?.basic ?? '—' },
          { key: 'd', header: '不满意', align: 'right', render: (r) => r.ballots?.dissatisfied ?? '—' },
          { key: 'i', header: '废票', align: 'right', render: (r) => r.ballots?.invalid ?? '—' },
          { key: 'cast', header: '投票数', align: 'right', render: (r) => r.ballots?.cast ?? '—' },
          { key: 'eligible', header: '应参加', align: 'right', render: (r) => r.ballots?.eligible ?? r.secretary.eligibleVoters },
          { key: 'sat', header: '满意度', align: 'right', render: (r) => percent(r.satisfaction) },
          { key: 'total', header: '考核总分', align: 'right', render: (r) => <strong>{total(r.total)}</strong> },
          { key: 'grade', header: '等次', render: (r) => <GradeCell row={r} labels={labels} /> },
          { key: 'why', header: '说明', render: (r) => <Explanation row={r} labels={labels} /> },
          {
            key: 'decide',
            header: '审定',
            render: (r) => (
              <Button variant={r.flags.includes('tieAtBoundary') && !r.decision ? 'primary' : 'ghost'} disabled={readOnly} onClick={() => onDecide(r)} aria-label={`审定 ${r.secretary.name}`}>
                {r.decision ? '修改' : '审定'}
              </Button>
            ),
          },
        ]}
      />
    </section>
  );
}
