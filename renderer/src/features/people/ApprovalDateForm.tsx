/**
 * 审批日期 on the 奖惩意见 page: the day the 市委 approved the results, entered after the
 * meeting (also after 定稿). The grades' consequences run from it (docs/method.md §11.1);
 * without it they run from 1 January of the next year. Logged with the date it replaced.
 */
import { useState } from 'react';
import { chineseDate } from '../../../../shared/model';
import { gradeDate } from '../../../../shared/people';
import { getOperator } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { setApprovedAt } from '../../db/assessments';
import { db } from '../../db/db';
import type { AssessmentRecord } from '../../db/schema';
import { Button, DayInput, Field, useToast } from '../../ui';

export function ApprovalDateForm({ assessment, readOnly }: { assessment: AssessmentRecord; readOnly: boolean }) {
  const toast = useToast();
  const write = useWrite();
  const [day, setDay] = useState(assessment.approvedAt ?? '');
  const saved = day === (assessment.approvedAt ?? '');
  const save = () =>
    write(
      (async () => {
        await setApprovedAt(db, assessment.id, day || null, await getOperator());
        toast(day ? `已录入审批日期 ${chineseDate(day)}` : '已清除审批日期');
      })(),
    );
  const from = gradeDate(assessment.year, assessment.approvedAt);
  return (
    <form
      className="toolbar card"
      aria-label="审批日期"
      data-testid="approval-date"
      onSubmit={(e) => {
        e.preventDefault();
        if (!saved) save();
      }}
    >
      <Field label="市委审批日期">
        <DayInput value={day} disabled={readOnly} onChange={setDay} />
      </Field>
      {readOnly ? null : (
        <Button type="submit" disabled={saved}>
          保存审批日期
        </Button>
      )}
      <span className="note" aria-live="polite">
        {assessment.approvedAt ? `各等次的奖惩自${chineseDate(from)}（审批日期）起计算。` : `尚未录入审批日期：各等次的奖惩暂自${chineseDate(from)}起计算。`}
      </span>
    </form>
  );
}
