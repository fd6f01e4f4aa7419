/**
 * The result as chart series. Floats appear only here (toNumber), never in a decision:
 * band lines are the totals of the last excellent and the last good place.
 */
import { toNumber, type Rational } from '../../../../shared/exact/rational';
import { GRADES, type AssessmentResult, type CategoryResult, type Grade, type Policy, type ResultRow } from '../../../../shared/model';

const num = (v: Rational | null): number | null => (v === null ? null : toNumber(v));

export interface TotalBar {
  id: string;
  label: string;
  total: number;
  grade: Grade;
}

/** A category's rows with a total, best first. */
export function totalBars(category: CategoryResult): TotalBar[] {
  return category.rows
    .filter((r): r is ResultRow & { total: Rational } => r.total !== null)
    .sort((a, b) => (a.rank ?? Infinity) - (b.rank ?? Infinity))
    .map((r) => ({ id: r.id, label: `${r.secretary.name}`, total: toNumber(r.total), grade: r.grade }));
}

/** The lowest total that got the band (the last place in it), or null when nobody did. */
export function bandLine(category: CategoryResult, band: 'excellent' | 'good'): number | null {
  const totals = category.rows.filter((r) => r.computedGrade === band && r.total !== null).map((r) => toNumber(r.total!));
  return totals.length ? Math.min(...totals) : null;
}

export interface TownSatisfaction {
  town: string;
  /** pooled: (很满意 + 满意) ÷ cast over the town's valid tallies, in % */
  satisfaction: number;
  cast: number;
  secretaries: number;
}

export function satisfactionByTown(result: AssessmentResult): TownSatisfaction[] {
  const towns = new Map<string, { satisfied: number; cast: number; n: number }>();
  for (const row of result.categories.flatMap((c) => c.rows)) {
    if (row.satisfaction === null || !row.ballots) continue;
    const town = row.secretary.town || '（未填镇街）';
    const t = towns.get(town) ?? { satisfied: 0, cast: 0, n: 0 };
    t.satisfied += row.ballots.verySatisfied + row.ballots.satisfied;
    t.cast += row.ballots.cast;
    t.n += 1;
    towns.set(town, t);
  }
  return [...towns]
    .map(([town, t]) => ({ town, satisfaction: t.cast ? (100 * t.satisfied) / t.cast : 0, cast: t.cast, secretaries: t.n }))
    .sort((a, b) => a.town.localeCompare(b.town, 'zh-CN'));
}

export type GradeCounts = { category: string } & Record<Grade, number>;

export function gradesByCategory(result: AssessmentResult): GradeCounts[] {
  return result.categories.map((c) => {
    const counts = Object.fromEntries(GRADES.map((g) => [g, 0])) as Record<Grade, number>;
    for (const r of c.rows) counts[r.grade] += 1;
    return { category: c.label, ...counts };
  });
}

export interface ScatterPoint {
  id: string;
  name: string;
  orgScore: number;
  /** in % */
  satisfaction: number;
  grade: Grade;
}

export function orgVsSatisfaction(result: AssessmentResult): ScatterPoint[] {
  const points: ScatterPoint[] = [];
  for (const r of result.categories.flatMap((c) => c.rows)) {
    const org = num(r.orgScore);
    const sat = num(r.satisfaction);
    if (org === null || sat === null) continue;
    points.push({ id: r.id, name: r.secretary.name, orgScore: org, satisfaction: 100 * sat, grade: r.grade });
  }
  return points;
}

/** Grades the policy can give, in order, with its labels (好/较好… under touyan). */
export function gradeSeries(policy: Pick<Policy, 'labels'>): { key: Grade; label: string }[] {
  return GRADES.map((g) => ({ key: g, label: policy.labels[g] }));
}

export const GRADE_COLORS: Record<Grade, string> = {
  excellent: '#b3261e',
  good: '#d98e04',
  competent: '#4a7bb7',
  basic: '#8a6bbe',
  incompetent: '#333a44',
  pending: '#a0a6ae',
};

/**
 * The tooltip's order of a grade series: 优秀, 良好, 称职 … as the method ranks them,
 * not the order of their names (recharts sorts by name unless told).
 */
export function gradeOrder(item: { dataKey?: unknown }): number {
  const at = GRADES.indexOf(item.dataKey as Grade);
  return at < 0 ? GRADES.length : at;
}

/** The key of colours of the grades a chart shows. */
export function gradeKey(policy: Pick<Policy, 'labels'>, shown: (grade: Grade) => boolean): { key: Grade; label: string; color: string }[] {
  return gradeSeries(policy)
    .filter((g) => shown(g.key))
    .map((g) => ({ ...g, color: GRADE_COLORS[g.key] }));
}
