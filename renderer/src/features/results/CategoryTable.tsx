/** One category of the results: rank order, the columns of the results workbook, why each grade. */
import type { CategoryResult, Grade, ResultRow } from '../../../../shared/model';
import { BAND_KEYS, FLAG_LABELS } from '../../../../shared/model';
import type { ReactNode } from 'react';
import { Button } from '../../ui';
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

export function Explanation({ row }: { row: ResultRow; labels?: Record<Grade, string> }) {
  const flags = row.flags.filter((f) => f !== 'decided');
  return (
    <div className="explain">
      <span className="explain-label">说明：</span>
      {flags.length ? (
        <>
          {flags.map((f) => (
            <span key={f} className={`badge ${f === 'tieAtBoundary' ? 'badge-warn' : 'badge-accent'}`}>
              {FLAG_LABELS[f]}
            </span>
          ))}
        </>
      ) : null}
      {row.reasons.map((r, i) => (
        <span key={i} className={r.startsWith('部长办公会') ? 'reason decision-note' : 'reason'}>
          {r}
        </span>
      ))}
    </div>
  );
}

interface Col {
  key: string;
  header: ReactNode;
  num?: boolean;
  wrapHead?: boolean;
  render: (r: ResultRow) => ReactNode;
}

const COLUMNS: Col[] = [
  { key: 'rank', header: '名次', render: (r) => r.rank ?? '—' },
  { key: 'id', header: '编号', render: (r) => r.id },
  { key: 'name', header: '姓名', render: (r) => r.secretary.name },
  { key: 'unit', header: '派出单位', render: (r) => <span className="clip">{r.secretary.unit ?? ''}</span> },
  { key: 'village', header: '村社区', render: (r) => <span className="clip">{r.secretary.village ?? ''}</span> },
  { key: 'base', header: '基本分', num: true, render: (r) => score(r.baseScore) },
  { key: 'org', header: '组织工作目标考评得分', num: true, wrapHead: true, render: (r) => score(r.orgScore) },
  { key: 'vs', header: '很满意', num: true, render: (r) => r.ballots?.verySatisfied ?? '—' },
  { key: 's', header: '满意', num: true, render: (r) => r.ballots?.satisfied ?? '—' },
  { key: 'b', header: '基本满意', num: true, render: (r) => r.ballots?.basic ?? '—' },
  { key: 'd', header: '不满意', num: true, render: (r) => r.ballots?.dissatisfied ?? '—' },
  { key: 'i', header: '废票', num: true, render: (r) => r.ballots?.invalid ?? '—' },
  { key: 'cast', header: '投票数', num: true, render: (r) => r.ballots?.cast ?? '—' },
  { key: 'eligible', header: '应参加人数', num: true, render: (r) => r.ballots?.eligible ?? r.secretary.eligibleVoters },
  { key: 'sat', header: '满意度', num: true, render: (r) => percent(r.satisfaction) },
  { key: 'total', header: '考核总分', num: true, render: (r) => <strong>{total(r.total)}</strong> },
];

/**
 * One secretary per <tbody>: the figures on the first line, 说明 (flags, reasons,
 * decision) on a second line across the table, so the table fits a 1366 screen.
 */
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
  const span = COLUMNS.length + 2;
  return (
    <section className="card category" data-testid="result-category" aria-labelledby={`cat-${category.key}`}>
      <div className="category-head">
        <h2 id={`cat-${category.key}`}>{category.label}</h2>
        <span className="badge">共 {category.size} 人</span>
        <span className="badge">名额：{quotas || '无'}</span>
        {category.smallCategory ? <span className="badge badge-warn">人数过少，部分等次无名额，请部长办公会研究</span> : null}
        {category.merged.length ? <span className="badge">已合并：{category.merged.join('、')}</span> : null}
      </div>
      <div className="table-wrap">
        <table className="table results-table">
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <th key={c.key} scope="col" className={[c.num ? 'num' : '', c.wrapHead ? 'wrap-head' : ''].join(' ').trim() || undefined}>
                  {c.header}
                </th>
              ))}
              <th scope="col">等次</th>
              <th scope="col" className="no-print">
                审定
              </th>
            </tr>
          </thead>
          {rows.map((r) => (
            <tbody key={r.id} className={`result-group${r.flags.includes('tieAtBoundary') ? ' tie-group' : ''}`} data-testid="result-row">
              <tr>
                {COLUMNS.map((c) => (
                  <td key={c.key} className={c.num ? 'num' : undefined}>
                    {c.render(r)}
                  </td>
                ))}
                <td>
                  <GradeCell row={r} labels={labels} />
                </td>
                <td className="no-print">
                  <Button variant={r.flags.includes('tieAtBoundary') && !r.decision ? 'primary' : 'ghost'} disabled={readOnly} onClick={() => onDecide(r)} aria-label={`审定 ${r.secretary.name}`}>
                    {r.decision ? '修改' : '审定'}
                  </Button>
                </td>
              </tr>
              <tr className="explain-row">
                <td colSpan={span}>
                  <Explanation row={r} labels={labels} />
                </td>
              </tr>
            </tbody>
          ))}
        </table>
      </div>
    </section>
  );
}
