/** The policy's 考核结果运用 in words (docs/method.md §11): what each grade and a recall bring, for how long, and whether it bars 优秀. */
import { CONSEQUENCE_TRIGGERS, MODE_SHORT, type Policy } from '../../../../shared/model';
import { aftermathOf } from '../../../../shared/policy';

export function PolicyConsequences({ policy }: { policy: Policy }) {
  const { consequences, unitRecalls, term } = aftermathOf(policy);
  const word = (t: (typeof CONSEQUENCE_TRIGGERS)[number]) => (t === 'recall' ? '召回' : policy.labels[t]);
  return (
    <details className="card" data-testid="policy-consequences">
      <summary>考核结果运用规则（{policy.name}；可在“考核”页的考核规则中修改）</summary>
      <ul>
        {CONSEQUENCE_TRIGGERS.filter((t) => consequences[t]?.length).map((t) => (
          <li key={t}>
            <strong>{word(t)}：</strong>
            {consequences[t]!.map(
              (c) =>
                `${c.mode ? `（${MODE_SHORT[c.mode]}）` : ''}${c.text}（${c.years ? `${c.years}年` : '当年'}${c.blocksExcellent ? '，期间不得评为优秀' : ''}${c.cadreFile ? '，记入干部档案' : ''}）`,
            ).join('；')}
          </li>
        ))}
        {unitRecalls ? <li>{`派出单位一年内召回${unitRecalls.atLeast}次及以上：${unitRecalls.text}`}</li> : null}
        <li>
          {`期满考核：任期内有${term.failIfAnyYear.map((g) => policy.labels[g]).join('、')}年度${term.failOnRecall ? '或被召回' : ''}的为${term.labels.fail}；`}
          {term.excellentMinShare
            ? `${term.excellentMinShare}及以上年度为${policy.labels.excellent}且没有${policy.labels.basic}、${policy.labels.incompetent}年度的为${term.labels.excellent}；`
            : ''}
          {`其余为${term.labels.pass}。任期：脱产 ${term.years.fulltime} 年，非脱产 ${term.years.parttime} 年。`}
        </li>
      </ul>
    </details>
  );
}
