/** 个人考评表: one portrait form per secretary — inputs, item scores, evidence, ballots, total, grade. */
import { Fragment } from 'react';
import { sum, toFraction, type Rational } from '../../../../shared/exact/rational';
import {
  BALLOT_OPTION_LABELS,
  BALLOT_OPTIONS,
  DIMENSION_LABELS,
  explanationLines,
  MODE_LABELS,
  percentText,
  scoreText,
  totalText,
  POST_TYPE_LABELS,
  RANK_CLASS_LABELS,
  SOURCE_LABELS,
  type CategoryResult,
  type ResultRow,
  type RubricInput,
  type RubricItem,
} from '../../../../shared/model';
import { EVIDENCE_STATUS_WORDS } from './evidenceWords';
import { dash, placeOf } from './format';
import type { EvidenceLine, PrintData } from './model';
import { DocHead, Signatures } from './parts';
import { GradeText } from './GradeText';

export function IndividualForms({ data }: { data: PrintData }) {
  return <>{data.result.categories.flatMap((c) => c.rows.map((row) => <IndividualForm key={row.id} data={data} category={c} row={row} />))}</>;
}

function inputText(input: RubricInput, value: string | undefined): string {
  switch (input.kind) {
    case 'bool':
      return value === '1' ? '是' : '否';
    case 'amount':
      return `${value ?? '0'}元`;
    case 'count':
    case 'points':
      return value ?? '0';
  }
}

function ratingText(row: ResultRow): string {
  const { ratingStart, ratingEnd } = row.secretary;
  return ratingStart || ratingEnd ? `${ratingStart ?? '未定'}→${ratingEnd ?? '未定'}` : dash;
}

function InfoTable({ row, category, group }: { row: ResultRow; category: CategoryResult; group: string | undefined }) {
  const s = row.secretary;
  const cells: [string, string][] = [
    ['姓名', s.name],
    ['编号', s.id],
    ['派出单位', s.unit ?? dash],
    [DIMENSION_LABELS.source, SOURCE_LABELS[s.source]],
    [DIMENSION_LABELS.mode, MODE_LABELS[s.mode]],
    [DIMENSION_LABELS.rankClass, RANK_CLASS_LABELS[s.rankClass]],
    ['所在镇街/村', placeOf(s)],
    ['村/社区', POST_TYPE_LABELS[s.postType]],
    ['考核类别', category.label],
    ['村党组织定级', ratingText(row)],
    // 第十九条: which group assessed this secretary, when the assessment has groups
    ...(group !== undefined ? [['考核组', group] as [string, string]] : []),
  ];
  const pairs: [string, string][][] = [];
  for (let i = 0; i < cells.length; i += 2) pairs.push(cells.slice(i, i + 2));
  return (
    <table className="grid keep">
      <colgroup>
        <col style={{ width: '24mm' }} />
        <col />
        <col style={{ width: '24mm' }} />
        <col />
      </colgroup>
      <tbody>
        {pairs.map((pair, i) => (
          <tr key={i}>
            {pair.map(([k, v]) => [
              <th key={`${k}k`}>{k}</th>,
              <td key={`${k}v`} className="left">
                {v}
              </td>,
            ])}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function evidenceText(lines: readonly EvidenceLine[]): string {
  return lines.map((l) => `${l.kind}${EVIDENCE_STATUS_WORDS[l.status]}`).join('；');
}

function ItemsTable({ data, row }: { data: PrintData; row: ResultRow }) {
  const rubric = data.communityIds?.includes(row.id) ? data.communityRubric : data.rubric;
  if (!rubric || row.scoredBy !== 'items' || !row.items) return <SummaryScores row={row} />;
  const values = new Map(row.items.map((i) => [i.code, i.value]));
  const inputs = data.itemInputs?.[row.id] ?? {};
  const evidence = data.evidence?.[row.id] ?? [];
  const withEvidence = data.evidence !== undefined;
  const itemValue = (item: RubricItem): Rational | undefined => values.get(item.code);
  const inputsOf = (item: RubricItem) =>
    item.ratingChange ? `定级 ${ratingText(row)}` : item.inputs.map((i) => `${i.label}：${inputText(i, inputs[i.code])}`).join('；');
  return (
    <table className="dense">
      <colgroup>
        <col style={{ width: '11mm' }} />
        <col style={{ width: withEvidence ? '52mm' : '64mm' }} />
        <col />
        <col style={{ width: '11mm' }} />
        {withEvidence ? <col style={{ width: '26mm' }} /> : null}
      </colgroup>
      <thead>
        <tr>
          <th>编码</th>
          <th>考评项目</th>
          <th>考核组录入</th>
          <th>得分</th>
          {withEvidence ? <th>佐证材料核查</th> : null}
        </tr>
      </thead>
      {rubric.sections.map((section) => {
        const items = section.groups.flatMap((g) => g.items);
        const subtotal = sum(items.flatMap((i) => itemValue(i) ?? []));
        return (
          <tbody key={section.code}>
            <tr>
              <th className="left" colSpan={3}>
                {section.code}　{section.name}
                {section.base ? `（基本分${section.base}分）` : ''}
              </th>
              <th>{scoreText(subtotal)}</th>
              {withEvidence ? <th /> : null}
            </tr>
            {section.groups.map((group) => (
              <Fragment key={group.code}>
                {/* the goal the items serve (第七条 for a village, 第八条 for a 社区) */}
                <tr>
                  <td className="left" colSpan={withEvidence ? 5 : 4}>
                    {group.code === section.code ? group.name : `${group.code}　${group.name}`}
                  </td>
                </tr>
                {group.items.map((item) => {
                  const lines = evidence.filter((e) => e.itemCode === item.code);
                  return (
                    <tr key={item.code}>
                      <td>{item.code}</td>
                      <td className="note">{item.name}</td>
                      <td className="note">{inputsOf(item)}</td>
                      <td className="num">{scoreText(itemValue(item) ?? null)}</td>
                      {withEvidence ? <td className="note">{lines.length ? evidenceText(lines) : dash}</td> : null}
                    </tr>
                  );
                })}
              </Fragment>
            ))}
          </tbody>
        );
      })}
    </table>
  );
}

function SummaryScores({ row }: { row: ResultRow }) {
  return (
    <table className="grid keep">
      <tbody>
        <tr>
          <th>基本分（基本工作目标和执行工作制度及工作纪律）</th>
          <td className="num">{scoreText(row.baseScore)}</td>
        </tr>
        <tr>
          <th>组织工作目标考评得分（汇总录入{row.scoredBy === 'summary' ? '，含晋位升级' : ''}）</th>
          <td className="num">{scoreText(row.orgScore)}</td>
        </tr>
      </tbody>
    </table>
  );
}

function BallotTable({ row }: { row: ResultRow }) {
  const b = row.ballots;
  const heads = ['应参加人数', '发出票数', '投票数', ...BALLOT_OPTIONS.map((o) => BALLOT_OPTION_LABELS[o]), '满意度', '不满意率'];
  const cells = b
    ? [
        b.eligible,
        b.issued ?? dash,
        b.cast,
        b.verySatisfied,
        b.satisfied,
        b.basic,
        b.dissatisfied,
        b.invalid,
        b.abstain,
        percentText(row.satisfaction),
        percentText(row.dissatisfaction),
      ]
    : [row.secretary.eligibleVoters, ...heads.slice(1).map(() => dash)];
  return (
    <table className="grid keep">
      <colgroup>
        {heads.map((h) => (
          // the rates (100.00%) on one line
          <col key={h} style={h.endsWith('率') || h === '满意度' ? { width: '17mm' } : undefined} />
        ))}
      </colgroup>
      <thead>
        <tr>
          {heads.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        <tr>
          {cells.map((c, i) => (
            <td key={i} className="num">
              {c}
            </td>
          ))}
        </tr>
      </tbody>
    </table>
  );
}

function IndividualForm({ data, category, row }: { data: PrintData; category: CategoryResult; row: ResultRow }) {
  const labels = data.policy.labels;
  return (
    <section className="section">
      <DocHead title="“第一书记”履职考核个人考评表" data={data} scoped={false} />
      <InfoTable row={row} category={category} group={data.groups ? (data.groups[row.id] ?? dash) : undefined} />
      <h3>一、组织工作目标考评</h3>
      <ItemsTable data={data} row={row} />
      <div className="keep">
        <h3>二、群众满意度测评（无记名投票）</h3>
        <BallotTable row={row} />
      </div>
      <div className="keep">
        <h3>三、考核结果</h3>
        <table className="grid">
          <colgroup>
            <col style={{ width: '36mm' }} />
            <col />
          </colgroup>
          <tbody>
            <tr>
              <th>组织工作目标考评得分</th>
              <td className="left">
                {scoreText(row.orgScore)}（基本分 {scoreText(row.baseScore)}）
              </td>
            </tr>
            <tr>
              <th>考核总分</th>
              <td className="left">
                {totalText(row.total)}
                {row.total && row.satisfaction
                  ? `（= ${scoreText(row.orgScore)} × ${toFraction(row.satisfaction)}，满意度 ${percentText(row.satisfaction)}）`
                  : ''}
              </td>
            </tr>
            <tr>
              <th>类别名次</th>
              <td className="left">{row.rank === null ? dash : `第${row.rank}名（共${category.size}人）`}</td>
            </tr>
            <tr>
              <th>等次</th>
              <td className="left">
                <GradeText labels={labels} row={row} />
              </td>
            </tr>
            <tr>
              <th>说明</th>
              <td className="left note-lg">
                {explanationLines(row).map((line, i) => (
                  <div key={i}>{line}</div>
                ))}
              </td>
            </tr>
          </tbody>
        </table>
        <Signatures labels={['考核组成员', '审核人', '日期']} />
      </div>
    </section>
  );
}
