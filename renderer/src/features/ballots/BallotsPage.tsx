/** 测评: per secretary, two blind entries of the ballot tally, checked live and agreed field by field. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { describeRate } from '../../../../shared/method/satisfaction';
import { useOperator } from '../../app/operator';
import { db } from '../../db/db';
import type { AssessmentRecord, SecretaryRecord, TallyEntryRecord, TallyRecord } from '../../db/schema';
import { Button, useToast } from '../../ui';
import { ImportButton } from '../imports/ImportButton';
import { importWorkbook } from '../imports/workbooks';
import { useAssessment, useSecretaries } from '../scoring/data';
import { SecretaryPicker } from '../scoring/SecretaryPicker';
import { DiffResolver } from './DiffResolver';
import { EntryForm } from './EntryForm';
import { acceptResolved, countsOf, discardSecondEntry, resetTally, saveEntry, TALLY_STATUS_LABELS, tallyStatus, type TallyStatus } from './store';
import { TallyChecks } from './TallyChecks';
import { castOfCounts, checkTally, draftFromCounts, TALLY_FIELDS, TALLY_FIELD_LABELS } from './tally';
import '../scoring/features.css';
import './ballots.css';

const STATUS_BADGE: Record<TallyStatus, string> = {
  none: 'badge-warn',
  firstEntered: 'badge-warn',
  differs: 'badge-accent',
  accepted: 'badge-ok',
  imported: 'badge-ok',
};

export function StatusBadge({ status }: { status: TallyStatus }) {
  return <span className={`badge ${STATUS_BADGE[status]}`}>{TALLY_STATUS_LABELS[status]}</span>;
}

export function BallotsPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const secretaries = useSecretaries(assessmentId);
  const { operator } = useOperator();
  const [chosen, setChosen] = useState<string | null>(null);
  const state = useLiveQuery(async () => {
    const [tallies, entries] = await Promise.all([
      db.tallies.where('assessmentId').equals(assessmentId).toArray(),
      db.tallyEntries.where('assessmentId').equals(assessmentId).toArray(),
    ]);
    return { tallies: new Map(tallies.map((t) => [t.id, t])), entries };
  }, [assessmentId]);

  if (assessment === undefined || secretaries === undefined || !state) return <p className="muted">正在读取…</p>;
  if (assessment === null) return <p>找不到该考核。</p>;
  const statusOf = (id: string) => tallyStatus(state.tallies.get(id), state.entries.filter((e) => e.id === id));
  const selected = secretaries.find((s) => s.id === chosen) ?? secretaries[0] ?? null;
  const done = secretaries.filter((s) => ['accepted', 'imported'].includes(statusOf(s.id))).length;

  return (
    <div data-testid="ballots-page">
      <div className="page-head">
        <h1>群众满意度测评计票</h1>
        <span className="note">
          已确认 {done} / {secretaries.length} 人
        </span>
        {assessment.locked ? (
          <span className="badge badge-warn">考核已定稿，只读</span>
        ) : (
          <ImportButton
            label="导入测评计票（Excel）"
            title="导入测评计票"
            run={(file, onProgress) => importWorkbook({ kind: 'ballots', file, assessmentId, operator: operator ?? '', onProgress })}
          />
        )}
      </div>
      {secretaries.length === 0 ? (
        <div className="card">
          名册中还没有第一书记，请先在 <a href={`#/a/${encodeURIComponent(assessmentId)}/roster`}>名册</a> 中导入。
        </div>
      ) : (
        <div className="workbench">
          <SecretaryPicker secretaries={secretaries} selectedId={selected?.id ?? null} onSelect={setChosen} status={(s) => <StatusBadge status={statusOf(s.id)} />} />
          {selected ? (
            <TallyDesk
              key={selected.id}
              assessment={assessment}
              secretary={selected}
              tally={state.tallies.get(selected.id)}
              entries={state.entries.filter((e) => e.id === selected.id)}
              operator={operator ?? ''}
            />
          ) : null}
        </div>
      )}
    </div>
  );
}

function TallyDesk({
  assessment,
  secretary,
  tally,
  entries,
  operator,
}: {
  assessment: AssessmentRecord;
  secretary: SecretaryRecord;
  tally: TallyRecord | undefined;
  entries: TallyEntryRecord[];
  operator: string;
}) {
  const toast = useToast();
  const status = tallyStatus(tally, entries);
  const first = entries.find((e) => e.slot === 1);
  const second = entries.find((e) => e.slot === 2);
  const eligible = secretary.eligibleVoters;
  const minTurnout = assessment.policy.minTurnout;
  const aid = assessment.id;

  const save = (slot: 1 | 2) => async (counts: Parameters<typeof saveEntry>[5], who: string) => {
    const outcome = await saveEntry(db, aid, secretary.id, slot, who, counts);
    toast(
      outcome === 'accepted'
        ? '两次录入一致，计票结果已生效'
        : outcome === 'differs'
          ? '两次录入不一致，请逐项核对'
          : '第一次录入已保存，请另一名录入员背靠背录入第二次',
      outcome === 'differs' ? 'error' : 'success',
    );
  };

  return (
    <div data-testid="tally-desk">
      <div className="card">
        <div className="score-title">
          <h2>
            {secretary.name} <span className="muted num">{secretary.id}</span>
          </h2>
          <span className="muted">{[secretary.town, secretary.village].filter(Boolean).join(' · ')}</span>
          <StatusBadge status={status} />
        </div>
        <p className="note" style={{ marginTop: 4 }}>
          应参加测评人数（名册）：<strong className="num">{eligible}</strong>　投票人数须不少于应参加人数的 {minTurnout}
        </p>
      </div>
      {assessment.locked ? null : tally ? null : !first && !second ? (
        <EntryForm key="slot1" slot={1} eligible={eligible} minTurnout={minTurnout} defaultOperator={operator} onSave={save(1)} />
      ) : first && !second ? (
        // keyed: the second form must never inherit the first one's typed numbers
        <EntryForm key="slot2" slot={2} eligible={eligible} minTurnout={minTurnout} defaultOperator={operator} otherOperator={first.operator} onSave={save(2)} />
      ) : first && second ? (
        <DiffResolver
          first={first}
          second={second}
          eligible={eligible}
          minTurnout={minTurnout}
          onAccept={async (a, b, resolved) => {
            await acceptResolved(db, aid, secretary.id, operator, a, b, resolved);
            toast('差异已逐项确认，计票结果已生效');
          }}
          onReenterSecond={() => discardSecondEntry(db, aid, secretary.id, operator)}
        />
      ) : (
        // only a second entry (the first was removed): start again
        <div className="card">
          <Button onClick={() => void resetTally(db, aid, secretary.id, operator)}>重新录入</Button>
        </div>
      )}
      {tally ? <AcceptedTally tally={tally} eligible={eligible} minTurnout={minTurnout} entries={entries} locked={assessment.locked} operator={operator} /> : null}
    </div>
  );
}

function AcceptedTally({
  tally,
  eligible,
  minTurnout,
  entries,
  locked,
  operator,
}: {
  tally: TallyRecord;
  eligible: number;
  minTurnout: string;
  entries: TallyEntryRecord[];
  locked: boolean;
  operator: string;
}) {
  const counts = countsOf(tally);
  const cast = castOfCounts(counts);
  const check = checkTally(draftFromCounts(counts), eligible, minTurnout);
  return (
    <div className="card" data-testid="accepted-tally">
      <h3>
        计票结果（{tally.source === 'import' ? '导入' : `双录确认：${entries.map((e) => e.operator).join('、')}`}）
      </h3>
      <table className="table tally-result">
        <tbody>
          {TALLY_FIELDS.map((f) => (
            <tr key={f}>
              <th scope="row">{TALLY_FIELD_LABELS[f]}</th>
              <td className="num" data-testid={`accepted-${f}`}>
                {counts[f] ?? '未填'}
              </td>
            </tr>
          ))}
          <tr>
            <th scope="row">投票数</th>
            <td className="num">{cast}</td>
          </tr>
          <tr>
            <th scope="row">满意率（很满意+满意）</th>
            <td className="num">{cast ? describeRate(counts.verySatisfied + counts.satisfied, cast) : '—'}</td>
          </tr>
          <tr>
            <th scope="row">不满意率</th>
            <td className="num">{cast ? describeRate(counts.dissatisfied, cast) : '—'}</td>
          </tr>
        </tbody>
      </table>
      <TallyChecks check={check} eligible={eligible} showCast={false} />
      {locked ? null : (
        <Button
          variant="danger"
          onClick={() => {
            if (window.confirm('作废本次计票结果和两次录入，重新录入？（如重新组织投票）')) {
              void resetTally(db, tally.assessmentId, tally.id, operator);
            }
          }}
        >
          作废并重新录入
        </Button>
      )}
    </div>
  );
}
