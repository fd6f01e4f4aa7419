/**
 * The assessment's result, recomputed by the method whenever its data changes: the one live
 * result of every screen. Components showing the same assessment share one reading of its
 * data and one computation (the results page, its 定稿 dialog and its warnings panel would
 * otherwise each load ten thousand secretaries and compute them again), with the
 * acknowledgments of its warnings read alongside, so a warnings panel appears with the
 * results, not after them (the page does not jump under the reader). The watch stops
 * when the last of them is gone — not before the next task, so a screen replacing another
 * that showed the same assessment starts with its result instead of reading it again.
 */
import { liveQuery, type Subscription } from 'dexie';
import { useCallback, useSyncExternalStore } from 'react';
import { computeAssessment } from '../../../shared/method';
import type { AssessmentInput } from '../../../shared/method/input';
import type { AssessmentResult } from '../../../shared/model';
import { db } from '../db/db';
import { loadAssessmentInput } from '../db/load-input';
import type { WarningAckRecord } from '../db/schema';

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

/** What the screens of an assessment share: its result and its warnings' acknowledgments (undefined while reading). */
export interface Watched {
  state: ResultState;
  acks?: WarningAckRecord[];
}

const READING: Watched = { state: LOADING };

interface Watch {
  watched: Watched;
  listeners: Set<() => void>;
  subscriptions: Subscription[];
}

const watches = new Map<string, Watch>();

function watch(assessmentId: string, listener: () => void): () => void {
  let w = watches.get(assessmentId);
  if (!w) {
    const created: Watch = { watched: READING, listeners: new Set(), subscriptions: [] };
    // shown once both are read; then each changes on its own (an acknowledgment computes nothing again)
    let state: ResultState | undefined;
    let acks: WarningAckRecord[] | undefined;
    const changed = () => {
      if (!state || !acks) return;
      created.watched = { state, acks };
      for (const l of created.listeners) l();
    };
    const failed = (e: unknown) => {
      console.error(e);
      state = FAILED;
      acks ??= [];
      changed();
    };
    created.subscriptions = [
      liveQuery(async () => ((await db.assessments.get(assessmentId)) ? loadAssessmentInput(db, assessmentId) : null)).subscribe({
        next: (input) => {
          state = resultOf(input);
          changed();
        },
        error: failed,
      }),
      liveQuery(() => db.warningAcks.where('assessmentId').equals(assessmentId).toArray()).subscribe({
        next: (rows) => {
          acks = rows;
          changed();
        },
        error: failed,
      }),
    ];
    watches.set(assessmentId, created);
    w = created;
  }
  const watching = w;
  watching.listeners.add(listener);
  return () => {
    watching.listeners.delete(listener);
    setTimeout(() => {
      if (watching.listeners.size) return;
      for (const s of watching.subscriptions) s.unsubscribe();
      if (watches.get(assessmentId) === watching) watches.delete(assessmentId);
    });
  };
}

/** The shared reading of an assessment (see above). */
export function useWatched(assessmentId: string): Watched {
  const subscribe = useCallback((listener: () => void) => watch(assessmentId, listener), [assessmentId]);
  return useSyncExternalStore(subscribe, () => watches.get(assessmentId)?.watched ?? READING);
}

export function useResult(assessmentId: string): ResultState {
  return useWatched(assessmentId).state;
}
