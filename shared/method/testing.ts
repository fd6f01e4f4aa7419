/** Builders for method tests: a secretary, a tally, an input, with sensible defaults. */
import type { BallotTally, Policy, Secretary } from '../model';
import { presetPolicy, type PresetName } from '../policy/presets';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import type { AssessmentInput } from './input';

export function secretary(id: string, overrides: Partial<Secretary> = {}): Secretary {
  return {
    id,
    name: `书记${id}`,
    source: 'town',
    mode: 'fulltime',
    rankClass: 'section',
    postType: 'village',
    eligibleVoters: 45,
    ...overrides,
  };
}

/** [很满意, 满意, 基本满意, 不满意, 废票?, 弃权?] */
export function tally(id: string, counts: readonly number[], issued?: number): BallotTally {
  const [verySatisfied = 0, satisfied = 0, basic = 0, dissatisfied = 0, invalid = 0, abstain = 0] = counts;
  const t: BallotTally = { id, verySatisfied, satisfied, basic, dissatisfied, invalid, abstain };
  if (issued !== undefined) t.issued = issued;
  return t;
}

export interface Person {
  id: string;
  org: string;
  base: string;
  votes: readonly number[];
  eligible?: number;
  s?: Partial<Secretary>;
}

/** An input where everyone is summary-scored. */
export function inputOf(people: readonly Person[], policy: Policy | PresetName = 'jiaozhou', extra: Partial<AssessmentInput> = {}): AssessmentInput {
  return {
    policy: typeof policy === 'string' ? presetPolicy(policy) : policy,
    rubric: JIAOZHOU_RUBRIC,
    secretaries: people.map((p) => secretary(p.id, { eligibleVoters: p.eligible ?? 45, ...p.s })),
    itemScores: [],
    summaryScores: people.map((p) => ({ id: p.id, orgScore: p.org, baseScore: p.base })),
    tallies: people.map((p) => tally(p.id, p.votes)),
    events: [],
    decisions: [],
    ...extra,
  };
}

export function policyWith(overrides: Partial<Policy>, preset: PresetName = 'jiaozhou'): Policy {
  return { ...presetPolicy(preset), ...overrides };
}
