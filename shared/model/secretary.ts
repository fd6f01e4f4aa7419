/** 考核对象: a first secretary (第一书记), docs/method.md §1. */

export const SOURCES = ['town', 'city'] as const;
export type Source = (typeof SOURCES)[number];

export const MODES = ['fulltime', 'parttime'] as const;
export type Mode = (typeof MODES)[number];

export const RANK_CLASSES = ['chief', 'leader', 'section', 'junior'] as const;
export type RankClass = (typeof RANK_CLASSES)[number];

export const POST_TYPES = ['village', 'community'] as const;
export type PostType = (typeof POST_TYPES)[number];

/** 村党组织 ABCD 分类定级, A best. */
export const RATINGS = ['A', 'B', 'C', 'D'] as const;
export type Rating = (typeof RATINGS)[number];

export interface Secretary {
  id: string;
  name: string;
  unit?: string;
  source: Source;
  mode: Mode;
  rankClass: RankClass;
  town?: string;
  village?: string;
  postType: PostType;
  eligibleVoters: number;
  ratingStart?: Rating;
  ratingEnd?: Rating;
  daysPresent?: number;
  workDays?: number;
  /** 身份证号: who the person is across years (docs/method.md §10); masked on screens and prints */
  idNumber?: string;
  /** 任期开始, 任期结束 (YYYY-MM-DD): the term the 期满考核 closes (docs/method.md §12) */
  termStart?: string;
  termEnd?: string;
}

/** Dimensions a policy may rank by (docs/method.md §4.2). */
export type CategoryDimension = 'source' | 'mode' | 'rankClass' | 'postType';
