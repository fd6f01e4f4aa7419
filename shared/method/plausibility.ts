/**
 * Plausibility warnings (docs/method.md §15), in the spirit of the Kiesraad's Abacus: figures
 * the method accepts but a person should look at again before 定稿 — many 废票 or 弃权,
 * ballots issued and not returned, a turnout just at the line, a village far from the rest
 * of its town, a score far from the rest of its category, two boxes with the same tally.
 * Pure, exact where they compare; the thresholds are the policy's (`plausibility`).
 *
 * Each warning carries the digest of the facts it rests on: an acknowledgment keeps that
 * digest, so when the data changes the acknowledgment no longer covers it (`stale`).
 */
import { add, div, gt, gte, lt, mul, nearestDouble, neg, r, rat, sub, sum, toFixed, toFraction, ZERO, type Rational } from '../exact/rational';
import { canonicalJson, sha256Hex } from '../digest';
import {
  BALLOT_OPTIONS,
  BALLOT_OPTION_LABELS,
  WARNING_CODES,
  type AssessmentResult,
  type Policy,
  type PlausibilityWarning,
  type ResultRow,
  type WarningAck,
  type WarningCode,
  type WarningPlace,
  type WarningStatus,
} from '../model';
import { plausibilityOf } from '../policy/presets';
import { describeRatio } from './tally-check';

const abs = (v: Rational) => (lt(v, ZERO) ? neg(v) : v);
const percent = (v: Rational) => `${toFixed(mul(v, rat(100)), 2)}%`;
/** a gap between two shares in words: 39.30 个百分点 */
const points = (v: Rational) => `${toFixed(mul(v, rat(100)), 2)} 个百分点`;

const PLACE: Record<WarningCode, WarningPlace> = {
  manyInvalid: 'ballots',
  manyAbstain: 'ballots',
  unreturned: 'ballots',
  turnoutNearLine: 'ballots',
  townOutlier: 'ballots',
  categoryOutlier: 'scores',
  identicalTallies: 'ballots',
};

/** At least this many others to compare a village with its town, a score with its category. */
export const MIN_PEERS = { town: 2, category: 3 } as const;

/**
 * 废票 or 弃权 are many only from this many ballots on: in a village box of 30 one ballot is
 * over 3 %, and one or two spoilt ballots are ordinary whatever their share.
 */
export const MIN_BALLOTS = 3;

/**
 * Most rows are far from every line: each check first looks at the nearest doubles and
 * decides exactly only where they come within `margin` of the line — far beyond the
 * doubles' own error (a share of counts below 2^53 is within 2^-52 of its value; a mean of
 * scores within 2^-52·Σ|x|) — so no double decides what the exact comparison would not.
 */
const NEAR = 1e-9;

function warningOf(code: WarningCode, id: string, message: string, facts: Record<string, string | number>, other?: string): PlausibilityWarning {
  const digest = sha256Hex(canonicalJson({ code, id, other, facts })).slice(0, 16);
  return { code, id, ...(other ? { other } : {}), warning: other ? `${code}:${other}` : code, place: PLACE[code], message, digest };
}

/** The share of the satisfied and its denominator, as the policy counts them. */
function satisfiedOf(row: ResultRow, policy: Pick<Policy, 'satisfactionDenominator'>): { satisfied: number; of: number } | null {
  const b = row.ballots;
  if (!b || row.satisfaction === null) return null;
  const of = policy.satisfactionDenominator === 'cast' ? b.cast : b.cast - b.invalid - b.abstain;
  return { satisfied: b.verySatisfied + b.satisfied, of };
}

/** The lines of the ballot checks, worked out once for all the rows. */
function ballotLines(policy: Policy) {
  const settings = plausibilityOf(policy);
  const turnout = settings.turnoutMargin === null ? null : { line: r(policy.minTurnout), upper: add(r(policy.minTurnout), r(settings.turnoutMargin)) };
  return { settings, turnout: turnout && { ...turnout, lineNear: nearestDouble(turnout.line), upperNear: nearestDouble(turnout.upper) } };
}

function ballotWarnings(row: ResultRow, policy: Policy, { settings, turnout: lines }: ReturnType<typeof ballotLines>, out: PlausibilityWarning[]): void {
  const b = row.ballots;
  if (!b || b.cast === 0) return;
  const share = (what: 'invalid' | 'abstain', code: WarningCode, limit: string | null) => {
    if (limit === null || b[what] < MIN_BALLOTS || !gt(rat(b[what], b.cast), r(limit))) return;
    const label = BALLOT_OPTION_LABELS[what];
    out.push(
      warningOf(code, row.id, `${label} ${b[what]} 张，占投票数 ${b.cast} 的 ${percent(rat(b[what], b.cast))}，超过 ${describeRatio(limit)}，请核对计票单`, {
        [what]: b[what],
        cast: b.cast,
        limit,
      }),
    );
  };
  share('invalid', 'manyInvalid', settings.invalidAbove);
  share('abstain', 'manyAbstain', settings.abstainAbove);

  const { issued } = b;
  if (settings.unreturnedAbove !== null && issued !== undefined && issued > 0 && issued >= b.cast) {
    const missing = issued - b.cast;
    if (gt(rat(missing, issued), r(settings.unreturnedAbove))) {
      out.push(
        warningOf(
          'unreturned',
          row.id,
          `发出票数 ${issued}，收回 ${b.cast} 张，未收回 ${missing} 张（${percent(rat(missing, issued))}），超过 ${describeRatio(settings.unreturnedAbove)}，请核对票箱`,
          { issued, cast: b.cast, limit: settings.unreturnedAbove },
        ),
      );
    }
  }

  // most turnouts are nowhere near the line: their doubles tell
  const turnoutNear = b.cast / b.eligible;
  const nearLine = lines !== null && turnoutNear >= lines.lineNear - NEAR && turnoutNear <= lines.upperNear + NEAR;
  if (nearLine && settings.turnoutMargin !== null && b.eligible > 0 && b.cast <= b.eligible) {
    const turnout = rat(b.cast, b.eligible);
    if (gte(turnout, lines.line) && lt(turnout, lines.upper)) {
      out.push(
        warningOf(
          'turnoutNearLine',
          row.id,
          `投票数 ${b.cast}，为应参加人数 ${b.eligible} 的 ${percent(turnout)}，刚达到 ${describeRatio(policy.minTurnout)}（高出不足 ${describeRatio(settings.turnoutMargin)}），请核对应参加人数和投票数`,
          { cast: b.cast, eligible: b.eligible, line: policy.minTurnout, margin: settings.turnoutMargin },
        ),
      );
    }
  }
}

/** A village's satisfaction against the rest of its town, pooled (their satisfied over their ballots). */
function townWarnings(rows: readonly ResultRow[], policy: Policy, out: PlausibilityWarning[]): void {
  const gap = plausibilityOf(policy).townSatisfactionGap;
  if (gap === null) return;
  const byTown = new Map<string, { row: ResultRow; satisfied: number; of: number }[]>();
  for (const row of rows) {
    const s = satisfiedOf(row, policy);
    const town = row.secretary.town;
    if (!s || !town || s.of === 0) continue;
    const members = byTown.get(town);
    if (members) members.push({ row, ...s });
    else byTown.set(town, [{ row, ...s }]);
  }
  const gapLine = r(gap);
  for (const [town, members] of byTown) {
    if (members.length - 1 < MIN_PEERS.town) continue;
    const satisfied = members.reduce((n, m) => n + m.satisfied, 0);
    const of = members.reduce((n, m) => n + m.of, 0);
    const gapNear = nearestDouble(gapLine);
    for (const m of members) {
      if (Math.abs(m.satisfied / m.of - (satisfied - m.satisfied) / (of - m.of)) < gapNear - NEAR) continue;
      const own = rat(m.satisfied, m.of);
      const rest = rat(satisfied - m.satisfied, of - m.of);
      const difference = abs(sub(own, rest));
      if (!gt(difference, gapLine)) continue;
      out.push(
        warningOf(
          'townOutlier',
          m.row.id,
          `满意度 ${percent(own)}，${town}其他 ${members.length - 1} 个村（社区）合计 ${percent(rest)}，相差 ${points(difference)}（提示线 ${points(r(gap))}），请核对计票`,
          { own: toFraction(own), rest: toFraction(rest), peers: members.length - 1, gap },
        ),
      );
    }
  }
}

/**
 * How far a score is from the rest of its category: the mean of the others, their sample
 * variance (Σ(x − mean)² / (n − 1)), exact, and whether the gap is more than `times`
 * standard deviations — compared squared, so no square root is taken.
 */
export function apartFromRest(own: Rational, rest: readonly Rational[], times: Rational): { mean: Rational; variance: Rational; beyond: boolean } {
  const mean = div(sum(rest), rat(rest.length));
  const variance = div(sum(rest.map((x) => mul(sub(x, mean), sub(x, mean)))), rat(rest.length - 1));
  const gap = sub(own, mean);
  return { mean, variance, beyond: gt(mul(gap, gap), mul(mul(times, times), variance)) };
}

/**
 * The same mean and variance of the rest as apartFromRest, from the category's sums: with
 * S = Σx and Q = Σx² of the others, Σ(x − mean)² = Q − S·mean, exact, so each of a category's
 * thousands of scores is compared in a few steps instead of a pass over all the others.
 */
export function restOfCategory(scores: readonly Rational[]): (own: Rational) => { mean: Rational; variance: () => Rational } {
  const total = sum(scores);
  const squares = sum(scores.map((x) => mul(x, x)));
  const peers = rat(scores.length - 1);
  const spreadOver = rat(scores.length - 2);
  return (own) => {
    const restSum = sub(total, own);
    const mean = div(restSum, peers);
    return { mean, variance: () => div(sub(sub(squares, mul(own, own)), mul(restSum, mean)), spreadOver) };
  };
}

/** The standard deviation in words, two decimals (for the message only; the decision is exact). */
const sdText = (variance: Rational) => Math.sqrt(Number(toFixed(variance, 6))).toFixed(2);

/**
 * An org score against the rest of its category: more than `categoryScoreGap` points from
 * their mean and, unless `categoryScoreSpread` is null, more than that many of their
 * standard deviations — a gap of 20 points is ordinary where bonus items spread the
 * scores over 60, and odd where the others lie within 10.
 */
function categoryWarnings(rows: readonly ResultRow[], policy: Policy, out: PlausibilityWarning[]): void {
  const { categoryScoreGap: gap, categoryScoreSpread: spread = null } = plausibilityOf(policy);
  if (gap === null) return;
  const scored = rows.filter((row): row is ResultRow & { orgScore: Rational } => row.orgScore !== null);
  if (scored.length - 1 < MIN_PEERS.category) return;
  const restOf = restOfCategory(scored.map((row) => row.orgScore));
  const gapLine = r(gap);
  const times = spread === null ? ZERO : r(spread);
  const peers = scored.length - 1;
  // the doubles of the scores, their sum and the margin of their error (see NEAR)
  const nears = scored.map((row) => nearestDouble(row.orgScore));
  const total = nears.reduce((a, x) => a + x, 0);
  const margin =
    NEAR *
    Math.max(
      1,
      nears.reduce((a, x) => a + Math.abs(x), 0),
    );
  const gapNear = nearestDouble(gapLine);
  for (const [i, row] of scored.entries()) {
    const own = nears[i]!;
    if (Math.abs(own - (total - own) / peers) < gapNear - margin) continue;
    const rest = restOf(row.orgScore);
    const { mean } = rest;
    const difference = abs(sub(row.orgScore, mean));
    if (!gt(difference, gapLine)) continue;
    const variance = rest.variance();
    if (!gt(mul(difference, difference), mul(mul(times, times), variance))) continue;
    const line = spread === null ? `提示线 ${gap} 分` : `其他人得分标准差 ${sdText(variance)} 分，提示线为相差超过 ${gap} 分且超过标准差的 ${spread} 倍`;
    out.push(
      warningOf(
        'categoryOutlier',
        row.id,
        `组织工作目标考评得分 ${toFixed(row.orgScore, 2)} 分，本类别其他 ${peers} 人平均 ${toFixed(mean, 2)} 分，相差 ${toFixed(difference, 2)} 分（${line}），请核对评分`,
        { own: toFraction(row.orgScore), mean: toFraction(mean), variance: toFraction(variance), peers, gap, spread: spread ?? 'off' },
      ),
    );
  }
}

/**
 * Two boxes of one town with the same six counts: often one box entered twice, or under
 * the wrong 编号 (a town's boxes are counted and entered together; across a county equal
 * counts of forty-odd ballots are common by chance).
 */
function identicalWarnings(rows: readonly ResultRow[], policy: Policy, out: PlausibilityWarning[]): void {
  if (!plausibilityOf(policy).identicalTallies) return;
  const byCounts = new Map<string, ResultRow[]>();
  for (const row of rows) {
    const b = row.ballots;
    if (!b || b.cast === 0) continue;
    const key = `${row.secretary.town ?? ''},${b.verySatisfied},${b.satisfied},${b.basic},${b.dissatisfied},${b.invalid},${b.abstain}`;
    const group = byCounts.get(key);
    if (group) group.push(row);
    else byCounts.set(key, [row]);
  }
  for (const group of byCounts.values()) {
    if (group.length < 2) continue;
    const [first, ...others] = [...group].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    const counts = BALLOT_OPTIONS.map((o) => `${BALLOT_OPTION_LABELS[o]} ${first!.ballots![o]}`).join('、');
    for (const other of others) {
      out.push(
        warningOf(
          'identicalTallies',
          first!.id,
          `与编号${other.id}（${other.secretary.name}）的计票完全相同（${counts}），请核对是否把一个票箱录了两次或录错了编号`,
          { counts: BALLOT_OPTIONS.map((o) => first!.ballots![o]).join(',') },
          other.id,
        ),
      );
    }
  }
}

/** Every warning of a result under its policy, by 编号, then in the order of WARNING_CODES. */
export function plausibilityWarnings(result: AssessmentResult, policy: Policy): PlausibilityWarning[] {
  const out: PlausibilityWarning[] = [];
  const rows = result.categories.flatMap((c) => c.rows);
  const lines = ballotLines(policy);
  for (const row of rows) ballotWarnings(row, policy, lines, out);
  townWarnings(rows, policy, out);
  for (const category of result.categories) categoryWarnings(category.rows, policy, out);
  identicalWarnings(rows, policy, out);
  const order = (w: PlausibilityWarning) => WARNING_CODES.indexOf(w.code);
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : order(a) - order(b) || ((a.other ?? '') < (b.other ?? '') ? -1 : 1)));
}

/** The key an acknowledgment is stored under: the secretary and the warning. */
export const warningKey = (w: Pick<PlausibilityWarning, 'id' | 'warning'>) => `${w.id}|${w.warning}`;

/** Each warning with its acknowledgment; an acknowledgment of other facts (the data changed since) is `stale`. */
export function warningStatuses(warnings: readonly PlausibilityWarning[], acks: readonly WarningAck[]): WarningStatus[] {
  const byKey = new Map(acks.map((a) => [warningKey(a), a]));
  return warnings.map((warning) => {
    const ack = byKey.get(warningKey(warning)) ?? null;
    return { warning, ack, state: !ack ? 'open' : ack.digest === warning.digest ? 'acknowledged' : 'stale' };
  });
}

/** The warnings a person still has to acknowledge before 定稿: open or stale. */
export const unacknowledged = (statuses: readonly WarningStatus[]) => statuses.filter((s) => s.state !== 'acknowledged');
