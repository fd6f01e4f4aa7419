/**
 * After the review meeting (docs/method.md §13): the 奖惩意见 generated from each
 * secretary's grade, recalls and the policy (第十九条(五) 部长办公会…提出奖惩意见), each
 * editable with a reason; the summary reported for approval (第十九条(六) 报市委审批);
 * one feedback letter per 派出单位 (002 反馈派出单位) with the 000 two-recall rule; and the
 * cadre-file entry per person (grade, year, consequences).
 */
import type { AssessmentResult, ConsequenceTrigger, Grade, Policy, ResultRow } from '../model';
import { aftermathOf } from '../policy/aftermath';
import { consequencesFor, gradeDate, periodOf, recallDate, type Recall } from './consequences';
import { dayWords } from './dates';

/** One line of a 奖惩意见. */
export interface AwardItem {
  text: string;
  kind: 'reward' | 'sanction';
  /** what it follows */
  trigger: ConsequenceTrigger;
  cadreFile: boolean;
  /** last day in force, when it lasts beyond its year */
  until?: string;
}

/** A person's edit of their 奖惩意见 (the `awards` table): the lines that stand instead, and why. */
export interface AwardEdit {
  lines: string[];
  reason: string;
  by: string;
  at: string;
}

/** One secretary's 奖惩意见. */
export interface AwardLine {
  id: string;
  name: string;
  unit: string;
  village: string;
  category: string;
  grade: Grade;
  gradeLabel: string;
  /** the review meeting decided the grade */
  decided: boolean;
  recalls: Recall[];
  /** what the policy gives */
  generated: AwardItem[];
  /** the 奖惩意见 that stands: the generated one's words, or the edit's */
  lines: string[];
  edit?: AwardEdit;
  /** the lines that go into the cadre file */
  cadre: string[];
  /** to be decided, not a 奖惩意见: 不满意率超过召回线，应予召回 */
  notes: string[];
}

export const NO_UNIT = '（未填派出单位）';

/** An item in words: a recall's lines say so; a consequence that runs past its year says until when. */
export function itemWords(item: AwardItem): string {
  const tail = item.until ? `（至${dayWords(item.until)}）` : '';
  return `${item.trigger === 'recall' ? '因召回，' : ''}${item.text}${tail}`;
}

export interface AwardContext {
  year: number;
  approvedAt?: string | undefined;
  /** recall events by 编号 */
  recalls: ReadonlyMap<string, Recall[]>;
  /** edits by 编号 */
  edits: ReadonlyMap<string, AwardEdit>;
}

function generatedOf(row: ResultRow, policy: Policy, ctx: AwardContext, recalls: readonly Recall[]): AwardItem[] {
  const items: AwardItem[] = [];
  const add = (trigger: ConsequenceTrigger, from: string) => {
    for (const c of consequencesFor(policy, trigger, row.secretary.mode)) {
      const item: AwardItem = { text: c.text, kind: c.kind, trigger, cadreFile: c.cadreFile };
      if (c.years > 0) item.until = periodOf(c, from).until;
      items.push(item);
    }
  };
  if (row.grade !== 'pending') add(row.grade, gradeDate(ctx.year, ctx.approvedAt));
  for (const r of recalls) add('recall', recallDate(ctx.year, r));
  return items;
}

/** Every secretary's 奖惩意见, in the order of the results (category, rank). */
export function awardLines(result: AssessmentResult, policy: Policy, ctx: AwardContext): AwardLine[] {
  const lines: AwardLine[] = [];
  for (const c of result.categories) {
    for (const row of c.rows) {
      const recalls = ctx.recalls.get(row.id) ?? [];
      const generated = generatedOf(row, policy, ctx, recalls);
      const edit = ctx.edits.get(row.id);
      const notes: string[] = [];
      if (row.grade === 'pending') notes.push(`等次${policy.labels.pending}，暂不提出奖惩意见`);
      if (row.flags.includes('recall') && !recalls.length) notes.push('不满意率超过召回线，应予召回，请研究决定');
      const line: AwardLine = {
        id: row.id,
        name: row.secretary.name,
        unit: row.secretary.unit || NO_UNIT,
        village: [row.secretary.town, row.secretary.village].filter(Boolean).join(' '),
        category: c.label,
        grade: row.grade,
        gradeLabel: policy.labels[row.grade],
        decided: !!row.decision,
        recalls,
        generated,
        lines: edit ? edit.lines : generated.map(itemWords),
        cadre: edit ? edit.lines : generated.filter((i) => i.cadreFile).map(itemWords),
        notes,
      };
      if (edit) line.edit = edit;
      lines.push(line);
    }
  }
  return lines;
}

/** What one 派出单位 is told (002: 反馈派出单位), and the 000 rule on its recalls. */
export interface UnitFeedback {
  unit: string;
  lines: AwardLine[];
  /** recalls of its secretaries in the year */
  recalls: number;
  /** seed 000: recalled this often in one year → the rule's words */
  flag: string | null;
}

export function unitFeedback(lines: readonly AwardLine[], policy: Policy, year: number): UnitFeedback[] {
  const rule = aftermathOf(policy).unitRecalls;
  const byUnit = new Map<string, AwardLine[]>();
  for (const l of lines) byUnit.set(l.unit, [...(byUnit.get(l.unit) ?? []), l]);
  return [...byUnit]
    .sort(([a], [b]) => (a === NO_UNIT ? 1 : b === NO_UNIT ? -1 : a.localeCompare(b, 'zh-CN')))
    .map(([unit, list]) => {
      const recalls = list.reduce((n, l) => n + l.recalls.length, 0);
      const flag =
        rule && unit !== NO_UNIT && recalls >= rule.atLeast
          ? `${year}年度本单位选派的第一书记被召回${recalls}次（一年内${rule.atLeast}次及以上）：${rule.text}`
          : null;
      return { unit, lines: list, recalls, flag };
    });
}

/** The 报市委审批 summary: how many of each grade, and who gets each 奖惩意见. */
export interface ApprovalSummary {
  total: number;
  grades: { grade: Grade; label: string; names: string[] }[];
  /** each 奖惩意见 line that stands, with the secretaries it is for */
  items: { text: string; kind: 'reward' | 'sanction' | 'edited'; names: string[] }[];
  recalled: string[];
  edited: string[];
  units: UnitFeedback[];
}

export function approvalSummary(lines: readonly AwardLine[], policy: Policy, year: number): ApprovalSummary {
  const order: Grade[] = ['excellent', 'good', 'competent', 'basic', 'incompetent', 'pending'];
  const grades = order
    .map((grade) => ({ grade, label: policy.labels[grade], names: lines.filter((l) => l.grade === grade).map((l) => l.name) }))
    .filter((g) => g.names.length);
  const items = new Map<string, { text: string; kind: 'reward' | 'sanction' | 'edited'; names: string[] }>();
  for (const l of lines) {
    const kinds = new Map(l.generated.map((i) => [itemWords(i), i.kind]));
    for (const text of l.lines) {
      const entry = items.get(text) ?? { text, kind: l.edit ? 'edited' : (kinds.get(text) ?? 'edited'), names: [] };
      entry.names.push(l.name);
      items.set(text, entry);
    }
  }
  return {
    total: lines.length,
    grades,
    items: [...items.values()],
    recalled: lines.filter((l) => l.recalls.length).map((l) => l.name),
    edited: lines.filter((l) => l.edit).map((l) => l.name),
    units: unitFeedback(lines, policy, year).filter((u) => u.flag),
  };
}
