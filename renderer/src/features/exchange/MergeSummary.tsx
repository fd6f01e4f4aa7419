/**
 * What a package brings to one assessment: per kind, how many units are new, identical,
 * deleted on either side, in conflict — and each deletion by name, since a deletion
 * changes this laptop's data just as an addition does.
 */
import { timeLabel } from '../../../../shared/exchange/describe';
import { countsByKind, type Deletion, type MergePlan } from '../../../../shared/exchange/merge';
import { UNIT_KINDS, UNIT_LABELS } from '../../../../shared/exchange/units';
import { Table } from '../../ui';
import { namesOf, unitLabel } from './ConflictList';

function DeletionList({ title, list, names, testId }: { title: string; list: readonly Deletion[]; names: ReadonlyMap<string, string>; testId: string }) {
  if (!list.length) return null;
  return (
    <div className="merge-deletions" data-testid={testId}>
      <h4>
        {title}（{list.length} 项）
      </h4>
      <ul>
        {list.map(({ unit, tombstone }) => (
          <li key={unit.key}>
            {unitLabel(unit, names)}
            <span className="muted">
              （{tombstone.operator || '未署名'}于 {timeLabel(tombstone.at)} 删除）
            </span>
          </li>
        ))}
      </ul>
    </div>
  );
}

export function MergeSummary({ plan }: { plan: MergePlan }) {
  const counts = countsByKind(plan);
  const rows = UNIT_KINDS.map((kind) => ({ kind, ...counts[kind] }));
  const names = namesOf(plan);
  return (
    <div data-testid="merge-summary">
      <h3>
        {plan.base.year}年度 {plan.base.name}
        <span className={`badge merge-badge ${plan.creates ? 'badge-accent' : ''}`}>{plan.creates ? '本机没有此考核，将新建' : '合并到本机已有的考核'}</span>
      </h3>
      <p className="note">
        新增 {plan.added.length} 项，相同 {plan.identical.length} 项，对方已删除 {plan.deletedThere.length} 项，本机已删除 {plan.deletedHere.length} 项，冲突{' '}
        {plan.conflicts.length} 项{plan.tombstones.length ? `；另收下删除记录 ${plan.tombstones.length} 条` : ''}
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
          { key: 'deletedThere', header: '对方已删除（将删除）', align: 'right', render: (r) => (r.deletedThere ? <strong>{r.deletedThere}</strong> : 0) },
          { key: 'deletedHere', header: '本机已删除（不加回）', align: 'right', render: (r) => r.deletedHere },
          { key: 'conflicts', header: '冲突（需选择）', align: 'right', render: (r) => (r.conflicts ? <strong>{r.conflicts}</strong> : 0) },
        ]}
      />
      <DeletionList title="对方已删除，合并时将从本机删除" list={plan.deletedThere} names={names} testId="merge-deleted-there" />
      <DeletionList title="本机已删除，不会加回" list={plan.deletedHere} names={names} testId="merge-deleted-here" />
    </div>
  );
}
