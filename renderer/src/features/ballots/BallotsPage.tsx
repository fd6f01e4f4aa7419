/** 测评: per secretary, two blind entries of the ballot tally, checked live and agreed field by field. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { describeRate } from '../../../../shared/method/satisfaction';
import { checkOperator, useOperator } from '../../data/operator';
import { OperatorChoice, type OperatorPick } from '../operators';
import { db } from '../../db/db';
import type { AssessmentRecord, SecretaryRecord, TallyEntryRecord, TallyRecord } from '../../db/schema';
import { Button, ConfirmButton, useToast, Workbench, type WorkbenchMoves } from '../../ui';
import { useWrite } from '../../data/useWrite';
import { WarningsPanel } from '../checks';
import { ImportButton } from '../imports';
import { BoxesOut } from '../field';
import { useAssessment, useSecretaries } from '../../data/assessment';
import { screenHref } from '../../data/routes';
import { DiffResolver } from './DiffResolver';
import { EntryForm } from './EntryForm';
import {
  acceptResolved,
  countsOf,
  discardSecondEntry,
  importAsEntry,
  resetTally,
  reviewTally,
  saveEntry,
  TALLY_STATUS_LABELS,
  tallyStatus,
  type TallyStatus,
} from './store';
import { TallyChecks } from './TallyChecks';
import { castOfCounts, checkTally, draftFromCounts, TALLY_FIELDS, TALLY_FIELD_LABELS, type TallyCounts } from './tally';
import './ballots.css';

const STATUS_BADGE: Record<TallyStatus, string> = {
  none: 'badge-warn',
  firstEntered: 'badge-warn',
  differs: 'badge-accent',
  accepted: 'badge-ok',
  imported: 'badge-warn',
  importDiffers: 'badge-accent',
  confirmed: 'badge-ok',
};

export function StatusBadge({ status }: { status: TallyStatus }) {
  return <span className={`badge ${STATUS_BADGE[status]}`}>{TALLY_STATUS_LABELS[status]}</span>;
}

export function BallotsPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const secretaries = useSecretaries(assessmentId);
  const { operator } = useOperator();
  // how an imported tally is checked, kept from one secretary to the next
  const [checkBy, setCheckBy] = useState<CheckBy>(null);
  const state = useLiveQuery(async () => {
    const [tallies, entries, boxes] = await Promise.all([
      db.tallies.where('assessmentId').equals(assessmentId).toArray(),
      db.tallyEntries.where('assessmentId').equals(assessmentId).toArray(),
      db.boxes.where('assessmentId').equals(assessmentId).toArray(),
    ]);
    return { tallies: new Map(tallies.map((t) => [t.id, t])), entries, boxes };
  }, [assessmentId]);

  if (assessment === undefined || secretaries === undefined || !state) return <p className="muted">正在读取…</p>;
  if (assessment === null) return <p>找不到该考核。</p>;
  const statusOf = (id: string) =>
    tallyStatus(
      state.tallies.get(id),
      state.entries.filter((e) => e.id === id),
    );
  const statuses = secretaries.map((s) => statusOf(s.id));
  const done = statuses.filter((st) => st === 'accepted' || st === 'confirmed').length;
  const unconfirmed = statuses.filter((st) => st === 'imported' || st === 'importDiffers').length;

  return (
    <div data-testid="ballots-page">
      <div className="page-head">
        <h1>群众满意度测评计票</h1>
        <span className="note" data-testid="ballots-confirmed">
          已确认 {done} / {secretaries.length} 人{unconfirmed ? `，导入待复核 ${unconfirmed} 人` : ''}
        </span>
        {assessment.locked ? (
          <span className="badge badge-warn">考核已定稿，只读</span>
        ) : (
          <ImportButton label="导入测评计票（Excel）" title="导入测评计票" kind="ballots" assessmentId={assessmentId} />
        )}
      </div>
      <BoxesOut secretaries={secretaries} boxes={state.boxes} />
      <Workbench
        secretaries={secretaries}
        statusOf={(s) => statusOf(s.id)}
        statusLabels={TALLY_STATUS_LABELS}
        statusBadges={STATUS_BADGE}
        rosterHref={screenHref(assessmentId, 'roster')}
        placeKey={`ballots:${assessmentId}`}
      >
        {(selected, moves) => (
          <>
            <WarningsPanel
              assessmentId={assessmentId}
              ids={[selected.id]}
              place="ballots"
              names={new Map(secretaries.map((s) => [s.id, s.name]))}
              readOnly={assessment.locked}
              title="本人测评的合理性提示"
            />
            <TallyDesk
              key={selected.id}
              assessment={assessment}
              secretary={selected}
              tally={state.tallies.get(selected.id)}
              entries={state.entries.filter((e) => e.id === selected.id)}
              operator={operator ?? ''}
              checkBy={checkBy}
              onCheckBy={setCheckBy}
              moves={moves}
            />
          </>
        )}
      </Workbench>
    </div>
  );
}

type CheckBy = 'review' | 'entry' | null;

function TallyDesk({
  assessment,
  secretary,
  tally,
  entries,
  operator,
  checkBy,
  onCheckBy: setCheckBy,
  moves,
}: {
  assessment: AssessmentRecord;
  secretary: SecretaryRecord;
  tally: TallyRecord | undefined;
  entries: TallyEntryRecord[];
  operator: string;
  checkBy: CheckBy;
  onCheckBy: (by: CheckBy) => void;
  /** after a save that needs nothing more here, the next secretary of the list */
  moves: WorkbenchMoves;
}) {
  const toast = useToast();
  const write = useWrite();
  const status = tallyStatus(tally, entries);
  const first = entries.find((e) => e.slot === 1);
  const second = entries.find((e) => e.slot === 2);
  const eligible = secretary.eligibleVoters;
  const minTurnout = assessment.policy.minTurnout;
  const aid = assessment.id;
  const onward = () => {
    if (!moves.next()) toast('已是列表中的最后一位');
  };

  const save = (slot: 1 | 2) => async (counts: Parameters<typeof saveEntry>[5], who: string) => {
    const outcome = await saveEntry(db, aid, secretary.id, slot, who, counts);
    toast(
      outcome === 'accepted'
        ? tally
          ? '录入与导入的计票一致，计票结果已确认'
          : '两次录入一致，计票结果已生效'
        : outcome === 'differs'
          ? tally
            ? '录入与导入的计票不一致，请逐项核对'
            : '两次录入不一致，请逐项核对'
          : '第一次录入已保存，请另一名录入员背靠背录入第二次',
      outcome === 'differs' ? 'error' : 'success',
    );
    // two entries that differ are settled here, field by field; anything else moves on
    if (outcome !== 'differs') onward();
  };
  const resolver = (a: TallyEntryRecord, b: TallyEntryRecord) => (
    <DiffResolver
      first={a}
      second={b}
      eligible={eligible}
      minTurnout={minTurnout}
      onAccept={async (x, y, resolved) => {
        await acceptResolved(db, aid, secretary.id, operator, x, y, resolved);
        toast('差异已逐项确认，计票结果已生效');
      }}
      onReenterSecond={() => discardSecondEntry(db, aid, secretary.id, operator)}
    />
  );

  const desk = (() => {
    if (assessment.locked) return null;
    switch (status) {
      case 'none':
        return <EntryForm key="slot1" slot={1} eligible={eligible} minTurnout={minTurnout} defaultOperator={operator} onSave={save(1)} />;
      case 'firstEntered':
        // keyed: the second form must never inherit the first one's typed numbers
        return first ? (
          <EntryForm
            key="slot2"
            slot={2}
            eligible={eligible}
            minTurnout={minTurnout}
            defaultOperator={operator}
            otherOperator={first.operator}
            onSave={save(2)}
          />
        ) : (
          // only a second entry (the first was removed): start again
          <div className="card">
            <Button onClick={() => write(resetTally(db, aid, secretary.id, operator))}>重新录入</Button>
          </div>
        );
      case 'differs':
        return first && second ? resolver(first, second) : null;
      case 'importDiffers':
        return tally && second ? resolver(importAsEntry(tally), second) : null;
      case 'imported':
        return tally ? (
          <ImportedTally tally={tally} checkBy={checkBy} onCheckBy={setCheckBy}>
            {checkBy === 'entry' ? (
              <EntryForm
                key="import-entry"
                slot={2}
                againstImport
                eligible={eligible}
                minTurnout={minTurnout}
                defaultOperator={operator}
                otherOperator={tally.importedBy ?? ''}
                onSave={save(2)}
              />
            ) : checkBy === 'review' ? (
              <ReviewForm tally={tally} eligible={eligible} minTurnout={minTurnout} operator={operator} onReviewed={onward} />
            ) : null}
          </ImportedTally>
        ) : null;
      case 'accepted':
      case 'confirmed':
        return null;
    }
  })();

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
      {desk}
      {tally && (status === 'accepted' || status === 'confirmed') ? (
        <AcceptedTally tally={tally} eligible={eligible} minTurnout={minTurnout} entries={entries} locked={assessment.locked} operator={operator} />
      ) : null}
    </div>
  );
}

/** An imported tally waiting for its second person: a 复核 against the paper sheet, or a blind entry. */
function ImportedTally({
  tally,
  checkBy,
  onCheckBy,
  children,
}: {
  tally: TallyRecord;
  checkBy: 'review' | 'entry' | null;
  onCheckBy: (by: 'review' | 'entry') => void;
  children: ReactNode;
}) {
  return (
    <div className="card" data-testid="imported-tally">
      <h3>导入的计票，待第二人确认</h3>
      <p className="note">
        该计票由“{tally.importedBy || '未署名'}
        ”从Excel导入，只算一次录入。须由另一名操作员确认后才算核实：对照原始计票单逐项复核，或不看导入的数字背靠背录入一次（一致即确认）。确认前，结果页、首页和定稿时会提示“未复核”。
      </p>
      <div className="toolbar" style={{ marginBottom: 0 }}>
        <Button variant={checkBy === 'review' ? 'primary' : 'secondary'} onClick={() => onCheckBy('review')}>
          复核（对照原始计票单）
        </Button>
        <Button variant={checkBy === 'entry' ? 'primary' : 'secondary'} onClick={() => onCheckBy('entry')}>
          背靠背录入核对
        </Button>
      </div>
      {children}
    </div>
  );
}

/** 复核: another operator sees the imported counts beside the paper sheet and confirms them. */
function ReviewForm({
  tally,
  eligible,
  minTurnout,
  operator,
  onReviewed,
}: {
  tally: TallyRecord;
  eligible: number;
  minTurnout: string;
  operator: string;
  onReviewed: () => void;
}) {
  const toast = useToast();
  const write = useWrite();
  const importer = tally.importedBy ?? '';
  const [picked, setPicked] = useState<OperatorPick | null>(null);
  const who = picked ?? { name: operator === importer ? '' : operator, pin: '' };
  const [error, setError] = useState<string | undefined>(undefined);
  const counts = countsOf(tally);
  const confirm = async () => {
    const checked = await checkOperator(who.name, who.pin);
    if (!checked.ok) return setError(checked.message);
    write(
      reviewTally(db, tally.assessmentId, tally.id, who.name).then(() => {
        toast('已复核，计票结果已确认');
        onReviewed();
      }),
    );
  };
  return (
    <div className="review-form" data-testid="review-form">
      <TallyTable counts={counts} eligible={eligible} minTurnout={minTurnout} testIdPrefix="imported" />
      <OperatorChoice
        label="复核人"
        value={who}
        exclude={[importer]}
        error={error}
        testId="review-operator"
        onChange={(p) => (setPicked(p), setError(undefined))}
      />
      <div className="toolbar" style={{ marginTop: 8, marginBottom: 0 }}>
        <Button variant="primary" disabled={!who.name} onClick={() => void confirm()}>
          已对照原始计票单，复核无误
        </Button>
        <span className="note" style={{ alignSelf: 'center' }}>
          如有不符，请“背靠背录入核对”，或作废后重新录入。
        </span>
      </div>
    </div>
  );
}

/** The counts of a tally with its cast, rates and checks. */
function TallyTable({ counts, eligible, minTurnout, testIdPrefix }: { counts: TallyCounts; eligible: number; minTurnout: string; testIdPrefix: string }) {
  const cast = castOfCounts(counts);
  const check = checkTally(draftFromCounts(counts), eligible, minTurnout);
  return (
    <>
      <table className="table tally-result">
        <tbody>
          {TALLY_FIELDS.map((f) => (
            <tr key={f}>
              <th scope="row">{TALLY_FIELD_LABELS[f]}</th>
              <td className="num" data-testid={`${testIdPrefix}-${f}`}>
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
    </>
  );
}

/** Who confirmed a tally, in words. */
function confirmedBy(tally: TallyRecord, entries: readonly TallyEntryRecord[]): string {
  if (tally.source === 'doubleEntry') return `双录确认：${entries.map((e) => e.operator).join('、')}`;
  const c = tally.confirmed;
  const how = c?.how === 'review' ? '复核' : '背靠背录入核对';
  return `导入：${tally.importedBy || '未署名'}；${how}：${c?.by ?? ''}${c ? `，${c.at.slice(0, 10)}` : ''}`;
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
  const write = useWrite();
  return (
    <div className="card" data-testid="accepted-tally">
      <h3>计票结果（{confirmedBy(tally, entries)}）</h3>
      <TallyTable counts={countsOf(tally)} eligible={eligible} minTurnout={minTurnout} testIdPrefix="accepted" />
      {locked ? null : (
        <ConfirmButton
          variant="danger"
          label="作废并重新录入"
          title="作废计票结果"
          confirmLabel="作废并重新录入"
          onConfirm={() => write(resetTally(db, tally.assessmentId, tally.id, operator))}
        >
          <p>作废本次计票结果和两次录入，重新录入？（如重新组织投票）作废的计票结果记入审计日志，可在“审计”页查看和恢复。</p>
        </ConfirmButton>
      )}
    </div>
  );
}
