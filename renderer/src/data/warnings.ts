/** The plausibility warnings of an assessment's data as stored, each with its acknowledgment (live). */
import { useMemo } from 'react';
import { plausibilityWarnings, warningStatuses } from '../../../shared/method';
import type { AssessmentResult, PlausibilityWarning, WarningStatus } from '../../../shared/model';
import { useWatched } from './result';

/** the warnings of one computed result, worked out once for all the panels showing it */
const warningsOf = new WeakMap<AssessmentResult, PlausibilityWarning[]>();

/**
 * From the screens' shared result and acknowledgments (data/result.ts).
 * undefined while reading; [] when the assessment is gone, cannot be computed or raises none.
 * (Acknowledging recomputes the warning inside its own transaction: db/checks.ts.)
 */
export function useWarningStatuses(assessmentId: string): WarningStatus[] | undefined {
  const { state, acks } = useWatched(assessmentId);
  return useMemo(() => {
    if (state.status === 'loading' || !acks) return undefined;
    if (state.status !== 'ready') return [];
    let warnings = warningsOf.get(state.result);
    if (!warnings) warningsOf.set(state.result, (warnings = plausibilityWarnings(state.result, state.input.policy)));
    return warningStatuses(warnings, acks);
  }, [state, acks]);
}
