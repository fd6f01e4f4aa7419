import type { Grade, ResultRow } from '../../../../shared/model';

/** 等次 in words: the computed grade, and the review meeting's decision beside it. */
export function GradeText({ labels, row }: { labels: Record<Grade, string>; row: ResultRow }) {
  return (
    <>
      计算等次：{labels[row.computedGrade]}
      {row.decision ? `　部长办公会审定：${labels[row.decision.grade]}` : ''}
    </>
  );
}
