/** 考核列表: every assessment; create, open, duplicate, archive; load the sample county. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { formatInputError } from '../../../../shared/model';
import { navigate, screenHref } from '../../data/routes';
import { getOperator } from '../../data/operator';
import { createAssessment, duplicateAssessment, setArchived } from '../../db/assessments';
import { db } from '../../db/db';
import type { AssessmentRecord } from '../../db/schema';
import { Button, Table, useToast } from '../../ui';
import { NewAssessmentDialog } from './NewAssessmentDialog';
import { hasSample, loadSampleCounty } from './sample';

export function AssessmentsPage() {
  const toast = useToast();
  const [showArchived, setShowArchived] = useState(false);
  const [creating, setCreating] = useState(false);
  const [loadingSample, setLoadingSample] = useState(false);
  const all = useLiveQuery(() => db.assessments.toArray(), []);
  const rows = (all ?? []).filter((a) => showArchived || a.status === 'active').sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
  const archivedCount = (all ?? []).filter((a) => a.status === 'archived').length;

  const loadSample = async () => {
    setLoadingSample(true);
    try {
      const { assessmentId, outcome } = await loadSampleCounty(db, await getOperator());
      if (outcome.ok) {
        toast(`已载入示例县数据（${outcome.count} 条记录）`);
        navigate(screenHref(assessmentId, 'overview'));
      } else {
        toast(`示例数据导入失败：${outcome.errors.map(formatInputError).join('；')}`, 'error');
      }
    } finally {
      setLoadingSample(false);
    }
  };

  const duplicate = async (a: AssessmentRecord) => {
    const id = await duplicateAssessment(db, a.id, await getOperator());
    toast(`已复制“${a.name}”（含考核规则、考评细则和名册）`);
    navigate(screenHref(id, 'settings'));
  };

  const archive = async (a: AssessmentRecord, archived: boolean) => {
    await setArchived(db, a.id, archived, await getOperator());
    toast(archived ? `已归档“${a.name}”` : `已恢复“${a.name}”`);
  };

  return (
    <>
      <div className="page-head">
        <h1>考核列表</h1>
        {hasSample() ? (
          <Button onClick={() => void loadSample()} disabled={loadingSample}>
            {loadingSample ? '正在载入…' : '载入示例县数据'}
          </Button>
        ) : null}
        <Button variant="primary" onClick={() => setCreating(true)}>
          新建考核
        </Button>
      </div>
      <p className="note">每次考核有自己的考核规则、考评细则、名册、评分和测评票数。往年的考核可以归档，需要时再恢复。</p>
      <Table
        testId="assessment-list"
        rows={rows}
        rowKey={(a) => a.id}
        empty={all === undefined ? '正在读取…' : '还没有考核。点击“新建考核”开始。'}
        columns={[
          { key: 'year', header: '年度', render: (a) => a.year, width: '5em' },
          {
            key: 'name',
            header: '考核名称',
            render: (a) => <a href={screenHref(a.id, 'overview')}>{a.name}</a>,
          },
          { key: 'region', header: '地区', render: (a) => a.region || <span className="muted">—</span> },
          { key: 'policy', header: '考核规则', render: (a) => a.policy.name },
          {
            key: 'status',
            header: '状态',
            render: (a) =>
              a.status === 'archived' ? (
                <span className="badge">已归档</span>
              ) : a.locked ? (
                <span className="badge badge-warn">已定稿</span>
              ) : (
                <span className="badge badge-ok">进行中</span>
              ),
          },
          {
            key: 'actions',
            header: '操作',
            render: (a) => (
              <span className="row-actions">
                <Button variant="ghost" onClick={() => navigate(screenHref(a.id, 'overview'))} aria-label={`打开 ${a.year}年度 ${a.name}`}>
                  打开
                </Button>
                <Button variant="ghost" onClick={() => void duplicate(a)} aria-label={`复制 ${a.year}年度 ${a.name}`}>
                  复制
                </Button>
                <Button
                  variant="ghost"
                  onClick={() => void archive(a, a.status !== 'archived')}
                  aria-label={`${a.status === 'archived' ? '恢复' : '归档'} ${a.year}年度 ${a.name}`}
                >
                  {a.status === 'archived' ? '恢复' : '归档'}
                </Button>
              </span>
            ),
          },
        ]}
      />
      {archivedCount > 0 ? (
        <p>
          <label className="check">
            <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} />
            显示已归档的考核（{archivedCount}）
          </label>
        </p>
      ) : null}
      {creating ? (
        <NewAssessmentDialog
          open
          onClose={() => setCreating(false)}
          onCreate={async (values) => {
            const id = await createAssessment(db, values, await getOperator());
            setCreating(false);
            toast(`已创建“${values.year}年度 ${values.name.trim()}”`);
            navigate(screenHref(id, 'settings'));
          }}
        />
      ) : null}
    </>
  );
}
