/** 考评: pick a secretary, score the rubric item by item, check evidence and attach files. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { useOperator } from '../../data/operator';
import { db } from '../../db/db';
import { completeItemScores, saveItemScores, scoringMode } from '../../db/scores';
import type { AssessmentRecord, AttachmentRecord, EvidenceRecord, ItemScoresRecord, SecretaryRecord } from '../../db/schema';
import { Button, ConfirmButton, Workbench } from '../../ui';
import { WarningsPanel } from '../checks';
import { AttachmentList } from '../evidence';
import { BulkAttach } from '../evidence';
import { useWrite } from '../../data/useWrite';
import { EvidencePanel } from '../evidence';
import { evidenceState, type EvidenceState } from '../evidence';
import { rubricFor } from '../../../../shared/method/compute';
import { communityRubricInUse } from '../../../../shared/rubric/community';
import { unscoped, useAssessment, useSecretaries } from '../../data/assessment';
import { RubricForm, allItemCodes } from './RubricForm';
import { screenHref } from '../../data/routes';
import { SummaryKept, SummaryScoreCard, SummaryScoreDialog } from './SummaryScore';
import { scoringStatus, SCORING_STATUS_BADGES, SCORING_STATUS_LABELS } from './status';
import { useCoalescedSave } from './useCoalescedSave';
import './features.css';

export function ScoringPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const secretaries = useSecretaries(assessmentId);
  const scored = useLiveQuery(async () => {
    const [items, summaries] = await Promise.all([
      db.itemScores.where('assessmentId').equals(assessmentId).toArray(),
      db.summaryScores.where('assessmentId').equals(assessmentId).toArray(),
    ]);
    return { items: new Map(items.map((r) => [r.id, r])), summaries: new Map(summaries.map((r) => [r.id, r])) };
  }, [assessmentId]);

  if (assessment === undefined || secretaries === undefined) return <p className="muted">正在读取…</p>;
  if (assessment === null) return <p>找不到该考核。</p>;
  const community = communityRubricInUse(assessment);
  const itemCodes = [...new Set([...allItemCodes(assessment.rubric), ...(community ? allItemCodes(community) : [])])];

  return (
    <div data-testid="scoring-page">
      <div className="page-head">
        <h1>组织工作目标考评</h1>
        {assessment.locked ? <span className="badge badge-warn">考核已定稿，只读</span> : null}
        {assessment.locked ? null : <BulkAttach assessmentId={assessmentId} secretaries={secretaries} itemCodes={itemCodes} />}
      </div>
      <Workbench
        secretaries={secretaries}
        statusOf={(s) => scoringStatus(scored?.items.get(s.id), scored?.summaries.get(s.id))}
        statusLabels={SCORING_STATUS_LABELS}
        statusBadges={SCORING_STATUS_BADGES}
        rosterHref={screenHref(assessmentId, 'roster')}
        placeKey={`scoring:${assessmentId}`}
      >
        {(selected) => (
          <>
            <WarningsPanel
              assessmentId={assessmentId}
              ids={[selected.id]}
              place="scores"
              names={new Map(secretaries.map((s) => [s.id, s.name]))}
              readOnly={assessment.locked}
              title="本人得分的合理性提示"
            />
            <SecretaryScoring key={selected.id} assessment={assessment} secretary={selected} />
          </>
        )}
      </Workbench>
    </div>
  );
}

function SecretaryScoring({ assessment, secretary }: { assessment: AssessmentRecord; secretary: SecretaryRecord }) {
  const { operator } = useOperator();
  const key: [string, string] = [assessment.id, secretary.id];
  const record = useLiveQuery(async () => {
    const [items, summary] = await Promise.all([db.itemScores.get(key), db.summaryScores.get(key)]);
    return { items: items ?? null, summary: summary ?? null };
  }, [assessment.id, secretary.id]);
  const evidence = useLiveQuery(() => db.evidence.where('[assessmentId+id]').equals(key).toArray(), [assessment.id, secretary.id]);
  const attachments = useLiveQuery(() => db.attachments.where('[assessmentId+id]').equals(key).toArray(), [assessment.id, secretary.id]);
  const [openItems, setOpenItems] = useState<Set<string>>(new Set());
  const rubric = rubricFor(secretary, assessment);
  const domainSecretary = useMemo(() => unscoped(secretary), [secretary]);
  const readOnly = assessment.locked;
  const write = useWrite();
  const saveInputs = useCoalescedSave((inputs: Record<string, string>) => write(saveItemScores(db, assessment.id, secretary.id, inputs, operator ?? '')));

  if (!record || !evidence || !attachments) return <p className="muted">正在读取…</p>;

  const byItem = <T extends { itemCode: string }>(rows: readonly T[], code: string) => rows.filter((r) => r.itemCode === code);
  const loose = attachments.filter((a) => !a.itemCode);
  const state = evidenceState(evidence);

  const title = (
    <div className="score-title">
      <h2>
        {secretary.name} <span className="muted num">{secretary.id}</span>
      </h2>
      <span className="muted">{[secretary.town, secretary.village, secretary.unit].filter(Boolean).join(' · ')}</span>
      <span className={`badge ${EVIDENCE_BADGES[state]}`} data-testid="evidence-badge">
        佐证：{EVIDENCE_WORDS[state]}
      </span>
    </div>
  );

  const mode = scoringMode(record.items ?? undefined, record.summary ?? undefined);
  if (mode === 'summary' && record.summary) {
    return (
      <div>
        <div className="card">{title}</div>
        <SummaryScoreCard summary={record.summary} itemsKept={record.items !== null} readOnly={readOnly} />
      </div>
    );
  }
  const kept = record.summary?.setAside ? record.summary : null;
  const items = record.items && !record.items.setAside ? record.items : null;

  const toggle = (code: string) =>
    setOpenItems((s) => {
      const next = new Set(s);
      if (next.has(code)) next.delete(code);
      else next.add(code);
      return next;
    });

  return (
    <div>
      <RubricForm
        rubric={rubric}
        policy={assessment.policy}
        secretary={domainSecretary}
        saved={items?.inputs ?? {}}
        readOnly={readOnly}
        onSave={saveInputs}
        header={(totals) => (
          <div className="score-head">
            <div className="card">
              <div className="score-title-row">
                {title}
                {readOnly ? null : <SummaryScoreDialog assessmentId={assessment.id} secretaryId={secretary.id} />}
              </div>
              {totals}
              <Completion assessmentId={assessment.id} secretaryId={secretary.id} items={items} operator={operator ?? ''} readOnly={readOnly} />
              {kept ? <SummaryKept summary={kept} readOnly={readOnly} /> : null}
            </div>
          </div>
        )}
        evidenceToggle={(code) => (
          <EvidenceToggle open={openItems.has(code)} onToggle={() => toggle(code)} lines={byItem(evidence, code)} attachments={byItem(attachments, code)} />
        )}
        evidencePanel={(code) =>
          openItems.has(code) ? (
            <div className="item-evidence">
              <EvidencePanel
                assessmentId={assessment.id}
                secretaryId={secretary.id}
                itemCode={code}
                lines={byItem(evidence, code)}
                attachments={byItem(attachments, code)}
                operator={operator ?? ''}
                readOnly={readOnly}
              />
            </div>
          ) : null
        }
      />
      {loose.length ? (
        <section className="card" aria-label="未归入考评项目的附件">
          <h3>未归入考评项目的附件</h3>
          <AttachmentList attachments={loose} readOnly={readOnly} />
        </section>
      ) : null}
    </div>
  );
}

/** Whether the scorer has finished this secretary's item scoring: typing one item is not finishing. */
function Completion({
  assessmentId,
  secretaryId,
  items,
  operator,
  readOnly,
}: {
  assessmentId: string;
  secretaryId: string;
  items: ItemScoresRecord | null;
  operator: string;
  readOnly: boolean;
}) {
  const write = useWrite();
  if (!items)
    return (
      <p className="note" data-testid="scoring-completion">
        尚未录入任何项目。
      </p>
    );
  const done = items.completed;
  return (
    <div className="toolbar scoring-completion" data-testid="scoring-completion" style={{ marginTop: 8, marginBottom: 0, alignItems: 'center' }}>
      <span className={`badge ${done ? 'badge-ok' : 'badge-warn'}`}>
        {done ? `评分完成（${done.by || '未署名'}，${done.at.slice(0, 10)}）` : `评分中：已录入 ${Object.keys(items.inputs).length} 项`}
      </span>
      {readOnly ? null : done ? (
        <Button variant="ghost" onClick={() => write(completeItemScores(db, assessmentId, secretaryId, operator, false))}>
          撤销完成
        </Button>
      ) : (
        <ConfirmButton
          variant="primary"
          label="评分完成"
          title="评分完成"
          confirmLabel="确认评分完成"
          onConfirm={() => write(completeItemScores(db, assessmentId, secretaryId, operator))}
        >
          <p>确认已按考评细则逐项核对并录入该书记的全部评分？未录入的项目按“无”（0分、未完成）计。</p>
        </ConfirmButton>
      )}
    </div>
  );
}

const EVIDENCE_WORDS: Record<EvidenceState, string> = { none: '未登记', pending: '有待核实的材料', incomplete: '有缺失或存疑', complete: '已全部核实' };
const EVIDENCE_BADGES: Record<EvidenceState, string> = { none: '', pending: 'badge-warn', incomplete: 'badge-warn', complete: 'badge-ok' };

function EvidenceToggle({
  open,
  onToggle,
  lines,
  attachments,
}: {
  open: boolean;
  onToggle: () => void;
  lines: readonly EvidenceRecord[];
  attachments: readonly AttachmentRecord[];
}) {
  const checked = lines.filter((l) => l.status === 'checked').length;
  const pending = lines.filter((l) => l.status === 'pending').length;
  const problems = lines.length - checked - pending;
  return (
    <Button variant="ghost" className={problems ? 'evidence-problem' : undefined} aria-expanded={open} onClick={onToggle}>
      {open ? '▾' : '▸'} 佐证
      {lines.length ? ` 已核${checked}/${lines.length}` : ''}
      {pending ? `，待核实${pending}` : ''}
      {problems ? `，缺失或存疑${problems}` : ''}
      {attachments.length ? `，附件${attachments.length}` : ''}
    </Button>
  );
}
