/**
 * Plausibility warnings (合理性提示, docs/method.md §15): figures that are allowed but
 * unusual — many 废票, a turnout just at the line, a village far from its town — each
 * to be looked at and acknowledged by a person, with a reason, before 定稿. Not errors:
 * they change no score, rank or grade.
 */

export const WARNING_CODES = ['manyInvalid', 'manyAbstain', 'unreturned', 'turnoutNearLine', 'townOutlier', 'categoryOutlier', 'identicalTallies'] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

/**
 * The thresholds of the warnings, a policy setting (`plausibility`). A ratio or number
 * as exact text; null turns that warning off.
 */
export interface PlausibilitySettings {
  /** 废票 above this share of 投票数 */
  invalidAbove: string | null;
  /** 弃权 above this share of 投票数 */
  abstainAbove: string | null;
  /** ballots issued and not returned above this share of 发出票数 */
  unreturnedAbove: string | null;
  /** turnout at or above the line (minTurnout) but less than this above it, as a share of 应参加人数 */
  turnoutMargin: string | null;
  /** a secretary's satisfaction this far or more from the pooled satisfaction of the rest of the town */
  townSatisfactionGap: string | null;
  /** an org score more than this many points from the mean of the rest of the category (null: the warning is off) */
  categoryScoreGap: string | null;
  /**
   * …and more than this many standard deviations of the rest of the category from their
   * mean, so a category whose scores spread wide (bonus items) is not all outliers
   * (null: the points alone decide). Absent in a policy saved before it existed: the default.
   */
  categoryScoreSpread?: string | null;
  /** two secretaries' tallies the same in all six counts */
  identicalTallies: boolean;
}

/** Where a warning's data is entered: the ballots (测评) or the scores (评分) screen. */
export type WarningPlace = 'ballots' | 'scores';

export interface PlausibilityWarning {
  code: WarningCode;
  /** the secretary it concerns (for identical tallies, the first by 编号) */
  id: string;
  /** identical tallies: the other secretary */
  other?: string;
  /** unique within an assessment: `manyInvalid` or `identicalTallies:S7` (with `id`, what an acknowledgment names) */
  warning: string;
  place: WarningPlace;
  /** one Chinese sentence with the figures */
  message: string;
  /** first 16 hex of the SHA-256 of the facts the warning rests on: an acknowledgment keeps it */
  digest: string;
}

/** A person's acknowledgment of a warning: who, when, why, and the digest of what they looked at. */
export interface WarningAck {
  id: string;
  warning: string;
  digest: string;
  reason: string;
  by: string;
  /** ISO time */
  at: string;
}

/** A warning with its acknowledgment: `open` (none), `acknowledged`, or `stale` (the data changed since). */
export interface WarningStatus {
  warning: PlausibilityWarning;
  ack: WarningAck | null;
  state: 'open' | 'acknowledged' | 'stale';
}
