/**
 * Merging a package into this laptop's data, planned purely. Each unit (units.ts) of
 * the package is new here (added), the same here (ignored), or different here (a
 * conflict, for a person to keep mine or take theirs). Nothing is overwritten without
 * a choice, nothing is summed, and what this laptop alone holds stays. So merging the
 * same package twice changes nothing, and merging A then B gives the data of B then A
 * (with the same choices).
 *
 * Deletions travel as tombstones (a unit's key and the digest of its content when it was
 * deleted, types.ts TombstoneRow):
 *   - a unit of the package that was deleted here, as it is, is not added back (已删除);
 *   - a unit of the package where this laptop deleted another version of it is a
 *     conflict (本机已删除 / 对方有修改), unless the package knows of that deletion;
 *   - a tombstone of the package that names this laptop's unit as it is deletes it
 *     (对方已删除); one that names another version is a conflict (本机有修改 / 对方已删除);
 *   - tombstones are kept and passed on; of two for the same content the earlier stays.
 * A tombstone acts once, when it arrives; content entered again after its deletion on the
 * same laptop is deleted again when that deletion comes back from another laptop (the
 * deletion wins, on every laptop alike). Choosing a deletion in a conflict is a deletion
 * too: it leaves a tombstone of the content not kept, stamped with the merge's audit entry.
 *
 *   const plan = planMerge(localOrNull, packaged.data);
 *   const merged = mergeData(plan, { 'tally|S1': 'theirs' }, stamp);
 */
import { sha256Hex } from '../digest';
import { byText, sortRows } from './canonical';
import type { AssessmentData, AssessmentRow, TombstoneRow } from './types';
import { dataOf, UNIT_KINDS, unitsOf, type Unit, type UnitKind } from './units';

export interface Conflict {
  key: string;
  kind: UnitKind;
  secretaryId: string | null;
  /** this laptop's unit; null when it was deleted here (`deletion` says when and by whom) */
  mine: Unit | null;
  /** the package's unit; null when it was deleted there */
  theirs: Unit | null;
  /** the deletion of one side, when a side is deleted */
  deletion?: TombstoneRow;
}

/** A unit and the tombstone that deletes it. */
export interface Deletion {
  unit: Unit;
  tombstone: TombstoneRow;
}

export interface MergePlan {
  assessmentId: string;
  /** the assessment is not on this laptop: the package creates it */
  creates: boolean;
  /** this laptop's units (empty when it creates) */
  local: ReadonlyMap<string, Unit>;
  /** this laptop's tombstones */
  localTombstones: readonly TombstoneRow[];
  /** the assessment row the merged data starts from: this laptop's, or the package's */
  base: AssessmentRow;
  added: Unit[];
  identical: Unit[];
  conflicts: Conflict[];
  /** the package's units that were deleted here as they are: not added back (已删除) */
  deletedHere: Deletion[];
  /** this laptop's units the package deleted as they are here: removed (对方已删除) */
  deletedThere: Deletion[];
  /** the package's tombstones to keep: new here, or earlier than this laptop's of the same content */
  tombstones: TombstoneRow[];
}

export type Choice = 'mine' | 'theirs';
export type Choices = Readonly<Record<string, Choice | undefined>>;

/** Who deleted, when and in which audit entry: the stamp of tombstones a merge leaves. */
export interface DeletionStamp {
  at: string;
  operator: string;
  auditHash: string;
}

const byKey = (a: { key: string }, b: { key: string }) => byText(a.key, b.key);

/** The digest a tombstone keeps of a unit's content. */
export const unitDigest = (unit: Pick<Unit, 'fingerprint'>): string => sha256Hex(unit.fingerprint);

/** Identity of a tombstone: the unit and the content deleted. */
export const tombstoneId = (t: Pick<TombstoneRow, 'key' | 'fingerprint'>) => `${t.key}\u0000${t.fingerprint}`;

/** Of two tombstones of the same content, the one kept everywhere is the earlier (then the smaller hash): whether `a` goes before `b`. */
export const isEarlier = (a: TombstoneRow, b: TombstoneRow) => a.at < b.at || (a.at === b.at && a.auditHash < b.auditHash);

function groupByKey(tombstones: readonly TombstoneRow[]): Map<string, TombstoneRow[]> {
  const groups = new Map<string, TombstoneRow[]>();
  for (const t of tombstones) {
    const list = groups.get(t.key);
    if (list) list.push(t);
    else groups.set(t.key, [t]);
  }
  return groups;
}

export function planMerge(local: AssessmentData | null, theirs: AssessmentData): MergePlan {
  const mine = local ? unitsOf(local) : new Map<string, Unit>();
  const incomingUnits = unitsOf(theirs);
  const localTombstones = local?.tombstones ?? [];
  const plan: MergePlan = {
    assessmentId: theirs.assessment.id,
    creates: local === null,
    local: mine,
    localTombstones,
    base: local?.assessment ?? theirs.assessment,
    added: [],
    identical: [],
    conflicts: [],
    deletedHere: [],
    deletedThere: [],
    tombstones: [],
  };
  const digests = new Map<Unit, string>();
  const digest = (u: Unit) => digests.get(u) ?? (digests.set(u, unitDigest(u)), digests.get(u)!);
  // a tombstone of content alive here again (entered again after the deletion) has no effect here:
  // the same deletion arriving from elsewhere deletes it again, as on every other laptop
  const known = new Map(
    localTombstones
      .filter((t) => {
        const unit = mine.get(t.key);
        return !unit || digest(unit) !== t.fingerprint;
      })
      .map((t) => [tombstoneId(t), t]),
  );
  // a tombstone of content the package holds again was entered again there after the deletion: it does not act
  const incoming = theirs.tombstones.filter((t) => {
    const unit = incomingUnits.get(t.key);
    return !unit || digest(unit) !== t.fingerprint;
  });
  const fresh = incoming.filter((t) => !known.has(tombstoneId(t)));
  const held = new Map(localTombstones.map((t) => [tombstoneId(t), t]));
  plan.tombstones = incoming.filter((t) => {
    const own = held.get(tombstoneId(t));
    return !own || isEarlier(t, own);
  });
  const here = groupByKey(localTombstones);
  const there = groupByKey(incoming);
  const freshThere = groupByKey(fresh);

  for (const unit of incomingUnits.values()) {
    const own = mine.get(unit.key);
    if (own && own.fingerprint === unit.fingerprint) {
      plan.identical.push(unit);
      continue;
    }
    const deadHere = here.get(unit.key)?.find((t) => t.fingerprint === digest(unit));
    const ownDeadThere = own ? freshThere.get(unit.key)?.find((t) => t.fingerprint === digest(own)) : undefined;
    const conflict = (mineSide: Unit | null, deletion?: TombstoneRow) =>
      plan.conflicts.push({ key: unit.key, kind: unit.kind, secretaryId: unit.secretaryId, mine: mineSide, theirs: unit, ...(deletion ? { deletion } : {}) });
    if (deadHere && ownDeadThere) conflict(own!);
    else if (deadHere) plan.deletedHere.push({ unit, tombstone: deadHere });
    else if (own && ownDeadThere) {
      // deleted there as it is here, and entered anew: the deletion and the new unit both arrive
      plan.deletedThere.push({ unit: own, tombstone: ownDeadThere });
      plan.added.push(unit);
    } else if (own) conflict(own);
    else {
      // deleted here in a version the package does not know was deleted: a person decides
      const unknown = here.get(unit.key)?.find((t) => !there.get(unit.key)?.some((r) => r.fingerprint === t.fingerprint));
      if (unknown) conflict(null, unknown);
      else plan.added.push(unit);
    }
  }

  for (const [key, tombstones] of freshThere) {
    const own = mine.get(key);
    if (!own || incomingUnits.has(key)) continue;
    const hit = tombstones.find((t) => t.fingerprint === digest(own));
    if (hit) plan.deletedThere.push({ unit: own, tombstone: hit });
    else if (!there.get(key)!.some((t) => t.fingerprint === digest(own))) {
      plan.conflicts.push({ key, kind: own.kind, secretaryId: own.secretaryId, mine: own, theirs: null, deletion: tombstones[0]! });
    }
  }

  plan.added.sort(byKey);
  plan.identical.sort(byKey);
  plan.conflicts.sort(byKey);
  plan.deletedHere.sort((a, b) => byKey(a.unit, b.unit));
  plan.deletedThere.sort((a, b) => byKey(a.unit, b.unit));
  return plan;
}

/** Conflicts without a choice yet. */
export function unresolved(plan: MergePlan, choices: Choices): Conflict[] {
  return plan.conflicts.filter((c) => choices[c.key] !== 'mine' && choices[c.key] !== 'theirs');
}

/** What a merge does to this laptop's data, with a choice for every conflict. */
export interface MergeChanges {
  /** the package's units to write (added, or taken in a conflict) */
  write: Unit[];
  /** this laptop's units to remove (deleted there, or the deletion taken in a conflict) */
  remove: Unit[];
  /** tombstones to keep: the package's new ones and those of deletions chosen in conflicts */
  tombstones: TombstoneRow[];
}

/** The deletions chosen in conflicts: the content not kept, as tombstones stamped with the merge. */
function chosenDeletions(plan: MergePlan, choices: Choices, stamp: DeletionStamp): TombstoneRow[] {
  const out: TombstoneRow[] = [];
  for (const c of plan.conflicts) {
    const choice = choices[c.key];
    const dropped = c.mine === null && choice === 'mine' ? c.theirs : c.theirs === null && choice === 'theirs' ? c.mine : null;
    if (dropped && dropped.secretaryId !== null) {
      out.push({ assessmentId: plan.assessmentId, id: dropped.secretaryId, key: c.key, fingerprint: unitDigest(dropped), ...stamp });
    }
  }
  return out;
}

export function mergeChanges(plan: MergePlan, choices: Choices, stamp: DeletionStamp): MergeChanges {
  const open = unresolved(plan, choices);
  if (open.length) throw new Error(`merge: ${open.length} conflicts without a choice`);
  const taken = plan.conflicts.filter((c) => choices[c.key] === 'theirs');
  const write = [...plan.added, ...taken.flatMap((c) => (c.theirs ? [c.theirs] : []))].sort(byKey);
  const remove = [...plan.deletedThere.map((d) => d.unit), ...taken.flatMap((c) => (c.theirs ? [] : [c.mine!]))].sort(byKey);
  const byId = new Map<string, TombstoneRow>();
  const held = new Map(plan.localTombstones.map((t) => [tombstoneId(t), t]));
  for (const t of [...plan.tombstones, ...chosenDeletions(plan, choices, stamp)]) {
    const id = tombstoneId(t);
    const other = byId.get(id) ?? held.get(id);
    if (!other || isEarlier(t, other)) byId.set(id, t);
  }
  return { write, remove, tombstones: sortRows('tombstones', [...byId.values()]) };
}

/** The package's units to write: everything added and every conflict taken from the package. */
export function unitsToWrite(plan: MergePlan, choices: Choices): Unit[] {
  return mergeChanges(plan, choices, { at: '', operator: '', auditHash: '' }).write;
}

/** This laptop's data after the merge. */
export function mergeData(plan: MergePlan, choices: Choices, stamp: DeletionStamp = { at: '', operator: '', auditHash: '' }): AssessmentData {
  const changes = mergeChanges(plan, choices, stamp);
  const units = new Map(plan.local);
  for (const unit of changes.remove) units.delete(unit.key);
  for (const unit of changes.write) units.set(unit.key, unit);
  const data = dataOf(plan.base, units.values());
  const tombstones = new Map(plan.localTombstones.map((t) => [tombstoneId(t), t]));
  for (const t of changes.tombstones) tombstones.set(tombstoneId(t), t);
  data.tombstones = sortRows('tombstones', [...tombstones.values()]);
  return data;
}

export interface KindCounts {
  added: number;
  identical: number;
  conflicts: number;
  /** not added back: deleted here */
  deletedHere: number;
  /** removed here: deleted there */
  deletedThere: number;
}

/** How many units of each kind are new, the same, in conflict and deleted on either side. */
export function countsByKind(plan: MergePlan): Record<UnitKind, KindCounts> {
  const counts = Object.fromEntries(UNIT_KINDS.map((k) => [k, { added: 0, identical: 0, conflicts: 0, deletedHere: 0, deletedThere: 0 }])) as Record<
    UnitKind,
    KindCounts
  >;
  for (const u of plan.added) counts[u.kind].added++;
  for (const u of plan.identical) counts[u.kind].identical++;
  for (const c of plan.conflicts) counts[c.kind].conflicts++;
  for (const d of plan.deletedHere) counts[d.unit.kind].deletedHere++;
  for (const d of plan.deletedThere) counts[d.unit.kind].deletedThere++;
  return counts;
}

/** Nothing would change: no unit new or deleted, no conflict, no tombstone to keep. */
export const isNoop = (plan: MergePlan) =>
  plan.added.length === 0 && plan.conflicts.length === 0 && plan.deletedThere.length === 0 && plan.tombstones.length === 0;
