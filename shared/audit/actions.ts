/** The audit log's action keys (English, as stored) and what a person reads for them: the app, a package check and `shuangping verify` name actions alike. */
export const ACTION_LABELS: Record<string, string> = {
  'assessment.create': '新建考核',
  'assessment.duplicate': '复制考核',
  'assessment.archive': '归档',
  'assessment.restore': '取消归档',
  'assessment.lock': '定稿',
  'assessment.unlock': '解除定稿',
  'assessment.update.year': '修改年度',
  'assessment.update.name': '修改考核名称',
  'assessment.update.region': '修改地区',
  'assessment.update.policy': '修改考核规则',
  'assessment.update.rubric': '修改考评细则',
  'roster.import': '导入名册',
  'secretary.add': '添加第一书记',
  'secretary.update': '修改第一书记信息',
  'summary.import': '导入考评得分汇总',
  'scores.import': '导入考评细则评分',
  'ballots.import': '导入测评计票',
  'events.import': '导入直接定等事项',
  'scores.save': '录入考评细则评分',
  'summary.enter': '录入汇总分',
  'summary.delete': '删除汇总分',
  'evidence.add': '登记佐证材料',
  'evidence.update': '修改佐证核查',
  'evidence.remove': '删除佐证材料',
  'attachment.add': '添加附件',
  'attachment.update': '更新附件',
  'attachment.remove': '删除附件',
  'tally.entry': '录入测评票数',
  'tally.accept': '双录一致，计票生效',
  'tally.resolve': '核对差异，确认计票',
  'tally.reenter': '第二次录入作废',
  'tally.reset': '清空计票',
  'decision.set': '录入审定意见',
  'decision.remove': '撤销审定意见',
  merge: '合并交换包',
  restore: '从备份恢复',
};

/** The Chinese words for an action; an unknown key (from a newer version) is shown as it is. */
export function actionLabel(action: string): string {
  return ACTION_LABELS[action] ?? action;
}
