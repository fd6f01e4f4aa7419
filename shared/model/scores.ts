/** What the assessors record: item inputs or summary scores, direct-grade events, decisions. */
import type { Grade } from './grades';

/**
 * Item scores of one secretary: rubric input code → value as decimal text
 * ("1"/"0" for bool inputs). A missing input means none (0, not met).
 */
export interface ItemScores {
  id: string;
  inputs: Record<string, string>;
}

/** Summary scores for teams that score on paper (docs/formats.md §3). Exact decimal text. */
export interface SummaryScore {
  id: string;
  /** 基本分: sections A+B */
  baseScore: string;
  /** 组织工作目标考评得分: final, D1 included */
  orgScore: string;
}

/**
 * Events recorded against a secretary: the three of 第十九条 make the grade 不称职
 * directly; `recall` (召回, seeds 000 and 002) is a recall decided during the year
 * (每季度分析研判, or after the annual vote), with the consequences the policy gives it.
 */
export const EVENT_KINDS = ['breach', 'massIncident', 'lateReport', 'recall'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** The kinds that make the grade 不称职 directly (第十九条). */
export const DIRECT_GRADE_EVENT_KINDS = ['breach', 'massIncident', 'lateReport'] as const satisfies readonly EventKind[];
export const isDirectGrade = (kind: EventKind): boolean => kind !== 'recall';

export interface DirectEvent {
  id: string;
  kind: EventKind;
  note?: string;
  /** the day it was decided (YYYY-MM-DD); a recall's consequences run from it */
  date?: string;
}

/** 部长办公会 decision: shown beside the computed grade, never replacing it silently. */
export interface Decision {
  id: string;
  grade: Grade;
  reason: string;
  /** who recorded it */
  by: string;
  /** ISO date */
  at?: string;
  /**
   * What the decision did to the category's quotas when it was recorded, in words
   * (本类别优秀 4 人，超出名额（3 人）1 人); absent when it stayed within them.
   */
  quotaNote?: string;
}
