/**
 * Summary scores (paper scoring, FORMATS.md `summary`): shown instead of the item form
 * when present, with a way to switch to item scoring, and a dialog to enter them.
 */
import { useState } from 'react';
import { parseRational, toDecimal } from '../../../../shared/exact/rational';
import { useOperator } from '../../app/operator';
import { db } from '../../db/db';
import { deleteSummaryScore, enterSummaryScore } from '../../db/scores';
import type { SummaryScoreRecord } from '../../db/schema';
import { Button, Dialog, Field } from '../../ui';

export function SummaryScoreCard({ summary, readOnly }: { summary: SummaryScoreRecord; readOnly: boolean }) {
  const { operator } = useOperator();
  const switchToItems = () => deleteSummaryScore(db, summary.assessmentId, summary.id, operator ?? '');
  return (
    <div className="card" data-testid="summary-score">
      <p>该书记按汇总分计分（纸质评分汇总录入），汇总分已含晋位升级加减分：</p>
      <div className="score-totals">
        <div className="score-total">
          <span className="k">基本分（A+B）</span>
          <span className="v">{summary.baseScore}</span>
        </div>
        <div className="score-total org-total">
          <span className="k">组织工作目标考评得分</span>
          <span className="v">{summary.orgScore}</span>
        </div>
      </div>
      {readOnly ? null : (
        <div className="toolbar" style={{ marginTop: 10 }}>
          <Button
            onClick={() => {
              if (window.confirm('删除汇总分，改为按考评细则逐项评分？')) void switchToItems();
            }}
          >
            改为按细则逐项评分
          </Button>
        </div>
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

export function SummaryScoreDialog({ assessmentId, secretaryId }: { assessmentId: string; secretaryId: string }) {
  const [open, setOpen] = useState(false);
  const [base, setBase] = useState('');
  const [org, setOrg] = useState('');
  const [tried, setTried] = useState(false);
  const { operator } = useOperator();
  const errors = checkSummary(base, org);
  /** A secretary is scored one way only: the method takes item scores first, so they go. */
  const save = async () => {
    setTried(true);
    if (errors.base || errors.org) return;
    const summary = { baseScore: toDecimal(parseRational(base)!), orgScore: toDecimal(parseRational(org)!) };
    await enterSummaryScore(db, assessmentId, secretaryId, summary, operator ?? '');
    setOpen(false);
  };
  return (
    <>
      <Button onClick={() => setOpen(true)}>改为录入汇总分</Button>
      <Dialog
        open={open}
        title="录入汇总分"
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
        <p className="note">保存后按汇总分计分，已录入的逐项分数将被删除（变更记入操作日志）。</p>
      </Dialog>
    </>
  );
}
