/** 名册: import the roster workbook, add/change a secretary, search and filter, blank templates. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { categoryKey, categoryLabel, compareCategoryKeys } from '../../../../shared/method';
import { DIMENSION_LABELS, MODE_SHORT, POST_TYPE_LABELS, RANK_CLASS_SHORT, SOURCE_SHORT, type Secretary } from '../../../../shared/model';
import { getOperator } from '../../data/operator';
import { useAssessment } from '../../data/assessment';
import { personHref } from '../../data/routes';
import { db } from '../../db/db';
import { saveSecretary } from '../../db/roster';
import { assessmentRows } from '../../db/rows';
import type { SecretaryRecord } from '../../db/schema';
import { Button, Field, Table, TownSelect, useToast } from '../../ui';
import { ImportButton } from '../imports';
import { ImportHub } from '../imports';
import { SecretaryForm } from './SecretaryForm';
import { TaizhangButtons } from './TaizhangButtons';
import { TemplateButtons } from './Templates';
import { communityRubricInUse } from '../../../../shared/rubric/community';

/** 编号 in their natural order (S2 before S10); one collator for the whole list. */
const BY_ID = new Intl.Collator('zh-CN', { numeric: true });

export function RosterPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const toast = useToast();
  const roster = useLiveQuery(() => assessmentRows(db.secretaries, assessmentId), [assessmentId]);
  const [query, setQuery] = useState('');
  const [town, setTown] = useState('');
  const [category, setCategory] = useState('');
  const [editing, setEditing] = useState<SecretaryRecord | 'new' | null>(null);

  const dimensions = assessment?.policy.categoryDimensions ?? [];
  const towns = useMemo(() => [...new Set((roster ?? []).map((s) => s.town ?? ''))].filter(Boolean).sort((a, b) => a.localeCompare(b, 'zh-CN')), [roster]);
  const categories = useMemo(
    () => [...new Set((roster ?? []).map((s) => categoryKey(s, dimensions)))].sort((a, b) => compareCategoryKeys(a, b, dimensions)),
    [roster, dimensions],
  );
  const rows = useMemo(() => {
    const q = query.trim();
    return (roster ?? [])
      .filter((s) => !town || s.town === town)
      .filter((s) => !category || categoryKey(s, dimensions) === category)
      .filter((s) => !q || [s.id, s.name, s.unit, s.village, s.town].some((v) => v?.includes(q)))
      .sort((a, b) => BY_ID.compare(a.id, b.id));
  }, [roster, query, town, category, dimensions]);
  // the whole roster in 编号 order, for the templates: sorted once per change of the roster, not on every render
  const byId = useMemo(() => [...(roster ?? [])].sort((a, b) => BY_ID.compare(a.id, b.id)), [roster]);

  if (!assessment) return null;
  const readOnly = assessment.locked || assessment.status === 'archived';
  const takenIds = new Set((roster ?? []).map((s) => s.id));
  if (editing && editing !== 'new') takenIds.delete(editing.id);

  const save = async (s: Secretary) => {
    await saveSecretary(db, assessmentId, s, await getOperator(), editing && editing !== 'new' ? editing.id : undefined);
    toast(editing === 'new' ? `已添加 ${s.name}` : `已保存 ${s.name}`);
    setEditing(null);
  };

  return (
    <>
      <div className="page-head">
        <h1>名册</h1>
        <ImportButton
          label="导入名册"
          title="导入名册"
          variant="primary"
          disabled={readOnly}
          kind="roster"
          assessmentId={assessmentId}
          success={({ total }) => `已导入名册，共 ${total} 名第一书记`}
        />
        <Button onClick={() => setEditing('new')} disabled={readOnly}>
          添加第一书记
        </Button>
      </div>
      <div className="card">
        <TemplateButtons rubric={assessment.rubric} roster={byId} community={communityRubricInUse(assessment)} />
        <TaizhangButtons assessment={assessment} roster={roster ?? []} />
        <ImportHub assessmentId={assessmentId} kinds={['summary', 'scores', 'ballots', 'events']} disabled={readOnly} />
        <p className="note" style={{ margin: '6px 0 0' }}>
          导入时按编号与本机数据逐人比对：新增的直接导入，与本机不同的先列出，由您逐一选择保留本机或采用文件。文件有任何错误时，不导入任何数据。
        </p>
      </div>
      <div className="toolbar">
        <Field label="查找">
          <input type="search" placeholder="编号、姓名、单位或村" value={query} onChange={(e) => setQuery(e.target.value)} />
        </Field>
        <TownSelect towns={towns} value={town} onChange={setTown} />
        <Field label="类别">
          <select value={category} onChange={(e) => setCategory(e.target.value)}>
            <option value="">全部类别</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {categoryLabel(c, dimensions)}
              </option>
            ))}
          </select>
        </Field>
        <span className="note" aria-live="polite">
          共 {roster?.length ?? 0} 人{rows.length !== (roster?.length ?? 0) ? `，显示 ${rows.length} 人` : ''}
        </span>
      </div>
      <Table
        testId="roster-table"
        scroll
        rows={rows}
        rowKey={(s) => s.id}
        empty={roster === undefined ? '正在读取…' : roster.length ? '没有符合条件的第一书记' : '名册为空。请导入名册工作簿，或逐个添加。'}
        columns={[
          { key: 'id', header: '编号', width: '7em', render: (s) => s.id },
          { key: 'name', header: '姓名', width: '6.5em', render: (s) => <a href={personHref(assessmentId, s.id)}>{s.name}</a> },
          { key: 'unit', header: '派出单位', render: (s) => s.unit ?? '' },
          { key: 'source', header: DIMENSION_LABELS.source, width: '5em', render: (s) => SOURCE_SHORT[s.source] },
          { key: 'mode', header: DIMENSION_LABELS.mode, width: '5em', render: (s) => MODE_SHORT[s.mode] },
          { key: 'rankClass', header: DIMENSION_LABELS.rankClass, width: '7em', render: (s) => RANK_CLASS_SHORT[s.rankClass] },
          { key: 'town', header: '所在镇街', width: '7em', render: (s) => s.town ?? '' },
          {
            key: 'village',
            header: '村(社区)',
            render: (s) =>
              `${s.village ?? ''}${s.postType === 'community' && !s.village?.endsWith(POST_TYPE_LABELS.community) ? `（${POST_TYPE_LABELS.community}）` : ''}`,
          },
          { key: 'eligible', header: '应参加人数', align: 'right', width: '6.5em', render: (s) => s.eligibleVoters },
          { key: 'rating', header: '定级', width: '7em', render: (s) => (s.ratingStart || s.ratingEnd ? `${s.ratingStart ?? '—'}→${s.ratingEnd ?? '—'}` : '') },
          {
            key: 'edit',
            header: '操作',
            width: '5em',
            render: (s) => (
              <Button variant="ghost" disabled={readOnly} onClick={() => setEditing(s)} aria-label={`修改 ${s.name}`}>
                修改
              </Button>
            ),
          },
        ]}
      />
      {editing ? (
        <SecretaryForm
          secretary={editing === 'new' ? null : editing}
          takenIds={takenIds}
          requirePresence={assessment.policy.minPresence !== null}
          onClose={() => setEditing(null)}
          onSave={save}
        />
      ) : null}
    </>
  );
}
