/**
 * The year's field work between two review meetings (docs/method.md §14): attendance,
 * the quarterly review, the papers the method requires, who assesses whom, and the
 * ballot boxes. Records name a secretary by `id` (编号) like every other record.
 */

/**
 * 考勤: one month of a secretary's attendance (seed 002 日考勤, 月排名; seed 001 镇街点名考勤),
 * the 在岗 summary the village party secretary signs each month.
 */
export interface AttendanceMonth {
  id: string;
  /** YYYY-MM */
  month: string;
  /** 在村工作天数 (因公出差 included) */
  daysPresent: number;
  /** 本月工作日数 */
  workDays: number;
  /** 请假天数 */
  leaveDays: number;
  /** 村(社区)党组织书记 who signed the month's summary */
  signedBy?: string;
  note?: string;
}

/** Seed 002 季召回制度: the five grounds of a recall, in its words. */
export const RECALL_GROUNDS = ['discipline', 'absent', 'weak', 'unfit', 'other'] as const;
export type RecallGround = (typeof RECALL_GROUNDS)[number];

/** What a quarterly review decides for a secretary. */
export const REVIEW_DECISIONS = ['retain', 'remind', 'recall'] as const;
export type ReviewDecision = (typeof REVIEW_DECISIONS)[number];

/**
 * 每季度分析研判 (seed 002): a person's finding for one secretary in one quarter. A
 * `recall` needs its ground; it is also recorded as a `recall` event (events table).
 */
export interface QuarterReview {
  id: string;
  /** YYYYQn, e.g. 2024Q2 */
  quarter: string;
  ground?: RecallGround;
  decision: ReviewDecision;
  note?: string;
}

/** The papers the method requires of a secretary (seed 001 第九条…第十九条; seeds 000, 003). */
export const PAPER_KINDS = ['targets', 'pledge', 'report', 'selfCheck', 'diary', 'ledger'] as const;
export type PaperKind = (typeof PAPER_KINDS)[number];

/**
 * One paper of a secretary: received (when, by whom) or waived (with a reason). No
 * record: not received. A scan is an attachment of the secretary with item code
 * `paper:<kind>` (paperItemCode).
 */
export interface PaperRecord {
  id: string;
  kind: PaperKind;
  status: 'received' | 'waived';
  /** the day it was received or waived, YYYY-MM-DD */
  date: string;
  /** the operator who received it, or waived it */
  by: string;
  /** why it is waived (waived only) */
  reason?: string;
  note?: string;
}

/** An attachment's item code for a paper's scan. */
export const paperItemCode = (kind: PaperKind) => `paper:${kind}`;

/** 001 第十九条: the city's 考核组 assesses 脱产 secretaries, each town's its 非脱产 ones. */
export const GROUP_LEVELS = ['city', 'town'] as const;
export type GroupLevel = (typeof GROUP_LEVELS)[number];

/** A 考核组 and its members (names of the operator list). Part of the assessment's settings. */
export interface AssessmentGroup {
  /** unique within the assessment */
  id: string;
  name: string;
  level: GroupLevel;
  /** the town of a town's group */
  town?: string;
  members: string[];
}

/**
 * Which group a secretary's scoring belongs to, and the group's sign-off of it:
 * who, when, and the digest of the secretary's scores and tally as signed (a later
 * change of either no longer matches: the group's share is open again).
 */
export interface GroupAssignment {
  id: string;
  /** an AssessmentGroup id */
  group: string;
  signedOff?: { by: string; at: string; digest: string };
}

/** 001 第十七条: who votes in the satisfaction ballot. */
export const VOTER_GROUPS = ['committee', 'members', 'representatives', 'veterans', 'activists'] as const;
export type VoterGroup = (typeof VOTER_GROUPS)[number];

/**
 * A secretary's ballot box (票箱): ballots issued and when, returned and when, the
 * names on its 计票单, and optionally the voters by group — whose sum is then the
 * electorate (应参加人数).
 */
export interface BallotBox {
  id: string;
  /** 发出票数 */
  issued: number;
  /** YYYY-MM-DD */
  issuedAt: string;
  /** 收回票数, once the box is back */
  returned?: number;
  returnedAt?: string;
  /** 唱票人 */
  caller?: string;
  /** 计票人 */
  counter?: string;
  /** 监票人 */
  scrutineer?: string;
  voters?: Partial<Record<VoterGroup, number>>;
  note?: string;
}

/** `2024-03` → `2024年3月`. */
export function monthLabel(month: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  return m ? `${m[1]}年${Number(m[2])}月` : month;
}

/** `2024Q2` → `2024年第2季度`. */
export function quarterLabel(quarter: string): string {
  const m = /^(\d{4})Q([1-4])$/.exec(quarter);
  return m ? `${m[1]}年第${m[2]}季度` : quarter;
}

/** The quarter a month (YYYY-MM) falls in. */
export function quarterOfMonth(month: string): string {
  const [year = '', mm = '1'] = month.split('-');
  return `${year}Q${Math.floor((Number(mm) - 1) / 3) + 1}`;
}

/** The three months (YYYY-MM) of a quarter (YYYYQn). */
export function monthsOfQuarter(quarter: string): string[] {
  const [year = '', q = '1'] = quarter.split('Q');
  const first = (Number(q) - 1) * 3 + 1;
  return [first, first + 1, first + 2].map((m) => `${year}-${String(m).padStart(2, '0')}`);
}

export const isMonth = (text: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(text);
export const isQuarter = (text: string): boolean => /^\d{4}Q[1-4]$/.test(text);
