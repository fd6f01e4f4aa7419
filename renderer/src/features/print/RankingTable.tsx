/** 考核结果排名表: one landscape section per category, header repeated on every page. */
import { explanationLines, resultColumns, type CategoryResult, type Grade, type ResultColumnKey, type ResultRow } from '../../../../shared/model';
import { categoryDigests } from './digest';
import type { PrintData } from './model';
import { DocHead, Signatures } from './parts';

/** The shared row columns this print has room for, with their widths in mm at 8.5 pt (3 mm a character, 2 mm padding); 说明 takes the rest. */
const WIDTHS = {
  rank: 8,
  name: 13,
  unit: 16,
  place: 18,
  baseScore: 10,
  orgScore: 12,
  eligible: 10,
  cast: 9,
  verySatisfied: 8,
  satisfied: 8,
  basic: 8,
  dissatisfied: 8,
  invalid: 8,
  abstain: 8,
  satisfaction: 16,
  total: 12,
  computedGrade: 12,
  decidedGrade: 12,
} as const satisfies Partial<Record<ResultColumnKey, number>>;
const COLUMNS = resultColumns(Object.keys(WIDTHS) as (keyof typeof WIDTHS)[]);
const SPAN = COLUMNS.length + 1;

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
          {COLUMNS.map((c) => (
            <col key={c.key} style={{ width: `${WIDTHS[c.key as keyof typeof WIDTHS]}mm` }} />
          ))}
          <col />
        </colgroup>
        <thead>
          <tr className="caption-row">
            <th colSpan={SPAN}>
              {category.label}　数据摘要 {digest}
              <span>
                {data.assessment.year}年度 {data.assessment.name}
              </span>
            </th>
          </tr>
          <tr>
            {COLUMNS.map((c) => (
              <th key={c.key}>{c.header}</th>
            ))}
            <th>说明</th>
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
            <td colSpan={SPAN} className="foot-cell">
              <RankingFoot />
            </td>
          </tr>
        </tbody>
      </table>
    </section>
  );
}

function RankingRow({ row, labels }: { row: ResultRow; labels: Record<Grade, string> }) {
  return (
    <tr>
      {COLUMNS.map((c) => (
        <td key={c.key} className={c.numeric ? 'num' : c.key === 'decidedGrade' && row.decision ? 'decided' : undefined}>
          {c.text(row, labels)}
        </td>
      ))}
      <td className="note">
        {explanationLines(row).map((line, i) => (
          <div key={i}>{line}</div>
        ))}
      </td>
    </tr>
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
