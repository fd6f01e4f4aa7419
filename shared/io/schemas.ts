/**
 * The columns of each exchange workbook (docs/formats.md §2–§6), shared by the readers and the
 * template writers: header, key, whether required, and what to enter (填表说明).
 */
import { BALLOT_OPTION_LABELS, DIMENSION_LABELS } from '../model/labels';
import type { ColumnSpec } from './table';
import {
  BALLOT_OPTION_ENUM,
  EVENT_KIND_ENUM,
  GRADE_ENUM,
  MODE_ENUM,
  POST_TYPE_ENUM,
  RANK_CLASS_ENUM,
  RATING_ENUM,
  SOURCE_ENUM,
  type Enumeration,
} from './enums';

const labelsOf = <E extends string>(e: Enumeration<E>): string[] => e.keys.map((k) => e.label(k));

export type ValueKind = 'text' | 'int' | 'number' | 'enum';

export interface FieldSpec<K extends string = string> extends ColumnSpec<K> {
  value: ValueKind;
  /** drop-down labels for an enumerated column */
  choices?: readonly string[];
  /** 填表说明 */
  help: string;
  /** column width in characters */
  width: number;
}

const f = <K extends string>(
  key: K,
  header: string,
  required: boolean,
  value: ValueKind,
  width: number,
  help: string,
  extra: Partial<FieldSpec<K>> = {},
): FieldSpec<K> => ({ key, header, required, value, width, help, ...extra });

export const ROSTER_SHEET = '名册';
export const ROSTER_FIELDS = [
  f('id', '编号', true, 'text', 10, '每名“第一书记”一个编号，在本次考核中不得重复；其他表格按编号对应'),
  f('name', '姓名', true, 'text', 10, '“第一书记”姓名'),
  f('unit', '派出单位', false, 'text', 22, '派出“第一书记”的镇(街道)或市直部门(单位)'),
  f('source', DIMENSION_LABELS.source, true, 'enum', 16, '镇(街道) 或 市直部门(单位)，也可填“镇街”“市直”', { choices: labelsOf(SOURCE_ENUM) }),
  f('mode', DIMENSION_LABELS.mode, true, 'enum', 12, '脱产驻村 或 非脱产联村，也可填“脱产”“非脱产”', { choices: labelsOf(MODE_ENUM) }),
  f('rankClass', DIMENSION_LABELS.rankClass, true, 'enum', 18, '党政正职、非党政正职领导干部、正股级干部、副股级及以下干部（按此四类分别排名）', {
    choices: labelsOf(RANK_CLASS_ENUM),
  }),
  f('town', '所在镇街', false, 'text', 12, '所任职村(社区)所在的镇(街道)'),
  f('village', '村社区', false, 'text', 14, '所任职村(社区)名称'),
  f('postType', '村社区类型', false, 'enum', 10, '村 或 社区；不填按“村”。社区党组织“第一书记”参照村党组织执行', {
    choices: labelsOf(POST_TYPE_ENUM),
  }),
  f('eligibleVoters', '应参加人数', true, 'int', 10, '应参加群众满意度测评的人数（村“两委”成员、党员、村民代表、离退职老干部和入党积极分子），整数且不小于1'),
  f('ratingStart', '年初定级', false, 'enum', 10, '镇(街道)党(工)委对村党组织的年初分类定级：A、B、C、D', { choices: labelsOf(RATING_ENUM) }),
  f('ratingEnd', '年末定级', false, 'enum', 10, '年度分类评级：A、B、C、D。B、C、D级每晋一位奖10分，A、B、C级每降一位扣10分；降位的不得确定为优秀等次', {
    choices: labelsOf(RATING_ENUM),
  }),
  f('daysPresent', '在村工作天数', false, 'int', 12, '全年在村工作天数（规则要求在村工作时间时必填），整数'),
  f('workDays', '全年工作日数', false, 'int', 12, '全年工作日总数（规则要求在村工作时间时必填），整数且不小于1'),
  f('idNumber', '身份证号', false, 'text', 20, '18位居民身份证号，用于识别历年考核中的同一人；可不填（不填时按姓名和派出单位提示匹配，由工作人员确认）'),
  f('termStart', '任期开始', false, 'text', 12, '本轮任期开始日期，如 2024-03-01；用于期满考核'),
  f('termEnd', '任期结束', false, 'text', 12, '本轮任期结束日期，如 2026-02-28；不填时按任期年限推算'),
] as const;
export type RosterKey = (typeof ROSTER_FIELDS)[number]['key'];

export const SUMMARY_SHEET = '考评得分汇总';
export const SUMMARY_FIELDS = [
  f('id', '编号', true, 'text', 10, '与名册中的编号一致'),
  f('name', '姓名', false, 'text', 10, '便于核对，可不填；填写时须与名册中该编号的姓名一致'),
  f('baseScore', '基本分', true, 'number', 10, '基本工作目标和执行工作制度及工作纪律两部分得分之和（低于80分的不得确定为优秀等次）'),
  f('orgScore', '组织工作目标考评得分', true, 'number', 20, '组织工作目标考评最终得分，含为村庄办理实事奖分和村党组织晋位升级奖扣分'),
] as const;
export type SummaryKey = (typeof SUMMARY_FIELDS)[number]['key'];

export const BALLOT_SHEET = '测评计票';
export const BALLOT_FIELDS = [
  f('id', '编号', true, 'text', 10, '与名册中的编号一致，每名“第一书记”（每个票箱）一行'),
  f('name', '姓名', false, 'text', 10, '便于核对，可不填；填写时须与名册中该编号的姓名一致'),
  f('verySatisfied', BALLOT_OPTION_LABELS.verySatisfied, true, 'int', 10, '“很满意”票数，整数'),
  f('satisfied', BALLOT_OPTION_LABELS.satisfied, true, 'int', 10, '“满意”票数，整数'),
  f('basic', BALLOT_OPTION_LABELS.basic, true, 'int', 10, '“基本满意”票数，整数'),
  f('dissatisfied', BALLOT_OPTION_LABELS.dissatisfied, true, 'int', 10, '“不满意”票数，整数'),
  f('invalid', BALLOT_OPTION_LABELS.invalid, false, 'int', 10, '废票数：多选、涂改无法辨认或有识别标记的选票；不填按0'),
  f('abstain', BALLOT_OPTION_LABELS.abstain, false, 'int', 10, '弃权票数：未作任何标记的空白票；不填按0'),
  f('issued', '发出票数', false, 'int', 10, '发出选票数；填写时，投票数（收回的全部选票）不得超过发出票数，发出票数不得超过应参加人数'),
] as const;
export type BallotKey = (typeof BALLOT_FIELDS)[number]['key'];

/** Per-ballot layout: one row per returned ballot. */
export const BALLOT_ROW_FIELDS = [
  f('id', '编号', true, 'text', 10, '与名册中的编号一致'),
  f('option', '选项', true, 'enum', 12, '很满意、满意、基本满意、不满意、废票、弃权', { choices: labelsOf(BALLOT_OPTION_ENUM) }),
] as const;
export type BallotRowKey = (typeof BALLOT_ROW_FIELDS)[number]['key'];

export const EVENT_SHEET = '直接定等事项';
export const EVENT_FIELDS = [
  f('id', '编号', true, 'text', 10, '与名册中的编号一致'),
  f('name', '姓名', false, 'text', 10, '便于核对，可不填；填写时须与名册中该编号的姓名一致'),
  f(
    'kind',
    '事项',
    true,
    'enum',
    34,
    '直接确定为不称职等次的情形：违反六严禁造成严重不良影响、激化干群矛盾引发群体性事件、信息迟缓处置不当导致群体性事件；召回撤换（不直接确定等次）',
    {
      choices: labelsOf(EVENT_KIND_ENUM),
    },
  ),
  f('note', '说明', false, 'text', 40, '事实经过、查处结论等'),
  f('date', '日期', false, 'text', 12, '认定或作出决定的日期，如 2024-06-30；召回的处理期限自此日起算'),
] as const;
export type EventKey = (typeof EVENT_FIELDS)[number]['key'];

export const SCORES_SHEET = '考评细则评分';

export const ATTENDANCE_SHEET = '考勤';
export const ATTENDANCE_FIELDS = [
  f('id', '编号', true, 'text', 10, '与名册中的编号一致'),
  f('name', '姓名', false, 'text', 10, '便于核对，可不填；填写时须与名册中该编号的姓名一致'),
  f('month', '月份', true, 'text', 12, '考勤所属月份，如“2024-03”或“2024年3月”；一个文件只填一个月份'),
  f('daysPresent', '在村工作天数', true, 'int', 12, '本月在村工作天数（含因公出差），整数'),
  f('workDays', '本月工作日数', true, 'int', 12, '本月工作日总数，整数且不小于1'),
  f('leaveDays', '请假天数', false, 'int', 10, '本月请假天数，整数；不填按0'),
  f('signedBy', '村党组织书记签字', false, 'text', 14, '对本月在岗情况签字确认的村(社区)党组织书记'),
  f('note', '备注', false, 'text', 30, '请假事由、因公出差等'),
] as const;
export type AttendanceKey = (typeof ATTENDANCE_FIELDS)[number]['key'];
/**
 * 历年结果 (`past`): earlier years' results, one row per secretary and year (docs/formats.md
 * §14). The same reader takes the results workbook this program writes (§10): its
 * 计算等次 and 审定等次 columns.
 */
export const PAST_SHEET = '历年结果';
export const PAST_FIELDS = [
  f('id', '编号', true, 'text', 10, '该年度考核中的编号（各年可以不同）'),
  f('name', '姓名', true, 'text', 10, '“第一书记”姓名'),
  f('year', '年度', false, 'int', 8, '考核年度，如 2023；导入时也可统一指定'),
  f('idNumber', '身份证号', false, 'text', 20, '18位居民身份证号，用于识别同一人；可不填'),
  f('unit', '派出单位', false, 'text', 22, '派出“第一书记”的单位'),
  f('mode', '驻村方式', false, 'enum', 12, '脱产驻村 或 非脱产联村', { choices: labelsOf(MODE_ENUM) }),
  f('grade', '等次', false, 'enum', 10, '该年度考核等次：优秀、良好、称职、基本称职、不称职（头雁工程：好、较好、一般、差）', {
    choices: labelsOf(GRADE_ENUM),
  }),
  f('computedGrade', '计算等次', false, 'enum', 10, '（考核结果工作簿）程序计算的等次'),
  f('decidedGrade', '审定等次', false, 'enum', 10, '（考核结果工作簿）部长办公会审定的等次'),
  f('recallDate', '召回日期', false, 'text', 12, '该年度被召回的，填召回日期，如 2023-06-30'),
  f('termStart', '任期开始', false, 'text', 12, '任期开始日期，如 2023-03-01'),
  f('termEnd', '任期结束', false, 'text', 12, '任期结束日期，如 2025-02-28'),
] as const;
export type PastKey = (typeof PAST_FIELDS)[number]['key'];

export const requiredOf = <K extends string>(fields: readonly FieldSpec<K>[]) => fields.filter((x) => x.required);
