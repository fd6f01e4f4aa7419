/** The default rubric: 胶州 实施细则 第十六条, verbatim as data (docs/method.md §2.3). */
import type { Rubric, RubricInput, RubricItem } from '../model/rubric';

const bool = (code: string, label: string, points: string): RubricInput => ({ code, label, kind: 'bool', points });
const count = (code: string, label: string, points: string, max?: string): RubricInput =>
  max === undefined ? { code, label, kind: 'count', points } : { code, label, kind: 'count', points, max };
const points = (code: string, label: string, sign: '1' | '-1', max: string): RubricInput => ({
  code,
  label,
  kind: 'points',
  points: sign,
  min: '0',
  max,
});
const amount = (code: string, label: string, perUnit: string): RubricInput => ({
  code,
  label,
  kind: 'amount',
  points: perUnit,
  unit: '10000',
});

/** A base item clamped to [0, base]. */
const based = (code: string, name: string, base: string, inputs: RubricInput[]): RubricItem => ({
  code,
  name,
  kind: 'base',
  base,
  min: '0',
  max: base,
  inputs,
});
const plain = (code: string, name: string, inputs: RubricInput[]): RubricItem => ({ code, name, kind: 'base', inputs });
const bonus = (code: string, name: string, inputs: RubricInput[]): RubricItem => ({ code, name, kind: 'bonus', inputs });
const deduction = (code: string, name: string, inputs: RubricInput[]): RubricItem => ({
  code,
  name,
  kind: 'deduction',
  inputs,
});

export const JIAOZHOU_RUBRIC: Rubric = {
  id: 'jiaozhou-2016',
  name: '胶州市村党组织“第一书记”工作目标考评细则（第十六条）',
  sections: [
    {
      code: 'A',
      name: '基本工作目标',
      base: '60',
      inBaseScore: true,
      groups: [
        {
          code: 'A1',
          name: '加强队伍建设',
          items: [
            based('A1.1', '加强村干部队伍思想政治教育，组织学习《暂行办法》，村班子团结协调', '10', [
              bool('A1.1a', '未组织学习《暂行办法》', '-5'),
              points('A1.1b', '村班子严重矛盾未及时化解扣分', '-1', '5'),
            ]),
            plain('A1.2', '年内组织一次以党性教育为主要内容的集中培训', [bool('A1.2', '完成集中培训', '10')]),
            bonus('A1.3', '组织党员和群众代表外出考察或致富技能培训', [count('A1.3', '外出考察或培训次数', '5')]),
            bonus('A1.4', '为后进村班子新选任优秀党组织负责人', [count('A1.4', '新选任负责人数', '20')]),
          ],
        },
        {
          code: 'A2',
          name: '理清发展思路',
          items: [
            plain('A2.1', '帮助村庄形成科学发展规划', [bool('A2.1', '形成科学发展规划', '10')]),
            plain('A2.2', '指导村级班子制定年度工作计划', [bool('A2.2', '制定年度工作计划', '5')]),
          ],
        },
        {
          code: 'A3',
          name: '推进制度落实',
          items: [
            based('A3.1', '按“四议一审两公开”决策，发展党员全程纪实、公示、票决', '15', [count('A3.1', '违规决策或违规发展党员起数', '-5')]),
            based('A3.2', '按规定组织“民主活动日”', '10', [count('A3.2', '缺少民主活动日次数', '-1')]),
            bonus('A3.3', '建立实施党员资格年审制度', [bool('A3.3', '建立党员资格年审制度', '3')]),
            bonus('A3.4', '建立党员信用等级评价体系', [bool('A3.4', '建立党员信用等级评价体系', '3')]),
          ],
        },
        {
          code: 'A4',
          name: '搞好场所建设',
          items: [
            bonus('A4.1', '完善活动场所制度，新配备办公设施', [bool('A4.1', '完善制度、新配办公设施', '6')]),
            bonus('A4.2', '帮助修缮、新建村活动场所', [amount('A4.2', '修缮新建场所投入金额(元)', '5')]),
          ],
        },
        {
          code: 'A5',
          name: '建立服务机制',
          items: [bonus('A5.1', '建立为民服务代理点并发挥作用', [bool('A5.1', '建立为民服务代理点', '3')])],
        },
      ],
    },
    {
      code: 'B',
      name: '执行工作制度和工作纪律',
      base: '40',
      inBaseScore: true,
      groups: [
        {
          code: 'B1',
          name: '蹲点调研',
          items: [
            { ...plain('B1.1', '按规定蹲点调研，记写“民情日记”', [points('B1.1', '蹲点调研得分', '1', '4')]), min: '0', max: '4' },
            plain('B1.2', '向市委组织部提报一篇高质量的调研报告', [bool('B1.2', '提报调研报告', '4')]),
          ],
        },
        {
          code: 'B2',
          name: '工作例会',
          items: [based('B2.1', '按规定主持召开村“两委”工作例会', '8', [count('B2.1', '缺少工作例会次数', '-1')])],
        },
        {
          code: 'B3',
          name: '参加会议',
          items: [based('B3.1', '按规定参加党员大会、民主生活会等会议', '8', [count('B3.1', '缺席会议次数', '-2')])],
        },
        {
          code: 'B4',
          name: '双向约谈',
          items: [
            { ...plain('B4.1', '与村干部、党员等普遍进行一次谈心谈话', [points('B4.1', '谈心谈话得分', '1', '5')]), min: '0', max: '5' },
            { ...plain('B4.2', '接受党员群众约谈', [points('B4.2', '接受约谈得分', '1', '3')]), min: '0', max: '3' },
          ],
        },
        {
          code: 'B5',
          name: '结对帮扶',
          items: [
            based('B5.1', '结对帮扶2户特困家庭，入户走访慰问', '8', [count('B5.1a', '缺少结对帮扶户数', '-3', '2'), bool('B5.1b', '未入户走访', '-2')]),
            bonus('B5.2', '对特困家庭学生进行爱心助学', [bool('B5.2', '开展爱心助学', '4')]),
            bonus('B5.3', '帮助特困家庭落实就业岗位', [count('B5.3', '落实就业岗位个数', '5')]),
            bonus('B5.4', '帮助特困家庭落实脱贫致富项目', [count('B5.4', '落实脱贫致富项目个数', '8')]),
            bonus('B5.5', '帮助特困家庭申请困难救助', [count('B5.5', '申请困难救助笔数', '3')]),
          ],
        },
        {
          code: 'B6',
          name: '执行纪律',
          items: [
            deduction('B6.1', '违反“六严禁”工作纪律', [count('B6.1a', '违反六严禁起数', '-5'), count('B6.1b', '违反六严禁情节特别严重起数', '-10')]),
            deduction('B6.2', '工作方式方法不当被群众投诉经查实', [count('B6.2a', '查实投诉起数', '-5'), count('B6.2b', '查实投诉情节特别严重起数', '-10')]),
          ],
        },
      ],
    },
    {
      code: 'C',
      name: '为村庄办理实事',
      inBaseScore: false,
      groups: [
        {
          code: 'C',
          name: '办理实事（均为奖分）',
          items: [
            bonus('C1', '为村庄规划建设和管理争取物资、资金投入', [amount('C1', '争取物资资金投入金额(元)', '5')]),
            bonus('C2', '为村庄争取各级政策扶持资金', [amount('C2', '争取政策扶持资金金额(元)', '2')]),
            bonus('C3', '引进工业、三产或高效农业发展项目', [
              count('C3a', '引进一类项目个数', '40'),
              count('C3b', '引进二类项目个数', '30'),
              count('C3c', '引进三类项目个数', '20'),
              count('C3d', '引进四类项目个数', '10'),
            ]),
            bonus('C4', '帮助村庄建立种植或养殖示范基地', [count('C4', '建立示范基地个数', '10')]),
          ],
        },
      ],
    },
    {
      code: 'D',
      name: '村党组织晋位升级',
      inBaseScore: false,
      groups: [
        {
          code: 'D',
          name: '晋位升级（奖扣分）',
          items: [
            {
              code: 'D1',
              name: '村党组织年度分类定级晋位升级',
              kind: 'bonus',
              inputs: [],
              ratingChange: { pointsPerLevel: '10' },
            },
          ],
        },
      ],
    },
  ],
};
