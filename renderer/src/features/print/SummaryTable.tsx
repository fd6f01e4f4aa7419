/**
 * 汇总表: categories with sizes, quotas and grade counts; the categories the review
 * meeting's decisions put over a quota or left with a place empty; then every flag, who has it.
 */
import { FLAGS, FLAG_LABELS, GRADES, type ResultRow } from '../../../../shared/model';
import { resultDigest } from './digest';
import type { PrintData } from './model';
import { DocHead, Signatures } from './parts';

export function SummaryTable({ data }: { data: PrintData }) {
  const { result, policy } = data;
  const rows = result.categories.flatMap((c) => c.rows);
  const count = (list: readonly ResultRow[], g: (typeof GRADES)[number]) => list.filter((r) => r.grade === g).length;
  const categoryOf = new Map(result.categories.flatMap((c) => c.rows.map((r) => [r.id, c.label] as const)));
  const flagged = FLAGS.flatMap((f) => rows.filter((r) => r.flags.includes(f)).map((r) => ({ flag: f, row: r })));
  const quotaNotes = result.categories.flatMap((c) => c.quotaNotes.map((note) => ({ category: c, note })));
  return (
    <section className="section">
      <DocHead title="村(社区)党组织“第一书记”考核结果汇总表" data={data} digest={resultDigest(result)} />
      <table className="grid">
        <colgroup>
          <col style={{ width: '44mm' }} />
          <col />
          {policy.bands.map((b) => (
            <col key={b.key} />
          ))}
          {GRADES.map((g) => (
            <col key={g} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th rowSpan={2}>类别</th>
            <th rowSpan={2}>人数</th>
            <th colSpan={policy.bands.length}>名额</th>
            <th colSpan={GRADES.length}>等次人数（含部长办公会审定）</th>
          </tr>
          <tr>
            {policy.bands.map((b) => (
              <th key={b.key}>{policy.labels[b.key]}</th>
            ))}
            {GRADES.map((g) => (
              <th key={g}>{policy.labels[g]}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {result.categories.map((c) => (
            <tr key={c.key}>
              <td className="left">
                {c.label}
                {c.smallCategory ? '（人数过少）' : ''}
                {c.quotaNotes.some((n) => n.over) ? '（审定后超出名额）' : c.quotaNotes.length ? '（审定后空出名额）' : ''}
              </td>
              <td className="num">{c.size}</td>
              {policy.bands.map((b) => (
                <td key={b.key} className="num">
                  {c.quotas[b.key] ?? 0}
                </td>
              ))}
              {GRADES.map((g) => (
                <td key={g} className="num">
                  {count(c.rows, g)}
                </td>
              ))}
            </tr>
          ))}
          <tr>
            <th>合计</th>
            <td className="num">{rows.length}</td>
            {policy.bands.map((b) => (
              <td key={b.key} className="num">
                {result.categories.reduce((n, c) => n + (c.quotas[b.key] ?? 0), 0)}
              </td>
            ))}
            {GRADES.map((g) => (
              <td key={g} className="num">
                {count(rows, g)}
              </td>
            ))}
          </tr>
        </tbody>
      </table>

      {quotaNotes.length ? (
        <>
          <h2>部长办公会审定后超出或空出名额（{quotaNotes.length}项）</h2>
          <table className="grid">
            <colgroup>
              <col style={{ width: '10mm' }} />
              <col style={{ width: '56mm' }} />
              <col style={{ width: '14mm' }} />
              <col style={{ width: '12mm' }} />
              <col style={{ width: '16mm' }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>序号</th>
                <th>类别</th>
                <th>等次</th>
                <th>名额</th>
                <th>审定后人数</th>
                <th>情况</th>
              </tr>
            </thead>
            <tbody>
              {quotaNotes.map(({ category, note }, i) => (
                <tr key={`${category.key}/${note.band}`}>
                  <td className="num">{i + 1}</td>
                  <td className="left">{category.label}</td>
                  <td>{policy.labels[note.band]}</td>
                  <td className="num">{note.quota}</td>
                  <td className="num">{note.count}</td>
                  <td className="left">
                    {note.over ? `超出名额${note.over}人` : `空出名额${note.freed}个，不由他人递补`}
                    {note.held ? `（另有并列待定暂占${note.held}个）` : ''}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      ) : null}

      <h2>需关注的情形（{flagged.length}项）</h2>
      {flagged.length === 0 ? (
        <p>无。</p>
      ) : (
        <table className="grid">
          <colgroup>
            <col style={{ width: '10mm' }} />
            <col style={{ width: '22mm' }} />
            {/* the longest category label on one line */}
            <col style={{ width: '56mm' }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>序号</th>
              <th>姓名</th>
              <th>类别</th>
              <th>情形</th>
            </tr>
          </thead>
          <tbody>
            {flagged.map(({ flag, row }, i) => (
              <tr key={`${flag}/${row.id}`}>
                <td className="num">{i + 1}</td>
                <td>{row.secretary.name}</td>
                <td className="left">{categoryOf.get(row.id)}</td>
                <td className="left">{FLAG_LABELS[flag]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <div className="foot-block">
        <Signatures labels={['制表人', '审核人', '日期']} />
      </div>
    </section>
  );
}
