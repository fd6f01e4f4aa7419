/** Where a secretary's org-work scoring stands, for the picker, 首页 and 定稿. */
import { scoringMode } from '../../db/scores';
import type { ItemScoresRecord, SummaryScoreRecord } from '../../db/schema';

export type ScoringStatus = 'none' | 'inProgress' | 'completed' | 'summary';

export function scoringStatus(items: ItemScoresRecord | undefined, summary: SummaryScoreRecord | undefined): ScoringStatus {
  switch (scoringMode(items, summary)) {
    case 'summary':
      return 'summary';
    case 'items':
      return items?.completed ? 'completed' : 'inProgress';
    case null:
      return 'none';
  }
}

export const SCORING_STATUS_LABELS: Record<ScoringStatus, string> = {
  none: '未评',
  inProgress: '评分中',
  completed: '已评',
  summary: '汇总分',
};

export const SCORING_STATUS_BADGES: Record<ScoringStatus, string> = {
  none: 'badge-warn',
  inProgress: 'badge-warn',
  completed: 'badge-ok',
  summary: '',
};
