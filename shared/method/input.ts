/** Everything the method needs for one assessment. */
import type { BallotTally, Decision, DirectEvent, GradeHold, ItemScores, Policy, Rubric, Secretary, SummaryScore } from '../model';

/**
 * A consequence of an earlier year that is still in force this year and keeps the
 * secretary from 优秀 (docs/method.md §11.3): the person's 2024 不称职 → 取消年度评优资格.
 * Worked out from the person's history before the method runs (shared/people/carry.ts).
 */
export interface CarriedBlock {
  /** the secretary's 编号 in this assessment */
  id: string;
  /** why, in words: 2024年度考核不称职：取消年度评优资格（至2025年12月31日） */
  reason: string;
}

export interface AssessmentInput {
  policy: Policy;
  /** the village rubric; also used for 社区 unless policy.communityRubric is "own" */
  rubric: Rubric;
  communityRubric?: Rubric;
  secretaries: Secretary[];
  itemScores: ItemScores[];
  summaryScores: SummaryScore[];
  tallies: BallotTally[];
  events: DirectEvent[];
  decisions: Decision[];
  /** grades held back (暂缓定等); none when absent */
  holds?: GradeHold[];
  /** consequences of earlier years that block 优秀 this year; none when absent */
  carried?: CarriedBlock[];
}
