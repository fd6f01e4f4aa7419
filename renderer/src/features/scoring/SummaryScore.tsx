/**
 * Summary scores (paper scoring, docs/formats.md §3): shown instead of the item form
 * when they count, correctable on screen; switching to item scoring sets them aside
 * (kept, and can be taken up again) — nothing is deleted by a switch.
 */
import { useState } from 'react';
import { parseRational, toDecimal } from '../../../../shared/exact/rational';
import { useOperator } from '../../data/operator';
import { db } from '../../db/db';
import { enterSummaryScore, scoreByItems, takeUpSummary } from '../../db/scores';
import type { SummaryScoreRecord } from '../../db/schema';
import { Button, ConfirmButton, Dialog, Field } from '../../ui';
import { useWrite } from '../../data/useWrite';

const day = (iso: string) => iso.slice(0, 10);

export function SummaryScoreCard({ summary, itemsKept, readOnly }: { summary: SummaryScoreRecord; itemsKept: boolean; readOnly: boolean }) {
  const { operator } = useOperator();
  const write = useWrite();
  return (
    <div className="card" data-testid="summary-score">
      <p>该书记按汇总分计分（纸质评分汇总录入），汇总分已含晋位升级加减分：</p>
      <div className="score-totals">
        <div className="score-total">
          <span className="k">基本分（A+B）</span>
          <span className="v" data-testid="summary-base">
            {summary.baseScore}
          </span>
        </div>
        <div className="score-total org-total">
          <span className="k">组织工作目标考评得分</span>
          <span className="v" data-testid="summary-org">
            {summary.orgScore}
          </span>
        </div>
      </div>
      {readOnly ? null : (
        <div className="toolbar" style={{ marginTop: 10 }}>
          <SummaryScoreDialog assessmentId={summary.assessmentId} secretaryId={summary.id} current={summary} />
          <ConfirmButton
            label="改为按细则逐项评分"
            title="改为按细则逐项评分"
            confirmLabel="改为逐项评分"
            onConfirm={() => write(scoreByItems(db, summary.assessmentId, summary.id, operator ?? ''))}
          >
            <p>
              改为按考评细则逐项评分后，汇总分（基本分 {summary.baseScore}，考评得分 {summary.orgScore}）<strong>不删除</strong>，留存备查，随时可以恢复使用。
            </p>
            <p>{itemsKept ? '此前留存的逐项评分将重新使用。' : '逐项评分从空白开始，逐项录入完成后请点击“评分完成”。'}</p>
          </ConfirmButton>
        </div>
      )}
    </div>
  );
}

/** A summary set aside while the secretary is scored by items: shown, and can be taken up again. */
export function SummaryKept({ summary, readOnly }: { summary: SummaryScoreRecord; readOnly: boolean }) {
  const { operator } = useOperator();
  const write = useWrite();
  return (
    <div className="note" data-testid="summary-kept">
      留存的汇总分：基本分 {summary.baseScore}，考评得分 {summary.orgScore}
      {summary.setAside ? `（${day(summary.setAside.at)} 由 ${summary.setAside.by || '未署名'} 改为逐项评分时留存，不计入结果）` : ''}
      {readOnly ? null : (
        <ConfirmButton
          variant="ghost"
          label="恢复使用汇总分"
          title="恢复使用汇总分"
          confirmLabel="恢复使用"
          onConfirm={() => write(takeUpSummary(db, summary.assessmentId, summary.id, operator ?? ''))}
        >
          <p>
            恢复后按汇总分（基本分 {summary.baseScore}，考评得分 {summary.orgScore}）计分；已录入的逐项评分不删除，留存备查。
          </p>
        </ConfirmButton>
      )}
    </div>
  );
}

/** Checks summary text: exact decimals, base ≤ org is not required (deductions in C/D). */
export function checkSummary(base: string, org: string): { base?: string; org?: string } {
  const errors: { base?: string; org?: string } = {};
  if (!parseRational(base)) errors.base = '请填写数值，如 86.5';
  if (!parseRational(org)) errors.org = '请填写数值，如 92';
  return errors;
}

/** Enters a summary score, or corrects the one that counts (`current`). */
export function SummaryScoreDialog({ assessmentId, secretaryId, current }: { assessmentId: string; secretaryId: string; current?: SummaryScoreRecord }) {
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState(current?.baseScore ?? '');
  const [org, setOrg] = useState(current?.orgScore ?? '');
  const [tried, setTried] = useState(false);
  const { operator } = useOperator();
  const write = useWrite();
  const errors = checkSummary(base, org);
  const start = () => {
    setBase(current?.baseScore ?? '');
    setOrg(current?.orgScore ?? '');
    setTried(false);
    setOpen(true);
  };
  const save = async () => {
    setTried(true);
    if (errors.base || errors.org) return;
    const summary = { baseScore: toDecimal(parseRational(base)!), orgScore: toDecimal(parseRational(org)!) };
    write(enterSummaryScore(db, assessmentId, secretaryId, summary, operator ?? ''));
    setOpen(false);
  };
  const title = current ? '修改汇总分' : '录入汇总分';
  return (
    <>
      <Button onClick={start}>{current ? '修改汇总分' : '改为录入汇总分'}</Button>
      <Dialog
        open={open}
        title={title}
        onClose={() => setOpen(false)}
        footer={
          <>
            <Button onClick={() => setOpen(false)}>取消</Button>
            <Button variant="primary" onClick={() => void save()}>
              保存汇总分
            </Button>
          </>
        }
      >
        <form
          className="grid-form"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label="基本分（A+B）" error={tried ? errors.base : undefined} required>
            <input value={base} inputMode="decimal" onChange={(e) => setBase(e.target.value)} />
          </Field>
          <Field label="组织工作目标考评得分（含晋位升级）" error={tried ? errors.org : undefined} required>
            <input value={org} inputMode="decimal" onChange={(e) => setOrg(e.target.value)} />
          </Field>
          <button type="submit" hidden />
        </form>
        <p className="note">
          {current
            ? `原值（基本分 ${current.baseScore}，考评得分 ${current.orgScore}）记入审计日志，可在“审计”页查看和恢复。`
            : '保存后按汇总分计分；已录入的逐项评分不删除，留存备查，可随时恢复使用。'}
        </p>
      </Dialog>
    </>
  );
}
