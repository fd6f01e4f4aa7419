/** The shell: header (name, assessment, operator), left nav of the assessment's screens, the screen. */
import { useEffect, useRef } from 'react';
import { AssessmentsPage } from '../features/assessments/AssessmentsPage';
import { ToastProvider } from '../ui';
import { OperatorButton } from './OperatorButton';
import { SCREEN_COMPONENTS } from './screens';
import { SCREENS, SCREEN_LABELS, screenHref, useRoute, type Route } from './router';
import { useAssessment } from './useAssessment';

export function App() {
  const route = useRoute();
  const main = useRef<HTMLElement>(null);
  const assessmentId = route.name === 'assessment' ? route.assessmentId : null;
  const title = route.name === 'assessment' ? SCREEN_LABELS[route.screen] : '考核列表';
  useEffect(() => {
    document.title = `${title} · 双评工作站`;
    main.current?.scrollTo?.(0, 0);
  }, [title]);
  return (
    <ToastProvider>
      <a className="skip-link" href="#main" onClick={(e) => { e.preventDefault(); main.current?.focus(); }}>
        跳到正文
      </a>
      <div className="shell">
        <header className="app-header">
          <a className="brand" href="#/">双评工作站</a>
          <span className="context">{assessmentId ? <AssessmentTitle assessmentId={assessmentId} /> : '村(社区)党组织第一书记“三定一诺双评”考核'}</span>
          <OperatorButton />
        </header>
        {route.name === 'assessment' ? <Nav route={route} /> : null}
        <main id="main" ref={main} tabIndex={-1} className={`main${route.name === 'assessment' ? '' : ' no-nav'}`}>
          <RouteView route={route} />
        </main>
      </div>
    </ToastProvider>
  );
}

function AssessmentTitle({ assessmentId }: { assessmentId: string }) {
  const a = useAssessment(assessmentId);
  return <>{a ? `${a.year}年度 · ${a.name}${a.region ? ` · ${a.region}` : ''}${a.status === 'archived' ? '（已归档）' : ''}` : ''}</>;
}

function Nav({ route }: { route: Extract<Route, { name: 'assessment' }> }) {
  return (
    <nav className="nav" aria-label="考核功能">
      <a className="nav-back" href="#/">← 考核列表</a>
      {SCREENS.map((s) => (
        <a key={s} href={screenHref(route.assessmentId, s)} aria-current={s === route.screen ? 'page' : undefined}>
          {SCREEN_LABELS[s]}
        </a>
      ))}
    </nav>
  );
}

function RouteView({ route }: { route: Route }) {
  switch (route.name) {
    case 'list':
      return <AssessmentsPage />;
    case 'assessment':
      return <AssessmentScreen assessmentId={route.assessmentId} screen={route.screen} />;
    case 'notFound':
      return <NotFound />;
  }
}

function AssessmentScreen({ assessmentId, screen }: { assessmentId: string; screen: keyof typeof SCREEN_COMPONENTS }) {
  const assessment = useAssessment(assessmentId);
  if (assessment === undefined) return <p className="muted">正在读取…</p>;
  if (assessment === null) return <NotFound text="没有找到这次考核，它可能已被删除。" />;
  const Page = SCREEN_COMPONENTS[screen];
  return <Page key={`${assessmentId}/${screen}`} assessmentId={assessmentId} />;
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
