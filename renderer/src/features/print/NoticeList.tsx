/**
 * 公示名单: everyone's final grade, the 公示 period as the team entered it (blank lines to
 * fill in by hand when it has not been entered) and a line for the 监督电话.
 */
import { gradeText, noticePeriodText } from '../../../../shared/model';
import type { PrintData } from './model';
import { chineseDate, dash, placeOf } from './format';
import { assessmentLine, MetaSmall, stateParts } from './parts';
import { scopeLine } from './data';
import { resultDigest } from './digest';

/** The period's sentence, or its blanks to be written in. */
const BLANK_PERIOD = '公示期为＿＿＿＿，自＿＿＿＿年＿＿月＿＿日至＿＿＿＿年＿＿月＿＿日。';

export function NoticeList({ data }: { data: PrintData }) {
  const { result, policy, notice } = data;
  let n = 0;
  return (
    <section className="section">
      <header className="keep">
        <h1>
          关于{data.assessment.year}年度村(社区)党组织“第一书记”
          <br />
          考核结果的公示
        </h1>
        <p className="notice-text">
          {`根据${assessmentLine(data, '')}工作安排，经组织工作目标考评、群众满意度测评和排名定档，现将考核结果予以公示。`}
          {`${notice ? noticePeriodText(notice) : BLANK_PERIOD}公示期间，如对公示对象有不同意见，可通过来电、来信、来访等方式向考核组反映。`}
        </p>
        {data.scope ? <p className="meta">{scopeLine(data.scope, '等次按全类别排名确定')}</p> : null}
        <p className="notice-text">
          监督电话：
          <i className="fill" />
          　　来信地址：
          <i className="fill" />
        </p>
      </header>
      <table className="grid">
        <colgroup>
          <col style={{ width: '10mm' }} />
          <col style={{ width: '20mm' }} />
          <col />
          <col />
          <col style={{ width: '20mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>姓名</th>
            <th>派出单位</th>
            <th>所任职村(社区)</th>
            <th>等次</th>
          </tr>
        </thead>
        {result.categories.map((c) => (
          <tbody key={c.key}>
            <tr>
              <th colSpan={5} className="left">
                {c.label}
              </th>
            </tr>
            {c.rows.map((row) => (
              <tr key={row.id}>
                <td className="num">{++n}</td>
                <td>{row.secretary.name}</td>
                <td className="left">{row.secretary.unit ?? dash}</td>
                <td className="left">{placeOf(row.secretary)}</td>
                <td>{gradeText(row, policy.labels)}</td>
              </tr>
            ))}
          </tbody>
        ))}
      </table>
      <div className="foot-block" style={{ textAlign: 'right', marginTop: '8mm' }}>
        <p>考核组（盖章）</p>
        <p>{notice ? chineseDate(notice.start) : '＿＿＿＿年＿＿月＿＿日'}</p>
        <MetaSmall parts={[`考核规则：${policy.name}`, ...stateParts(data, resultDigest(result))]} style={{ textAlign: 'right' }} />
      </div>
    </section>
  );
}
