/** One category of the results: rank order, the columns of the results workbook, why each grade. */
import {
  BAND_KEYS,
  explanationParts,
  FLAG_LABELS,
  resultColumns,
  type CategoryResult,
  type Grade,
  type ResultColumn,
  type ResultColumnKey,
  type ResultRow,
} from '../../../../shared/model';
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual';
import { Fragment, useEffect, useRef, useState } from 'react';
import { readPlace, writePlace } from '../../ui/place';
import { Button } from '../../ui';
import './results.css';

/** The grade cell: the computed grade, or the review meeting's beside it in its own column. */
function GradeLabel({ grade, labels }: { grade: Grade; labels: Record<Grade, string> }) {
  return <span className={`grade grade-${grade}`}>{labels[grade]}</span>;
}

export function Explanation({ row }: { row: ResultRow }) {
  const { flags, lines } = explanationParts(row);
  return (
    <div className="explain">
      <span className="explain-label">说明：</span>
      {flags.map((f) => (
        <span key={f} className={`badge ${f === FLAG_LABELS.tieAtBoundary ? 'badge-warn' : 'badge-accent'}`}>
          {f}
        </span>
      ))}
      {lines.map((r, i) => (
        <span key={i} className={r.startsWith('审定理由') ? 'reason decision-note' : r.startsWith('审定后本类别') ? 'reason quota-reason' : 'reason'}>
          {r}
        </span>
      ))}
    </div>
  );
}

/**
 * The shared row columns (shared/model/result-columns.ts) the screen shows, with their
 * widths: in a scrolled table columns must not move as rows come and go.
 */
const WIDTHS = {
  rank: '3.5em',
  id: '5.5em',
  name: '5em',
  unit: '9em',
  village: '6.5em',
  baseScore: '4em',
  orgScore: '6em',
  eligible: '5em',
  cast: '4em',
  verySatisfied: '4em',
  satisfied: '3.2em',
  basic: '4.8em',
  dissatisfied: '4em',
  invalid: '3.2em',
  abstain: '3.2em',
  satisfaction: '5em',
  total: '5em',
  computedGrade: '5em',
  decidedGrade: '5em',
} as const satisfies Partial<Record<ResultColumnKey, string>>;
const COLUMNS = resultColumns(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]);
/** headers that take two lines */
const WRAP_HEAD = new Set<string>(['orgScore', 'eligible']);
/** four-character headers that may break in two (基本/满意), so nineteen columns fit 1366 px */
const WRAP_SHORT = new Set<string>(['basic', 'total', 'computedGrade', 'decidedGrade']);
const headClass = (c: ResultColumn): string | undefined =>
  [c.numeric ? 'num' : '', WRAP_HEAD.has(c.key) ? 'wrap-head' : '', WRAP_SHORT.has(c.key) ? 'wrap-short' : ''].filter(Boolean).join(' ') || undefined;

/** A cell of the figures line: the grades drawn as grades, the total in bold. */
function Cell({ column, row, labels }: { column: ResultColumn; row: ResultRow; labels: Record<Grade, string> }) {
  // a grade held back reads 暂缓定等 (its reason is in 说明)
  if (column.key === 'computedGrade') return <span className={`grade grade-${row.computedGrade}`}>{column.text(row, labels)}</span>;
  if (column.key === 'decidedGrade') return row.decision ? <GradeLabel grade={row.decision.grade} labels={labels} /> : null;
  if (column.key === 'total') return <strong>{column.text(row, labels)}</strong>;
  if (column.key === 'unit' || column.key === 'village') return <span className="clip">{column.cell(row, labels) ?? ''}</span>;
  return <>{column.text(row, labels)}</>;
}

/** Categories up to this size are rendered whole; larger ones only around what is in view. */
export const VIRTUAL_FROM = 80;
/** A secretary's two lines, before they are measured. */
const ROW_ESTIMATE = 57;

/** A secretary to bring into view and mark, from a notice's link; `seq` tells one click from the next. */
export interface RowTarget {
  id: string;
  seq: number;
}

interface TableProps {
  category: CategoryResult;
  rows: ResultRow[];
  labels: Record<Grade, string>;
  onDecide: (row: ResultRow) => void;
  readOnly: boolean;
  target?: RowTarget | null;
  /** where a large category's own scroll is kept for the session (ui/place.ts) */
  placeKey?: string;
  /** the secretary's page across years */
  personHref?: (id: string) => string;
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
  const { category, rows, labels, target } = props;
  const section = useRef<HTMLElement>(null);
  const virtual = rows.length > VIRTUAL_FROM;
  const shownTarget = useRef(0);
  // a row asked for from a notice: into the middle of the screen, and focused for the keyboard
  useEffect(() => {
    if (!target || target.seq === shownTarget.current || virtual || !rows.some((r) => r.id === target.id)) return;
    shownTarget.current = target.seq;
    const row = section.current?.querySelector<HTMLElement>(`tbody[data-row-id="${CSS.escape(target.id)}"]`);
    row?.scrollIntoView({ block: 'center' });
    row?.focus({ preventScroll: true });
  }, [target, virtual, rows]);
  const quotas = BAND_KEYS.filter((k) => category.quotas[k] !== undefined)
    .map((k) => `${labels[k]} ${category.quotas[k]} 名`)
    .join('，');
  return (
    <section ref={section} className="card category" data-testid="result-category" data-category={category.key} aria-labelledby={`cat-${category.key}`}>
      <div className="category-head">
        <h2 id={`cat-${category.key}`} tabIndex={-1}>
          {category.label}
        </h2>
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
      {virtual ? (
        <VirtualTable {...props} />
      ) : (
        <div className="table-wrap results-wrap">
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

/** Width of the last column: the 审定 button. */
const DECIDE_WIDTH = '4.5em';

function Head() {
  return (
    <thead>
      <tr aria-rowindex={1}>
        {COLUMNS.map((c) => (
          <th key={c.key} scope="col" className={headClass(c)}>
            {c.header}
          </th>
        ))}
        <th scope="col" className="no-print">
          审定
        </th>
      </tr>
    </thead>
  );
}

const SPAN = COLUMNS.length + 1;

/** One secretary's two lines; `index` (from 0) places them among all rows for assistive technology. */
function Secretary({
  row: r,
  labels,
  onDecide,
  readOnly,
  target,
  personHref,
  index,
  measure,
}: TableProps & { row: ResultRow; index?: number; measure?: (el: HTMLTableSectionElement | null) => void }) {
  const at = index === undefined ? {} : { first: { 'aria-rowindex': 2 + index * 2 }, second: { 'aria-rowindex': 3 + index * 2 } };
  const targeted = target?.id === r.id;
  return (
    <tbody
      ref={measure}
      data-index={index}
      data-row-id={r.id}
      tabIndex={targeted ? -1 : undefined}
      className={`result-group${r.flags.includes('tieAtBoundary') ? ' tie-group' : ''}${targeted ? ' row-target' : ''}`}
      data-testid="result-row"
    >
      <tr {...at.first}>
        {COLUMNS.map((c) => (
          <td key={c.key} className={c.numeric ? 'num' : undefined}>
            <Cell column={c} row={r} labels={labels} />
          </td>
        ))}
        <td className="no-print">
          {/* one above the other: side by side they pushed the table past its card at 1366 px */}
          <div className="row-actions">
            <Button
              variant={r.flags.includes('tieAtBoundary') && !r.decision ? 'primary' : 'ghost'}
              disabled={readOnly}
              onClick={() => onDecide(r)}
              aria-label={`审定 ${r.secretary.name}`}
            >
              {r.decision ? '修改' : '审定'}
            </Button>
            {personHref ? (
              <a href={personHref(r.id)} aria-label={`${r.secretary.name} 历年考核`}>
                历年
              </a>
            ) : null}
          </div>
        </td>
      </tr>
      <tr className="explain-row" {...at.second}>
        <td colSpan={SPAN}>
          <Explanation row={r} />
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
  const { rows, category, target, placeKey } = props;
  const scroller = useRef<HTMLDivElement>(null);
  const [initialOffset] = useState(() => (placeKey ? readPlace(placeKey, { top: 0 }).top : 0));
  // the secretary last focused stays rendered: focus is not lost when it scrolls out of view
  const [focused, setFocused] = useState<number | null>(null);
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_ESTIMATE,
    overscan: 8,
    initialOffset,
    getItemKey: (i) => rows[i]?.id ?? i,
    rangeExtractor: (range) => {
      const shown = defaultRangeExtractor(range);
      return focused === null || focused >= rows.length || shown.includes(focused) ? shown : [...shown, focused].sort((a, b) => a - b);
    },
  });
  // the box's own scroll, kept for when the person comes back
  useEffect(() => {
    const box = scroller.current;
    if (!box || !placeKey) return;
    let top = box.scrollTop;
    const onScroll = () => (top = box.scrollTop);
    box.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      box.removeEventListener('scroll', onScroll);
      writePlace(placeKey, { top });
    };
  }, [placeKey]);
  // a row asked for from a notice: the box into view, then the row to its middle
  const shownTarget = useRef(0);
  useEffect(() => {
    const index = target && target.seq !== shownTarget.current ? rows.findIndex((r) => r.id === target.id) : -1;
    if (index < 0) return;
    shownTarget.current = target!.seq;
    scroller.current?.scrollIntoView({ block: 'nearest' });
    virtualizer.scrollToIndex(index, { align: 'center' });
  }, [target, rows, virtualizer]);
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
            <col key={c.key} style={{ width: WIDTHS[c.key as keyof typeof WIDTHS] }} />
          ))}
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
