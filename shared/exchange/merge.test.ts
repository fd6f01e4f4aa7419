import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { countsByKind, isNoop, mergeData, planMerge, unitDigest, unresolved, type Choices } from './merge';
import { unitsOf } from './units';
import type { TombstoneRow } from './types';
import { shareOf, townsOf } from './scope';
import { sideBySide } from './describe';
import { AID, county, empty, secretary, tally } from './testing';
import type { AssessmentData } from './types';

const { data: base } = county();
const roster = base.secretaries;

/** Laptop A enters 胶莱镇's tallies, laptop B 里岔镇's; both start from the same roster. */
const laptopA: AssessmentData = { ...empty(), secretaries: roster, tallies: [tally('S1', 30), tally('S2', 28)] };
const laptopB: AssessmentData = { ...empty(), secretaries: roster, tallies: [tally('S3', 20), tally('S4', 10)], decisions: base.decisions };

const merge = (local: AssessmentData | null, theirs: AssessmentData, choices: Choices = {}) => mergeData(planMerge(local, theirs), choices);

describe('merge planning', () => {
  it('adds what is new, ignores what is identical, keeps what only this laptop has', () => {
    const plan = planMerge(laptopA, laptopB);
    const counts = countsByKind(plan);
    expect(counts.roster).toMatchObject({ added: 0, identical: 4, conflicts: 0 });
    expect(counts.tally).toMatchObject({ added: 2, identical: 0, conflicts: 0 });
    expect(counts.decision).toMatchObject({ added: 1, identical: 0, conflicts: 0 });
    expect(plan.conflicts).toEqual([]);
    const merged = mergeData(plan, {});
    expect(merged.tallies.map((t) => t.id)).toEqual(['S1', 'S2', 'S3', 'S4']);
  });

  it('is idempotent: the same package again adds nothing and changes nothing', () => {
    const once = merge(laptopA, laptopB);
    const plan = planMerge(once, laptopB);
    expect(plan.added).toEqual([]);
    expect(plan.conflicts).toEqual([]);
    expect(isNoop(plan)).toBe(true);
    expect(mergeData(plan, {})).toEqual(once);
  });

  it('two teams’ tallies of the same secretary are a conflict, never a sum', () => {
    const theirs = { ...laptopB, tallies: [...laptopB.tallies, tally('S1', 25)] };
    const plan = planMerge(laptopA, theirs);
    expect(plan.conflicts.map((c) => c.key)).toEqual(['tally|S1']);
    expect(unresolved(plan, {})).toHaveLength(1);
    expect(() => mergeData(plan, {})).toThrow();
    const rows = sideBySide(plan.conflicts[0]!.mine, plan.conflicts[0]!.theirs);
    expect(rows.find((r) => r.label === '很满意')).toEqual({ label: '很满意', mine: '30', theirs: '25', differs: true });
    expect(rows.find((r) => r.label === '满意')).toMatchObject({ differs: false });
    expect(merge(laptopA, theirs, { 'tally|S1': 'mine' }).tallies.find((t) => t.id === 'S1')!.verySatisfied).toBe(30);
    expect(merge(laptopA, theirs, { 'tally|S1': 'theirs' }).tallies.find((t) => t.id === 'S1')!.verySatisfied).toBe(25);
  });

  it('lists every kind of conflict: roster row, scores, decision, evidence, settings', () => {
    const mine = { ...base, summaryScores: base.summaryScores };
    const theirs: AssessmentData = {
      ...base,
      assessment: { ...base.assessment, region: '胶州' },
      secretaries: base.secretaries.map((s) => (s.id === 'S2' ? { ...s, eligibleVoters: 50 } : s)),
      summaryScores: base.summaryScores.filter((s) => s.id !== 'S1'),
      itemScores: [...base.itemScores, { assessmentId: AID, id: 'S1', inputs: {} }],
      decisions: [{ ...base.decisions[0]!, grade: 'good' }],
      evidence: [{ ...base.evidence[0]!, status: 'doubtful' }],
    };
    const plan = planMerge(mine, theirs);
    expect(plan.conflicts.map((c) => c.key)).toEqual(['decision|S1', 'evidence|S1|A1.1|diary', 'roster|S2', 'score|S1', 'settings|']);
    // a secretary scored by items on one laptop and by summary on the other: one unit, taken whole
    const merged = mergeData(plan, Object.fromEntries(plan.conflicts.map((c) => [c.key, 'theirs'])));
    expect(merged.summaryScores.map((s) => s.id)).toEqual(['S3']);
    expect(merged.itemScores.map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(merged.assessment.region).toBe('胶州');
  });

  it('creates the assessment when this laptop has none', () => {
    const plan = planMerge(null, laptopB);
    expect(plan.creates).toBe(true);
    expect(mergeData(plan, {})).toEqual(laptopB);
  });

  it('merging A then B gives the data of B then A', () => {
    const ab = merge(merge(null, laptopA), laptopB);
    const ba = merge(merge(null, laptopB), laptopA);
    expect(ab).toEqual(ba);
  });

  it('order does not matter for any packages and any consistent choice (property)', () => {
    const ids = ['S1', 'S2', 'S3', 'S4'];
    const partial = fc.record({
      tallies: fc.subarray(ids).chain((chosen) => fc.tuple(...chosen.map((id) => fc.integer({ min: 0, max: 3 }).map((n) => tally(id, 20 + n))))),
      decided: fc.subarray(ids),
    });
    fc.assert(
      fc.property(fc.array(partial, { minLength: 2, maxLength: 3 }), fc.nat(), (parts, seed) => {
        const packages: AssessmentData[] = parts.map((p) => ({
          ...empty(),
          secretaries: roster,
          tallies: p.tallies,
          decisions: p.decided.map((id) => ({ assessmentId: AID, id, grade: 'good' as const, reason: '', by: '张三' })),
        }));
        // the person always prefers the larger count of very satisfied: a choice by content, not by order
        const run = (order: AssessmentData[]) =>
          order.reduce<AssessmentData | null>((local, pkg) => {
            const plan = planMerge(local, pkg);
            const choices: Record<string, 'mine' | 'theirs'> = {};
            for (const c of plan.conflicts)
              choices[c.key] = (c.theirs?.rows.tallies?.[0]?.verySatisfied ?? 0) > (c.mine?.rows.tallies?.[0]?.verySatisfied ?? 0) ? 'theirs' : 'mine';
            return mergeData(plan, choices);
          }, null);
        const order = [...packages];
        for (let i = order.length - 1; i > 0; i--) {
          const j = (seed + i * 7) % (i + 1);
          [order[i], order[j]] = [order[j]!, order[i]!];
        }
        expect(run(order)).toEqual(run(packages));
      }),
    );
  });
});

describe('shares', () => {
  it('a town’s share holds the settings and that town’s records only', () => {
    const share = shareOf(base, { kind: 'towns', towns: ['里岔镇'] });
    expect(share.assessment).toEqual(base.assessment);
    expect(share.secretaries.map((s) => s.id)).toEqual(['S3', 'S4']);
    expect(share.tallies.map((t) => t.id)).toEqual(['S3']);
    expect(share.attachments).toEqual([]);
    expect(shareOf(base, { kind: 'secretaries', ids: ['S1'] }).attachments).toHaveLength(1);
    expect(townsOf({ secretaries: [...roster, secretary('S9', '')] })).toEqual(['', '胶莱镇', '里岔镇']);
  });
});

/** `data` with the unit `key` deleted by `operator` at `at`: the records gone, a tombstone left. */
function deleted(data: AssessmentData, key: string, operator = '张三', at = '2024-12-20T08:00:00.000Z'): AssessmentData {
  const unit = unitsOf(data).get(key)!;
  const tombstone: TombstoneRow = {
    assessmentId: AID,
    id: unit.secretaryId!,
    key,
    fingerprint: unitDigest(unit),
    at,
    operator,
    auditHash: `h-${operator}-${at}`,
  };
  const out = { ...data, tombstones: [...data.tombstones, tombstone] } as AssessmentData;
  for (const [table, rows] of Object.entries(unit.rows))
    (out as unknown as Record<string, unknown[]>)[table] = (data as unknown as Record<string, unknown[]>)[table]!.filter(
      (r) => !(rows as unknown[]).includes(r),
    );
  return out;
}

describe('deletions (tombstones)', () => {
  const decided = base;
  const revoked = deleted(base, 'decision|S1');

  it('a unit deleted here is not added back (已删除); a tombstone deletes the same unit there (对方已删除)', () => {
    const back = planMerge(revoked, decided);
    expect(back.deletedHere.map((d) => d.unit.key)).toEqual(['decision|S1']);
    expect(isNoop(back)).toBe(true);
    expect(mergeData(back, {}).decisions).toEqual([]);

    const there = planMerge(decided, revoked);
    expect(there.deletedThere.map((d) => d.unit.key)).toEqual(['decision|S1']);
    expect(countsByKind(there).decision).toMatchObject({ deletedThere: 1 });
    const merged = mergeData(there, {});
    expect(merged.decisions).toEqual([]);
    expect(merged.tombstones).toEqual(revoked.tombstones);
  });

  it('deleted on one side, changed on the other: a conflict, the deletion one of the choices', () => {
    const changed = { ...base, decisions: [{ ...base.decisions[0]!, grade: 'good' as const }] };
    const onChanged = planMerge(changed, revoked);
    expect(onChanged.conflicts).toMatchObject([{ key: 'decision|S1', theirs: null, deletion: { operator: '张三' } }]);
    expect(mergeData(onChanged, { 'decision|S1': 'mine' }).decisions[0]!.grade).toBe('good');
    const stamp = { at: '2024-12-21T00:00:00.000Z', operator: '李四', auditHash: 'merge-entry' };
    const accepted = mergeData(onChanged, { 'decision|S1': 'theirs' }, stamp);
    expect(accepted.decisions).toEqual([]);
    // taking the deletion deletes the changed decision too: it leaves a tombstone of its own
    expect(accepted.tombstones.map((t) => t.operator).sort()).toEqual(['张三', '李四']);

    const onRevoked = planMerge(revoked, changed);
    expect(onRevoked.conflicts).toMatchObject([{ key: 'decision|S1', mine: null }]);
    expect(mergeData(onRevoked, { 'decision|S1': 'theirs' }).decisions[0]!.grade).toBe('good');
  });

  it('a package that knows the deletion and has a new unit: the new unit is added, no conflict', () => {
    const redone = { ...revoked, decisions: [{ ...base.decisions[0]!, grade: 'good' as const }] };
    const plan = planMerge(revoked, redone);
    expect(plan.conflicts).toEqual([]);
    expect(plan.added.map((u) => u.key)).toEqual(['decision|S1']);
    // on a laptop that has the old one: the deletion and the new one arrive together
    const old = planMerge(decided, redone);
    expect(old.deletedThere.map((d) => d.unit.key)).toEqual(['decision|S1']);
    expect(old.added.map((u) => u.key)).toEqual(['decision|S1']);
    expect(mergeData(old, {}).decisions[0]!.grade).toBe('good');
  });

  it('tombstones are kept and passed on: idempotent, any order, the earlier of two for the same content', () => {
    const later = deleted(base, 'decision|S1', '李四', '2024-12-22T08:00:00.000Z');
    const merge2 = (x: AssessmentData | null, y: AssessmentData) => mergeData(planMerge(x, y), {});
    const one = merge2(merge2(merge2(null, decided), later), revoked);
    const two = merge2(merge2(merge2(null, revoked), decided), later);
    expect(one).toEqual(two);
    expect(one.tombstones).toHaveLength(1);
    expect(one.tombstones[0]!.operator).toBe('张三');
    expect(isNoop(planMerge(one, revoked))).toBe(true);
    expect(isNoop(planMerge(one, later))).toBe(true);
  });

  it('content entered again after its deletion travels without its tombstone acting', () => {
    const reentered = { ...revoked, decisions: base.decisions };
    const plan = planMerge(null, reentered);
    expect(plan.added.map((u) => u.key)).toContain('decision|S1');
    expect(plan.tombstones).toEqual([]);
    // but the deletion, arriving from a laptop that kept it, deletes it again (as everywhere)
    expect(planMerge(reentered, revoked).deletedThere.map((d) => d.unit.key)).toEqual(['decision|S1']);
  });
});
