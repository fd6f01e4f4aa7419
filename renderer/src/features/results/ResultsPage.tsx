/**
 * 结果: per category in rank order, with grades, flags in words and the reasons of
 * each grade; boundary ties highlighted for the review meeting, whose decisions are
 * recorded here; exports to xlsx and JSON. At county size: an index of categories,
 * a search and filters that stay in view with the tables' headers, notices that link
 * to their rows, and the place kept when the person leaves and comes back.
 */
import { Fragment, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject } from 'react';
import { resultToJson } from '../../../../shared/method';
import { GRADES, type CategoryResult, type Grade, type ResultRow } from '../../../../shared/model';
import { getOperator, useOperator } from '../../data/operator';
import { personHref, printHref } from '../../data/routes';
import { useAssessment } from '../../data/assessment';
import { db } from '../../db/db';
import { recordHold, removeHold } from '../../db/checks';
import { recordDecision, removeDecision } from '../../db/decisions';
import { JSON_FILTER, platform, XLSX_FILTER } from '../../platform';
import { Button, TownSelect, useToast } from '../../ui';
import { readPlace, usePlace, writePlace } from '../../ui/place';
import { UnconfirmedNotice, useUnconfirmed } from '../ballots';
import { WarningsPanel } from '../checks';
import { LockControls } from '../lock';
import { CategoryTable, type RowTarget } from './CategoryTable';
import { DecisionDialog } from './DecisionDialog';
import { HoldDialog } from './HoldDialog';
import { ResultsIndex } from './ResultsIndex';
import { useResult } from '../../data/result';
import { EMPTY_VIEW, isNarrowed, isNeed, matchesView, needChoices, townsOf, type Need, type ResultsView } from './view';

/** Ties named one by one in the notice; more are reached by the filter. */
const TIES_NAMED = 12;

export function ResultsPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const state = useResult(assessmentId);
  const unconfirmed = useUnconfirmed(assessmentId);
  const { operator } = useOperator();
  const toast = useToast();
  const [deciding, setDeciding] = useState<ResultRow | null>(null);
  const [place, setPlace] = usePlace(
    `results:${assessmentId}`,
    EMPTY_VIEW as Record<keyof ResultsView, string>,
    (field, value) => field !== 'need' || isNeed(value),
  );
  const view = useMemo((): ResultsView => ({ query: place.query, need: place.need as Need, town: place.town }), [place.query, place.need, place.town]);
  const [target, setTarget] = useState<RowTarget | null>(null);
  const page = useRef<HTMLDivElement>(null);
  const bar = useRef<HTMLDivElement>(null);
  const [holding, setHolding] = useState<ResultRow | null>(null);

  const result = state.status === 'ready' ? state.result : null;
  const allRows = useMemo(() => result?.categories.flatMap((c) => c.rows) ?? [], [result]);
  const towns = useMemo(() => townsOf(allRows), [allRows]);
  // the page and its bar are on the screen (the scroll kept and the bar's height are taken from them)
  const ready = !!assessment && result !== null && unconfirmed !== undefined;
  useKeptScroll(page, ready, `results-scroll:${assessmentId}`);
  useStickyOffset(page, bar, ready);

  if (!assessment) return null;
  if (state.status === 'loading' || unconfirmed === undefined) return <p className="muted">正在计算…</p>;
  if (state.status === 'failed') return <p className="error-summary">{state.message}</p>;
  if (state.status === 'missing') return <p>找不到该考核。</p>;
  const { result: r } = state;
  const labels = assessment.policy.labels;
  const readOnly = assessment.locked || assessment.status === 'archived';
  const ties = allRows.filter((row) => row.flags.includes('tieAtBoundary'));
  const undecidedTies = ties.filter((row) => !row.decision);
  const overQuota = r.categories.filter((c) => c.quotaNotes.length);
  const held = allRows.filter((row) => row.hold);
  const decidingIn = deciding ? r.categories.find((c) => c.rows.some((row) => row.id === deciding.id)) : undefined;
  const fileBase = `${assessment.year}年度考核结果-${assessment.region || assessment.name}`;
  const narrowed = isNarrowed(view);
  const shown = narrowed ? allRows.filter((row) => matchesView(row, view)).length : allRows.length;
  const categoryOf = new Map(r.categories.flatMap((c) => c.rows.map((row) => [row.id, c] as const)));

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

  /** A category to the top of the screen, under the filters, its heading focused. */
  const jump = (key: string) => {
    const heading = document.getElementById(`cat-${key}`);
    heading?.closest('section')?.scrollIntoView({ block: 'start' });
    heading?.focus({ preventScroll: true });
  };
  /** A secretary's row, from a notice: the filters let go if they hide it. */
  const showRow = (id: string) => {
    const row = allRows.find((x) => x.id === id);
    if (!row) return;
    if (!matchesView(row, view)) setPlace(EMPTY_VIEW);
    setTarget((t) => ({ id, seq: (t?.seq ?? 0) + 1 }));
  };
  const rowLink = (row: ResultRow) => (
    <button type="button" className="link-button" onClick={() => showRow(row.id)}>
      {categoryOf.get(row.id)?.label} {row.secretary.name}（{row.id}）
    </button>
  );
  const namedTies = (undecidedTies.length ? undecidedTies : ties).slice(0, TIES_NAMED);

  return (
    <div ref={page} className="results-page">
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
      <UnconfirmedNotice assessmentId={assessmentId} ids={unconfirmed} onShow={showRow} />
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
          <div className="notice-links">
            {namedTies.map((row, i) => (
              <Fragment key={row.id}>
                {i ? '；' : ''}
                {rowLink(row)}
              </Fragment>
            ))}
            {ties.length > namedTies.length || undecidedTies.length < ties.length ? (
              <>
                {'　'}
                <button type="button" className="link-button" onClick={() => setPlace({ ...EMPTY_VIEW, need: 'tieAtBoundary' })}>
                  只看并列的 {ties.length} 人
                </button>
              </>
            ) : null}
          </div>
        </div>
      ) : null}
      {overQuota.length ? (
        <div className="card notice-warn" role="status" data-testid="quota-notice">
          <strong>部长办公会审定后，{overQuota.length} 个类别超出名额或空出名额：</strong>
          <ul className="quota-list">
            {overQuota.map((c) => (
              <li key={c.key}>
                <button type="button" className="link-button" onClick={() => jump(c.key)}>
                  {c.label}
                </button>
                ：{c.quotaNotes.map((n) => n.text).join('；')}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {allRows.length === 0 ? (
        <p className="card">还没有可计算的数据。请先在“名册”导入名册，并录入考评得分和测评票数。</p>
      ) : (
        <>
          <ResultsIndex categories={r.categories} labels={labels} view={view} narrowed={narrowed} onJump={jump} />
          <p className="note results-summary">
            按“{r.policyName}”计算，共 {allRows.length} 人、{r.categories.length} 个类别。
            {counts.map(([g, n]) => `${labels[g]} ${n} 人`).join('，')}
          </p>
          <div ref={bar} className="results-bar" role="search" aria-label="查找和筛选">
            <label className="bar-field">
              <span>查找</span>
              <input
                type="search"
                className="input"
                placeholder="姓名或编号"
                aria-label="查找姓名或编号"
                value={view.query}
                onChange={(e) => setPlace({ query: e.target.value })}
              />
            </label>
            <label className="bar-field">
              <span>筛选</span>
              <select className="input" aria-label="筛选" value={view.need} onChange={(e) => setPlace({ need: e.target.value })}>
                {needChoices(allRows, labels).map((c) => (
                  <option key={c.key} value={c.key} disabled={c.count === 0 && c.key !== view.need}>
                    {c.label}（{c.count} 人）
                  </option>
                ))}
              </select>
            </label>
            <TownSelect towns={towns} value={view.town} onChange={(town) => setPlace({ town })} />
            <span className="note" data-testid="results-shown" aria-live="polite">
              {narrowed ? `显示 ${shown} / ${allRows.length} 人` : `共 ${allRows.length} 人`}
            </span>
            {narrowed ? (
              <Button variant="ghost" onClick={() => setPlace(EMPTY_VIEW)}>
                清除筛选
              </Button>
            ) : null}
            <Button variant="ghost" className="bar-top" onClick={() => page.current?.closest('main')?.scrollTo({ top: 0 })}>
              ↑ 回到目录
            </Button>
          </div>
          {narrowed && shown === 0 ? <p className="card muted">没有符合条件的第一书记。</p> : null}
          {r.categories.map((category) => (
            <Category
              key={category.key}
              category={category}
              view={view}
              narrowed={narrowed}
              labels={labels}
              readOnly={readOnly}
              onDecide={setDeciding}
              target={target}
              placeKey={`results-box:${assessmentId}:${category.key}`}
              personHref={(id) => personHref(assessmentId, id)}
            />
          ))}
        </>
      )}
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
    </div>
  );
}

/** One category's table, narrowed to the view; nothing when the view keeps nobody in it. */
function Category({
  category,
  view,
  narrowed,
  ...props
}: {
  category: CategoryResult;
  view: ResultsView;
  narrowed: boolean;
  labels: Record<Grade, string>;
  readOnly: boolean;
  onDecide: (row: ResultRow) => void;
  target: RowTarget | null;
  placeKey: string;
  personHref: (id: string) => string;
}) {
  const rows = useMemo(() => (narrowed ? category.rows.filter((row) => matchesView(row, view)) : category.rows), [category, view, narrowed]);
  if (!rows.length) return null;
  return <CategoryTable category={category} rows={rows} {...props} />;
}

/**
 * How far down the page was, kept for the session: restored once the results are on
 * the screen, written when the page goes (the page scrolls inside <main>). A passive
 * effect: it runs after the app's layout effect that starts every new screen at the top.
 */
function useKeptScroll(page: RefObject<HTMLDivElement | null>, ready: boolean, key: string) {
  const restored = useRef(false);
  useEffect(() => {
    const main = page.current?.closest('main');
    if (!ready || !main) return;
    if (!restored.current) {
      main.scrollTop = readPlace(key, { top: 0 }).top;
      restored.current = true;
    }
    let top = main.scrollTop;
    const onScroll = () => (top = main.scrollTop);
    main.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      main.removeEventListener('scroll', onScroll);
      writePlace(key, { top });
    };
  }, [page, ready, key]);
}

/** The filters stay at the top of the screen and the tables' headers stick just under them. */
function useStickyOffset(page: RefObject<HTMLDivElement | null>, bar: RefObject<HTMLDivElement | null>, ready: boolean) {
  useLayoutEffect(() => {
    const el = bar.current;
    const root = page.current;
    if (!ready || !el || !root) return;
    const set = () => root.style.setProperty('--results-bar', `${el.offsetHeight}px`);
    set();
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(set);
    observer.observe(el);
    return () => observer.disconnect();
  }, [page, bar, ready]);
}
