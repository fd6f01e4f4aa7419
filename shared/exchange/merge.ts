/**
 * Merging a package into this laptop's data, planned purely. Each unit (units.ts) of
 * the package is new here (added), the same here (ignored), or different here (a
 * conflict, for a person to keep mine or take theirs). Nothing is overwritten without
 * a choice, nothing is summed, and what this laptop alone holds stays. So merging the
 * same package twice changes nothing, and merging A then B gives the data of B then A
 * (with the same choices).
 *
 *   const plan = planMerge(localOrNull, packaged.data);
 *   const merged = mergeData(plan, { 'tally|S1': 'theirs' });
 */
import type { AssessmentData, AssessmentRow } from './types';
import { dataOf, UNIT_KINDS, unitsOf, type Unit, type UnitKind } from './units';

export interface Conflict {
  key: string;
  kind: UnitKind;
  secretaryId: string | null;
  mine: Unit;
  theirs: Unit;
}

export interface MergePlan {
  assessmentId: string;
  /** the assessment is not on this laptop: the package creates it */
  creates: boolean;
  /** this laptop's units (empty when it creates) */
  local: ReadonlyMap<string, Unit>;
  /** the assessment row the merged data starts from: this laptop's, or the package's */
  base: AssessmentRow;
  added: Unit[];
  identical: Unit[];
  conflicts: Conflict[];
}

export type Choice = 'mine' | 'theirs';
export type Choices = Readonly<Record<string, Choice | undefined>>;

const byKey = (a: { key: string }, b: { key: string }) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0);

export function planMerge(local: AssessmentData | null, theirs: AssessmentData): MergePlan {
  const mine = local ? unitsOf(local) : new Map<string, Unit>();
  const plan: MergePlan = {
    assessmentId: theirs.assessment.id,
    creates: local === null,
    local: mine,
    base: local?.assessment ?? theirs.assessment,
    added: [],
    identical: [],
    conflicts: [],
  };
  for (const unit of unitsOf(theirs).values()) {
    const own = mine.get(unit.key);
    if (!own) plan.added.push(unit);
    else if (own.fingerprint === unit.fingerprint) plan.identical.push(unit);
    else plan.conflicts.push({ key: unit.key, kind: unit.kind, secretaryId: unit.secretaryId, mine: own, theirs: unit });
  }
  plan.added.sort(byKey);
  plan.identical.sort(byKey);
  plan.conflicts.sort(byKey);
  return plan;
}

/** Conflicts without a choice yet. */
export function unresolved(plan: MergePlan, choices: Choices): Conflict[] {
  return plan.conflicts.filter((c) => choices[c.key] !== 'mine' && choices[c.key] !== 'theirs');
}

/** The package's units to write: everything added and every conflict taken from the package. */
export function unitsToWrite(plan: MergePlan, choices: Choices): Unit[] {
  const open = unresolved(plan, choices);
  if (open.length) throw new Error(`merge: ${open.length} conflicts without a choice`);
  return [...plan.added, ...plan.conflicts.filter((c) => choices[c.key] === 'theirs').map((c) => c.theirs)].sort(byKey);
}

/** This laptop's data after the merge. */
export function mergeData(plan: MergePlan, choices: Choices): AssessmentData {
  const units = new Map(plan.local);
  for (const unit of unitsToWrite(plan, choices)) units.set(unit.key, unit);
  return dataOf(plan.base, units.values());
}

export interface KindCounts {
  added: number;
  identical: number;
  conflicts: number;
}

/** How many units of each kind are new, the same and in conflict (the settings not counted). */
export function countsByKind(plan: MergePlan): Record<UnitKind, KindCounts> {
  const counts = Object.fromEntries(UNIT_KINDS.map((k) => [k, { added: 0, identical: 0, conflicts: 0 }])) as Record<UnitKind, KindCounts>;
  for (const u of plan.added) counts[u.kind].added++;
  for (const u of plan.identical) counts[u.kind].identical++;
  for (const c of plan.conflicts) counts[c.kind].conflicts++;
  return counts;
}

/** Nothing would change: no unit new, no conflict. */
export const isNoop = (plan: MergePlan) => plan.added.length === 0 && plan.conflicts.length === 0;
