/** The `--json` output of docs/formats.md §9: exact numbers as strings, rows in rank order. */
import { toDecimal, toFixed, toFraction } from '../exact/rational';
import type {
  AssessmentResult,
  BallotSummary,
  BandKey,
  CategoryResult,
  Decision,
  Flag,
  Grade,
  GradeHold,
  PlausibilityWarning,
  ResultRow,
  WarningCode,
} from '../model';

export interface RowJson {
  id: string;
  name: string;
  rank: number | null;
  orgScore: string | null;
  baseScore: string | null;
  /** the counts of docs/formats.md §9, without 发出票数 */
  ballots: Omit<BallotSummary, 'issued'> | null;
  satisfaction: string | null;
  total: string | null;
  totalExact: string | null;
  grade: Grade;
  /** present when the review meeting decided: the grade the method computed */
  computedGrade?: Grade;
  decision?: Decision;
  /** present when the grade is held back (暂缓定等) */
  hold?: GradeHold;
  flags: Flag[];
  reasons: string[];
}

export interface CategoryJson {
  key: string;
  label: string;
  size: number;
  quotas: Partial<Record<BandKey, number>>;
  smallCategory: boolean;
  /** only when the review meeting's decisions put a band over its quota or left a place empty */
  quotaNotes?: { band: BandKey; quota: number; count: number; held: number; over: number; freed: number; decided: string[]; text: string }[];
  rows: RowJson[];
}

/** A plausibility warning (docs/method.md §15): for a person to look at, not an error. */
export interface WarningJson {
  id: string;
  code: WarningCode;
  other?: string;
  message: string;
  digest: string;
}

export interface ResultJson {
  policy: string;
  categories: CategoryJson[];
  /** only when there are plausibility warnings */
  warnings?: WarningJson[];
}

function rowJson(row: ResultRow): RowJson {
  const b = row.ballots;
  const json: RowJson = {
    id: row.id,
    name: row.secretary.name,
    rank: row.rank,
    orgScore: row.orgScore && toDecimal(row.orgScore),
    baseScore: row.baseScore && toDecimal(row.baseScore),
    ballots: b && {
      verySatisfied: b.verySatisfied,
      satisfied: b.satisfied,
      basic: b.basic,
      dissatisfied: b.dissatisfied,
      invalid: b.invalid,
      abstain: b.abstain,
      cast: b.cast,
      eligible: b.eligible,
    },
    satisfaction: row.satisfaction && toFixed(row.satisfaction, 4),
    total: row.total && toFixed(row.total, 2),
    totalExact: row.total && toFraction(row.total),
    grade: row.grade,
    flags: row.flags,
    reasons: row.reasons,
  };
  if (row.decision) {
    json.computedGrade = row.computedGrade;
    json.decision = row.decision;
  }
  if (row.hold) json.hold = row.hold;
  return json;
}

function categoryJson(category: CategoryResult): CategoryJson {
  const json: CategoryJson = {
    key: category.key,
    label: category.label,
    size: category.size,
    quotas: category.quotas,
    smallCategory: category.smallCategory,
    ...(category.quotaNotes.length ? { quotaNotes: category.quotaNotes } : {}),
    rows: category.rows.map(rowJson),
  };
  return json;
}

const warningJson = ({ id, code, other, message, digest }: PlausibilityWarning): WarningJson => ({ id, code, ...(other ? { other } : {}), message, digest });

export function resultToJson(result: AssessmentResult, warnings: readonly PlausibilityWarning[] = []): ResultJson {
  return {
    policy: result.policy,
    categories: result.categories.map(categoryJson),
    ...(warnings.length ? { warnings: warnings.map(warningJson) } : {}),
  };
}
