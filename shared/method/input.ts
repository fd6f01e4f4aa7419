/** Everything the method needs for one assessment. */
import type { BallotTally, Decision, DirectEvent, GradeHold, ItemScores, Policy, Rubric, Secretary, SummaryScore } from '../model';

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
}
