/**
 * 考勤: a month of every secretary's attendance, typed or imported from the 考勤 workbook;
 * each town's three lowest 出勤率 of the month (ties explained), printable; and the year's
 * totals offered to the roster's 在村工作天数/全年工作日数 as a change a person accepts.
 */
import { useState } from 'react';
import { attendanceProblems, describeAttendance, lowestOfMonth, presenceChanges, rateText, townLabel } from '../../../../shared/field';
import { monthLabel } from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { acceptPresence, saveAttendance } from '../../db/field';
import type { AssessmentRecord, AttendanceRecord, SecretaryRecord } from '../../db/schema';
import { platform } from '../../platform';
import { Button, MonthInput, Table } from '../../ui';
import { ImportButton } from '../imports';

const num = (text: string) => (/^\d+$/.test(text.trim()) ? Number(text.trim()) : NaN);

function MonthRow({ s, month, record, locked }: { s: SecretaryRecord; month: string; record: AttendanceRecord | undefined; locked: boolean }) {
  const write = useWrite();
  const [draft, setDraft] = useState({
    daysPresent: String(record?.daysPresent ?? ''),
    workDays: String(record?.workDays ?? ''),
    leaveDays: String(record?.leaveDays ?? '0'),
    signedBy: record?.signedBy ?? '',
  });
  const value = { id: s.id, month, daysPresent: num(draft.daysPresent), workDays: num(draft.workDays), leaveDays: num(draft.leaveDays || '0') };
  const whole = [value.daysPresent, value.workDays, value.leaveDays].every(Number.isFinite);
  const problems = whole ? attendanceProblems(value) : [{ field: 'daysPresent', message: '请填写整数' }];
  const filled = draft.daysPresent !== '' || draft.workDays !== '';
  const changed =
    !record ||
    record.daysPresent !== value.daysPresent ||
    record.workDays !== value.workDays ||
    record.leaveDays !== value.leaveDays ||
    (record.signedBy ?? '') !== draft.signedBy.trim();
  const save = async () => {
    const m = { ...value, ...(draft.signedBy.trim() ? { signedBy: draft.signedBy.trim() } : {}) };
    await saveAttendance(db, s.assessmentId, [m], 'typed', await getOperator());
  };
  const input = (key: keyof typeof draft, label: string, width = 5) => (
    <input
      aria-label={`${s.name} ${label}`}
      size={width}
      value={draft[key]}
      disabled={locked}
      inputMode={key === 'signedBy' ? 'text' : 'numeric'}
      onChange={(e) => setDraft({ ...draft, [key]: e.target.value })}
    />
  );
  return (
    <tr data-testid={`attendance-${s.id}`}>
      <td>{s.id}</td>
      <td>{s.name}</td>
      <td>{townLabel(s.town)}</td>
      <td>{input('daysPresent', '在村工作天数')}</td>
      <td>{input('workDays', '本月工作日数')}</td>
      <td>{input('leaveDays', '请假天数')}</td>
      <td>{input('signedBy', '村党组织书记签字', 8)}</td>
      <td className="num">{record ? describeAttendance(record) : '—'}</td>
      <td>
        {filled && problems.length ? <span className="field-error">{problems[0]!.message}</span> : null}
        {!locked && filled && !problems.length && changed ? (
          <Button onClick={() => write(save())} aria-label={`保存 ${s.name} 的考勤`}>
            保存
          </Button>
        ) : null}
        {record && !changed ? <span className="muted">{record.source === 'import' ? '已导入' : '已录入'}</span> : null}
      </td>
    </tr>
  );
}

export function AttendanceTab({
  assessment,
  secretaries,
  attendance,
}: {
  assessment: AssessmentRecord;
  secretaries: SecretaryRecord[];
  attendance: AttendanceRecord[];
}) {
  const write = useWrite();
  const [month, setMonth] = useState(() => latestMonth(attendance) ?? `${assessment.year}-01`);
  const ofMonth = new Map(attendance.filter((r) => r.month === month).map((r) => [r.id, r]));
  const lowest = lowestOfMonth(month, attendance, secretaries);
  const changes = presenceChanges(secretaries, attendance, assessment.year);
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const accept = async () => {
    await acceptPresence(
      db,
      assessment.id,
      changes.filter((c) => chosen.has(c.id)),
      await getOperator(),
    );
    setChosen(new Set());
  };
  return (
    <div data-testid="attendance-tab">
      <div className="toolbar">
        <label className="field-label">
          月份 <MonthInput aria-label="考勤月份" value={month} onChange={(m) => m && setMonth(m)} />
        </label>
        <ImportButton kind="attendance" assessmentId={assessment.id} title="导入考勤" label="导入考勤表（Excel）" disabled={assessment.locked} />
        <span className="note">考勤模板在“名册”页下载；一个文件一个月份。</span>
      </div>

      <h2>{monthLabel(month)}考勤</h2>
      <div className="table-wrap">
        <table className="table">
          <thead>
            <tr>
              {['编号', '姓名', '镇街', '在村工作天数', '本月工作日数', '请假天数', '村党组织书记签字', '出勤率', ''].map((h) => (
                <th key={h} scope="col">
                  {h}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {secretaries.map((s) => (
              <MonthRow key={`${s.id}|${month}|${ofMonth.get(s.id)?.at ?? ''}`} s={s} month={month} record={ofMonth.get(s.id)} locked={assessment.locked} />
            ))}
          </tbody>
        </table>
      </div>

      <section className="card" aria-label="出勤率末3位" data-testid="lowest-three">
        <h2>{monthLabel(month)}各镇街出勤率末3位</h2>
        <Button className="no-print" onClick={() => void printLowest()}>
          打印末3位名单
        </Button>
        <p className="note">按月排名，出勤率 = 在村工作天数 ÷ 本月工作日数；出勤率相同的并列，并列第3位的全部列入。</p>
        {lowest.map((t) => (
          <div key={t.town} data-testid={`lowest-${t.town}`}>
            <h3>{townLabel(t.town)}</h3>
            {t.rows.length ? (
              <Table
                rowKey={(r) => r.id}
                rows={t.rows}
                columns={[
                  { key: 'place', header: '位次', render: (r) => `末${r.place}位` },
                  { key: 'id', header: '编号', render: (r) => r.id },
                  { key: 'name', header: '姓名', render: (r) => r.name },
                  { key: 'village', header: '村社区', render: (r) => r.village ?? '' },
                  { key: 'days', header: '在村/工作日', render: (r) => `${r.month.daysPresent}/${r.month.workDays}` },
                  { key: 'rate', header: '出勤率', render: (r) => rateText(r.rate), align: 'right' },
                ]}
              />
            ) : null}
            {t.notes.map((n) => (
              <p key={n} className="note">
                {n}
              </p>
            ))}
            {t.missing.length ? <p className="note">未报送本月考勤：{t.missing.map((m) => `${m.name}（${m.id}）`).join('、')}</p> : null}
          </div>
        ))}
      </section>

      <section className="card" aria-label="计入名册" data-testid="presence-changes">
        <h2>{assessment.year}年考勤合计计入名册</h2>
        <p className="note">
          全年各月考勤的合计，可计入名册的“在村工作天数”“全年工作日数”（在村工作时间规则按此计算）。勾选确认后才会修改名册，原值记入审计日志。
        </p>
        {changes.length ? (
          <>
            <Table
              rowKey={(c) => c.id}
              rows={changes}
              columns={[
                {
                  key: 'pick',
                  header: '采用',
                  render: (c) => (
                    <input
                      type="checkbox"
                      aria-label={`采用 ${c.name} 的考勤合计`}
                      checked={chosen.has(c.id)}
                      disabled={assessment.locked}
                      onChange={(e) => {
                        const next = new Set(chosen);
                        if (e.target.checked) next.add(c.id);
                        else next.delete(c.id);
                        setChosen(next);
                      }}
                    />
                  ),
                },
                { key: 'id', header: '编号', render: (c) => c.id },
                { key: 'name', header: '姓名', render: (c) => c.name },
                { key: 'months', header: '已录月数', render: (c) => c.months, align: 'right' },
                { key: 'before', header: '名册现值（在村/工作日）', render: (c) => `${c.before.daysPresent ?? '—'}/${c.before.workDays ?? '—'}` },
                { key: 'after', header: '考勤合计', render: (c) => `${c.after.daysPresent}/${c.after.workDays}` },
              ]}
            />
            <Button variant="primary" disabled={!chosen.size || assessment.locked} onClick={() => write(accept())}>
              将所选计入名册
            </Button>
          </>
        ) : (
          <p className="muted">名册与考勤合计一致，或尚无考勤。</p>
        )}
      </section>
    </div>
  );
}

/** Prints the lowest-three list alone (field.css hides the rest while the body is marked). */
async function printLowest(): Promise<void> {
  document.body.dataset.print = 'lowest';
  try {
    await platform.print({ landscape: false });
  } finally {
    delete document.body.dataset.print;
  }
}

function latestMonth(records: readonly AttendanceRecord[]): string | undefined {
  return records
    .map((r) => r.month)
    .sort()
    .at(-1);
}
