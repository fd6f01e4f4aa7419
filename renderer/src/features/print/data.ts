/** PrintData from what the method reads and computes, plus what the documents name. */
import type { AssessmentInput } from '../../../../shared/method/input';
import type { AssessmentResult, Policy } from '../../../../shared/model';
import type { EvidenceLine, PrintData } from './model';

export interface PrintMeta {
  assessment: PrintData['assessment'];
  printDate: string;
  locked?: boolean;
  auditHead?: string;
  evidence?: Record<string, EvidenceLine[]>;
  ballotCopies?: PrintData['ballotCopies'];
}

export function policyOf(policy: Pick<Policy, 'name' | 'labels' | 'bands'>): PrintData['policy'] {
  return { name: policy.name, labels: policy.labels, bands: policy.bands };
}

export function printDataOf(input: AssessmentInput | null, result: AssessmentResult, policy: Pick<Policy, 'name' | 'labels' | 'bands'>, meta: PrintMeta): PrintData {
  const data: PrintData = { assessment: meta.assessment, policy: policyOf(policy), result, printDate: meta.printDate };
  if (input) {
    data.rubric = input.rubric;
    data.itemInputs = Object.fromEntries(input.itemScores.map((s) => [s.id, s.inputs]));
  }
  if (meta.locked !== undefined) data.locked = meta.locked;
  if (meta.auditHead) data.auditHead = meta.auditHead;
  if (meta.evidence) data.evidence = meta.evidence;
  if (meta.ballotCopies) data.ballotCopies = meta.ballotCopies;
  return data;
}
