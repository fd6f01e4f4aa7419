/**
 * 测评票 (blank, anonymous, three to an A4 page with dashed cut lines) and the
 * 计票单 for each secretary (two to a page), in the words of 实施细则 第十七条.
 */
import type { ReactNode } from 'react';
import { BALLOT_OPTION_LABELS, BALLOT_OPTIONS, type ResultRow } from '../../../../shared/model';
import { dash, placeOf } from './format';
import { assessmentLine } from './parts';
import type { PrintData } from './model';

export const BALLOTS_PER_PAGE = 3;
const MARKS = ['verySatisfied', 'satisfied', 'basic', 'dissatisfied'] as const;

export const BALLOT_INSTRUCTIONS =
  '测评采取无记名投票方式，请勿在票面上署名或作任何记号。请在您选定的一个等次的方框内划“√”；只能选一项，多划、涂改、无法辨认或作记号的为废票，不划的为弃权。';

const rowsOf = (data: PrintData) => data.result.categories.flatMap((c) => c.rows);

function chunk<T>(list: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
}

function Page({ children }: { children: ReactNode }) {
  return <section className="section">{children}</section>;
}

/** 被测评人 line: wraps between its parts, not inside a name or a place. */
function Who({ row }: { row: ResultRow }) {
  const s = row.secretary;
  return (
    <p className="who">
      <span className="nowrap">
        被测评人：<b>{s.name}</b>
      </span>
      {'　'}
      <span className="nowrap">派出单位：{s.unit ?? dash}</span>
      {'　'}
      <span className="nowrap">所任职村(社区)：{placeOf(s)}</span>
    </p>
  );
}

function Ballot({ data, row }: { data: PrintData; row: ResultRow }) {
  return (
    <div className="ballot">
      <h1>村(社区)党组织“第一书记”群众满意度测评票</h1>
      <p className="anon">（无记名）　{assessmentLine(data)}</p>
      <Who row={row} />
      <div className="boxes">
        {MARKS.map((m) => (
          <span key={m}>
            <i className="box" />
            {BALLOT_OPTION_LABELS[m]}
          </span>
        ))}
      </div>
      <p className="hint">填票说明：{BALLOT_INSTRUCTIONS}</p>
    </div>
  );
}

export function BallotSheets({ data }: { data: PrintData }) {
  const pages = rowsOf(data).flatMap((row) => {
    const copies = data.ballotCopies === 'eligible' ? row.secretary.eligibleVoters : BALLOTS_PER_PAGE;
    return chunk(
      Array.from({ length: copies }, () => row),
      BALLOTS_PER_PAGE,
    );
  });
  return (
    <>
      {pages.map((rows, i) => (
        <Page key={i}>
          {rows.map((row, j) => (
            <Ballot key={j} data={data} row={row} />
          ))}
        </Page>
      ))}
    </>
  );
}

function Tally({ data, row }: { data: PrintData; row: ResultRow }) {
  const s = row.secretary;
  return (
    <div className="half">
      <h1>群众满意度测评计票单</h1>
      <p className="anon">{assessmentLine(data)}</p>
      <Who row={row} />
      <table className="grid">
        <colgroup>
          <col style={{ width: '26mm' }} />
          <col />
          <col style={{ width: '20mm' }} />
        </colgroup>
        <thead>
          <tr>
            <th>应参加人数</th>
            <th className="left">{s.eligibleVoters}人　　发出票数：　　　张　　收回票数（投票数）：　　　张</th>
            <th>票数</th>
          </tr>
        </thead>
        <tbody>
          {BALLOT_OPTIONS.map((o) => (
            <tr key={o}>
              <th>{BALLOT_OPTION_LABELS[o]}</th>
              <td />
              <td />
            </tr>
          ))}
          <tr>
            <th>合计</th>
            <td className="left muted">合计应等于收回票数；投票数不少于应参加人数的2/3</td>
            <td />
          </tr>
        </tbody>
      </table>
      <div className="sign">
        {['唱票人', '计票人', '监票人'].map((l) => (
          <span key={l}>
            {l}：<i className="line" style={{ width: '22mm' }} />
          </span>
        ))}
        <span>
          日期：
          <i className="line" style={{ width: '22mm' }} />
        </span>
      </div>
    </div>
  );
}

export function TallySheets({ data }: { data: PrintData }) {
  return (
    <>
      {chunk(rowsOf(data), 2).map((rows, i) => (
        <Page key={i}>
          {rows.map((row) => (
            <Tally key={row.id} data={data} row={row} />
          ))}
        </Page>
      ))}
    </>
  );
}
