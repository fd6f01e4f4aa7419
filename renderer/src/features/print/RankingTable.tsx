/** 考核结果排名表: one landscape section per category, header repeated on every page. */
import type { CategoryResult, Grade, ResultRow } from '../../../../shared/model';
import { categoryDigests } from './digest';
import { dash, explanation, placeOf, ratio4, score, total2 } from './format';
import type { PrintData } from './model';
import { DocHead, Signatures } from './parts';

/** Widths in mm at 8.5 pt (3 mm a character, 2 mm padding): two-character labels on one line, 说明 as wide as it can be. */
const COLUMNS: [label: string, widthMm: number][] = [
  ['名次', 9],
  ['姓名', 13],
  ['派出单位', 20],
  ['所在镇街/村', 21],
  ['基本分', 10],
  ['组织工作目标考评得分', 13],
  ['应参加人数', 10],
  ['投票数', 9],
  ['很满意', 9],
  ['满意', 9],
  ['基本满意', 9],
  ['不满意', 9],
  ['废票', 9],
  ['满意度', 12],
  ['考核总分', 12],
  ['等次', 15],
  ['说明', 0],
];

export function RankingTables({ data }: { data: PrintData }) {
  const digests = categoryDigests(data.result);
  return (
    <>
      {data.result.categories.map((c) => (
        <CategorySection key={c.key} data={data} category={c} digest={digests.get(c.key) ?? ''} />
      ))}
    </>
  );
}

function quotaText(category: CategoryResult, data: PrintData): string {
  const quotas = data.policy.bands.map((b) => `${data.policy.labels[b.key]}${category.quotas[b.key] ?? 0}名`).join('，');
  const small = category.smallCategory ? '（人数过少，无名额）' : '';
  const merged = category.merged.length ? `（含合并的${category.merged.length}个小类别）` : '';
  return `${category.size}人；名额：${quotas}${small}${merged}`;
}

function CategorySection({ data, category, digest }: { data: PrintData; category: CategoryResult; digest: string }) {
  const labels = data.policy.labels;
  return (
    <section className="section">
      <DocHead
        title="村(社区)党组织“第一书记”考核结果排名表"
        data={data}
        digest={digest}
        extra={
          <>
            <p className="meta">
              类别：{category.label}　{quotaText(category, data)}
            </p>
            {category.quotaNotes.length ? <p className="meta quota-note">部长办公会审定后，本类别{category.quotaNotes.map((n) => n.text).join('；')}</p> : null}
          </>
        }
      />
      <table className="dense">
        <colgroup>
          {COLUMNS.map(([label, w]) => (
            <col key={label} style={w ? { width: `${w}mm` } : undefined} />
          ))}
        </colgroup>
        <thead>
          <tr className="caption-row">
            <th colSpan={COLUMNS.length}>
              {category.label}　数据摘要 {digest}
              <span>
                {data.assessment.year}年度 {data.assessment.name}
              </span>
            </th>
          </tr>
          <tr>
            {COLUMNS.map(([label]) => (
              <th key={label}>{label}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {category.rows.slice(0, -1).map((row) => (
            <RankingRow key={row.id} row={row} labels={labels} />
          ))}
        </tbody>
        {/* the last row and the foot go together; on a new page under the repeated header and its digest */}
        <tbody className="keep">
          {category.rows.slice(-1).map((row) => (
            <RankingRow key={row.id} row={row} labels={labels} />
          ))}
          <tr>
            <td colSpan={COLUMNS.length} className="foot-cell">
              <RankingFoot />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function RankingRow({ row, labels }: { row: ResultRow; labels: Record<Grade, string> }) {
  const b = row.ballots;
  return (
    <tr>
      <td>{row.rank ?? dash}</td>
      <td>{row.secretary.name}</td>
      <td>{row.secretary.unit ?? dash}</td>
      <td>{placeOf(row.secretary)}</td>
      <td className="num">{score(row.baseScore)}</td>
      <td className="num">{score(row.orgScore)}</td>
      <td className="num">{row.secretary.eligibleVoters}</td>
      <td className="num">{b ? b.cast : dash}</td>
      <td className="num">{b ? b.verySatisfied : dash}</td>
      <td className="num">{b ? b.satisfied : dash}</td>
      <td className="num">{b ? b.basic : dash}</td>
      <td className="num">{b ? b.dissatisfied : dash}</td>
      <td className="num">{b ? (b.abstain ? `${b.invalid}（弃权${b.abstain}）` : b.invalid) : dash}</td>
      <td className="num">{ratio4(row.satisfaction)}</td>
      <td className="num">{total2(row.total)}</td>
      <GradeCell labels={labels} computed={row.computedGrade} decided={row.decision?.grade ?? null} />
      <td className="note">
        {explanation(row, labels).map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </td>
    </tr>
  );
}

/** The computed grade; a decision is shown beside it, never in its place. */
export function GradeCell({ labels, computed, decided }: { labels: Record<Grade, string>; computed: Grade; decided: Grade | null }) {
  return (
    <td>
      {labels[computed]}
      {decided ? <span className="decided">审定：{labels[decided]}</span> : null}
    </td>
  );
}

function RankingFoot() {
  return (
    <div className="foot-block">
      <Signatures labels={['考核组成员', '审核人', '制表人', '日期']} />
      <div className="review-box">
        部长办公会审定意见：
        <div className="foot">（盖章）　　年　　月　　日</div>
      </div>
    </div>
  );
}
