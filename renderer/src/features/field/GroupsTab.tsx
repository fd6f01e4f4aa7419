/**
 * 考核组 (001 第十九条): the city's group assesses the 脱产 secretaries, each town's its
 * 非脱产 ones — the default share, which a person may change per secretary. Members come
 * from the operator list. A group signs off its share as it stands; a later change of a
 * secretary's scores or tally opens the share again, visibly.
 */
import { useState } from 'react';
import { GROUP_STATE_LABELS, groupOf, suggestedGroups, type GroupStatus } from '../../../../shared/field';
import { GROUP_LEVEL_LABELS, MODE_SHORT, type AssessmentGroup } from '../../../../shared/model';
import { getOperator, useOperator, useOperators } from '../../data/operator';
import { useWrite } from '../../data/useWrite';
import { db } from '../../db/db';
import { assignGroup, saveGroups, signOffGroup } from '../../db/field';
import type { AssessmentRecord, AssignmentRecord, SecretaryRecord } from '../../db/schema';
import { Button, ConfirmButton, Table } from '../../ui';

function GroupCard({ status, assessment, names }: { status: GroupStatus; assessment: AssessmentRecord; names: ReadonlyMap<string, string> }) {
  const write = useWrite();
  const operators = useOperators();
  const { operator } = useOperator();
  const { group } = status;
  const setMembers = (members: string[]) =>
    write(
      getOperator().then((op) =>
        saveGroups(
          db,
          assessment.id,
          (assessment.groups ?? []).map((g) => (g.id === group.id ? { ...g, members } : g)),
          op,
        ),
      ),
    );
  const isMember = !!operator && group.members.includes(operator);
  const badge = status.state === 'signed' ? 'badge-ok' : status.state === 'reopened' ? 'badge-accent' : 'badge-warn';
  return (
    <section className="card group-card" aria-label={group.name} data-testid={`group-${group.id}`}>
      <h3>
        {group.name} <span className={`badge ${badge}`}>{GROUP_STATE_LABELS[status.state]}</span>
      </h3>
      <p className="note">
        {GROUP_LEVEL_LABELS[group.level]}
        {group.town !== undefined ? `（${group.town || '未填镇街'}）` : ''}；负责 {status.members.length} 人
        {status.signed ? `；${status.signed.by} 于 ${status.signed.at.slice(0, 16).replace('T', ' ')} 签字` : ''}
      </p>
      {status.state === 'reopened' ? (
        <p className="field-error">签字后以下人员的评分或计票有修改，须重新签字：{status.changed.map((id) => `${names.get(id) ?? id}（${id}）`).join('、')}</p>
      ) : null}
      <div className="members" role="group" aria-label={`${group.name}成员`}>
        <span className="field-label">成员：</span>
        {(operators ?? []).map((o) => (
          <label key={o.name}>
            <input
              type="checkbox"
              checked={group.members.includes(o.name)}
              disabled={assessment.locked}
              onChange={(e) => setMembers(e.target.checked ? [...group.members, o.name] : group.members.filter((m) => m !== o.name))}
            />{' '}
            {o.name}
          </label>
        ))}
      </div>
      {!assessment.locked && status.members.length && status.state !== 'signed' ? (
        <ConfirmButton
          label={`${group.name}签字`}
          title={`${group.name}签字`}
          confirmLabel="签字"
          variant="primary"
          disabled={!isMember}
          onConfirm={async () => signOffGroup(db, assessment.id, group, status.members, await getOperator())}
        >
          <p>
            {operator} 代表{group.name}，对本组负责的 {status.members.length} 人的考评得分和测评计票签字确认。签字记入审计日志；签字后如有修改，须重新签字。
          </p>
        </ConfirmButton>
      ) : null}
      {!isMember && status.state !== 'signed' && !assessment.locked ? (
        <span className="note">（只有本组成员可以签字；当前操作员：{operator || '未选择'}）</span>
      ) : null}
    </section>
  );
}

export function GroupsTab({
  assessment,
  secretaries,
  assignments,
  statuses,
}: {
  assessment: AssessmentRecord;
  secretaries: SecretaryRecord[];
  assignments: AssignmentRecord[];
  statuses: GroupStatus[];
}) {
  const write = useWrite();
  const groups = assessment.groups ?? [];
  const byId = new Map(assignments.map((a) => [a.id, a]));
  const names = new Map(secretaries.map((s) => [s.id, s.name]));
  const [newName, setNewName] = useState('');
  const create = async (list: AssessmentGroup[]) => saveGroups(db, assessment.id, list, await getOperator());
  return (
    <div data-testid="groups-tab">
      <p className="note">按第十九条：脱产驻村的“第一书记”由市委组织部考核组考核，非脱产联村的由所在镇(街道)党(工)委考核组考核；可逐人调整。</p>
      {!groups.length ? (
        <Button variant="primary" disabled={assessment.locked} onClick={() => write(create(suggestedGroups(secretaries)))}>
          按第十九条设立考核组
        </Button>
      ) : null}
      {statuses.map((st) => (
        <GroupCard key={st.group.id} status={st} assessment={assessment} names={names} />
      ))}
      {groups.length ? (
        <>
          <div className="toolbar">
            <input
              aria-label="新考核组名称"
              placeholder="新考核组名称"
              value={newName}
              disabled={assessment.locked}
              onChange={(e) => setNewName(e.target.value)}
            />
            <Button
              disabled={!newName.trim() || assessment.locked}
              onClick={() => {
                write(create([...groups, { id: `g${Date.now().toString(36)}`, name: newName.trim(), level: 'city', members: [] }]));
                setNewName('');
              }}
            >
              增加考核组
            </Button>
          </div>
          <h2>分工</h2>
          <Table
            rowKey={(s) => s.id}
            rows={secretaries}
            columns={[
              { key: 'id', header: '编号', render: (s) => s.id },
              { key: 'name', header: '姓名', render: (s) => s.name },
              { key: 'mode', header: '驻村方式', render: (s) => MODE_SHORT[s.mode] },
              { key: 'town', header: '镇街', render: (s) => s.town ?? '' },
              {
                key: 'group',
                header: '考核组',
                render: (s) => (
                  <select
                    aria-label={`${s.name} 考核组`}
                    value={groupOf(s, byId.get(s.id), groups)?.id ?? ''}
                    disabled={assessment.locked}
                    onChange={(e) => write(getOperator().then((op) => assignGroup(db, assessment.id, [s.id], e.target.value, op)))}
                  >
                    <option value="" disabled>
                      （未分配）
                    </option>
                    {groups.map((g) => (
                      <option key={g.id} value={g.id}>
                        {g.name}
                      </option>
                    ))}
                  </select>
                ),
              },
            ]}
          />
        </>
      ) : null}
    </div>
  );
}
