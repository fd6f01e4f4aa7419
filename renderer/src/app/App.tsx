/** The shell: header (name, assessment, operator), left nav of the assessment's screens, the screen. */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { AssessmentsPage } from '../features/assessments';
import { BackupsPage } from '../features/backups';
import { useAutoBackup } from '../data/backups';
import { PRINT_KIND_LABELS } from '../../../shared/model';
import { PrintPreviewPage } from '../features/print';
import { PersonPage } from '../features/people';
import { ToastProvider } from '../ui';
import { HelpPage } from '../features/help';
import { OperatorButton } from '../features/operators';
import { SCREEN_COMPONENTS } from './screens';
import { printHref, SCREENS, SCREEN_LABELS, screenHref, useRoute, type Route, type Screen } from '../data/routes';
import { useAssessment } from '../data/assessment';

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  useAutoBackup();
  const assessmentId = route.name === 'assessment' || route.name === 'print' || route.name === 'person' ? route.assessmentId : null;
  const title =
    route.name === 'assessment'
      ? SCREEN_LABELS[route.screen]
      : route.name === 'print'
        ? `${PRINT_KIND_LABELS[route.kind]}（打印预览）`
        : route.name === 'person'
          ? '历年考核'
          : route.name === 'backups'
            ? '备份与恢复'
            : route.name === 'help'
              ? '使用说明'
              : '考核列表';
  // a new screen starts at the top — before the screen's own effects, which may go back to where it was
  useLayoutEffect(() => {
    document.title = `${title} · 双评工作站`;
    main.current?.scrollTo?.(0, 0);
  }, [title]);
  return (
    <ToastProvider>
      <a
        className="skip-link"
        href="#main"
        onClick={(e) => {
          e.preventDefault();
          main.current?.focus();
        }}
      >
        跳到正文
      </a>
      <div className="shell">
        <header className="app-header">
          <a className="brand" href="#/">
            双评工作站
          </a>
          <span className="context">{assessmentId ? <AssessmentTitle assessmentId={assessmentId} /> : '村(社区)党组织第一书记“三定一诺双评”考核'}</span>
          {assessmentId ? null : (
            <a className="header-link" href="#/help" aria-current={route.name === 'help' ? 'page' : undefined}>
              使用说明
            </a>
          )}
          <a className="header-link" href="#/backups" aria-current={route.name === 'backups' ? 'page' : undefined}>
            备份
          </a>
          <OperatorButton />
        </header>
        {assessmentId ? (
          <Nav assessmentId={assessmentId} current={route.name === 'assessment' ? route.screen : route.name === 'person' ? 'awards' : 'print'} />
        ) : null}
        <main id="main" ref={main} tabIndex={-1} className={`main${assessmentId ? '' : ' no-nav'}`}>
          <RouteView route={route} />
        </main>
      </div>
    </ToastProvider>
  );
}

function AssessmentTitle({ assessmentId }: { assessmentId: string }) {
  const a = useAssessment(assessmentId);
  return (
    <>{a ? `${a.year}年度 · ${a.name}${a.region ? ` · ${a.region}` : ''}${a.status === 'archived' ? '（已归档）' : ''}${a.locked ? '（已定稿）' : ''}` : ''}</>
  );
}

function Nav({ assessmentId, current }: { assessmentId: string; current: Screen | 'print' }) {
  return (
    <nav className="nav" aria-label="考核功能">
      <a className="nav-back" href="#/">
        ← 考核列表
      </a>
      {SCREENS.filter((s) => s !== 'help').map((s) => (
        <a key={s} href={screenHref(assessmentId, s)} aria-current={s === current ? 'page' : undefined}>
          {SCREEN_LABELS[s]}
        </a>
      ))}
      <a href={printHref(assessmentId, 'ranking')} aria-current={current === 'print' ? 'page' : undefined}>
        打印
      </a>
      <a className="nav-help" href={screenHref(assessmentId, 'help')} aria-current={current === 'help' ? 'page' : undefined}>
        {SCREEN_LABELS.help}
      </a>
    </nav>
  );
}

function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'list':
      return <AssessmentsPage />;
    case 'assessment': {
      const Page = SCREEN_COMPONENTS[route.screen];
      return (
        <AssessmentScreen assessmentId={route.assessmentId}>
          <Page key={`${route.assessmentId}/${route.screen}`} assessmentId={route.assessmentId} />
        </AssessmentScreen>
      );
    }
    case 'print':
      return (
        <AssessmentScreen assessmentId={route.assessmentId}>
          <PrintPreviewPage key={route.assessmentId} assessmentId={route.assessmentId} kind={route.kind} />
        </AssessmentScreen>
      );
    case 'person':
      return (
        <AssessmentScreen assessmentId={route.assessmentId}>
          <PersonPage key={`${route.assessmentId}/${route.id}`} assessmentId={route.assessmentId} id={route.id} />
        </AssessmentScreen>
      );
    case 'backups':
      return <BackupsPage />;
    case 'help':
      return <HelpPage />;
    case 'notFound':
      return <NotFound />;
  }
}

/** A screen of an assessment, once the assessment is known to exist. */
function AssessmentScreen({ assessmentId, children }: { assessmentId: string; children: ReactNode }) {
  const assessment = useAssessment(assessmentId);
  if (assessment === undefined) return <p className="muted">正在读取…</p>;
  if (assessment === null) return <NotFound text="没有找到这次考核，它可能已被删除。" />;
  return <>{children}</>;
}

function NotFound({ text = '没有这个页面。' }: { text?: string }) {
  return (
    <div className="card">
      <h1>找不到页面</h1>
      <p>{text}</p>
      <a href="#/">返回考核列表</a>
    </div>
  );
}
