/**
 * 使用说明: what the help page says, kept in one place so a test can check every link
 * against the app's routes (guide.test.ts). The words are those of the 实施细则 (第十五条至
 * 第十九条) and of the screens themselves.
 */
import type { PrintKind } from '../../../../shared/model';
import type { Screen } from '../../data/routes';

/** Where a line of the guide leads: a screen of the assessment, or one of its prints. */
export type GuideLink = { screen: Screen } | { print: PrintKind };

export interface GuideStep {
  title: string;
  text: string;
  links: GuideLink[];
}

/** The steps of an assessment in order (第十九条 履职考核基本步骤, as done in the app). */
export const STEPS: readonly GuideStep[] = [
  {
    title: '新建考核，核对规则',
    text: '在考核列表中新建考核：1至3月新建时默认为上一年度。到“考核”核对考核规则（类别划分、等次比例、不得评为优秀的情形）和考评细则；规则和细则可导出为 Excel，改好后再导入。',
    links: [{ screen: 'settings' }],
  },
  {
    title: '导入名册',
    text: '在“名册”下载名册模板，按镇(街道)和市直部门(单位)、脱产和非脱产、四类职级填写后导入；也可逐个添加。导入名册后，其余模板已按名册填好编号和姓名。',
    links: [{ screen: 'roster' }],
  },
  {
    title: '日常管理',
    text: '驻村期间在“日常”逐月录入或导入考勤（每月各镇街出勤率末3位自动列出），记录每季度分析研判和召回，登记任期目标备案表、履职承诺书、述职报告等履职材料，划分考核组，登记各村票箱。',
    links: [{ screen: 'field' }],
  },
  {
    title: '组织工作目标考评',
    text: '考核组查验档案、证明材料并实地查看后评分：按考评细则逐项录入，或只录入基本分和组织工作目标考评得分（汇总表）。登记并核实佐证材料。',
    links: [{ screen: 'scoring' }],
  },
  {
    title: '群众满意度测评',
    text: '打印测评票和计票单，组织无记名投票（参加投票人数不少于应参加人数的2/3）。计票结果由两名操作员分别录入（第二次录入不看第一次），或导入测评计票表后由另一名操作员复核。',
    links: [{ print: 'ballots' }, { print: 'tally' }, { screen: 'ballots' }],
  },
  {
    title: '排名定档',
    text: '各项齐备后，“结果”按类别排名：考核总分=组织工作目标考评得分×群众满意度，按比例确定优秀、良好等次。首页列出尚待处理的事项。',
    links: [{ screen: 'overview' }, { screen: 'results' }],
  },
  {
    title: '部长办公会审核',
    text: '打印排名表和汇总表提交部长办公会。会议调整的等次在“结果”中逐人记录审定等次和理由，程序重新核算名额。',
    links: [{ print: 'ranking' }, { print: 'summary' }, { screen: 'results' }],
  },
  {
    title: '定稿、公示、报批',
    text: '审核后在首页或“结果”定稿，数据不能再修改（确需修改须说明理由解除定稿）。在公示名单的打印预览中填写公示开始日期和天数，打印公示；导出结果工作簿报市委审批。',
    links: [{ screen: 'overview' }, { print: 'notice' }, { screen: 'results' }],
  },
  {
    title: '考核结果运用',
    text: '在“奖惩”按等次和考核规则生成奖惩意见，可逐人调整并说明理由；打印报市委审批的汇总、给各派出单位的反馈函和干部档案登记。下一年度新建考核时，往年的召回和不称职等仍在期限内的，自动作为不得评为优秀的理由。',
    links: [{ screen: 'awards' }],
  },
];

/** What each screen is for; every screen of the navigation has a line (guide.test.ts). */
export const SCREEN_PURPOSES: Readonly<Record<Exclude<Screen, 'help'>, string>> = {
  overview: '本次考核的进度：名册人数、评分和计票完成情况，尚不能定稿的事项，定稿和解除定稿。',
  settings: '基本信息（年度、名称、地区），考核规则和考评细则；可导出、导入 JSON 或 Excel。',
  roster: '名册的导入、添加和修改；下载各类模板（导入名册后按名册填好编号、姓名）；导入考评得分、测评计票和直接定等事项。',
  field: '日常管理：考勤（日考勤、月排名，每月各镇街出勤率末3位），每季度分析研判和召回，履职材料的登记，考核组分工和签字，票箱登记。',
  scoring: '组织工作目标考评：逐项评分或录入汇总分，登记和核实佐证材料。',
  ballots: '群众满意度测评计票：两人分别录入或复核导入的票数，查看满意度和是否有效。',
  results: '排名定档的结果：名次、考核总分、计算等次和审定等次、说明；记录部长办公会的审定；导出 Excel 和 JSON。',
  awards: '考核结果运用：按等次和政策生成的奖惩意见（可逐人调整并说明理由），报市委审批的汇总，给各派出单位的反馈函和干部档案登记。',
  charts: '各类别的得分和等次分布图，供汇报使用。',
  audit: '审计日志：谁在何时改了什么；“查看原值”显示被替换的数据，可以恢复。',
  exchange: '多台电脑之间交换数据（交换包）和合并，核对来自其他电脑的修改。',
};

export interface GuideFile {
  file: string;
  /** who fills it in, and from where */
  source: string;
  /** where it goes in: a screen */
  into: Screen;
}

/** Where each file comes from: the templates, who fills them, where they are imported. */
export const FILES: readonly GuideFile[] = [
  { file: '名册', source: '组织部门按选派名单填写（“名册”页下载模板）：编号、姓名、单位类别、驻村方式、职级类别、应参加人数等。', into: 'roster' },
  {
    file: '考评得分汇总',
    source: '在纸面上评分的考核组填写：每人的基本分和组织工作目标考评得分。模板已按名册填好编号、姓名、所在镇街和村社区。',
    into: 'roster',
  },
  { file: '考评细则评分', source: '逐项评分的考核组填写：每个录入项一列（是/否、次数、金额或分数），按考评细则计分。', into: 'roster' },
  { file: '测评计票', source: '镇(街道)或市委组织部考核组汇总测评票后填写：很满意、满意、基本满意、不满意、废票、弃权票数。', into: 'roster' },
  { file: '直接定等事项', source: '查实违反“六严禁”或引发群体性事件等情形的，由考核组填写，每个事项一行。', into: 'roster' },
  { file: '考核规则和细则', source: '在“考核”导出的 Excel，改好后导入；也可交给命令行（--policy）。', into: 'settings' },
];

export interface GuideProblem {
  question: string;
  answer: string;
  links: GuideLink[];
}

/** What to do when a number looks wrong. */
export const PROBLEMS: readonly GuideProblem[] = [
  {
    question: '某人的等次或考核总分看起来不对',
    answer:
      '在“结果”中看该行的“说明”列：写明考核总分怎样算出、等次的依据（名额、基本分低于80分、定级降位、满意度测评结果、直接定等事项、审定）。满意度的精确分数也在说明中。',
    links: [{ screen: 'results' }],
  },
  {
    question: '某个分数或票数不是原来录入的',
    answer: '到“审计”按姓名或编号查找：每次修改都有操作员、时间、修改前后；点“查看原值”可看到被替换的数据，并可恢复。',
    links: [{ screen: 'audit' }],
  },
  {
    question: '导入时提示错误',
    answer: '错误一次全部列出（工作表、行号、列名和原因），改正文件后重新导入；有错误时不导入任何数据。提示“这是……，不是……”时，是选错了文件。',
    links: [{ screen: 'roster' }],
  },
  {
    question: '测评票数对不上或测评无效',
    answer: '在“测评”中核对两次录入的差异和计票单原件；投票数超过应参加人数、发出票数，或参加投票人数不足应参加人数的2/3时，本次测评无效，应重新组织投票。',
    links: [{ screen: 'ballots' }, { print: 'tally' }],
  },
  {
    question: '打印件与电脑里的数据是否一致',
    answer:
      '打印件标题下有“数据摘要”和“审计链”编号：审计链编号是“审计”中最后一条记录哈希的开头8位；数据未改动时重新打印，数据摘要不变。定稿后打印的标明“结果已定稿”。',
    links: [{ screen: 'audit' }],
  },
];
