/**
 * 票箱: per village the ballots issued and when, returned and when, the names on its
 * 计票单, and optionally the voters by group (001 第十七条) — whose sum, when it differs
 * from the roster's 应参加人数, is offered as a change a person accepts. Boxes still out
 * are listed here, on 测评 and on 首页.
 */
import { useState, type ReactNode } from 'react';
import { boxNotes, boxProblems, isOut, votersTotal } from '../../../../shared/field';
import { VOTER_GROUP_LABELS, VOTER_GROUPS, type BallotBox, type VoterGroup } from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { acceptVoters, removeBox, saveBox } from '../../db/field';
import type { AssessmentRecord, BoxRecord, SecretaryRecord, TallyRecord } from '../../db/schema';
import { Button, ConfirmButton, DayInput, Dialog, Field, Table } from '../../ui';

type Draft = Record<'issued' | 'issuedAt' | 'returned' | 'returnedAt' | 'caller' | 'counter' | 'scrutineer' | 'note' | VoterGroup, string>;

const draftOf = (b: BoxRecord | undefined): Draft => ({
  issued: b ? String(b.issued) : '',
  issuedAt: b?.issuedAt ?? new Date().toISOString().slice(0, 10),
  returned: b?.returned === undefined ? '' : String(b.returned),
  returnedAt: b?.returnedAt ?? '',
  caller: b?.caller ?? '',
  counter: b?.counter ?? '',
  scrutineer: b?.scrutineer ?? '',
  note: b?.note ?? '',
  ...(Object.fromEntries(VOTER_GROUPS.map((g) => [g, b?.voters?.[g] === undefined ? '' : String(b.voters[g])])) as Record<VoterGroup, string>),
});

const whole = (t: string) => (/^\d+$/.test(t.trim()) ? Number(t.trim()) : undefined);

function boxOf(id: string, d: Draft): BallotBox | null {
  const issued = whole(d.issued);
  if (issued === undefined || !d.issuedAt) return null;
  const box: BallotBox = { id, issued, issuedAt: d.issuedAt };
  const returned = whole(d.returned);
  if (returned !== undefined) box.returned = returned;
  if (d.returnedAt) box.returnedAt = d.returnedAt;
  for (const k of ['caller', 'counter', 'scrutineer', 'note'] as const) if (d[k].trim()) box[k] = d[k].trim();
  const voters = Object.fromEntries(VOTER_GROUPS.flatMap((g) => (whole(d[g]) === undefined ? [] : [[g, whole(d[g])!]])));
  if (Object.keys(voters).length) box.voters = voters;
  return box;
}

function BoxDialog({
  s,
  box,
  tally,
  assessment,
  onClose,
}: {
  s: SecretaryRecord;
  box: BoxRecord | undefined;
  tally: TallyRecord | undefined;
  assessment: AssessmentRecord;
  onClose: () => void;
}) {
  const write = useWrite();
  const [d, setD] = useState(draftOf(box));
  const [tried, setTried] = useState(false);
  const value = boxOf(s.id, d);
  const problems = value ? boxProblems(value, s.eligibleVoters) : [];
  const save = async () => {
    setTried(true);
    if (!value || problems.length) return;
    await saveBox(db, assessment.id, value, await getOperator());
    onClose();
  };
  const field = (k: keyof Draft, label: string, control: ReactNode) => (
    <Field label={label} error={tried ? problems.find((p) => p.field === k)?.message : undefined}>
      {control}
    </Field>
  );
  const input = (k: keyof Draft, label: string) => field(k, label, <input value={d[k]} onChange={(e) => setD({ ...d, [k]: e.target.value })} />);
  // a day in Chinese (2024年12月5日), whatever the computer's language
  const day = (k: keyof Draft, label: string) => field(k, label, <DayInput value={d[k]} onChange={(v) => setD({ ...d, [k]: v })} />);
  const total = value ? votersTotal(value.voters) : null;
  return (
    <Dialog
      open
      wide
      title={`${s.village ?? s.name}票箱（${s.name}，${s.id}）`}
      onClose={onClose}
      footer={
        <>
          {box ? (
            <ConfirmButton
              label="删除登记"
              title="删除票箱登记"
              confirmLabel="删除"
              variant="danger"
              onConfirm={async () => (await removeBox(db, assessment.id, s.id, await getOperator()), onClose())}
            >
              <p>删除后该票箱登记不再显示，原登记记入审计日志。</p>
            </ConfirmButton>
          ) : null}
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" onClick={() => write(save())}>
            保存
          </Button>
        </>
      }
    >
      <div className="grid-form">
        {input('issued', '发出票数')}
        {day('issuedAt', '发出日期')}
        {input('returned', '收回票数（未收回不填）')}
        {day('returnedAt', '收回日期')}
        {input('caller', '唱票人')}
        {input('counter', '计票人')}
        {input('scrutineer', '监票人')}
        {input('note', '备注')}
      </div>
      <h3>参加测评人员（第十七条，可不填）</h3>
      <div className="grid-form">
        {VOTER_GROUPS.map((g) => (
          <span key={g}>{input(g, VOTER_GROUP_LABELS[g])}</span>
        ))}
      </div>
      {tried && !value ? <p className="field-error">请填写发出票数（整数）和发出日期</p> : null}
      {value ? (
        <ul className="note">
          {total !== null ? <li>各类参加人员合计 {total} 人。</li> : null}
          {boxNotes(value, tally, s.eligibleVoters).map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      ) : null}
    </Dialog>
  );
}

export function BoxesTab({
  assessment,
  secretaries,
  boxes,
  tallies,
}: {
  assessment: AssessmentRecord;
  secretaries: SecretaryRecord[];
  boxes: BoxRecord[];
  tallies: TallyRecord[];
}) {
  const write = useWrite();
  const [open, setOpen] = useState<SecretaryRecord | null>(null);
  const byId = new Map(boxes.map((b) => [b.id, b]));
  const tallyOf = new Map(tallies.map((t) => [t.id, t]));
  return (
    <div data-testid="boxes-tab">
      <BoxesOut secretaries={secretaries} boxes={boxes} />
      <Table
        rowKey={(s) => s.id}
        rows={secretaries}
        testId="boxes-table"
        columns={[
          { key: 'id', header: '编号', render: (s) => s.id },
          { key: 'name', header: '姓名', render: (s) => s.name },
          { key: 'village', header: '村社区', render: (s) => s.village ?? '' },
          { key: 'issued', header: '发出', render: (s) => (byId.get(s.id) ? `${byId.get(s.id)!.issued}（${byId.get(s.id)!.issuedAt}）` : '—') },
          {
            key: 'returned',
            header: '收回',
            render: (s) => {
              const b = byId.get(s.id);
              if (!b) return '—';
              return isOut(b) ? <span className="badge badge-warn">未收回</span> : `${b.returned}（${b.returnedAt ?? ''}）`;
            },
          },
          {
            key: 'sheet',
            header: '唱票/计票/监票',
            render: (s) => [byId.get(s.id)?.caller, byId.get(s.id)?.counter, byId.get(s.id)?.scrutineer].map((n) => n ?? '—').join(' / '),
          },
          {
            key: 'voters',
            header: '应参加人数',
            render: (s) => {
              const total = votersTotal(byId.get(s.id)?.voters);
              if (total === null || total === s.eligibleVoters) return s.eligibleVoters;
              return (
                <span>
                  名册 {s.eligibleVoters}，各类合计 {total}{' '}
                  {!assessment.locked ? (
                    <Button
                      onClick={() => write(getOperator().then((op) => acceptVoters(db, assessment.id, s.id, total, op)))}
                      aria-label={`采用 ${s.name} 的各类合计为应参加人数`}
                    >
                      采用合计
                    </Button>
                  ) : null}
                </span>
              );
            },
          },
          {
            key: 'edit',
            header: '',
            render: (s) =>
              assessment.locked ? null : (
                <Button onClick={() => setOpen(s)} aria-label={`登记 ${s.name} 的票箱`}>
                  登记
                </Button>
              ),
          },
        ]}
      />
      {open ? <BoxDialog s={open} box={byId.get(open.id)} tally={tallyOf.get(open.id)} assessment={assessment} onClose={() => setOpen(null)} /> : null}
    </div>
  );
}

/** The boxes still out, as a list (测评 and 日常). */
export function BoxesOut({ secretaries, boxes }: { secretaries: readonly SecretaryRecord[]; boxes: readonly BoxRecord[] }) {
  const names = new Map(secretaries.map((s) => [s.id, s]));
  const out = boxes.filter(isOut).filter((b) => names.has(b.id));
  if (!boxes.length) return null;
  return (
    <section className={`card ${out.length ? 'notice-warn' : 'notice-ok'}`} aria-label="未收回的票箱" data-testid="boxes-out">
      {out.length ? (
        <>
          <strong>尚未收回的票箱：{out.length} 个</strong>
          <ul className="boxes-out">
            {out.map((b) => (
              <li key={b.id}>
                {names.get(b.id)!.village ?? ''} {names.get(b.id)!.name}（{b.id}）：{b.issuedAt} 发出 {b.issued} 张
              </li>
            ))}
          </ul>
        </>
      ) : (
        <span>登记的 {boxes.length} 个票箱已全部收回。</span>
      )}
    </section>
  );
}
