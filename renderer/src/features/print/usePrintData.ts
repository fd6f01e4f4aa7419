/** An assessment's PrintData from the database: the live result, its evidence checklists, lock state and audit head. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { useAssessment } from '../../data/assessment';
import { db } from '../../db/db';
import { awardEditsOf, readTermSheets } from '../../db/people';
import { useResult } from '../../data/result';
import { evidenceById, printDataOf, type PrintMeta } from './data';
import { todayIso } from './format';
import { groupOf } from '../../../../shared/field';
import type { AssessmentGroup, Secretary } from '../../../../shared/model';
import type { AssignmentRecord } from '../../db/schema';

/** Each secretary's 考核组 name: assigned, else 第十九条's default. */
function groupNames(secretaries: readonly Secretary[], assignments: readonly AssignmentRecord[], groups: readonly AssessmentGroup[]): Record<string, string> {
  const byId = new Map(assignments.map((a) => [a.id, a]));
  return Object.fromEntries(
    secretaries.flatMap((s) => {
      const g = groupOf(s, byId.get(s.id), groups);
      return g ? [[s.id, g.name]] : [];
    }),
  );
}
import type { PrintData } from './model';

export type PrintDataState = { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; data: PrintData };

export function usePrintData(assessmentId: string): PrintDataState {
  const assessment = useAssessment(assessmentId);
  const state = useResult(assessmentId);
  const extra = useLiveQuery(async () => {
    const [evidence, last, awardEdits, assignments] = await Promise.all([
      db.evidence.where('assessmentId').equals(assessmentId).toArray(),
      db.audit.where('assessmentId').equals(assessmentId).last(),
      awardEditsOf(db, assessmentId),
      db.assignments.where('assessmentId').equals(assessmentId).toArray(),
    ]);
    const a = await db.assessments.get(assessmentId);
    const terms = a ? await readTermSheets(db, a) : [];
    return { evidence: evidenceById(evidence), auditHead: last?.hash, awardEdits, assignments, terms };
  }, [assessmentId]);
  const printDate = useMemo(() => todayIso(), []);
  return useMemo((): PrintDataState => {
    if (state.status === 'missing') return { status: 'failed', message: '找不到该考核。' };
    if (state.status !== 'ready') return state;
    if (!assessment || !extra) return { status: 'loading' };
    const { name, year, region, locked, policy } = assessment;
    const meta: PrintMeta = {
      assessment: { name, year, region },
      printDate,
      locked,
      evidence: extra.evidence,
      awardEdits: extra.awardEdits,
      terms: extra.terms,
    };
    if (extra.auditHead) meta.auditHead = extra.auditHead;
    if (assessment.notice) meta.notice = assessment.notice;
    if (assessment.approvedAt) meta.approvedAt = assessment.approvedAt;
    if (assessment.groups?.length && state.input) meta.groups = groupNames(state.input.secretaries, extra.assignments, assessment.groups);
    return { status: 'ready', data: printDataOf(state.input, state.result, policy, meta) };
  }, [state, assessment, extra, printDate]);
}
