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

/** 第十九条: events that make the grade 不称职 directly. */
export const DIRECT_EVENT_KINDS = ['breach', 'massIncident', 'lateReport'] as const;
/**
 * Events of a secretary's year: those of 第十九条, and a recall (召回撤换, seeds 000 and
 * 002) — decided by a quarterly review or recorded on its own — which does not set the
 * grade by itself (docs/method.md §5.1).
 */
export const EVENT_KINDS = [...DIRECT_EVENT_KINDS, 'recall'] as const;
export type EventKind = (typeof EVENT_KINDS)[number];
export const isDirectEvent = (kind: EventKind): boolean => (DIRECT_EVENT_KINDS as readonly string[]).includes(kind);

export interface DirectEvent {
  id: string;
  kind: EventKind;
  note?: string;
  /** a recall decided by a quarterly review: that quarter (YYYYQn) */
  quarter?: string;
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

/** Why a grade is held back (暂缓定等): 立案审查中, 驻村不足一定期限, or another reason given in words. */
export const HOLD_REASONS = ['investigation', 'shortPresence', 'other'] as const;
export type HoldReason = (typeof HOLD_REASONS)[number];

/**
 * 暂缓定等 (docs/method.md §5.9): a person holds a secretary's grade back, with a reason, like
 * a decision of the review meeting and as reversible. The secretary keeps the rank, gets no
 * grade (待定) and takes no place: the band's places go to the others.
 */
export interface GradeHold {
  id: string;
  reason: HoldReason;
  /** what the reason is in words; required for `other` */
  note?: string;
  /** who recorded it */
  by: string;
  /** ISO date */
  at?: string;
}
