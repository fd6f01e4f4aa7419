/** PrintData from what the method reads and computes, plus what the documents name. */
import type { AssessmentInput } from '../../../../shared/method/input';
import type { AssessmentResult, Policy, ResultRow } from '../../../../shared/model';
import type { EvidenceLine, PrintData } from './model';

export interface PrintMeta {
  assessment: PrintData['assessment'];
  printDate: string;
  locked?: boolean;
  auditHead?: string;
  evidence?: Record<string, EvidenceLine[]>;
  ballotCopies?: PrintData['ballotCopies'];
  groups?: PrintData['groups'];
}

export function policyOf(policy: Pick<Policy, 'name' | 'labels' | 'bands'>): PrintData['policy'] {
  return { name: policy.name, labels: policy.labels, bands: policy.bands };
}

export function printDataOf(
  input: AssessmentInput | null,
  result: AssessmentResult,
  policy: Pick<Policy, 'name' | 'labels' | 'bands'>,
  meta: PrintMeta,
): PrintData {
  const data: PrintData = { assessment: meta.assessment, policy: policyOf(policy), result, printDate: meta.printDate };
  if (input) {
    data.rubric = input.rubric;
    data.itemInputs = Object.fromEntries(input.itemScores.map((s) => [s.id, s.inputs]));
  }
  if (meta.locked !== undefined) data.locked = meta.locked;
  if (meta.auditHead) data.auditHead = meta.auditHead;
  if (meta.evidence) data.evidence = meta.evidence;
  if (meta.ballotCopies) data.ballotCopies = meta.ballotCopies;
  if (meta.groups) data.groups = meta.groups;
  return data;
}

/** Evidence checklist lines by secretary, from the database's evidence records. */
export function evidenceById(records: readonly ({ id: string } & EvidenceLine)[]): Record<string, EvidenceLine[]> {
  const out: Record<string, EvidenceLine[]> = {};
  for (const { id, itemCode, kind, status } of records) (out[id] ??= []).push({ itemCode, kind, status });
  return out;
}

/** Which secretaries a per-secretary print covers; '' is all. */
export interface PrintFilter {
  category: string;
  town: string;
  id: string;
}

export const ALL: PrintFilter = { category: '', town: '', id: '' };

export function matches(filter: PrintFilter, categoryKey: string, row: ResultRow): boolean {
  return (!filter.category || filter.category === categoryKey) && (!filter.town || filter.town === row.secretary.town) && (!filter.id || filter.id === row.id);
}

/** The data with only the filter's secretaries (categories keep their size, rank and quotas). */
export function selectRows(data: PrintData, filter: PrintFilter): PrintData {
  if (!filter.category && !filter.town && !filter.id) return data;
  const categories = data.result.categories.map((c) => ({ ...c, rows: c.rows.filter((r) => matches(filter, c.key, r)) })).filter((c) => c.rows.length > 0);
  return { ...data, result: { ...data.result, categories } };
}
