/** 图表: totals with band lines, satisfaction by town, grades per category, org score against satisfaction. */
import { useState, type ReactNode } from 'react';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  Legend,
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
import { bandLine, GRADE_COLORS, gradeSeries, gradesByCategory, orgVsSatisfaction, satisfactionByTown, totalBars } from './chartData';
import { useResult } from '../../data/result';
import './charts.css';

const fixed2 = (v: unknown) => (typeof v === 'number' ? v.toFixed(2) : String(v));
const pct = (v: unknown) => (typeof v === 'number' ? `${v.toFixed(1)}%` : String(v));

export function ChartsPage({ assessmentId }: { assessmentId: string }) {
  const state = useResult(assessmentId);
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
        <div className="chart-grid">
          <TotalsChart result={result} policy={input.policy} />
          <TownChart result={result} />
          <GradesChart result={result} policy={input.policy} />
          <ScatterPanel result={result} policy={input.policy} />
        </div>
      )}
    </div>
  );
}

function Panel({ title, note, children, testId }: { title: string; note?: string; children: ReactNode; testId: string }) {
  return (
    <section className="card chart-card" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
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
    <Panel title="考核总分（按类别）" note="虚线为该类别最后一名优秀、良好的总分。" testId="chart-totals">
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
      <GradeKey policy={policy} />
    </Panel>
  );
}

function GradeKey({ policy }: { policy: Policy }) {
  return (
    <div className="grade-key">
      {gradeSeries(policy).map((g) => (
        <span key={g.key}>
          <i style={{ background: GRADE_COLORS[g.key] }} />
          {g.label}
        </span>
      ))}
    </div>
  );
}

function TownChart({ result }: { result: AssessmentResult }) {
  const towns = satisfactionByTown(result);
  return (
    <Panel title="各镇街群众满意度" note="满意度 =（很满意+满意）÷ 投票数，按镇街合计；测评无效的不计入。" testId="chart-towns">
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
  const series = gradeSeries(policy).filter((g) => data.some((d) => d[g.key] > 0));
  return (
    <Panel title="各类别等次分布" testId="chart-grades">
      <ResponsiveContainer width="100%" height={Math.max(200, 40 + data.length * 30)}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 16, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tick={{ fontSize: 11 }} />
          <YAxis type="category" dataKey="category" width={170} tick={{ fontSize: 11 }} />
          <Tooltip />
          <Legend itemSorter={null} wrapperStyle={{ fontSize: 12 }} />
          {series.map((g) => (
            <Bar key={g.key} dataKey={g.key} name={g.label} stackId="grades" fill={GRADE_COLORS[g.key]} isAnimationActive={false} />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </Panel>
  );
}

function ScatterPanel({ result, policy }: { result: AssessmentResult; policy: Policy }) {
  const points = orgVsSatisfaction(result);
  const series = gradeSeries(policy)
    .map((g) => ({ ...g, points: points.filter((p) => p.grade === g.key) }))
    .filter((g) => g.points.length > 0);
  return (
    <Panel title="组织考评得分与群众满意度" note="每点一名书记；颜色为等次。" testId="chart-scatter">
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
            <Legend itemSorter={null} verticalAlign="top" wrapperStyle={{ fontSize: 12 }} />
            {series.map((g) => (
              <Scatter key={g.key} name={g.label} data={g.points} fill={GRADE_COLORS[g.key]} isAnimationActive={false} />
            ))}
          </ScatterChart>
        </ResponsiveContainer>
      )}
    </Panel>
  );
}
