/** What every print takes: plain data, no database, so the app and the command line render the same views. */
import type { AssessmentResult, Band, Grade, NoticePeriod, Rubric } from '../../../../shared/model';
import type { ApprovalSummary, AwardLine, TermSheet, UnitFeedback } from '../../../../shared/people';

export type { TermSheet };

import { type PrintKind } from '../../../../shared/model';

export { isPrintKind, PRINT_KIND_LABELS, PRINT_KINDS, type PrintKind } from '../../../../shared/model';

/** The ranking table is wide: landscape A4; everything else portrait. */
export const isLandscape = (kind: PrintKind): boolean => kind === 'ranking';

/** Prints with a part per secretary: these can also be narrowed to one person (every print narrows to a category and a town). */
export const isPerSecretary = (kind: PrintKind): boolean => kind === 'individual' || kind === 'ballots' || kind === 'tally';

export type EvidenceStatus = 'pending' | 'checked' | 'missing' | 'doubtful';

/** One line of a secretary's evidence checklist. */
export interface EvidenceLine {
  itemCode: string;
  /** 材料种类 in words: 会议记录, 民情日记 … */
  kind: string;
  status: EvidenceStatus;
}

export interface PrintData {
  assessment: { name: string; year: number; region: string };
  policy: { name: string; labels: Record<Grade, string>; bands: Band[] };
  result: AssessmentResult;
  /** for 个人考评表: the rubric, each secretary's item inputs and evidence checklist */
  rubric?: Rubric;
  /** the 社区 rubric and the 编号 of the secretaries scored by it (policy communityRubric “own”) */
  communityRubric?: Rubric;
  communityIds?: string[];
  itemInputs?: Record<string, Record<string, string>>;
  evidence?: Record<string, EvidenceLine[]>;
  /** ISO date (YYYY-MM-DD) printed on the documents */
  printDate: string;
  /** the 公示 period as the team entered it; without one the notice leaves it to be filled in by hand */
  notice?: NoticePeriod;
  /** what a narrowed print covers, in words (“类别：镇街·脱产·正股级；所在镇街：胶西街道”); absent when it covers all */
  scope?: string;
  /** finalised after the review meeting */
  locked?: boolean;
  /** hash of the last audit-log entry, when there is one */
  auditHead?: string;
  /** blank ballots per secretary: one sheet of them, or one per eligible voter */
  ballotCopies?: 'page' | 'eligible';
  /** each secretary's 考核组 by 编号, when the assessment has groups (docs/data.md §12) */
  groups?: Record<string, string>;
  /** what follows the review meeting (奖惩意见, 报批, 反馈派出单位, 干部档案), from the grades, recalls and the policy */
  aftermath?: AftermathData;
}

export interface AftermathData {
  awards: AwardLine[];
  units: UnitFeedback[];
  summary: ApprovalSummary;
  /** the secretaries whose term the 期满考核 closes, with their years (the app reads them from every assessment) */
  terms?: TermSheet[];
  /** 审批日期 (YYYY-MM-DD), when entered */
  approvedAt?: string;
}
