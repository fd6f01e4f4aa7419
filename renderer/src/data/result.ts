/**
 * The assessment's result, recomputed by the method whenever its data changes: the one live
 * result of every screen. Components showing the same assessment share one reading of its
 * data and one computation (the results page, its 定稿 dialog and its warnings panel would
 * otherwise each load ten thousand secretaries and compute them again); the watch stops
 * when the last of them is gone.
 */
import { liveQuery, type Subscription } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import { computeAssessment } from '../../../shared/method';
import type { AssessmentInput } from '../../../shared/method/input';
import type { AssessmentResult } from '../../../shared/model';
import { db } from '../db/db';
import { loadAssessmentInput } from '../db/load-input';

export type ResultState =
  { status: 'loading' } | { status: 'missing' } | { status: 'failed'; message: string } | { status: 'ready'; input: AssessmentInput; result: AssessmentResult };

const LOADING: ResultState = { status: 'loading' };
const FAILED: ResultState = { status: 'failed', message: '结果无法计算，请检查名册、评分和测评数据是否完整。' };

function resultOf(input: AssessmentInput | null): ResultState {
  if (input === null) return { status: 'missing' };
  try {
    return { status: 'ready', input, result: computeAssessment(input) };
  } catch (e) {
    console.error(e);
    return FAILED;
  }
}

interface Watch {
  state: ResultState;
  listeners: Set<() => void>;
  subscription?: Subscription;
}

const watches = new Map<string, Watch>();

function watch(assessmentId: string, listener: () => void): () => void {
  let w = watches.get(assessmentId);
  if (!w) {
    const created: Watch = { state: LOADING, listeners: new Set() };
    const changed = (state: ResultState) => {
      created.state = state;
      for (const l of created.listeners) l();
    };
    created.subscription = liveQuery(async () => ((await db.assessments.get(assessmentId)) ? loadAssessmentInput(db, assessmentId) : null)).subscribe({
      next: (input) => changed(resultOf(input)),
      error: (e: unknown) => {
        console.error(e);
        changed(FAILED);
      },
    });
    watches.set(assessmentId, created);
    w = created;
  }
  const watching = w;
  watching.listeners.add(listener);
  return () => {
    watching.listeners.delete(listener);
    if (watching.listeners.size) return;
    watching.subscription?.unsubscribe();
    if (watches.get(assessmentId) === watching) watches.delete(assessmentId);
  };
}

export function useResult(assessmentId: string): ResultState {
  const subscribe = useCallback((listener: () => void) => watch(assessmentId, listener), [assessmentId]);
  return useSyncExternalStore(subscribe, () => watches.get(assessmentId)?.state ?? LOADING);
}
