/** 日常: the year's field work between two review meetings, one tab each. */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { useAssessment, useSecretaries } from '../../data/assessment';
import { db } from '../../db/db';
import { Tabs } from '../../ui';
import { AttendanceTab } from './AttendanceTab';
import { BoxesTab } from './BoxesTab';
import { GroupsTab } from './GroupsTab';
import { PapersTab } from './PapersTab';
import { ReviewsTab } from './ReviewsTab';
import { useField } from './useField';
import './field.css';

const TABS = [
  { key: 'attendance', label: '考勤' },
  { key: 'reviews', label: '季度分析研判' },
  { key: 'papers', label: '履职材料' },
  { key: 'groups', label: '考核组' },
  { key: 'boxes', label: '票箱' },
] as const;
type TabKey = (typeof TABS)[number]['key'];

export function FieldPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const secretaries = useSecretaries(assessmentId);
  const field = useField(assessment, secretaries);
  const tallies = useLiveQuery(() => db.tallies.where('assessmentId').equals(assessmentId).toArray(), [assessmentId]);
  const [tab, setTab] = useState<TabKey>('attendance');
  if (assessment === undefined || secretaries === undefined || (assessment && (!field || !tallies))) return <p className="muted">正在读取…</p>;
  if (!assessment || !field || !tallies) return <p>找不到该考核。</p>;
  const props = { assessment, secretaries };
  return (
    <div className="field-page" data-testid="field-page">
      <div className="page-head">
        <h1>日常管理</h1>
        {assessment.locked ? <span className="badge badge-warn">已定稿，只读</span> : null}
      </div>
      <Tabs label="日常管理" tabs={[...TABS]} active={tab} onChange={setTab}>
        {tab === 'attendance' ? <AttendanceTab {...props} attendance={field.attendance} /> : null}
        {tab === 'reviews' ? <ReviewsTab {...props} attendance={field.attendance} reviews={field.reviews} /> : null}
        {tab === 'papers' ? <PapersTab {...props} papers={field.papers} scans={field.scans} /> : null}
        {tab === 'groups' ? <GroupsTab {...props} assignments={field.assignments} statuses={field.status.groups} /> : null}
        {tab === 'boxes' ? <BoxesTab {...props} boxes={field.boxes} tallies={tallies} /> : null}
      </Tabs>
    </div>
  );
}
