/**
 * After the review meeting (docs/method.md §13): the 奖惩意见表 (第十九条(五)), the
 * 报市委审批 summary (第十九条(六)), one feedback letter per 派出单位 (002 反馈派出单位)
 * and the 干部档案 entries. All from PrintData.aftermath, worked out by shared/people.
 */
import type { AwardLine, UnitFeedback } from '../../../../shared/people';
import { resultDigest } from './digest';
import { chineseDate, dash } from './format';
import type { PrintData, TermSheet } from './model';
import { DocHead, MetaSmall, Signatures, stateParts } from './parts';

const SECRETARIES = '村(社区)党组织“第一书记”';

function Empty() {
  return <p>本年度没有考核结果。</p>;
}

/** A line's 奖惩意见, one per line, and a note of an edit or what is still to decide. */
function AwardCell({ line }: { line: AwardLine }) {
  return (
    <td className="left">
      {line.lines.length ? line.lines.map((l, i) => <div key={i}>{l}</div>) : dash}
      {line.edit ? <div className="muted">（经调整：{line.edit.reason}）</div> : null}
      {line.notes.map((n, i) => (
        <div key={`n${i}`} className="muted">
          {n}
        </div>
      ))}
    </td>
  );
}

function gradeWords(line: AwardLine): string {
  return `${line.gradeLabel}${line.recalls.length ? '（已召回）' : ''}`;
}

export function AwardsList({ data }: { data: PrintData }) {
  const awards = data.aftermath?.awards ?? [];
  return (
    <section className="section">
      <DocHead title={`${data.assessment.year}年度${SECRETARIES}考核奖惩意见表`} data={data} digest={resultDigest(data.result)} />
      {awards.length ? (
        <table className="grid">
          <colgroup>
            <col style={{ width: '9mm' }} />
            <col style={{ width: '17mm' }} />
            <col style={{ width: '30mm' }} />
            <col style={{ width: '18mm' }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>序号</th>
              <th>姓名</th>
              <th>派出单位</th>
              <th>考核等次</th>
              <th>奖惩意见</th>
            </tr>
          </thead>
          <tbody>
            {awards.map((line, i) => (
              <tr key={line.id}>
                <td className="num">{i + 1}</td>
                <td>{line.name}</td>
                <td className="left">{line.unit}</td>
                <td>{gradeWords(line)}</td>
                <AwardCell line={line} />
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Empty />
      )}
      <div className="review-box keep">
        部长办公会研究意见：
        <span className="foot">年　　月　　日</span>
      </div>
      <Signatures labels={['制表人', '审核人', '日期']} />
    </section>
  );
}

export function ApprovalSheet({ data }: { data: PrintData }) {
  const summary = data.aftermath?.summary;
  const year = data.assessment.year;
  return (
    <section className="section">
      <DocHead title={`关于${year}年度${SECRETARIES}考核结果及奖惩意见的请示`} data={data} digest={resultDigest(data.result)} />
      {summary && summary.total ? (
        <>
          <p className="notice-text">
            {`经组织工作目标考评、群众满意度测评和排名定档，并经部长办公会研究，${year}年度参加考核的第一书记共${summary.total}名，考核结果及奖惩意见如下，妥否，请审批。`}
          </p>
          <h2>一、考核结果</h2>
          <table className="grid">
            <colgroup>
              <col style={{ width: '22mm' }} />
              <col style={{ width: '14mm' }} />
              <col />
            </colgroup>
            <thead>
              <tr>
                <th>等次</th>
                <th>人数</th>
                <th>姓名</th>
              </tr>
            </thead>
            <tbody>
              {summary.grades.map((g) => (
                <tr key={g.grade}>
                  <td>{g.label}</td>
                  <td className="num">{g.names.length}</td>
                  <td className="left">{g.names.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <h2>二、奖惩意见</h2>
          <table className="grid">
            <colgroup>
              <col />
              <col style={{ width: '14mm' }} />
              <col style={{ width: '60mm' }} />
            </colgroup>
            <thead>
              <tr>
                <th>奖惩意见</th>
                <th>人数</th>
                <th>姓名</th>
              </tr>
            </thead>
            <tbody>
              {summary.items.map((item) => (
                <tr key={item.text}>
                  <td className="left">{`${item.kind === 'reward' ? '【奖励】' : item.kind === 'sanction' ? '【惩戒】' : '【调整】'}${item.text}`}</td>
                  <td className="num">{item.names.length}</td>
                  <td className="left">{item.names.join('、')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {summary.recalled.length ? <p>{`本年度被召回的第一书记：${summary.recalled.join('、')}。`}</p> : null}
          {summary.edited.length ? <p>{`部长办公会调整奖惩意见的：${summary.edited.join('、')}（理由见奖惩意见表）。`}</p> : null}
          {summary.units.map((u) => (
            <p key={u.unit}>{`${u.unit}：${u.flag}。`}</p>
          ))}
        </>
      ) : (
        <Empty />
      )}
      <div className="review-box keep">
        市委审批意见：
        <span className="foot" data-testid="approved-at">
          {data.aftermath?.approvedAt ? `审批日期：${chineseDate(data.aftermath.approvedAt)}` : '年　　月　　日'}
        </span>
      </div>
      <Signatures labels={['市委组织部（盖章）', '日期']} />
    </section>
  );
}

function FeedbackLetter({ data, unit }: { data: PrintData; unit: UnitFeedback }) {
  const year = data.assessment.year;
  return (
    <section className="section">
      <header className="keep">
        <h1>{`关于${year}年度${SECRETARIES}考核结果的反馈`}</h1>
      </header>
      <p>{`${unit.unit}：`}</p>
      <p className="notice-text">
        {`经考核并报市委审批${data.aftermath?.approvedAt ? `（${chineseDate(data.aftermath.approvedAt)}审批）` : ''}，现将你单位选派的${unit.lines.length}名第一书记${year}年度考核结果及奖惩意见反馈如下，请按有关规定抓好落实，并将考核结果存入本人档案。`}
      </p>
      <table className="grid">
        <colgroup>
          <col style={{ width: '9mm' }} />
          <col style={{ width: '17mm' }} />
          <col style={{ width: '32mm' }} />
          <col style={{ width: '18mm' }} />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th>序号</th>
            <th>姓名</th>
            <th>所任职村(社区)</th>
            <th>考核等次</th>
            <th>奖惩意见</th>
          </tr>
        </thead>
        <tbody>
          {unit.lines.map((line, i) => (
            <tr key={line.id}>
              <td className="num">{i + 1}</td>
              <td>{line.name}</td>
              <td className="left">{line.village || dash}</td>
              <td>{gradeWords(line)}</td>
              <AwardCell line={line} />
            </tr>
          ))}
        </tbody>
      </table>
      {unit.flag ? <p className="notice-text">{`${unit.flag}。`}</p> : null}
      <div className="foot-block" style={{ textAlign: 'right', marginTop: '8mm' }}>
        <p>{`${data.assessment.region ? `中共${data.assessment.region}委` : '市委'}组织部（盖章）`}</p>
        <p>{chineseDate(data.printDate)}</p>
        <MetaSmall parts={[`考核规则：${data.policy.name}`, ...stateParts(data, resultDigest(data.result))]} style={{ textAlign: 'right' }} />
      </div>
    </section>
  );
}

export function FeedbackLetters({ data }: { data: PrintData }) {
  const units = data.aftermath?.units ?? [];
  if (!units.length)
    return (
      <section className="section">
        <Empty />
      </section>
    );
  return (
    <>
      {units.map((u) => (
        <FeedbackLetter key={u.unit} data={data} unit={u} />
      ))}
    </>
  );
}

export function CadreEntries({ data }: { data: PrintData }) {
  const awards = data.aftermath?.awards ?? [];
  const year = data.assessment.year;
  return (
    <section className="section">
      <DocHead title={`${year}年度第一书记考核结果干部档案登记表`} data={data} digest={resultDigest(data.result)} />
      {awards.length ? (
        <table className="grid">
          <colgroup>
            <col style={{ width: '9mm' }} />
            <col style={{ width: '17mm' }} />
            <col style={{ width: '30mm' }} />
            <col style={{ width: '14mm' }} />
            <col style={{ width: '18mm' }} />
            <col />
          </colgroup>
          <thead>
            <tr>
              <th>序号</th>
              <th>姓名</th>
              <th>派出单位</th>
              <th>年度</th>
              <th>考核等次</th>
              <th>记入档案的奖惩</th>
            </tr>
          </thead>
          <tbody>
            {awards.map((line, i) => (
              <tr key={line.id}>
                <td className="num">{i + 1}</td>
                <td>{line.name}</td>
                <td className="left">{line.unit}</td>
                <td className="num">{year}</td>
                <td>{gradeWords(line)}</td>
                <td className="left">{line.cadre.length ? line.cadre.map((c, j) => <div key={j}>{c}</div>) : dash}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <Empty />
      )}
      <Signatures labels={['经办人', '审核人', '日期']} />
    </section>
  );
}

function TermForm({ data, sheet }: { data: PrintData; sheet: TermSheet }) {
  return (
    <section className="section">
      <header className="keep">
        <h1>村(社区)党组织“第一书记”任职期满考核表</h1>
        <MetaSmall parts={[`考核规则：${data.policy.name}`, `打印日期：${chineseDate(data.printDate)}`, ...stateParts(data)]} />
      </header>
      <table className="grid">
        <colgroup>
          <col style={{ width: '24mm' }} />
          <col />
          <col style={{ width: '24mm' }} />
          <col />
        </colgroup>
        <tbody>
          <tr>
            <th>姓名</th>
            <td>{sheet.name}</td>
            <th>身份证号</th>
            <td>{sheet.idNumber}</td>
          </tr>
          <tr>
            <th>派出单位</th>
            <td className="left">{sheet.unit}</td>
            <th>所任职村(社区)</th>
            <td className="left">{sheet.village || dash}</td>
          </tr>
          <tr>
            <th>任期</th>
            <td colSpan={3} className="left">
              {sheet.term}
            </td>
          </tr>
          <tr>
            <th>期满评价</th>
            <td colSpan={3} className="left" data-testid="term-evaluation-cell">
              {sheet.evaluation ?? '未录入'}
            </td>
          </tr>
        </tbody>
      </table>
      <h2>任期内年度考核</h2>
      <table className="grid">
        <thead>
          <tr>
            <th style={{ width: '24mm' }}>年度</th>
            <th style={{ width: '30mm' }}>考核等次</th>
            <th>召回</th>
          </tr>
        </thead>
        <tbody>
          {sheet.years.map((y) => (
            <tr key={y.year}>
              <td className="num">{y.year}</td>
              <td>{y.grade}</td>
              <td className="left">{y.recalls || dash}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{`期满考核结果：${sheet.grade}`}</h2>
      <ul>
        {sheet.reasons.map((r, i) => (
          <li key={i}>{r}</li>
        ))}
      </ul>
      <div className="review-box keep">
        派出单位评价意见：
        <span className="foot">（盖章）　　年　　月　　日</span>
      </div>
      <div className="review-box keep">
        县(市、区)委组织部意见：
        <span className="foot">（盖章）　　年　　月　　日</span>
      </div>
    </section>
  );
}

export function TermForms({ data }: { data: PrintData }) {
  const terms = data.aftermath?.terms ?? [];
  if (!terms.length)
    return (
      <section className="section">
        <p>{`${data.assessment.year}年度没有任期届满的第一书记（名册填写任期结束日期后生成期满考核表）。`}</p>
      </section>
    );
  return (
    <>
      {terms.map((t) => (
        <TermForm key={t.id} data={data} sheet={t} />
      ))}
    </>
  );
}
