/**
 * 打印预览: one print of the assessment on screen as it comes out on paper (the same
 * views and print CSS as the command line's PDF, page numbers from CSS @page), with a
 * toolbar, hidden on paper, to choose the print, narrow it to a category and a town (the
 * per-secretary prints also to one person), enter the 公示 period, print, and save as PDF.
 */
import { useMemo, useState } from 'react';
import { printHref, screenHref } from '../../data/routes';
import { platform } from '../../platform';
import { Button, Field, TownSelect, useToast } from '../../ui';
import { ALL, matches, selectRows, type PrintFilter } from './data';
import { isLandscape, isPerSecretary, PRINT_KIND_LABELS, PRINT_KINDS, type PrintData, type PrintKind } from './model';
import { NoticePeriodForm } from './NoticePeriodForm';
import { PrintDocument } from './PrintDocument';
import { PAGE_MARGINS, printCss } from './styles';
import { usePrintData } from './usePrintData';
import './preview.css';

type Copies = NonNullable<PrintData['ballotCopies']>;

export function PrintPreviewPage({ assessmentId, kind }: { assessmentId: string; kind: PrintKind }) {
  const state = usePrintData(assessmentId);
  if (state.status === 'loading') return <p className="muted">正在准备打印…</p>;
  if (state.status === 'failed') return <p className="error-summary">{state.message}</p>;
  return <Preview assessmentId={assessmentId} kind={kind} full={state.data} />;
}

function Preview({ assessmentId, kind, full }: { assessmentId: string; kind: PrintKind; full: PrintData }) {
  const toast = useToast();
  const [filter, setFilter] = useState<PrintFilter>(ALL);
  const [copies, setCopies] = useState<Copies>('page');
  const perSecretary = isPerSecretary(kind);
  const data = useMemo(
    () => (perSecretary ? { ...selectRows(full, filter), ballotCopies: copies } : selectRows(full, { ...filter, id: '' })),
    [full, perSecretary, filter, copies],
  );

  const landscape = isLandscape(kind);
  const people = data.result.categories.reduce((n, c) => n + c.rows.length, 0);
  const one = perSecretary && filter.id ? data.result.categories[0]?.rows[0]?.secretary.name : undefined;
  const { year, region, name } = full.assessment;
  const narrowed = [filter.category ? full.result.categories.find((c) => c.key === filter.category)?.label : '', filter.town, one].filter(Boolean);
  const suggestedName = [`${PRINT_KIND_LABELS[kind]}-${year}年度${region || name}`, ...narrowed].join('-');
  const savePdf = async () => {
    const saved = await platform.savePdf({ suggestedName, landscape });
    if (saved) toast(`已保存 PDF：${saved.path}`);
  };

  return (
    <div className="print-preview">
      <style>{printCss({ landscape, pageNumbers: true }) + paperCss(landscape)}</style>
      <div className="page-head no-print">
        <h1>打印预览</h1>
        <a className="btn" href={screenHref(assessmentId, 'results')}>
          返回结果
        </a>
        <Button onClick={() => void savePdf()} disabled={!people}>
          另存为PDF
        </Button>
        <Button variant="primary" onClick={() => void platform.print({ landscape })} disabled={!people}>
          打印
        </Button>
      </div>
      <nav className="print-kinds no-print" aria-label="打印内容">
        {PRINT_KINDS.map((k) => (
          <a key={k} href={printHref(assessmentId, k)} aria-current={k === kind ? 'page' : undefined}>
            {PRINT_KIND_LABELS[k]}
          </a>
        ))}
      </nav>
      <Narrowing
        data={full}
        filter={filter}
        onFilter={setFilter}
        person={perSecretary}
        copies={kind === 'ballots' ? copies : null}
        onCopies={setCopies}
        people={people}
      />
      {kind === 'notice' ? <NoticePeriodForm assessmentId={assessmentId} notice={full.notice} /> : null}
      {people ? (
        <div className="print-paper">
          <PrintDocument kind={kind} data={data} />
        </div>
      ) : (
        <p className="card">还没有可打印的结果。请先在“名册”导入名册，并录入考评得分和测评票数。</p>
      )}
    </div>
  );
}

/** On screen the document sits on a sheet of the page's width and side margins. */
function paperCss(landscape: boolean): string {
  const m = PAGE_MARGINS[landscape ? 'landscape' : 'portrait'];
  return `@media screen { .print-paper { width: ${landscape ? 297 : 210}mm; padding: 0 ${m.right}mm 0 ${m.left}mm; } }`;
}

/** 类别 and 镇街 for every print (全部 prints all); one secretary for the per-secretary prints; 份数 for the ballots. */
function Narrowing(props: {
  data: PrintData;
  filter: PrintFilter;
  onFilter: (f: PrintFilter) => void;
  person: boolean;
  copies: Copies | null;
  onCopies: (c: Copies) => void;
  people: number;
}) {
  const { data, filter, onFilter, person, copies, onCopies, people } = props;
  const categories = data.result.categories;
  const towns = useMemo(
    () => [...new Set(categories.flatMap((c) => c.rows.map((r) => r.secretary.town ?? '')))].filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN')),
    [categories],
  );
  const group = { ...filter, id: '' };
  const secretaries = categories.flatMap((c) => c.rows.filter((r) => matches(group, c.key, r)));
  // a narrower category or town drops a chosen secretary outside it
  const narrow = (change: Partial<PrintFilter>) => {
    const next = { ...filter, ...change };
    const keep = categories.some((c) => c.rows.some((r) => r.id === next.id && matches(next, c.key, r)));
    onFilter(keep ? next : { ...next, id: '' });
  };
  return (
    <div className="toolbar no-print">
      <Field label="类别">
        <select value={filter.category} onChange={(e) => narrow({ category: e.target.value })}>
          <option value="">全部类别</option>
          {categories.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}
            </option>
          ))}
        </select>
      </Field>
      <TownSelect towns={towns} value={filter.town} onChange={(town) => narrow({ town })} />
      {person ? (
        <Field label="第一书记">
          <select value={filter.id} onChange={(e) => onFilter({ ...filter, id: e.target.value })}>
            <option value="">全部（{secretaries.length}人）</option>
            {secretaries.map((r) => (
              <option key={r.id} value={r.id}>
                {r.secretary.name}（{r.id}）
              </option>
            ))}
          </select>
        </Field>
      ) : null}
      {copies ? (
        <Field label="每人份数">
          <select value={copies} onChange={(e) => onCopies(e.target.value === 'eligible' ? 'eligible' : 'page')}>
            <option value="page">一页（3张）</option>
            <option value="eligible">按应参加人数</option>
          </select>
        </Field>
      ) : null}
      <div className="note">共 {people} 人</div>
    </div>
  );
}
