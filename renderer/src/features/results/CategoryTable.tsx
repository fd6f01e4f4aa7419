/** One category of the results: rank order, the columns of the results workbook, why each grade. */
import type { CategoryResult, Grade, ResultRow } from '../../../../shared/model';
import { BAND_KEYS, FLAG_LABELS } from '../../../../shared/model';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useRef, useState, type ReactNode } from 'react';
import { Button } from '../../ui';
import { percent, score, total } from './format';
import './results.css';

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
        <span key={i} className={r.startsWith('部长办公会') ? 'reason decision-note' : r.startsWith('审定后本类别') ? 'reason quota-reason' : 'reason'}>
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
  /** in a scrolled table, where columns must not move as rows come and go */
  width: string;
  render: (r: ResultRow) => ReactNode;
}

const COLUMNS: Col[] = [
  { key: 'rank', width: '3.5em', header: '名次', render: (r) => r.rank ?? '—' },
  { key: 'id', width: '5.5em', header: '编号', render: (r) => r.id },
  { key: 'name', width: '5em', header: '姓名', render: (r) => r.secretary.name },
  { key: 'unit', width: '10em', header: '派出单位', render: (r) => <span className="clip">{r.secretary.unit ?? ''}</span> },
  { key: 'village', width: '7.5em', header: '村社区', render: (r) => <span className="clip">{r.secretary.village ?? ''}</span> },
  { key: 'base', width: '4em', header: '基本分', num: true, render: (r) => score(r.baseScore) },
  { key: 'org', width: '6em', header: '组织工作目标考评得分', num: true, wrapHead: true, render: (r) => score(r.orgScore) },
  { key: 'vs', width: '4em', header: '很满意', num: true, render: (r) => r.ballots?.verySatisfied ?? '—' },
  { key: 's', width: '3.2em', header: '满意', num: true, render: (r) => r.ballots?.satisfied ?? '—' },
  { key: 'b', width: '4.8em', header: '基本满意', num: true, render: (r) => r.ballots?.basic ?? '—' },
  { key: 'd', width: '4em', header: '不满意', num: true, render: (r) => r.ballots?.dissatisfied ?? '—' },
  { key: 'i', width: '3.2em', header: '废票', num: true, render: (r) => r.ballots?.invalid ?? '—' },
  { key: 'cast', width: '4.2em', header: '投票数', num: true, render: (r) => r.ballots?.cast ?? '—' },
  { key: 'eligible', width: '5.6em', header: '应参加人数', num: true, render: (r) => r.ballots?.eligible ?? r.secretary.eligibleVoters },
  { key: 'sat', width: '5em', header: '满意度', num: true, render: (r) => percent(r.satisfaction) },
  { key: 'total', width: '5em', header: '考核总分', num: true, render: (r) => <strong>{total(r.total)}</strong> },
];

/** Categories up to this size are rendered whole; larger ones only around what is in view. */
export const VIRTUAL_FROM = 80;
/** A secretary's two lines, before they are measured. */
const ROW_ESTIMATE = 57;

interface TableProps {
  category: CategoryResult;
  rows: ResultRow[];
  labels: Record<Grade, string>;
  onDecide: (row: ResultRow) => void;
  readOnly: boolean;
}

/**
 * One secretary per <tbody>: the figures on the first line, 说明 (flags, reasons,
 * decision) on a second line across the table, so the table fits a 1366 screen.
 * A large category (a province has 1,200 in one) scrolls inside its own box and
 * keeps only the secretaries in view in the DOM (@tanstack/react-virtual); the table
 * stays a real table, aria-rowcount and aria-rowindex tell where each row is, and
 * the box scrolls from the keyboard.
 */
export function CategoryTable(props: TableProps) {
  const { category, rows, labels } = props;
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
      {category.quotaNotes.length ? (
        <p className="category-quota" data-testid="category-quota">
          部长办公会审定后，本类别{category.quotaNotes.map((n) => n.text).join('；')}
        </p>
      ) : null}
      {rows.length > VIRTUAL_FROM ? (
        <VirtualTable {...props} />
      ) : (
        <div className="table-wrap">
          <table className="table results-table">
            <Head />
            {rows.map((r) => (
              <Secretary key={r.id} {...props} row={r} />
            ))}
          </table>
        </div>
      )}
    </section>
  );
}

/** Widths of the last two columns: 等次 and 审定. */
const GRADE_WIDTH = '5.5em';
const DECIDE_WIDTH = '4.5em';

function Head() {
  return (
    <thead>
      <tr aria-rowindex={1}>
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
  );
}

const SPAN = COLUMNS.length + 2;

/** One secretary's two lines; `index` (from 0) places them among all rows for assistive technology. */
function Secretary({
  row: r,
  labels,
  onDecide,
  readOnly,
  index,
  measure,
}: TableProps & { row: ResultRow; index?: number; measure?: (el: HTMLTableSectionElement | null) => void }) {
  const at = index === undefined ? {} : { first: { 'aria-rowindex': 2 + index * 2 }, second: { 'aria-rowindex': 3 + index * 2 } };
  return (
    <tbody ref={measure} data-index={index} className={`result-group${r.flags.includes('tieAtBoundary') ? ' tie-group' : ''}`} data-testid="result-row">
      <tr {...at.first}>
        {COLUMNS.map((c) => (
          <td key={c.key} className={c.num ? 'num' : undefined}>
            {c.render(r)}
          </td>
        ))}
        <td>
          <GradeCell row={r} labels={labels} />
        </td>
        <td className="no-print">
          <Button
            variant={r.flags.includes('tieAtBoundary') && !r.decision ? 'primary' : 'ghost'}
            disabled={readOnly}
            onClick={() => onDecide(r)}
            aria-label={`审定 ${r.secretary.name}`}
          >
            {r.decision ? '修改' : '审定'}
          </Button>
        </td>
      </tr>
      <tr className="explain-row" {...at.second}>
        <td colSpan={SPAN}>
          <Explanation row={r} labels={labels} />
        </td>
      </tr>
    </tbody>
  );
}

/** Empty space standing for secretaries not rendered, so the scroll bar is true. */
function Gap({ height }: { height: number }) {
  if (height <= 0) return null;
  return (
    <tbody aria-hidden="true" className="virtual-gap">
      <tr>
        <td colSpan={SPAN} style={{ height, padding: 0, border: 'none' }} />
      </tr>
    </tbody>
  );
}

function VirtualTable(props: TableProps) {
  const { rows, category } = props;
  const scroller = useRef<HTMLDivElement>(null);
  // the secretary last focused stays rendered: focus is not lost when it scrolls out of view
  const [focused, setFocused] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    getItemKey: (i) => rows[i]?.id ?? i,
    rangeExtractor: (range) => {
      const shown = defaultRangeExtractor(range);
      return focused === null || focused >= rows.length || shown.includes(focused) ? shown : [...shown, focused].sort((a, b) => a - b);
    },
  });
  const items = virtualizer.getVirtualItems();
  let end = 0;
  return (
    <div
      ref={scroller}
      className="table-wrap table-scroll"
      data-scroll
      tabIndex={0}
      role="region"
      aria-label={`${category.label}，共 ${rows.length} 人，可用方向键和翻页键滚动`}
      onFocus={(e) => {
        const index = (e.target as HTMLElement).closest<HTMLElement>('tbody[data-index]')?.dataset.index;
        if (index !== undefined) setFocused(Number(index));
      }}
    >
      <table className="table results-table results-fixed" aria-rowcount={1 + rows.length * 2}>
        <colgroup>
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
          <col style={{ width: GRADE_WIDTH }} />
          <col style={{ width: DECIDE_WIDTH }} />
        </colgroup>
        <Head />
        {items.map((item) => {
          const gap = item.start - end;
          end = item.end;
          return (
            <Fragment key={item.key}>
              <Gap height={gap} />
              <Secretary {...props} row={rows[item.index]!} index={item.index} measure={virtualizer.measureElement} />
            </Fragment>
          );
        })}
        <Gap height={virtualizer.getTotalSize() - end} />
      </table>
    </div>
  );
}
