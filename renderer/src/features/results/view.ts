/**
 * What the results screen shows of a county: a search by 姓名 or 编号, a filter for
 * what needs attention (待定, each flag: 并列, 审定, 基本分低于优秀最低分 …) and a 镇街.
 * Pure, so the screen, its index and its counts agree.
 */
import { FLAGS, FLAG_LABELS, GRADES, type CategoryResult, type Flag, type Grade, type ResultRow } from '../../../../shared/model';

/** 'all'; 'attention': 待定 or any flag; 'pending': the grade is 待定; or one flag. */
export type Need = 'all' | 'attention' | 'pending' | Flag;

export interface ResultsView {
  query: string;
  need: Need;
  town: string;
}

export const EMPTY_VIEW: ResultsView = { query: '', need: 'all', town: '' };

export const isNeed = (v: unknown): v is Need => v === 'all' || v === 'attention' || v === 'pending' || (FLAGS as readonly unknown[]).includes(v);

/** A row a person should look at: its grade waits for the review meeting, or a flag says something. */
export const needsAttention = (row: ResultRow): boolean => row.grade === 'pending' || row.flags.length > 0;

export function matchesNeed(row: ResultRow, need: Need): boolean {
  switch (need) {
    case 'all':
      return true;
    case 'attention':
      return needsAttention(row);
    case 'pending':
      return row.grade === 'pending';
    default:
      return row.flags.includes(need);
  }
}

/** 姓名 or 编号 contains the query (编号 in any case); an empty query matches all. */
export function matchesSearch(row: ResultRow, query: string): boolean {
  const q = query.trim().toLowerCase();
  if (!q) return true;
  return row.id.toLowerCase().includes(q) || row.secretary.name.toLowerCase().includes(q);
}

export const matchesView = (row: ResultRow, view: ResultsView): boolean =>
  matchesNeed(row, view.need) && matchesSearch(row, view.query) && (!view.town || row.secretary.town === view.town);

export const viewRows = (category: CategoryResult, view: ResultsView): ResultRow[] => category.rows.filter((row) => matchesView(row, view));

export const isNarrowed = (view: ResultsView): boolean => view.need !== 'all' || view.query.trim() !== '' || view.town !== '';

/** The flags first offered: the two the review meeting acts on, then the method's in its order. */
const FLAG_ORDER: readonly Flag[] = ['tieAtBoundary', 'decided', ...FLAGS.filter((f) => f !== 'tieAtBoundary' && f !== 'decided')];

export interface NeedChoice {
  key: Need;
  label: string;
  /** rows of the whole result it keeps */
  count: number;
}

/** The filter's choices in Chinese, each with how many secretaries it keeps. */
export function needChoices(rows: readonly ResultRow[], labels: Record<Grade, string>): NeedChoice[] {
  const count = (need: Need) => rows.filter((r) => matchesNeed(r, need)).length;
  return [
    { key: 'all', label: '全部', count: rows.length },
    { key: 'attention', label: `需关注（${labels.pending}、并列、审定及各项标注）`, count: count('attention') },
    { key: 'pending', label: `等次${labels.pending}`, count: count('pending') },
    ...FLAG_ORDER.map((f) => ({ key: f, label: FLAG_LABELS[f], count: count(f) })),
  ];
}

/** How many of the rows hold each grade, in grade order (优秀, 良好, 称职 …), leaving out none held. */
export function gradeCounts(rows: readonly ResultRow[]): { grade: Grade; count: number }[] {
  return GRADES.map((grade) => ({ grade, count: rows.filter((r) => r.grade === grade).length })).filter((g) => g.count > 0);
}

/** Every 镇街 of the result, in pinyin order. */
export function townsOf(rows: readonly ResultRow[]): string[] {
  return [...new Set(rows.map((r) => r.secretary.town ?? ''))].filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN'));
}
