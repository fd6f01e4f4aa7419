/** A short Chinese summary of a result for the terminal. */
import { FLAG_LABELS, FLAGS, GRADES, WARNING_CODES, WARNING_LABELS, type AssessmentResult, type PlausibilityWarning, type Policy } from '../model';

/** Plausibility warnings as the terminal prints them (stderr, like the workbooks' 提示), each named once looked up. */
export function warningLines(warnings: readonly PlausibilityWarning[], result: AssessmentResult): string[] {
  if (!warnings.length) return [];
  const names = new Map<string, string>();
  for (const c of result.categories) for (const row of c.rows) names.set(row.id, row.secretary.name);
  return warnings.map((warning) => {
    const name = names.get(warning.id);
    return `提示：编号${warning.id}${name ? `（${name}）` : ''}${WARNING_LABELS[warning.code]}：${warning.message}`;
  });
}

export function summarize(result: AssessmentResult, policy: Policy, warnings: readonly PlausibilityWarning[] = []): string[] {
  const rows = result.categories.flatMap((c) => c.rows);
  const lines = [`考核规则：${result.policyName}`, `共 ${rows.length} 名“第一书记”，${result.categories.length} 个类别：`];
  for (const c of result.categories) {
    const quotas = policy.bands.map((b) => `${policy.labels[b.key]}${c.quotas[b.key] ?? 0}`).join(' ');
    const counts = GRADES.map((g) => [policy.labels[g], c.rows.filter((r) => r.grade === g).length] as const)
      .filter(([, n]) => n > 0)
      .map(([label, n]) => `${label}${n}`)
      .join(' ');
    lines.push(`  ${c.label}：${c.size}人；名额 ${quotas}；${counts}${c.smallCategory ? '（人数过少，无名额）' : ''}`);
  }
  const totals = GRADES.map((g) => `${policy.labels[g]}${rows.filter((r) => r.grade === g).length}`).join(' ');
  lines.push(`合计：${totals}`);
  const flagged = FLAGS.map((f) => [f, rows.filter((r) => r.flags.includes(f))] as const).filter(([, rs]) => rs.length > 0);
  if (flagged.length) {
    lines.push('标记：');
    for (const [flag, rs] of flagged) {
      const names = rs
        .slice(0, 6)
        .map((r) => `${r.secretary.name}(${r.id})`)
        .join('、');
      lines.push(`  ${FLAG_LABELS[flag]}：${rs.length}人 — ${names}${rs.length > 6 ? ' 等' : ''}`);
    }
  }
  if (warnings.length) {
    const counts = WARNING_CODES.map((code) => [code, warnings.filter((w) => w.code === code).length] as const).filter(([, n]) => n > 0);
    lines.push(`合理性提示 ${warnings.length} 条（定稿前须逐条核对确认）：${counts.map(([code, n]) => `${WARNING_LABELS[code]}${n}`).join('，')}`);
  }
  return lines;
}
