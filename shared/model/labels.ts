/** Chinese words for the domain's English keys, in the words of the seeds. */
import type { BallotOption } from './ballots';
import type { Flag, Grade } from './grades';
import type { GroupLevel, PaperKind, RecallGround, ReviewDecision, VoterGroup } from './field';
import type { WarningCode } from './plausibility';
import type { EventKind, HoldReason } from './scores';
import type { CategoryDimension, Mode, PostType, RankClass, Source } from './secretary';

export const SOURCE_LABELS: Record<Source, string> = { town: '镇(街道)', city: '市直部门(单位)' };
export const SOURCE_SHORT: Record<Source, string> = { town: '镇街', city: '市直' };

export const MODE_LABELS: Record<Mode, string> = { fulltime: '脱产驻村', parttime: '非脱产联村' };
export const MODE_SHORT: Record<Mode, string> = { fulltime: '脱产', parttime: '非脱产' };

export const RANK_CLASS_LABELS: Record<RankClass, string> = {
  chief: '党政正职',
  leader: '非党政正职领导干部',
  section: '正股级干部',
  junior: '副股级及以下干部',
};
export const RANK_CLASS_SHORT: Record<RankClass, string> = {
  chief: '党政正职',
  leader: '非党政正职领导',
  section: '正股级',
  junior: '副股级及以下',
};

export const POST_TYPE_LABELS: Record<PostType, string> = { village: '村', community: '社区' };

export const DIMENSION_LABELS: Record<CategoryDimension, string> = {
  source: '单位类别',
  mode: '驻村方式',
  rankClass: '职级类别',
  postType: '村/社区',
};

export const DEFAULT_GRADE_LABELS: Record<Grade, string> = {
  excellent: '优秀',
  good: '良好',
  competent: '称职',
  basic: '基本称职',
  incompetent: '不称职',
  pending: '待定',
};

export const BALLOT_OPTION_LABELS: Record<BallotOption, string> = {
  verySatisfied: '很满意',
  satisfied: '满意',
  basic: '基本满意',
  dissatisfied: '不满意',
  invalid: '废票',
  abstain: '弃权',
};

export const EVENT_KIND_LABELS: Record<EventKind, string> = {
  breach: '违反六严禁造成严重不良影响',
  massIncident: '激化干群矛盾引发群体性事件',
  lateReport: '信息迟缓处置不当导致群体性事件',
  recall: '召回撤换',
};

/** Short forms accepted on import (docs/formats.md §6). */
export const EVENT_KIND_SHORT: Record<EventKind, string> = {
  breach: '违反六严禁',
  massIncident: '激化干群矛盾',
  lateReport: '信息迟缓处置不当',
  recall: '召回',
};

export const FLAG_LABELS: Record<Flag, string> = {
  turnoutLow: '投票人数不足应参加人数的2/3',
  baseBelowMin: '基本分低于优秀最低分',
  orgDowngraded: '所任职党组织年度定级降位',
  satisfactionBasic: '满意度测评为基本称职',
  satisfactionIncompetent: '满意度测评为不称职',
  directIncompetent: '直接确定为不称职',
  recall: '不满意率超过召回线',
  recalled: '本年度已被召回',
  presenceLow: '在村工作时间不足',
  carried: '往年处理影响期内，不得评为优秀',
  tieAtBoundary: '等次分界处并列，待部长办公会确定',
  held: '暂缓定等',
  negativeScore: '组织工作目标考评得分为负',
  decided: '部长办公会已审定',
};

/** Seed 002 季召回制度, verbatim: the grounds of a recall. */
export const RECALL_GROUND_LABELS: Record<RecallGround, string> = {
  discipline: '违纪违法受到处理的',
  absent: '无正当理由长期不在岗的',
  weak: '能力素质不高，作风不实，民主评议满意度较低的',
  unfit: '不能胜任本职工作的',
  other: '因其他不良原因，相关主管部门认为不适宜继续留任的',
};

export const REVIEW_DECISION_LABELS: Record<ReviewDecision, string> = {
  retain: '继续留任',
  remind: '约谈提醒',
  recall: '召回撤换',
};

export const PAPER_LABELS: Record<PaperKind, string> = {
  targets: '任期目标备案表',
  pledge: '履职承诺书',
  report: '专项书面述职报告',
  selfCheck: '履职情况自查报告表',
  diary: '民情日记',
  ledger: '工作台账',
};

/** Where the method asks for each paper. */
export const PAPER_SOURCES: Record<PaperKind, string> = {
  targets: '实施细则第九条',
  pledge: '实施细则第十三条',
  report: '实施细则第十四条',
  selfCheck: '实施细则第十九条(一)',
  diary: '实施细则第十条；大安区通知',
  ledger: '山西省通知',
};

export const GROUP_LEVEL_LABELS: Record<GroupLevel, string> = {
  city: '市委组织部考核组',
  town: '镇(街道)党(工)委考核组',
};

/** 001 第十七条: 村“两委”成员、党员、村民代表、离退职老干部和入党积极分子. */
export const VOTER_GROUP_LABELS: Record<VoterGroup, string> = {
  committee: '村“两委”成员',
  members: '党员',
  representatives: '村民代表',
  veterans: '离退职老干部',
  activists: '入党积极分子',
};

export const WARNING_LABELS: Record<WarningCode, string> = {
  manyInvalid: '废票较多',
  manyAbstain: '弃权较多',
  unreturned: '发出的票未收回较多',
  turnoutNearLine: '投票人数刚达到规定比例',
  townOutlier: '满意度与本镇街相差较大',
  categoryOutlier: '得分与本类别相差较大',
  identicalTallies: '两名书记计票完全相同',
};

export const HOLD_REASON_LABELS: Record<HoldReason, string> = {
  investigation: '立案审查中',
  shortPresence: '驻村不足一定期限',
  other: '其他原因',
};
