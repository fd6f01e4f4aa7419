/**
 * 图表: totals with band lines, satisfaction by town, grades per category, org score
 * against satisfaction. Each can be saved as a PNG for the meeting's slides.
 */
import { createContext, useContext, useRef, useState, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ReferenceLine,
  ResponsiveContainer,
  Scatter,
  ScatterChart,
  Tooltip,
  XAxis,
  YAxis,
  ZAxis,
} from 'recharts';
import type { AssessmentResult, Policy } from '../../../../shared/model';
import { bandLine, GRADE_COLORS, gradeKey, gradeOrder, gradesByCategory, orgVsSatisfaction, satisfactionByTown, totalBars } from './chartData';
import { chartPicture, pictureName, pictureToPng, type KeyEntry } from './chartImage';
import { useResult } from '../../data/result';
import { useAssessment } from '../../data/assessment';
import { platform, PNG_FILTER } from '../../platform';
import { Button, useToast } from '../../ui';
import './charts.css';

const fixed2 = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v));
const pct = (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : String(v));

/** The assessment's name, the start of a saved picture's file name. */
const PictureStem = createContext('图表');

export function ChartsPage({ assessmentId }: { assessmentId: string }) {
  const state = useResult(assessmentId);
  const assessment = useAssessment(assessmentId);
  const stem = assessment ? `${assessment.year}年度${assessment.region || assessment.name}` : '图表';
  if (state.status === 'loading') return <p className="muted">正在计算…</p>;
  if (state.status === 'missing') return <p>找不到该考核。</p>;
  if (state.status === 'failed') return <p className="error-summary">无法计算结果：{state.message}</p>;
  const { result, input } = state;
  const rows = result.categories.flatMap((c) => c.rows);
  return (
    <div data-testid="charts-page">
      <div className="page-head">
        <h1>图表</h1>
        <span className="note">图表仅供直观查看，数值按小数显示；等次与名次以结果表的精确计算为准。</span>
      </div>
      {rows.length === 0 ? (
        <div className="card">名册中还没有第一书记。</div>
      ) : (
        <PictureStem.Provider value={stem}>
          <div className="chart-grid">
            <TotalsChart result={result} policy={input.policy} />
            <TownChart result={result} />
            <GradesChart result={result} policy={input.policy} />
            <ScatterPanel result={result} policy={input.policy} />
          </div>
        </PictureStem.Provider>
      )}
    </div>
  );
}

function Panel({
  title,
  note,
  children,
  testId,
  picture,
}: {
  title: string;
  note?: string;
  children: ReactNode;
  testId: string;
  /** a chart to save as a picture: its title in the picture and its key of colours */
  picture?: { title: string; key: readonly KeyEntry[] } | undefined;
}) {
  const box = useRef<HTMLElement>(null);
  const stem = useContext(PictureStem);
  const toast = useToast();
  const save = async () => {
    const svg = box.current?.querySelector<SVGSVGElement>('.recharts-wrapper > svg.recharts-surface');
    if (!svg || !picture) return;
    try {
      const bytes = await pictureToPng(chartPicture(svg, picture.title, picture.key));
      const saved = await platform.saveFile({ title: '保存图表图片', suggestedName: pictureName(stem, picture.title), filters: [PNG_FILTER], bytes });
      if (saved) toast('图表已保存为图片');
    } catch (e) {
      toast(e instanceof Error ? e.message : '图表无法转为图片', 'error');
    }
  };
  return (
    <section ref={box} className="card chart-card" aria-label={title} data-testid={testId}>
      <div className="chart-head">
        <h2>{title}</h2>
        {picture ? (
          <Button onClick={() => void save()} title="保存为 PNG 图片（两倍清晰度），可插入汇报幻灯片">
            保存图片
          </Button>
        ) : null}
      </div>
      {note ? <p className="note">{note}</p> : null}
      {children}
    </section>
  );
}

function TotalsChart({ result, policy }: { result: AssessmentResult; policy: Policy }) {
  const categories = result.categories.filter((c) => c.rows.some((r) => r.total !== null));
  const [key, setKey] = useState<string | null>(null);
  const category = categories.find((c) => c.key === key) ?? categories[0];
  if (!category) {
    return (
      <Panel title="考核总分" testId="chart-totals">
        <p className="muted">尚无可计算总分的书记（需同时有考评得分和有效测评）。</p>
      </Panel>
    );
  }
  const bars = totalBars(category);
  const lines = (['excellent', 'good'] as const)
    .map((band) => ({ band, y: bandLine(category, band) }))
    .filter((l): l is { band: 'excellent' | 'good'; y: number } => l.y !== null);
  return (
    <Panel
      title="考核总分（按类别）"
      note="虚线为该类别最后一名优秀、良好的总分。"
      testId="chart-totals"
      picture={{ title: `考核总分（${category.label}）`, key: gradeKey(policy, (g) => bars.some((b) => b.grade === g)) }}
    >
      <label className="check" style={{ marginBottom: 6 }}>
        类别
        <select className="input" value={category.key} onChange={(e) => setKey(e.target.value)}>
          {categories.map((c) => (
            <option key={c.key} value={c.key}>
              {c.label}（{c.size}人）
            </option>
          ))}
        </select>
      </label>
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={bars} margin={{ top: 16, right: 60, bottom: 0, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="label" angle={-35} textAnchor="end" interval={0} height={50} tick={{ fontSize: 11 }} />
          <YAxis tick={{ fontSize: 11 }} />
          <Tooltip formatter={(v) => [fixed2(v), '总分']} />
          <Bar dataKey="total" name="总分" maxBarSize={48} isAnimationActive={false}>
            {bars.map((b) => (
              <Cell key={b.id} fill={GRADE_COLORS[b.grade]} />
            ))}
          </Bar>
          {lines.map((l) => (
            <ReferenceLine
              key={l.band}
              y={l.y}
              stroke={GRADE_COLORS[l.band]}
              strokeDasharray="6 3"
              label={{ value: `${policy.labels[l.band]} ${l.y.toFixed(2)}`, position: 'right', fontSize: 11, fill: GRADE_COLORS[l.band] }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <GradeKey entries={gradeKey(policy, () => true)} />
    </Panel>
  );
}

/** The colours of the grades, below a chart: never over its points. */
function GradeKey({ entries }: { entries: readonly KeyEntry[] }) {
  return (
    <div className="grade-key">
      {entries.map((g) => (
        <span key={g.label}>
          <i style={{ background: g.color }} />
          {g.label}
        </span>
      ))}
    </div>
  );
}

function TownChart({ result }: { result: AssessmentResult }) {
  const towns = satisfactionByTown(result);
  return (
    <Panel
      title="各镇街群众满意度"
      note="满意度 =（很满意+满意）÷ 投票数，按镇街合计；测评无效的不计入。"
      testId="chart-towns"
      picture={towns.length ? { title: '各镇街群众满意度', key: [] } : undefined}
    >
      {towns.length === 0 ? (
        <p className="muted">尚无有效的测评结果。</p>
      ) : (
        <ResponsiveContainer width="100%" height={280}>
          <BarChart data={towns} margin={{ top: 16, right: 10, bottom: 30, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="town" angle={-35} textAnchor="end" interval={0} height={50} tick={{ fontSize: 11 }} />
            <YAxis domain={[0, 100]} unit="%" tick={{ fontSize: 11 }} />
            <Tooltip formatter={(v) => [pct(v), '满意度']} />
            <Bar dataKey="satisfaction" name="满意度" fill="#4a7bb7" maxBarSize={56} isAnimationActive={false}>
              <LabelList dataKey="satisfaction" position="top" formatter={pct} style={{ fontSize: 11, fill: '#4e5561' }} />
            </Bar>
          </BarChart>
        </ResponsiveContainer>
      )}
    </Panel>
  );
}

function GradesChart({ result, policy }: { result: AssessmentResult; policy: Policy }) {
  const data = gradesByCategory(result);
  const series = gradeKey(policy, (g) => data.some((d) => d[g] > 0));
  return (
    <Panel title="各类别等次分布" testId="chart-grades" picture={{ title: '各类别等次分布', key: series }}>
      <ResponsiveContainer width="100%" height={Math.max(200, 40 + data.length * 30)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="category" width={170} tick={{ fontSize: 11 }} />
          <Tooltip itemSorter={gradeOrder} />
          {series.map((g) => (
            <Bar key={g.key} dataKey={g.key} name={g.label} stackId="grades" fill={g.color} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
      <GradeKey entries={series} />
    </Panel>
  );
}

function ScatterPanel({ result, policy }: { result: AssessmentResult; policy: Policy }) {
  const points = orgVsSatisfaction(result);
  const series = gradeKey(policy, () => true)
    .map((g) => ({ ...g, points: points.filter((p) => p.grade === g.key) }))
    .filter((g) => g.points.length > 0);
  return (
    <Panel
      title="组织考评得分与群众满意度"
      note="每点一名书记；颜色为等次。"
      testId="chart-scatter"
      picture={points.length ? { title: '组织考评得分与群众满意度', key: series } : undefined}
    >
      {points.length === 0 ? (
        <p className="muted">尚无同时具备考评得分和有效测评的书记。</p>
      ) : (
        <ResponsiveContainer width="100%" height={280}>
          <ScatterChart margin={{ top: 16, right: 16, bottom: 24, left: 0 }}>
            <CartesianGrid strokeDasharray="3 3" />
            <XAxis
              type="number"
              dataKey="orgScore"
              name="组织考评得分"
              domain={['auto', 'auto']}
              tick={{ fontSize: 11 }}
              label={{ value: '组织考评得分', position: 'insideBottom', offset: -12, fontSize: 12 }}
            />
            <YAxis type="number" dataKey="satisfaction" name="满意度" unit="%" domain={[0, 100]} tick={{ fontSize: 11 }} />
            <ZAxis range={[50, 50]} />
            <Tooltip cursor={{ strokeDasharray: '3 3' }} formatter={(v, name) => [name === '满意度' ? pct(v) : fixed2(v), String(name)]} />
            {series.map((g) => (
              <Scatter key={g.key} name={g.label} data={g.points} fill={g.color} isAnimationActive={false} />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      )}
      {points.length ? <GradeKey entries={series} /> : null}
    </Panel>
  );
}
