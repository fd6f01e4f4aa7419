/**
 * 期满考核 (docs/method.md §12): at the end of a term, the annual results of its years
 * and the term-end evaluation (期满评价) give one result by the policy's rule, explained
 * like an annual grade. Exact where it compares a share.
 */
import { gte, rat, r } from '../exact/rational';
import type { Grade, Mode, Policy, TermGrade } from '../model';
import { aftermathOf } from '../policy/aftermath';
import { recallWords, type Recall } from './consequences';
import { dayWords, lastDayOfYears } from './dates';

export interface TermYear {
  year: number;
  /** the grade that stands; null when the year has no result yet */
  grade: Grade | null;
  /** its word under that year's policy (优秀, 好 …) */
  gradeLabel: string;
  recalls: Recall[];
}

export interface TermInput {
  start?: string | undefined;
  end?: string | undefined;
  years: TermYear[];
  /** 期满评价 by the 派出单位 and the 组织部门, when recorded */
  evaluation?: Exclude<TermGrade, 'pending'> | undefined;
}

/** 期满评价 as a person recorded it, for the term it evaluates (任期开始–任期结束 as then on the roster). */
export interface TermEvaluation {
  grade: Exclude<TermGrade, 'pending'>;
  /** what it rests on: 派出单位和组织部门评价意见 */
  reason: string;
  start?: string | undefined;
  end?: string | undefined;
  by: string;
  at: string;
}

/** 期满评价's grades in the seeds' words, where no policy is at hand (a package's description). */
export const TERM_EVALUATION_WORDS: Record<TermEvaluation['grade'], string> = { excellent: '优秀', pass: '合格', fail: '不合格' };

export interface TermOutcome {
  grade: TermGrade;
  /** why, in order: the years, then the rule that decided */
  reasons: string[];
}

const BELOW_COMPETENT: readonly Grade[] = ['basic', 'incompetent'];

/** 任期2023年3月1日至2025年2月28日 */
export function termWords(t: Pick<TermInput, 'start' | 'end'>): string {
  if (!t.start && !t.end) return '任期';
  return `任期${t.start ? dayWords(t.start) : '（未填开始日期）'}至${t.end ? dayWords(t.end) : '（未填结束日期）'}`;
}

/** A term's last day proposed from its first, by 驻村方式 (胶州 第四条: 脱产驻村一年，非脱产联村两年). */
export function proposedTermEnd(policy: Policy, start: string, mode: Mode): string {
  return lastDayOfYears(start, aftermathOf(policy).term.years[mode]);
}

export function reviewTerm(input: TermInput, policy: Policy): TermOutcome {
  const rule = aftermathOf(policy).term;
  const word = (g: TermGrade) => rule.labels[g];
  const years = [...input.years].sort((a, b) => a.year - b.year);
  const reasons = [
    years.length
      ? `${termWords(input)}：${years.map((y) => `${y.year}年度${y.grade ? y.gradeLabel : '无结果'}`).join('、')}`
      : `${termWords(input)}内没有年度考核结果`,
  ];
  const evaluationWords = input.evaluation ? `期满评价为${word(input.evaluation)}` : null;
  if (evaluationWords) reasons.push(evaluationWords);

  const failing: string[] = [];
  for (const y of years) if (y.grade && rule.failIfAnyYear.includes(y.grade)) failing.push(`${y.year}年度考核为${y.gradeLabel}`);
  if (rule.failOnRecall) for (const y of years) for (const rc of y.recalls) failing.push(`${recallWords(y.year, rc)}`);
  if (input.evaluation === 'fail') failing.push(evaluationWords!);
  if (failing.length) return { grade: 'fail', reasons: [...reasons, `${failing.join('，')}，期满考核为${word('fail')}`] };

  const waiting: string[] = [];
  if (!years.length) waiting.push('没有年度考核结果');
  for (const y of years) if (!y.grade || y.grade === 'pending') waiting.push(`${y.year}年度考核结果待定`);
  if (rule.evaluation === 'required' && !input.evaluation) waiting.push('尚未录入期满评价');
  if (waiting.length) return { grade: 'pending', reasons: [...reasons, `${waiting.join('，')}，期满考核${word('pending')}`] };

  const excellent = years.filter((y) => y.grade === 'excellent').length;
  const below = years.filter((y) => y.grade && BELOW_COMPETENT.includes(y.grade));
  if (rule.excellentMinShare !== null) {
    const share = rat(excellent, years.length);
    const enough = gte(share, r(rule.excellentMinShare));
    const evaluationOk = input.evaluation === undefined || input.evaluation === 'excellent';
    if (enough && !below.length && evaluationOk) {
      return {
        grade: 'excellent',
        reasons: [
          ...reasons,
          `任期内${years.length}个年度中${excellent}个年度为${years.find((y) => y.grade === 'excellent')!.gradeLabel}（不少于${rule.excellentMinShare}），期满考核为${word('excellent')}`,
        ],
      };
    }
    if (enough && !evaluationOk) reasons.push(`年度考核优秀的比例够${word('excellent')}，但${evaluationWords}`);
    else if (enough && below.length) reasons.push(`有${below.map((y) => `${y.year}年度${y.gradeLabel}`).join('、')}，不能评为${word('excellent')}`);
  }
  if (!input.evaluation) reasons.push('未录入期满评价，按任期内年度考核结果确定');
  return { grade: 'pass', reasons: [...reasons, `期满考核为${word('pass')}`] };
}
