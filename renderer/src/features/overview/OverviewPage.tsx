/** 首页: how far the assessment has got and what still blocks the results, each with a link. */
import { screenHref, SCREEN_LABELS } from '../../data/routes';
import { LockControls } from '../lock';
import { CarriedList } from '../people';
import { useCarried } from '../../data/people';
import { useAssessment } from '../../data/assessment';
import { useWarningStatuses } from '../../data/warnings';
import type { Blocker } from '../progress';
import { useProgress } from '../progress';
import type { WarningStatus } from '../../../../shared/model';
import './overview.css';

const SHOWN_NAMES = 8;

export function OverviewPage({ assessmentId }: { assessmentId: string }) {
  const assessment = useAssessment(assessmentId);
  const state = useProgress(assessmentId);
  const carried = useCarried(assessment);
  const warnings = useWarningStatuses(assessmentId);

  if (assessment === undefined || (assessment && state === undefined)) return <p className="muted">正在读取…</p>;
  if (!assessment || !state) return <p>找不到该考核。</p>;
  const { progress, computed } = state;
  const blocking = progress.blockers.filter((b) => b.severity === 'blocks');
  const notices = progress.blockers.filter((b) => b.severity === 'notice');
  const href = (screen: Parameters<typeof screenHref>[1]) => screenHref(assessmentId, screen);

  return (
    <div data-testid="overview-page">
      <div className="page-head">
        <h1>{assessment.name}</h1>
        <span className="badge">{assessment.year}年度</span>
        {assessment.region ? <span className="badge">{assessment.region}</span> : null}
        <LockControls assessment={assessment} />
      </div>
      <p className="note">考核规则：{assessment.policy.name}</p>
      {carried ? <CarriedList assessmentId={assessmentId} carried={carried} /> : null}

      <div className="progress-cards">
        <ProgressCard label="名册人数" value={progress.total} href={href('roster')} />
        <ProgressCard label="考评得分已完成" value={progress.scored} of={progress.total} href={href('scoring')} />
        <ProgressCard
          label="测评计票已经两人确认"
          value={progress.confirmed}
          of={progress.total}
          href={href('ballots')}
          hint={progress.unconfirmed ? `另有 ${progress.unconfirmed} 人为导入数据，待复核` : undefined}
          testId="card-confirmed"
        />
        <ProgressCard label="佐证材料全部核实" value={progress.evidenceComplete} of={progress.total} href={href('scoring')} />
      </div>

      {computed.status === 'failed' ? <p className="error-summary">无法计算结果：{computed.message}</p> : null}

      <section className="card" aria-label="待办事项">
        <h2>
          {assessment.locked
            ? '本次考核已定稿'
            : blocking.length
              ? '结果尚不能定稿：以下事项待处理'
              : progress.total
                ? '各项已齐备，可到“结果”查看排名定档'
                : '请先导入名册'}
        </h2>
        {assessment.locked && blocking.length ? <p className="note">定稿时以下事项尚未处理（已确认仍定稿）：</p> : null}
        {progress.total === 0 ? (
          <p>
            <a href={href('roster')}>前往名册</a>
          </p>
        ) : null}
        {blocking.length ? <BlockerList blockers={blocking} assessmentId={assessmentId} /> : null}
        {!blocking.length && progress.total ? (
          <p>
            <a href={href('results')}>查看结果</a>
          </p>
        ) : null}
      </section>
      {warnings?.length ? <WarningsCard statuses={warnings} href={href('results')} /> : null}
      {notices.length ? (
        <section className="card" aria-label="提示">
          <h2>提示（不影响计算）</h2>
          <BlockerList blockers={notices} assessmentId={assessmentId} />
        </section>
      ) : null}
    </div>
  );
}

/** 合理性提示: how many, how many still to acknowledge before 定稿 (acknowledged on 结果). */
function WarningsCard({ statuses, href }: { statuses: WarningStatus[]; href: string }) {
  const open = statuses.filter((s) => s.state !== 'acknowledged');
  const stale = open.filter((s) => s.state === 'stale').length;
  return (
    <section className={`card ${open.length ? 'notice-warn' : 'notice-ok'}`} aria-label="合理性提示" data-testid="overview-warnings">
      <h2>
        合理性提示 {statuses.length} 条{open.length ? `，${open.length} 条待确认（定稿前须逐条确认）` : '，均已确认'}
      </h2>
      {stale ? <p className="note">其中 {stale} 条确认后数据已变更，须重新确认。</p> : null}
      <p>
        <a href={href}>前往结果页核对确认</a>
      </p>
    </section>
  );
}

function ProgressCard({
  label,
  value,
  of,
  href,
  hint,
  testId,
}: {
  label: string;
  value: number;
  of?: number;
  href: string;
  hint?: string | undefined;
  testId?: string;
}) {
  const done = of !== undefined && of > 0 && value === of;
  return (
    <a className={`card progress-card${done ? ' done' : ''}`} href={href} data-testid={testId}>
      <span className="k">{label}</span>
      <span className="v num">
        {value}
        {of !== undefined ? <small> / {of}</small> : null}
      </span>
      {of !== undefined && of > 0 ? (
        <span className="bar" aria-hidden="true">
          <i style={{ width: `${(100 * value) / of}%` }} />
        </span>
      ) : null}
      {hint ? <span className="hint">{hint}</span> : null}
    </a>
  );
}

function BlockerList({ blockers, assessmentId }: { blockers: Blocker[]; assessmentId: string }) {
  return (
    <ul className="blockers">
      {blockers.map((b) => (
        <li key={b.key} data-blocker={b.key}>
          <a href={screenHref(assessmentId, b.screen)}>
            {b.title}：<strong>{b.secretaries.length}</strong> 人
          </a>
          <span className="goto">（前往{SCREEN_LABELS[b.screen]}）</span>
          <div className="names">
            {b.secretaries
              .slice(0, SHOWN_NAMES)
              .map((s) => `${s.name}（${s.id}）`)
              .join('、')}
            {b.secretaries.length > SHOWN_NAMES ? ` 等${b.secretaries.length}人` : ''}
          </div>
        </li>
      ))}
    </ul>
  );
}
