/** What a package brings to one assessment: per kind, how many units are new, identical, in conflict. */
import { countsByKind, type MergePlan } from '../../../../shared/exchange/merge';
import { UNIT_KINDS, UNIT_LABELS } from '../../../../shared/exchange/units';
import { Table } from '../../ui';

export function MergeSummary({ plan }: { plan: MergePlan }) {
  const counts = countsByKind(plan);
  const rows = UNIT_KINDS.map((kind) => ({ kind, ...counts[kind] }));
  return (
    <div data-testid="merge-summary">
      <h3>
        {plan.base.year}年度 {plan.base.name}
        <span className={`badge merge-badge ${plan.creates ? 'badge-accent' : ''}`}>{plan.creates ? '本机没有此考核，将新建' : '合并到本机已有的考核'}</span>
      </h3>
      <p className="note">
        新增 {plan.added.length} 项，相同 {plan.identical.length} 项，冲突 {plan.conflicts.length} 项
      </p>
      <Table
        testId="merge-counts"
        rows={rows}
        rowKey={(r) => r.kind}
        rowClass={(r) => (r.conflicts ? 'merge-conflict-row' : undefined)}
        columns={[
          { key: 'kind', header: '内容', render: (r) => UNIT_LABELS[r.kind] },
          { key: 'added', header: '新增', align: 'right', render: (r) => r.added },
          { key: 'identical', header: '相同（忽略）', align: 'right', render: (r) => r.identical },
          { key: 'conflicts', header: '冲突（需选择）', align: 'right', render: (r) => (r.conflicts ? <strong>{r.conflicts}</strong> : 0) },
        ]}
      />
    </div>
  );
}
