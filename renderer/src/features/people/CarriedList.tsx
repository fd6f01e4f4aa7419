/** Who carries what from earlier years into this assessment (docs/method.md §11.3): shown when opening the next year. */
import { untilWords, type CarriedLine } from '../../../../shared/people';
import { personHref } from '../../data/routes';

export function CarriedList({ assessmentId, lines }: { assessmentId: string; lines: readonly CarriedLine[] }) {
  if (!lines.length) return null;
  const blocking = lines.filter((l) => l.occurrences.some((o) => o.blocksExcellent)).length;
  return (
    <section className="card notice-warn carried" data-testid="carried-list" aria-label="往年考核结果运用">
      <strong>
        {`往年考核结果运用：${lines.length} 名第一书记本年度仍在处理期内`}
        {blocking ? `，其中 ${blocking} 名不得评为优秀（已计入本年度等次，见“说明”）` : ''}
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
    </section>
  );
}
