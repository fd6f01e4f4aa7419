import { holdText } from '../../../../shared/method';
import { computedGradeText, type Grade, type ResultRow } from '../../../../shared/model';

/** 等次 in words: the computed grade (暂缓定等 with its reason), and the review meeting's decision beside it. */
export function GradeText({ labels, row }: { labels: Record<Grade, string>; row: ResultRow }) {
  return (
    <>
      计算等次：{computedGradeText(row, labels)}
      {row.hold ? `（${holdText(row.hold)}）` : ''}
      {row.decision ? `　部长办公会审定：${labels[row.decision.grade]}` : ''}
    </>
  );
}
