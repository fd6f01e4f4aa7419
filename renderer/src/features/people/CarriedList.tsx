/**
 * Who carries what from earlier years into this assessment (docs/method.md §11.3): shown when
 * opening the next year. A finalized year computes with the blocks it was finalized with: when
 * the history has changed since (a link made later), those are listed beside today's.
 */
import { untilWords } from '../../../../shared/people';
import type { Carried } from '../../db/people';
import { personHref } from '../../data/routes';

export function CarriedList({ assessmentId, carried }: { assessmentId: string; carried: Carried }) {
  const { lines, changedSinceLock: finalized } = carried;
  if (!lines.length && !finalized) return null;
  const blocking = lines.filter((l) => l.occurrences.some((o) => o.blocksExcellent)).length;
  return (
    <section className="card notice-warn carried" data-testid="carried-list" aria-label="往年考核结果运用">
      <strong>
        {lines.length ? `往年考核结果运用：${lines.length} 名第一书记本年度仍在处理期内` : '往年考核结果运用：没有第一书记本年度仍在处理期内'}
        {finalized ? '（按现在的往年记录）' : blocking ? `，其中 ${blocking} 名不得评为优秀（已计入本年度等次，见“说明”）` : ''}
      </strong>
      <ul>
        {lines.map((l) => (
          <li key={l.id}>
            <a href={personHref(assessmentId, l.id)}>{`${l.name}（${l.id}）`}</a>：
            {l.occurrences.map((o, i) => (
              <span key={i} className={o.blocksExcellent ? 'blocks' : undefined}>
                {i ? '；' : ''}
                {`${o.source}，${o.text}（${untilWords(o)}）`}
                {o.blocksExcellent ? '〔不得评为优秀〕' : ''}
              </span>
            ))}
          </li>
        ))}
      </ul>
      {finalized ? (
        <div data-testid="carried-at-lock">
          <strong>{`本年度已定稿，定稿后往年记录有变化；等次按定稿时计入的往年处理计算：${finalized.length ? `${new Set(finalized.map((b) => b.id)).size} 名不得评为优秀` : '无'}`}</strong>
          <ul>
            {finalized.map((b, i) => (
              <li key={i}>
                <a href={personHref(assessmentId, b.id)}>{`${b.name}（${b.id}）`}</a>：{b.reason}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </section>
  );
}
