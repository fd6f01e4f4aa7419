/** People across years and what follows the review meeting, live from the database (docs/method.md §10–§13). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import type { Policy } from '../../../shared/model';
import {
  awardLines,
  personView,
  proposalsFor,
  statusOf,
  unitFeedback,
  type AwardLine,
  type NodeStatus,
  type PersonView,
  type Proposal,
  type UnitFeedback,
} from '../../../shared/people';
import { db } from '../db/db';
import { awardEditsOf, historyTables, readCarried, readHistory, recallsById, type Carried } from '../db/people';
import type { AssessmentRecord } from '../db/schema';
import { useResult } from './result';

/** What the secretaries of an assessment carry from earlier years (all consequences in force, not only those that block 优秀). */
export function useCarried(assessment: AssessmentRecord | null | undefined): Carried | undefined {
  return useLiveQuery(async () => {
    if (!assessment) return { lines: [], blocks: [] };
    return db.transaction('r', historyTables(db), () => readCarried(db, assessment));
  }, [assessment?.id, assessment?.year, assessment?.locked]);
}

export type AwardsState =
  { status: 'loading' } | { status: 'failed'; message: string } | { status: 'ready'; lines: AwardLine[]; units: UnitFeedback[]; policy: Policy };

/** The 奖惩意见 of an assessment: generated from the live result, the year's recalls and the policy, with the edits people made. */
export function useAwards(assessment: AssessmentRecord): AwardsState {
  const state = useResult(assessment.id);
  const edits = useLiveQuery(() => awardEditsOf(db, assessment.id), [assessment.id]);
  return useMemo((): AwardsState => {
    if (state.status === 'missing') return { status: 'failed', message: '找不到该考核。' };
    if (state.status !== 'ready' || !edits) return state.status === 'failed' ? state : { status: 'loading' };
    const policy = assessment.policy;
    const lines = awardLines(state.result, policy, {
      year: assessment.year,
      approvedAt: assessment.approvedAt,
      recalls: recallsById(state.input.events),
      edits,
    });
    return { status: 'ready', lines, units: unitFeedback(lines, policy, assessment.year), policy };
  }, [state, edits, assessment]);
}

export interface PersonPageData {
  view: PersonView;
  status: NodeStatus;
  proposals: Proposal[];
  /** the assessments by id, for names */
  names: Map<string, string>;
}

/** One secretary of an assessment as a person across years; null when there is no such secretary. */
export function usePerson(assessment: AssessmentRecord, id: string): PersonPageData | null | undefined {
  return useLiveQuery(
    () =>
      db.transaction('r', historyTables(db), async () => {
        const history = await readHistory(db);
        const node = history.nodes.find((n) => n.assessmentId === assessment.id && n.id === id);
        if (!node) return null;
        const view = personView(node, history.people, history.years, assessment.policy, history.evaluations);
        if (!view) return null;
        const link = history.links.find((l) => l.assessmentId === assessment.id && l.id === id);
        return {
          view,
          status: statusOf(node, history.people, link),
          proposals: proposalsFor(node, history.people),
          names: new Map(history.assessments.map((a) => [a.id, `${a.year}年度 ${a.name}`])),
        };
      }),
    [assessment.id, assessment.policy, id],
  );
}
