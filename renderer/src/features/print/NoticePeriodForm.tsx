/**
 * 公示期 on the 公示名单's preview: the team enters its start and length (so many 天 or
 * 个工作日); kept with the assessment (also after 定稿) and printed, never the day of printing.
 */
import { useState } from 'react';
import { DEFAULT_NOTICE, MAX_NOTICE_DAYS, NOTICE_UNIT_WORDS, chineseDate, noticeEnd, noticeProblem, type NoticePeriod } from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { setNoticePeriod } from '../../db/assessments';
import { db } from '../../db/db';
import { Button, DayInput, Field, useToast } from '../../ui';

export function NoticePeriodForm({ assessmentId, notice }: { assessmentId: string; notice: NoticePeriod | undefined }) {
  const toast = useToast();
  const [period, setPeriod] = useState<NoticePeriod>(notice ?? { start: '', ...DEFAULT_NOTICE });
  const problem = noticeProblem(period);
  const saved = notice !== undefined && notice.start === period.start && notice.days === period.days && notice.unit === period.unit;
  const save = async () => {
    await setNoticePeriod(db, assessmentId, period, await getOperator());
    toast('已保存公示期');
  };
  return (
    <form
      className="toolbar no-print"
      aria-label="公示期"
      onSubmit={(e) => {
        e.preventDefault();
        if (!problem) void save();
      }}
    >
      <Field label="公示开始日期">
        <DayInput value={period.start} onChange={(start) => setPeriod({ ...period, start })} />
      </Field>
      <Field label="公示天数">
        <input
          type="number"
          min={1}
          max={MAX_NOTICE_DAYS}
          style={{ width: '5em' }}
          value={period.days}
          onChange={(e) => setPeriod({ ...period, days: Number(e.target.value) })}
        />
      </Field>
      <Field label="计算方式">
        <select value={period.unit} onChange={(e) => setPeriod({ ...period, unit: e.target.value === 'day' ? 'day' : 'workday' })}>
          <option value="workday">{NOTICE_UNIT_WORDS.workday}</option>
          <option value="day">{NOTICE_UNIT_WORDS.day}</option>
        </select>
      </Field>
      <Button type="submit" disabled={problem !== null || saved}>
        保存公示期
      </Button>
      <span className="note" aria-live="polite">
        {!period.start
          ? '尚未设定公示期：打印件留空，可手写。'
          : problem
            ? problem
            : `至${chineseDate(noticeEnd(period))}${period.unit === 'workday' ? '（只跳过周六、周日；遇法定节假日或调休请改开始日期或天数）' : ''}${saved ? '，已保存' : ''}`}
      </span>
    </form>
  );
}
