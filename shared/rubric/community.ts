/**
 * The 社区 rubric (docs/method.md §2.6): 胶州 实施细则 第八条's five goals of a 社区 first
 * secretary in place of 第七条's village ones, as the differences from the village rubric
 * of 第十六条. 第十八条 says 社区 are assessed “参照” 第十六条: points and structure stay;
 * what 第八条 names differently is renamed or re-described, by code, so one scores workbook
 * serves both and a secretary moved between the two keeps the inputs.
 */
import { parseRational, toDecimal } from '../exact/rational';
import type { InputError, Policy, Rubric, RubricInput } from '../model';
import { JIAOZHOU_RUBRIC } from './jiaozhou';
import { applyRubricOverlay, type RubricOverlay } from './overlay';
import { INPUT_KIND_WORDS } from './words';

export const COMMUNITY_OVERLAY: RubricOverlay = {
  id: 'jiaozhou-2016-community',
  name: '胶州市社区党组织“第一书记”工作目标考评细则（第八条、第十八条）',
  sections: {
    C: { name: '为社区办理实事' },
    D: { name: '社区党组织晋位升级' },
  },
  groups: {
    // 第八条(一)…(五) in place of 第七条's 带头人、发展思路、管用制度、活动场所、服务机制
    A1: { name: '健全组织网络' },
    A2: { name: '规范运行机制' },
    A3: { name: '抓好制度落实' },
    A4: { name: '建好活动场所' },
    A5: { name: '办理一批实事' },
    C: { name: '办理实事（均为奖分；每名社区“第一书记”每年至少为社区办2件实事）' },
  },
  items: {
    'A1.1': { name: '建立完善社区党组织和群团组织，形成网格化党群组织设置机制，社区班子团结协调' },
    'A1.4': { name: '为后进社区班子新选任优秀党组织负责人' },
    'A2.1': { name: '指导建立和谐社区“215”党建工作运行机制' },
    'A2.2': { name: '指导社区班子制定年度工作计划' },
    'A3.1': { name: '推进“四会一课”、民主评议和组织鉴定、评议鉴定结果反馈等制度落实' },
    'A3.3': { name: '加强对驻社区在职党员和外来务工流动党员的双重管理' },
    'A3.4': { name: '依托市、镇(街道)、社区三级电子信息服务网络，指导社区完善服务机制' },
    'A4.1': { name: '帮助社区配备活动设施，建立文体活动阵地' },
    'A4.2': { name: '帮助修缮、新建社区活动场所' },
    'A5.1': { name: '了解困难党员群众情况，协调落实救助政策和帮扶措施，协助化解各类隐患' },
    'B2.1': { name: '按规定主持召开社区“两委”工作例会' },
    'B4.1': { name: '与社区干部、党员等普遍进行一次谈心谈话' },
    C1: { name: '为社区建设和管理争取物资、资金投入' },
    C2: { name: '为社区争取各级政策扶持资金' },
    C4: { name: '帮助社区将党组织活动阵地打造成党建示范点' },
    D1: { name: '社区党组织年度分类定级晋位升级' },
  },
  inputs: {
    'A1.1a': { label: '未建立完善社区党组织和群团组织' },
    'A1.1b': { label: '社区班子严重矛盾未及时化解扣分' },
    'A2.1': { label: '建立“215”党建工作运行机制' },
    'A3.1': { label: '制度未落实事项起数' },
    'A3.3': { label: '落实在职党员和流动党员双重管理' },
    'A3.4': { label: '依托电子信息服务网络完善服务机制' },
    'A4.1': { label: '配备活动设施、建立文体活动阵地' },
    'A5.1': { label: '落实救助帮扶、化解隐患' },
    C4: { label: '打造党建示范点个数' },
  },
};

export const COMMUNITY_RUBRIC = applyRubricOverlay(JIAOZHOU_RUBRIC, COMMUNITY_OVERLAY);

/** The 社区 rubric the assessment scores with, or none when 社区 follow the village rubric (`communityRubric: same`). */
export function communityRubricInUse(setting: { policy: Pick<Policy, 'communityRubric'>; communityRubric?: Rubric | undefined }): Rubric | undefined {
  return setting.policy.communityRubric === 'own' ? setting.communityRubric : undefined;
}

const inputsOf = (rubric: Rubric): RubricInput[] => rubric.sections.flatMap((s) => s.groups.flatMap((g) => g.items.flatMap((i) => i.inputs)));

/** A bound as written, the same value however it is written ("10", "10.0"). */
const boundOf = (text: string | undefined): string => {
  if (text === undefined) return '无';
  const value = parseRational(text);
  return value ? toDecimal(value) : text;
};

/**
 * Codes both rubrics have whose inputs read differently (kind or bounds). The scores workbook
 * has one column per code and reads a 社区 secretary's value by the village input of that code
 * (docs/method.md §2.6), so the two must agree; a 社区 input that reads differently takes a
 * code of its own. Checked when either rubric is saved and when scores are read.
 */
export function sharedInputConflicts(village: Rubric, community: Rubric): InputError[] {
  const villageInputs = new Map(inputsOf(village).map((i) => [i.code, i]));
  const errors: InputError[] = [];
  for (const c of inputsOf(community)) {
    const v = villageInputs.get(c.code);
    if (!v) continue;
    const differences = [
      v.kind !== c.kind ? `类型（村：${INPUT_KIND_WORDS[v.kind]}，社区：${INPUT_KIND_WORDS[c.kind]}）` : '',
      boundOf(v.min) !== boundOf(c.min) ? `下限（村：${boundOf(v.min)}，社区：${boundOf(c.min)}）` : '',
      boundOf(v.max) !== boundOf(c.max) ? `上限（村：${boundOf(v.max)}，社区：${boundOf(c.max)}）` : '',
    ].filter(Boolean);
    if (differences.length) {
      errors.push({
        message: `录入项“${c.code}”在村和社区考评细则中的${differences.join('、')}不同：考评细则评分表中同一编码只有一列，请改为一致，或给社区的录入项另用编码`,
      });
    }
  }
  return errors;
}
