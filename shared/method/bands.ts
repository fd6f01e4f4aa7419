/**
 * Quotas and band filling (docs/method.md §5.2–§5.5): bands are filled in rank order,
 * band by band; ineligible secretaries are passed over (递补) or use up their place;
 * exact ties at a band boundary are decided by the policy's `boundaryTie`.
 */
import { ceil, floor, mul, rat, roundHalfAwayFromZero, type Rational } from '../exact/rational';
import type { Band, BandKey, Grade, Policy, TieHold } from '../model';
import { compareRank, TIE_BREAK_LABELS, type Rankable } from './rank';

export function quotaFor(ratio: Rational, n: number, rounding: Policy['quotaRounding']): number {
  const exact = mul(ratio, rat(n));
  const places = rounding === 'floor' ? floor(exact) : rounding === 'ceil' ? ceil(exact) : roundHalfAwayFromZero(exact);
  return Number(places);
}

export interface Candidate extends Rankable {
  name: string;
  rank: number;
  /** why this secretary may not be 优秀 (empty when eligible), in Chinese */
  excellentBlockers: string[];
}

export interface Placement {
  grade: Grade;
  /** pending at a band boundary (flag tieAtBoundary) */
  tie: boolean;
  reasons: string[];
}

type Policies = Pick<Policy, 'rankOn' | 'tieBreak' | 'ineligibleSlot' | 'boundaryTie' | 'labels'>;

/** Placements without a reason yet share this list; a reason makes the placement a list of its own. */
const NO_REASONS: string[] = Object.freeze([]) as unknown as string[];

const byRank = (a: Candidate, b: Candidate) => a.rank - b.rank;
const who = (c: Candidate) => `第${c.rank}名${c.name}`;

function tieWords(policy: Policies): string {
  return ['考核总分', ...policy.tieBreak.map((t) => TIE_BREAK_LABELS[t])].join('、');
}

export interface Filled {
  placements: Map<string, Placement>;
  /** tie groups left pending for the review meeting, with the places they hold */
  ties: TieHold[];
}

/**
 * Places the candidates (in rank order, valid total, no direct or satisfaction-test
 * grade) into the bands; whoever is left is 称职. `held`: secretaries whose grade is held
 * back (暂缓定等) who would otherwise be candidates; they take no place, and where the
 * ranking would have given them one, it goes down to the next (explained on both).
 */
export function fillBands(
  ordered: readonly Candidate[],
  bands: readonly Band[],
  quotas: Partial<Record<BandKey, number>>,
  policy: Policies,
  held: readonly Candidate[] = [],
): Filled {
  const placements = new Map<string, Placement>();
  const ties: TieHold[] = [];
  const placementOf = (c: Candidate): Placement => {
    let p = placements.get(c.id);
    if (!p) placements.set(c.id, (p = { grade: 'competent', tie: false, reasons: NO_REASONS }));
    return p;
  };
  /** adds a reason to the candidate's (a list is made at the first) */
  const say = (c: Candidate, reason: string) => {
    const p = placementOf(c);
    if (p.reasons === NO_REASONS) p.reasons = [reason];
    else p.reasons.push(reason);
  };
  const place = (c: Candidate, grade: Grade, reason?: string, tie = false) => {
    const p = placementOf(c);
    if (reason) say(c, reason);
    p.grade = grade;
    p.tie = tie;
  };
  const label = (key: BandKey) => policy.labels[key];

  /** places still open per band: a pending tie group holds places of the following bands */
  const open = bands.map((b) => quotas[b.key] ?? 0);
  let undecided = [...ordered];
  /** held secretaries not yet passed by a band they would have had */
  let heldLeft = [...held];

  bands.forEach((band, i) => {
    const quota = quotas[band.key] ?? 0;
    let remaining = open[i]!;
    const checksEligibility = band.key === 'excellent';
    const recipients: Candidate[] = [];
    const passedOver: Candidate[] = [];
    const decided = new Set<string>();

    let at = 0;
    while (at < undecided.length && remaining > 0) {
      // the run of candidates tied with the next one on total and every tie-break
      let end = at + 1;
      while (end < undecided.length && compareRank(undecided[at]!, undecided[end]!, policy) === 0) end++;
      if (end === at + 1 && (!checksEligibility || undecided[at]!.excellentBlockers.length === 0)) {
        // one alone and eligible (most): the place, as below
        const c = undecided[at++]!;
        place(c, band.key);
        recipients.push(c);
        decided.add(c.id);
        remaining--;
        continue;
      }
      const set = undecided.slice(at, end);
      at = end;
      const group = checksEligibility ? set.filter((c) => c.excellentBlockers.length === 0) : set;
      const ineligible = set.filter((c) => !group.includes(c));
      for (const c of ineligible) {
        passedOver.push(c);
        if (policy.ineligibleSlot === 'forfeit' && remaining > 0) {
          remaining--;
          say(c, `名次第${c.rank}，${c.excellentBlockers.join('，')}，不能评为${label(band.key)}，按规则占用名额，不递补`);
        }
      }
      if (group.length === 0 || remaining <= 0) continue;

      if (group.length <= remaining) {
        for (const c of group) {
          place(c, band.key);
          recipients.push(c);
          decided.add(c.id);
        }
        remaining -= group.length;
        continue;
      }

      // A tie group that meets the boundary: more tied candidates than places left.
      /** "与李四、王五并列第3名（…均相同），3人争1个剩余优秀名额" for each member */
      const contest = (c: Candidate) => {
        const others = group
          .filter((o) => o !== c)
          .map((o) => o.name)
          .join('、');
        return `与${others}并列第${c.rank}名（${tieWords(policy)}均相同），${group.length}人争${remaining}个剩余${label(band.key)}名额`;
      };
      switch (policy.boundaryTie) {
        case 'flag': {
          const places: TieHold['places'] = { [band.key]: remaining };
          const held = holdFollowingPlaces(open, i, group.length - remaining, bands, label, places);
          ties.push({ ids: group.map((c) => c.id), places });
          for (const c of group) {
            place(c, 'pending', `${contest(c)}，待部长办公会确定${held}`, true);
            decided.add(c.id);
          }
          break;
        }
        case 'includeAll':
          for (const c of group) {
            place(c, band.key, `${contest(c)}，按规则全部评为${label(band.key)}（超出名额${group.length - remaining}名）`);
            decided.add(c.id);
          }
          break;
        case 'excludeAll':
          for (const c of group) {
            say(c, `${contest(c)}，按规则均不评为${label(band.key)}，剩余名额空缺`);
          }
          break;
      }
      remaining = 0;
    }

    // who the ranking alone would have given the band's open places, the held included (a stable sort keeps rank order)
    const baseline = (heldLeft.length ? [...undecided, ...heldLeft].sort(byRank) : undecided).slice(0, open[i]!);
    const heldOver = heldLeft.filter((c) => baseline.includes(c));
    heldLeft = heldLeft.filter((c) => !heldOver.includes(c));
    explainPlaces(recipients, passedOver, heldOver, baseline, quota, band.key, policy, say);
    undecided = undecided.filter((c) => !decided.has(c.id));
  });

  const bandWords = bands.map((b) => `${label(b.key)}（${quotas[b.key] ?? 0}名）`).join('、');
  for (const c of undecided) {
    say(c, bands.length ? `名次第${c.rank}，未进入${bandWords}名额，评为${policy.labels.competent}` : `评为${policy.labels.competent}`);
  }
  for (const c of ordered) {
    const blockers = c.excellentBlockers;
    const p = placements.get(c.id)!;
    if (blockers.length && p.grade !== 'excellent' && !p.reasons.some((t) => t.includes(blockers[0]!))) {
      p.reasons = [`${blockers.join('，')}，不能评为${label('excellent')}`, ...p.reasons];
    }
  }
  return { placements, ties };
}

/** A pending group holds `count` places of the bands after `index` (added to `places`); returns how, in words. */
function holdFollowingPlaces(
  open: number[],
  index: number,
  count: number,
  bands: readonly Band[],
  label: (k: BandKey) => string,
  places: TieHold['places'],
): string {
  const held: string[] = [];
  for (let j = index + 1; j < open.length && count > 0; j++) {
    const take = Math.min(open[j]!, count);
    if (take > 0) {
      held.push(`${label(bands[j]!.key)}${take}名`);
      places[bands[j]!.key] = take;
    }
    open[j]! -= take;
    count -= take;
  }
  return held.length ? `（同时暂占${held.join('、')}名额）` : '';
}

/**
 * Reasons for a band's recipients and for whom they replace: the first `quota`
 * candidates are who would have had the band without the eligibility rules and the
 * holds; an ineligible or held one among them is replaced (递补) by the first recipient
 * from beyond.
 */
function explainPlaces(
  recipients: readonly Candidate[],
  passedOver: readonly Candidate[],
  heldOver: readonly Candidate[],
  baseline: readonly Candidate[],
  quota: number,
  key: BandKey,
  policy: Policies,
  say: (c: Candidate, reason: string) => void,
): void {
  const label = policy.labels[key];
  const inBaseline = new Set(baseline.map((c) => c.id));
  const substitutes = recipients.filter((c) => !inBaseline.has(c.id));
  // an ineligible secretary uses the place up under `forfeit`; a held one never does
  const ineligible = policy.ineligibleSlot === 'passDown' ? passedOver.filter((c) => inBaseline.has(c.id)) : [];
  const isHeld = new Set(heldOver.map((c) => c.id));
  const replaced = [...ineligible, ...heldOver].sort((a, b) => a.rank - b.rank);
  const substituteFor = new Map<string, Candidate>();

  replaced.forEach((c, k) => {
    const substitute = substitutes[k];
    const tail = substitute ? `由${who(substitute)}递补` : '名额空缺';
    const why = isHeld.has(c.id) ? `暂缓定等，不占${label}名额` : `但${c.excellentBlockers.join('，')}，不能评为${label}`;
    say(c, `名次第${c.rank}，${why}，${tail}`);
    if (substitute) substituteFor.set(substitute.id, c);
  });
  for (const c of recipients) {
    const replacedOne = substituteFor.get(c.id);
    const because = replacedOne && (isHeld.has(replacedOne.id) ? '暂缓定等' : `不能评为${label}`);
    say(
      c,
      replacedOne
        ? `名次第${c.rank}，因${who(replacedOne)}${because}而递补，评为${label}`
        : `名次第${c.rank}，在本类别${label}名额（${quota}名）内，评为${label}`,
    );
  }
}
