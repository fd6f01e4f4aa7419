/** The prints of the process (打印): what the app's print views and `shuangping print` both make. */
export const PRINT_KINDS = ['ranking', 'summary', 'notice', 'individual', 'ballots', 'tally', 'awards', 'approval', 'feedback', 'cadre', 'term'] as const;
export type PrintKind = (typeof PRINT_KINDS)[number];

export const PRINT_KIND_LABELS: Record<PrintKind, string> = {
  ranking: '考核结果排名表',
  summary: '考核结果汇总表',
  notice: '考核结果公示名单',
  individual: '个人考评表',
  ballots: '群众满意度测评票',
  tally: '测评计票单',
  awards: '奖惩意见表',
  approval: '考核结果及奖惩意见报批表',
  feedback: '考核结果反馈函',
  cadre: '干部档案登记表',
  term: '期满考核表',
};

export const isPrintKind = (s: string): s is PrintKind => (PRINT_KINDS as readonly string[]).includes(s);
