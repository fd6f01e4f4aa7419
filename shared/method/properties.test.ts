/** Invariants of the method, over random assessments (fast-check). */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { computeAssessment, resultToJson } from '.';
import type { DirectEvent, Grade, GradeHold, Policy, RankClass, TieBreak } from '../model';
import type { PresetName } from '../policy/presets';
import { inputOf, policyWith, type Person } from './testing';

const person = (i: number) =>
  fc
    .record({
      org: fc.constantFrom('96', '92', '90', '88', '85.5', '79.75', '100', '-3'),
      base: fc.constantFrom('90', '85', '80', '79.75', '60'),
      votes: fc.constantFrom(
        [30, 8, 2, 0, 0],
        [35, 5, 0, 0, 0],
        [20, 10, 5, 4, 1],
        [10, 10, 20, 2, 0],
        [25, 5, 5, 10, 0],
        [20, 0, 0, 0, 0],
        [28, 2, 3, 1, 0, 1],
      ),
      rankClass: fc.constantFrom<RankClass>('chief', 'section', 'junior'),
      rating: fc.constantFrom<[] | ['B', 'C'] | ['C', 'B']>([], ['B', 'C'], ['C', 'B']),
      event: fc.boolean().map((b) => b && i % 7 === 3),
      held: fc.boolean().map((b) => b && i % 5 === 1),
    })
    .map(({ org, base, votes, rankClass, rating, event, held }): Person & { event: boolean; held: boolean } => ({
      id: `S${String(i).padStart(3, '0')}`,
      org,
      base,
      votes,
      eligible: 45,
      s: rating.length ? { rankClass, ratingStart: rating[0], ratingEnd: rating[1] } : { rankClass },
      event,
      held,
    }));

const people = fc.integer({ min: 1, max: 30 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => person(i))));

const policy: fc.Arbitrary<Policy> = fc
  .record({
    preset: fc.constantFrom<PresetName[]>('jiaozhou', 'daan', 'touyan'),
    boundaryTie: fc.constantFrom('flag', 'excludeAll'),
    ineligibleSlot: fc.constantFrom('passDown', 'forfeit'),
    quotaRounding: fc.constantFrom('floor', 'round', 'ceil'),
    quotaBase: fc.constantFrom('all', 'ranked'),
    rankOn: fc.constantFrom('exact', 'rounded2'),
    tieBreak: fc.constantFrom<TieBreak[]>([], ['orgScore'], ['orgScore', 'satisfaction'], ['satisfaction', 'fewerDeductions', 'moreBonus']),
    mergeSmallCategories: fc.boolean(),
  })
  .map(({ preset, ...rest }) => policyWith(rest as Partial<Policy>, preset));

function compute(list: readonly (Person & { event: boolean; held: boolean })[], p: Policy) {
  const events: DirectEvent[] = list.filter((x) => x.event).map((x) => ({ id: x.id, kind: 'breach' }));
  const holds: GradeHold[] = list.filter((x) => x.held).map((x) => ({ id: x.id, reason: 'investigation', by: '张三' }));
  return resultToJson(computeAssessment(inputOf(list, p, { events, holds })));
}

const BAND_VALUE: Partial<Record<Grade, number>> = { excellent: 2, good: 1, competent: 0 };

describe('invariants', () => {
  it('no band is given beyond its quota', () => {
    fc.assert(
      fc.property(people, policy, (list, p) => {
        for (const category of compute(list, p).categories) {
          for (const [band, quota] of Object.entries(category.quotas)) {
            expect(category.rows.filter((r) => r.grade === band).length).toBeLessThanOrEqual(quota);
          }
        }
      }),
    );
  });

  it('every secretary appears exactly once, with one grade', () => {
    fc.assert(
      fc.property(people, policy, (list, p) => {
        const rows = compute(list, p).categories.flatMap((c) => c.rows);
        expect(rows.map((r) => r.id).sort()).toEqual(list.map((x) => x.id).sort());
        for (const r of rows) expect(['excellent', 'good', 'competent', 'basic', 'incompetent', 'pending']).toContain(r.grade);
        // a grade held back is pending, whatever it would have been
        for (const r of rows) if (r.flags.includes('held')) expect(r.grade).toBe('pending');
      }),
    );
  });

  it('does not depend on the order of the input rows', () => {
    fc.assert(
      fc.property(people, policy, fc.nat(), (list, p, seed) => {
        const shuffled = [...list].sort((a, b) => ((a.id.charCodeAt(3) * 31 + seed) % 17) - ((b.id.charCodeAt(3) * 31 + seed) % 17) || (a.id < b.id ? 1 : -1));
        expect(compute(shuffled, p)).toEqual(compute(list, p));
      }),
    );
  });

  it('within a category, among eligible secretaries without fixed grades, a higher total never gets a lower band', () => {
    const blockers = new Set(['baseBelowMin', 'orgDowngraded', 'presenceLow', 'recall']);
    fc.assert(
      fc.property(people, policy, (list, p) => {
        for (const category of compute(list, p).categories) {
          const open = category.rows.filter((r) => r.total !== null && BAND_VALUE[r.grade] !== undefined && !r.flags.some((f) => blockers.has(f)));
          for (const a of open) {
            for (const b of open) {
              const [ta, tb] = [a.totalExact!, b.totalExact!].map((t) => {
                const [n, d = '1'] = t.split('/');
                return [BigInt(n!), BigInt(d)] as const;
              });
              if (ta![0] * tb![1] > tb![0] * ta![1]) expect(BAND_VALUE[a.grade]!).toBeGreaterThanOrEqual(BAND_VALUE[b.grade]!);
            }
          }
        }
      }),
    );
  });

  it('ranks are competition ranks over every secretary with a total; only rows without a total are unranked', () => {
    fc.assert(
      fc.property(people, policy, (list, p) => {
        for (const category of compute(list, p).categories) {
          const ranked = category.rows.filter((r) => r.rank !== null);
          expect(category.rows.filter((r) => r.total !== null)).toEqual(ranked);
          ranked.forEach((r, i) => {
            expect(r.rank).toBeLessThanOrEqual(i + 1);
            if (i > 0 && r.rank !== ranked[i - 1]!.rank) expect(r.rank).toBe(i + 1);
          });
          expect(category.rows.slice(ranked.length).every((r) => r.rank === null)).toBe(true);
        }
      }),
    );
  });
});
