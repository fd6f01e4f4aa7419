/**
 * The method (docs/method.md §3–§5): from the assessors' inputs to ranked, graded and
 * explained results per category. Pure and exact; the CLI and the app run this.
 */
import { lt, mul, r, rat, toDecimal, ZERO, type Rational } from '../exact/rational';
import type {
  AssessmentResult,
  BallotSummary,
  CategoryResult,
  Decision,
  DirectEvent,
  Flag,
  Grade,
  GradeHold,
  ItemResult,
  Policy,
  QuotaNote,
  ResultRow,
  Rubric,
  SatisfactionGrade,
  Secretary,
} from '../model';
import { EVENT_KIND_LABELS, FLAGS, HOLD_REASON_LABELS, isDirectEvent, quarterLabel } from '../model';
import { aftermathOf } from '../policy/aftermath';
import { policyNumbers } from '../policy/numbers';
import { fillBands, quotaFor } from './bands';
import { categoryLabel, compareCategoryKeys, keyOfCategory, siblingKey } from './categories';
import type { AssessmentInput, CarriedBlock } from './input';
import { rankRows } from './rank';
import { describeRate, describeRatio, evaluateBallots } from './satisfaction';
import { isDowngraded, resultScorer, type Scorer } from './score';
import { quotaNotes, quotaSentence } from './quota';

/** One secretary on the way through the method; ranked, a candidate for the bands (Candidate). */
interface Work {
  id: string;
  name: string;
  secretary: Secretary;
  orgScore: Rational | null;
  baseScore: Rational | null;
  items: ResultRow['items'];
  scoredBy: ResultRow['scoredBy'];
  deductions: Rational;
  bonus: Rational;
  ballots: BallotSummary | null;
  satisfaction: Rational | null;
  dissatisfaction: Rational | null;
  satisfactionGrade: SatisfactionGrade | null;
  total: Rational | null;
  /** competition rank in the category, once ranked */
  rank: number;
  /** a grade fixed before ranking: direct event, satisfaction test, pending for want of a total or held back */
  fixedGrade: Grade | null;
  /** 暂缓定等, and whether the secretary would otherwise have been a candidate for the bands */
  held: { hold: GradeHold; candidate: boolean } | null;
  /** one bit per flag, in the order of FLAGS */
  flags: number;
  /** facts shown before the placement reasons (NONE until there is one) */
  notes: string[];
  /** why not 优秀 (NONE until there is one) */
  excellentBlockers: string[];
}

/** Most secretaries have no notes, blockers, events or flags: one empty list for all, never written to. */
const NONE: string[] = Object.freeze([]) as unknown as string[];
const NO_EVENTS: readonly DirectEvent[] = Object.freeze([]);
const NO_CARRIED: readonly CarriedBlock[] = Object.freeze([]);
const NO_FLAGS: Flag[] = Object.freeze([]) as unknown as Flag[];

const bit = (flag: Flag): number => 1 << FLAGS.indexOf(flag);
const FLAG_BITS = Object.fromEntries(FLAGS.map((f) => [f, bit(f)])) as Record<Flag, number>;
const flag = (work: Work, f: Flag): void => void (work.flags |= FLAG_BITS[f]);
const has = (work: Work, f: Flag): boolean => (work.flags & FLAG_BITS[f]) !== 0;

function note(work: Work, text: string): void {
  if (work.notes === NONE) work.notes = [text];
  else work.notes.push(text);
}

function block(work: Work, text: string): void {
  if (work.excellentBlockers === NONE) work.excellentBlockers = [text];
  else work.excellentBlockers.push(text);
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}

/** The rubric a secretary is scored by: 社区 secretaries use their own only when the policy says so and one exists. */
export function rubricFor(
  secretary: Pick<Secretary, 'postType'>,
  setting: { policy: Pick<Policy, 'communityRubric'>; rubric: Rubric; communityRubric?: Rubric | undefined },
): Rubric {
  const own = setting.policy.communityRubric === 'own' && secretary.postType === 'community';
  return own && setting.communityRubric ? setting.communityRubric : setting.rubric;
}

function scoreOf(
  work: Work,
  scorers: Indexes['scorers'],
  inputs: Record<string, string> | undefined,
  summary: { baseScore: string; orgScore: string } | undefined,
): void {
  const { secretary } = work;
  if (inputs) {
    const score = scorers(secretary)(inputs, secretary);
    work.orgScore = score.orgScore;
    work.baseScore = score.baseScore;
    work.items = score.items;
    work.scoredBy = 'items';
    work.deductions = score.deductions;
    work.bonus = score.bonus;
  } else if (summary) {
    work.orgScore = r(summary.orgScore);
    work.baseScore = r(summary.baseScore);
    work.scoredBy = 'summary';
    if (secretary.ratingStart && secretary.ratingEnd && secretary.ratingStart !== secretary.ratingEnd) {
      note(work, '组织工作目标考评得分按汇总表计，已含晋位升级分，不再按定级重复计算');
    }
  } else {
    note(work, '尚未录入组织工作目标考评得分');
  }
}

function ballotsOf(work: Work, policy: Policy, tally: AssessmentInput['tallies'][number] | undefined): void {
  const { secretary } = work;
  if (!tally) {
    note(work, '尚未录入满意度测评票数');
    return;
  }
  const outcome = evaluateBallots(tally, secretary.eligibleVoters, policy);
  work.ballots = outcome.summary;
  const { cast } = outcome.summary;
  switch (outcome.kind) {
    case 'turnoutLow':
      flag(work, 'turnoutLow');
      for (const p of outcome.problems) note(work, p.message);
      return;
    case 'void':
      for (const p of outcome.problems) note(work, p.message);
      return;
    case 'noValidBallot':
      note(work, '无有效票，无法计算满意度，待重新组织投票');
      return;
    case 'valid':
      break;
  }
  work.satisfaction = outcome.satisfaction;
  work.dissatisfaction = outcome.dissatisfaction;
  work.satisfactionGrade = outcome.grade;
  const denominator = policy.satisfactionDenominator === 'cast' ? cast : cast - tally.invalid - tally.abstain;
  // the rates are put in words only for the flagged few
  if (outcome.recall) {
    flag(work, 'recall');
    const line = describeRatio(policy.recallAboveDissatisfaction ?? '');
    note(work, `不满意票${describeRate(tally.dissatisfied, denominator)}，超过${line}，应予召回`);
    if (policy.recallBlocksExcellent) block(work, '应予召回，当年不得评先评优');
  }
  if (outcome.grade === 'incompetent') {
    flag(work, 'satisfactionIncompetent');
    note(
      work,
      `不满意票${describeRate(tally.dissatisfied, denominator)}，超过${describeRatio(policy.incompetentAboveDissatisfaction)}，测评等次为${policy.labels.incompetent}，直接确定为${policy.labels.incompetent}`,
    );
  } else if (outcome.grade === 'basic') {
    flag(work, 'satisfactionBasic');
    const satisfied = describeRate(tally.verySatisfied + tally.satisfied, denominator);
    note(
      work,
      `群众满意度${satisfied}，低于${describeRatio(policy.basicBelowSatisfaction)}，测评等次为${policy.labels.basic}，直接确定为${policy.labels.basic}`,
    );
  }
}

/** Conditions flagged whatever the turnout or the grade, and who may not be 优秀. */
function eligibilityOf(work: Work, policy: Policy): void {
  const { secretary, orgScore, baseScore } = work;
  if (orgScore && lt(orgScore, ZERO)) {
    flag(work, 'negativeScore');
    note(work, `组织工作目标考评得分为负（${toDecimal(orgScore)}分）`);
  }
  const limits = policyNumbers(policy);
  if (baseScore && lt(baseScore, limits.excellentMinBaseScore)) {
    flag(work, 'baseBelowMin');
    block(work, `基本分${toDecimal(baseScore)}低于${policy.excellentMinBaseScore}分`);
  }
  if (isDowngraded(secretary)) {
    flag(work, 'orgDowngraded');
    block(work, `所任职党组织年度定级由${secretary.ratingStart}降为${secretary.ratingEnd}`);
  }
  if (limits.minPresence !== null && policy.minPresence !== null) {
    const { daysPresent, workDays } = secretary;
    if (daysPresent === undefined || workDays === undefined || workDays <= 0) {
      block(work, '缺少在村工作天数，无法核对在村时间');
    } else if (lt(rat(daysPresent, workDays), limits.minPresence)) {
      flag(work, 'presenceLow');
      block(work, `在村工作${daysPresent}天，不足全年工作日${workDays}天的${describeRatio(policy.minPresence)}`);
    }
  }
}

/**
 * 召回 recorded this year (docs/method.md §11.2), decided by a quarterly review or on its own:
 * flagged, said in the reasons, and what the policy says of a recall's first year keeps the
 * secretary from 优秀. A recall does not set the grade by itself (§5.1).
 */
function recallsOf(work: Work, recalls: readonly DirectEvent[], blocking: Indexes['recallBlocks']): void {
  if (!recalls.length) return;
  flag(work, 'recalled');
  for (const e of recalls) {
    const when = e.quarter ? `${quarterLabel(e.quarter)}分析研判决定` : e.date ? e.date : '本年度';
    note(work, `${when}${EVENT_KIND_LABELS.recall}${e.note ? `（${e.note}）` : ''}`);
  }
  for (const text of blocking(work.secretary)) block(work, `本年度被召回，${text}`);
}

/** Consequences of earlier years still in force (docs/method.md §11.3): each keeps the secretary from 优秀, with its reason. */
function carriedOf(work: Work, carried: readonly CarriedBlock[]): void {
  if (!carried.length) return;
  flag(work, 'carried');
  for (const c of carried) block(work, c.reason);
}

function fixGrade(work: Work, policy: Policy, events: readonly DirectEvent[]): void {
  if (events.length) {
    flag(work, 'directIncompetent');
    work.fixedGrade = 'incompetent';
    for (const e of events) {
      note(work, `${EVENT_KIND_LABELS[e.kind]}${e.note ? `（${e.note}）` : ''}，直接确定为${policy.labels.incompetent}`);
    }
  } else if (work.satisfactionGrade === 'basic' || work.satisfactionGrade === 'incompetent') {
    work.fixedGrade = work.satisfactionGrade;
  }
  if (work.orgScore && work.satisfaction) work.total = mul(work.orgScore, work.satisfaction);
  else if (!work.fixedGrade) work.fixedGrade = 'pending';
}

/** `暂缓定等：立案审查中（…）（张三，2026-12-01）` — the hold in the words every row, print and workbook shows. */
export function holdText(hold: GradeHold): string {
  const why = hold.reason === 'other' ? hold.note || HOLD_REASON_LABELS.other : `${HOLD_REASON_LABELS[hold.reason]}${hold.note ? `（${hold.note}）` : ''}`;
  return `暂缓定等：${why}（${hold.by}${hold.at ? `，${hold.at}` : ''}）`;
}

/**
 * 暂缓定等 (docs/method.md §5.9): the grade is held back whatever it would be — pending,
 * flag `held` — the rank is kept, and the secretary takes no place in a band.
 */
function holdGrade(work: Work, policy: Policy, hold: GradeHold | undefined): void {
  if (!hold) return;
  const would = work.fixedGrade;
  work.held = { hold, candidate: would === null };
  flag(work, 'held');
  const otherwise = would && would !== 'pending' ? `，如不暂缓应为${policy.labels[would]}` : '';
  note(work, `${holdText(hold)}${otherwise}，等次暂不确定，不占等次名额`);
  work.fixedGrade = 'pending';
}

/** A lookup in a map of the few (events, carried blocks, holds): most often empty, then no lookup at all. */
const few = <V>(map: Map<string, V>, id: string): V | undefined => (map.size ? map.get(id) : undefined);

function prepare(secretary: Secretary, input: AssessmentInput, indexes: Indexes): Work {
  const { id } = secretary;
  const work: Work = {
    id,
    name: secretary.name,
    secretary,
    orgScore: null,
    baseScore: null,
    items: null,
    scoredBy: null,
    deductions: ZERO,
    bonus: ZERO,
    ballots: null,
    satisfaction: null,
    dissatisfaction: null,
    satisfactionGrade: null,
    total: null,
    rank: 0,
    fixedGrade: null,
    held: null,
    flags: 0,
    notes: NONE,
    excellentBlockers: NONE,
  };
  scoreOf(work, indexes.scorers, indexes.items.get(id), indexes.summaries.get(id));
  ballotsOf(work, input.policy, indexes.tallies.get(id));
  eligibilityOf(work, input.policy);
  recallsOf(work, few(indexes.recalls, id) ?? NO_EVENTS, indexes.recallBlocks);
  carriedOf(work, few(indexes.carried, id) ?? NO_CARRIED);
  fixGrade(work, input.policy, few(indexes.events, id) ?? NO_EVENTS);
  holdGrade(work, input.policy, few(indexes.holds, id));
  return work;
}

interface Indexes {
  items: Map<string, Record<string, string>>;
  summaries: Map<string, { baseScore: string; orgScore: string }>;
  tallies: Map<string, AssessmentInput['tallies'][number]>;
  /** the events of 第十九条 that fix the grade 不称职 */
  events: Map<string, DirectEvent[]>;
  recalls: Map<string, DirectEvent[]>;
  /** what a recall of this year keeps from 优秀, by 驻村方式 (the policy read once) */
  recallBlocks: (secretary: Secretary) => readonly string[];
  carried: Map<string, CarriedBlock[]>;
  decisions: Map<string, Decision>;
  holds: Map<string, GradeHold>;
  /** the scorer of a secretary's rubric, each rubric prepared once */
  scorers: (secretary: Secretary) => Scorer<ItemResult>;
}

/** id → value, the last of an id winning (as new Map(pairs) does), without a pair per entry */
function byId<T extends { id: string }, V>(list: readonly T[], value: (item: T) => V): Map<string, V> {
  const map = new Map<string, V>();
  for (const item of list) map.set(item.id, value(item));
  return map;
}

function indexInput(input: AssessmentInput): Indexes {
  const scorers = new Map<Rubric, Scorer<ItemResult>>();
  const scorerOf = (rubric: Rubric): Scorer<ItemResult> => {
    let scorer = scorers.get(rubric);
    if (!scorer) scorers.set(rubric, (scorer = resultScorer(rubric, input.policy)));
    return scorer;
  };
  return {
    scorers: (secretary) => scorerOf(rubricFor(secretary, input)),
    items: byId(input.itemScores, (s) => s.inputs),
    summaries: byId(input.summaryScores, (s) => s),
    tallies: byId(input.tallies, (t) => t),
    events: groupBy(
      input.events.filter((e) => isDirectEvent(e.kind)),
      (e) => e.id,
    ),
    recalls: groupBy(
      input.events.filter((e) => !isDirectEvent(e.kind)),
      (e) => e.id,
    ),
    recallBlocks: recallBlocksOf(input.policy),
    carried: groupBy(input.carried ?? [], (c) => c.id),
    decisions: new Map(input.decisions.map((d) => [d.id, d])),
    holds: new Map((input.holds ?? []).map((h) => [h.id, h])),
  };
}

function recallBlocksOf(policy: Policy): (secretary: Secretary) => readonly string[] {
  const blocking = (aftermathOf(policy).consequences.recall ?? []).filter((c) => c.blocksExcellent);
  const byMode = new Map(['fulltime', 'parttime'].map((mode) => [mode, blocking.filter((c) => !c.mode || c.mode === mode).map((c) => c.text)]));
  return (secretary) => byMode.get(secretary.mode) ?? [];
}

const countsForQuota = (w: Work, policy: Policy) => policy.quotaBase === 'all' || (w.total !== null && w.fixedGrade === null);

function quotasOf(members: readonly Work[], policy: Policy): CategoryResult['quotas'] {
  let n = 0;
  if (policy.quotaBase === 'all') n = members.length;
  else for (const w of members) if (countsForQuota(w, policy)) n++;
  const quotas: CategoryResult['quotas'] = {};
  const ratios = policyNumbers(policy).bandRatios;
  for (const band of policy.bands) quotas[band.key] = quotaFor(ratios[band.key]!, n, policy.quotaRounding);
  return quotas;
}

const isSmall = (quotas: CategoryResult['quotas'], policy: Policy) => policy.bands.some((b) => (quotas[b.key] ?? 0) === 0);

/** Category key → members; small categories merged with their rank-class siblings when the policy says so. */
function categorize(works: readonly Work[], policy: Policy): Map<string, { members: Work[]; merged: string[] }> {
  const keyOf = keyOfCategory(policy.categoryDimensions);
  const byKey = groupBy(works, (w) => keyOf(w.secretary));
  const categories = new Map<string, { members: Work[]; merged: string[] }>();
  const siblings = new Map<string, string[]>();
  for (const key of byKey.keys()) {
    const sibling = policy.mergeSmallCategories ? siblingKey(key, policy) : null;
    if (sibling) siblings.set(sibling, [...(siblings.get(sibling) ?? []), key]);
    else categories.set(key, { members: byKey.get(key)!, merged: [] });
  }
  for (const [sibling, keys] of siblings) {
    const anySmall = keys.some((k) => isSmall(quotasOf(byKey.get(k)!, policy), policy));
    if (anySmall && keys.length > 1) {
      const sorted = [...keys].sort((a, b) => compareCategoryKeys(a, b, policy.categoryDimensions));
      categories.set(sibling, { members: sorted.flatMap((k) => byKey.get(k)!), merged: sorted });
    } else {
      for (const k of keys) categories.set(k, { members: byKey.get(k)!, merged: [] });
    }
  }
  return categories;
}

/** The row's flags in the order of FLAGS, with `decided` when there is a decision. */
function flagsOf(work: Work, decided: boolean): Flag[] {
  const bits = work.flags | (decided ? FLAG_BITS.decided : 0);
  if (!bits) return NO_FLAGS;
  const flags: Flag[] = [];
  for (let i = 0; i < FLAGS.length; i++) if (bits & (1 << i)) flags.push(FLAGS[i]!);
  return flags;
}

function toRow(work: Work, rank: number | null, grade: Grade, reasons: string[], decision: Decision | undefined, policy: Policy): ResultRow {
  if (decision) {
    const when = decision.quotaNote ? `；审定时${decision.quotaNote}` : '';
    reasons.push(`部长办公会审定为${policy.labels[decision.grade]}：${decision.reason}（${decision.by}${decision.at ? `，${decision.at}` : ''}）${when}`);
  }
  return {
    id: work.id,
    secretary: work.secretary,
    rank,
    orgScore: work.orgScore,
    baseScore: work.baseScore,
    items: work.items,
    scoredBy: work.scoredBy,
    ballots: work.ballots,
    satisfaction: work.satisfaction,
    dissatisfaction: work.dissatisfaction,
    satisfactionGrade: work.satisfactionGrade,
    total: work.total,
    computedGrade: grade,
    decision: decision ?? null,
    grade: decision ? decision.grade : grade,
    hold: work.held?.hold ?? null,
    flags: flagsOf(work, decision !== undefined),
    reasons,
  };
}

type Ranked = Work & { total: Rational; orgScore: Rational; satisfaction: Rational };

function computeCategory(key: string, members: Work[], merged: string[], policy: Policy, decisions: Map<string, Decision>): CategoryResult {
  const quotas = quotasOf(members, policy);
  const smallCategory = isSmall(quotas, policy);
  const smallNote = smallCategory
    ? `本类别${members.length}人，${policy.bands
        .filter((b) => (quotas[b.key] ?? 0) === 0)
        .map((b) => policy.labels[b.key])
        .join('、')}名额为0（类别过小）`
    : null;

  // the secretaries themselves are ranked and become the candidates: no copy per secretary
  const ranked = rankRows(
    members.filter((w): w is Ranked => w.total !== null),
    policy,
  );
  const candidates: Ranked[] = [];
  // held back from a place they would have competed for: the places go to the others, who say why
  const held: Ranked[] = [];
  for (const { row, rank } of ranked) {
    row.rank = rank;
    if (row.fixedGrade === null) candidates.push(row);
    else if (row.held?.candidate) held.push(row);
  }
  const { placements, ties } = fillBands(candidates, policy.bands, quotas, policy, held);

  const rows: ResultRow[] = [];
  /** the reasons of the row being finished, copied at the end into a list of their number */
  const reasons: string[] = [];
  const finish = (work: Work, rank: number | null) => {
    const placement = placements.get(work.id);
    const grade = work.fixedGrade ?? placement?.grade ?? 'competent';
    if (placement?.tie) flag(work, 'tieAtBoundary');
    reasons.length = 0;
    if (smallNote) reasons.push(smallNote);
    for (const text of work.notes) reasons.push(text);
    if (placement) for (const text of placement.reasons) reasons.push(text);
    else if (rank !== null && work.held) reasons.push(`考核总分名次第${rank}，暂缓定等`);
    else if (rank !== null) reasons.push(`考核总分名次第${rank}，等次${has(work, 'directIncompetent') ? '直接确定' : '由满意度测评确定'}`);
    if (!placement && work.fixedGrade !== 'pending') {
      for (const blocker of work.excellentBlockers) reasons.push(`${blocker}，不能评为${policy.labels.excellent}`);
    }
    rows.push(toRow(work, rank, grade, reasons.slice(), decisions.get(work.id), policy));
  };
  for (const { row, rank } of ranked) finish(row, rank);
  const unranked = members.filter((w) => w.total === null).sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const work of unranked) finish(work, null);

  const notes = quotaNotes({ quotas, rows, ties }, policy);
  explainQuotaNotes(rows, notes);
  return {
    key,
    label: categoryLabel(key, policy.categoryDimensions),
    size: members.length,
    quotas,
    smallCategory,
    merged,
    rows,
    ties,
    quotaNotes: notes,
  };
}

/** Each decided secretary behind a note reads what the decisions did now, unless their decision already says it. */
function explainQuotaNotes(rows: ResultRow[], notes: readonly QuotaNote[]): void {
  if (!notes.length) return;
  for (const row of rows) {
    const mine = quotaSentence(
      notes.filter((n) => n.decided.includes(row.id)),
      '本类别',
    );
    if (mine && mine !== row.decision?.quotaNote) row.reasons.push(`审定后${mine}`);
  }
}

export function computeAssessment(input: AssessmentInput): AssessmentResult {
  const { policy } = input;
  const indexes = indexInput(input);
  const works = input.secretaries.map((s) => prepare(s, input, indexes));
  const categories = [...categorize(works, policy)]
    .sort(([a], [b]) => compareCategoryKeys(a, b, policy.categoryDimensions))
    .map(([key, { members, merged }]) => computeCategory(key, members, merged, policy, indexes.decisions));
  return { policy: policy.preset, policyName: policy.name, categories };
}
