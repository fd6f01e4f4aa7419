/** Chinese words for the domain's English keys, in the words of the seeds. */
import type { BallotOption } from './ballots';
import type { Flag, Grade } from './grades';
import type { EventKind } from './scores';
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
  recall: '召回',
};

/** Short forms accepted on import (docs/formats.md §6). */
export const EVENT_KIND_SHORT: Record<EventKind, string> = {
  breach: '违反六严禁',
  massIncident: '激化干群矛盾',
  lateReport: '信息迟缓处置不当',
  recall: '召回撤换',
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
  negativeScore: '组织工作目标考评得分为负',
  decided: '部长办公会已审定',
};
