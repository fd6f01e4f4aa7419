/** PrintData from what the method reads and computes, plus what the documents name. */
import { rubricFor } from '../../../../shared/method/compute';
import type { AssessmentInput } from '../../../../shared/method/input';
import type { AssessmentResult, Policy, ResultRow } from '../../../../shared/model';
import { approvalSummary, awardLines, unitFeedback, type AwardEdit, type Recall, type TermSheet } from '../../../../shared/people';
import type { AftermathData, EvidenceLine, PrintData } from './model';

export interface PrintMeta {
  assessment: PrintData['assessment'];
  printDate: string;
  locked?: boolean;
  auditHead?: string;
  evidence?: Record<string, EvidenceLine[]>;
  ballotCopies?: PrintData['ballotCopies'];
  /** 审批日期 (YYYY-MM-DD): the grades' consequences run from it */
  approvedAt?: string;
  /** the 奖惩意见 as edited after the meeting, by 编号 */
  awardEdits?: ReadonlyMap<string, AwardEdit>;
  notice?: PrintData['notice'];
  groups?: PrintData['groups'];
  /** the 期满考核表's secretaries (the app reads them from every assessment) */
  terms?: TermSheet[];
}

export function policyOf(policy: Pick<Policy, 'name' | 'labels' | 'bands'>): PrintData['policy'] {
  return { name: policy.name, labels: policy.labels, bands: policy.bands };
}

export function printDataOf(input: AssessmentInput | null, result: AssessmentResult, policy: Policy, meta: PrintMeta): PrintData {
  const data: PrintData = { assessment: meta.assessment, policy: policyOf(policy), result, printDate: meta.printDate };
  if (input) {
    data.rubric = input.rubric;
    const community = input.secretaries.filter((s) => rubricFor(s, input) !== input.rubric);
    if (input.communityRubric && community.length) {
      data.communityRubric = input.communityRubric;
      data.communityIds = community.map((s) => s.id);
    }
    data.itemInputs = Object.fromEntries(input.itemScores.map((s) => [s.id, s.inputs]));
  }
  data.aftermath = aftermathData(input, result, policy, meta);
  if (meta.locked !== undefined) data.locked = meta.locked;
  if (meta.auditHead) data.auditHead = meta.auditHead;
  if (meta.evidence) data.evidence = meta.evidence;
  if (meta.ballotCopies) data.ballotCopies = meta.ballotCopies;
  if (meta.notice) data.notice = meta.notice;
  if (meta.groups) data.groups = meta.groups;
  return data;
}

/** 奖惩意见, the feedback per 派出单位 and the summary for approval: recalls are the input's `recall` events. */
export function aftermathData(input: AssessmentInput | null, result: AssessmentResult, policy: Policy, meta: PrintMeta): AftermathData {
  const recalls = new Map<string, Recall[]>();
  for (const e of input?.events ?? []) {
    if (e.kind !== 'recall') continue;
    const list = recalls.get(e.id) ?? [];
    list.push({ date: e.date, note: e.note });
    recalls.set(e.id, list);
  }
  const year = meta.assessment.year;
  const awards = awardLines(result, policy, { year, approvedAt: meta.approvedAt, recalls, edits: meta.awardEdits ?? new Map() });
  const data: AftermathData = { awards, units: unitFeedback(awards, policy, year), summary: approvalSummary(awards, policy, year) };
  if (meta.terms) data.terms = meta.terms;
  if (meta.approvedAt) data.approvedAt = meta.approvedAt;
  return data;
}

/** Evidence checklist lines by secretary, from the database's evidence records. */
export function evidenceById(records: readonly ({ id: string } & EvidenceLine)[]): Record<string, EvidenceLine[]> {
  const out: Record<string, EvidenceLine[]> = {};
  for (const { id, itemCode, kind, status } of records) (out[id] ??= []).push({ itemCode, kind, status });
  return out;
}

/** Which secretaries a print covers; '' is all (one secretary: the per-secretary prints only). */
export interface PrintFilter {
  category: string;
  town: string;
  id: string;
}

export const ALL: PrintFilter = { category: '', town: '', id: '' };

export function matches(filter: PrintFilter, categoryKey: string, row: ResultRow): boolean {
  return (!filter.category || filter.category === categoryKey) && (!filter.town || filter.town === row.secretary.town) && (!filter.id || filter.id === row.id);
}

/** The data with only the filter's secretaries (categories keep their size, rank and quotas), and what it covers in words. */
export function selectRows(data: PrintData, filter: PrintFilter): PrintData {
  if (!filter.category && !filter.town && !filter.id) return data;
  const categories = data.result.categories.map((c) => ({ ...c, rows: c.rows.filter((r) => matches(filter, c.key, r)) })).filter((c) => c.rows.length > 0);
  const label = data.result.categories.find((c) => c.key === filter.category)?.label;
  const scope = [label ? `类别：${label}` : '', filter.town ? `所在镇街：${filter.town}` : ''].filter(Boolean).join('；');
  return { ...data, result: { ...data.result, categories }, ...(scope ? { scope } : {}) };
}

/** The words under a narrowed list's title: what it covers, and that ranks and quotas are the whole category's. */
export const scopeLine = (scope: string, note = '名次、人数和名额按全类别计'): string => `本表范围：${scope}（${note}）`;
