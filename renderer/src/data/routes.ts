/**
 * A small hash router: `#/` is the list of assessments, `#/a/<id>/<screen>` one
 * screen of an assessment, `#/a/<id>/print/<kind>` the preview of one print,
 * `#/a/<id>/person/<编号>` one secretary as a person across years,
 * `#/backups` the backups of the whole database, `#/help` the 使用说明 (also
 * `#/a/<id>/help`, with its links into that assessment).
 * Hash URLs work under file:// (Electron) and any server.
 */
import { useSyncExternalStore } from 'react';
import { isPrintKind, type PrintKind } from '../../../shared/model';

export const SCREENS = ['overview', 'settings', 'roster', 'field', 'scoring', 'ballots', 'results', 'awards', 'charts', 'audit', 'exchange', 'help'] as const;
export type Screen = (typeof SCREENS)[number];

export const SCREEN_LABELS: Record<Screen, string> = {
  overview: '首页',
  settings: '考核',
  roster: '名册',
  field: '日常',
  scoring: '考评',
  ballots: '测评',
  results: '结果',
  awards: '奖惩',
  charts: '图表',
  audit: '审计',
  exchange: '交换',
  help: '使用说明',
};

export type Route =
  | { name: 'list' }
  | { name: 'assessment'; assessmentId: string; screen: Screen }
  | { name: 'print'; assessmentId: string; kind: PrintKind }
  | { name: 'person'; assessmentId: string; id: string }
  | { name: 'backups' }
  | { name: 'help' }
  | { name: 'notFound'; path: string };

const isScreen = (s: string): s is Screen => (SCREENS as readonly string[]).includes(s);

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'list' };
  if (path === '/backups') return { name: 'backups' };
  if (path === '/help') return { name: 'help' };
  const parts = path.split('/').filter(Boolean);
  if (parts[0] === 'a' && parts[1] && parts.length <= 4) {
    let assessmentId: string;
    try {
      assessmentId = decodeURIComponent(parts[1]);
    } catch {
      return { name: 'notFound', path };
    }
    const screen = parts[2] ?? 'overview';
    if (screen === 'person' && parts[3]) {
      try {
        return { name: 'person', assessmentId, id: decodeURIComponent(parts[3]) };
      } catch {
        return { name: 'notFound', path };
      }
    }
    if (screen === 'print') {
      const kind = parts[3] ?? 'ranking';
      if (isPrintKind(kind)) return { name: 'print', assessmentId, kind };
    } else if (isScreen(screen) && parts.length <= 3) return { name: 'assessment', assessmentId, screen };
  }
  return { name: 'notFound', path };
}

export function hrefOf(route: Route): string {
  switch (route.name) {
    case 'list':
      return '#/';
    case 'assessment':
      return `#/a/${encodeURIComponent(route.assessmentId)}/${route.screen}`;
    case 'print':
      return `#/a/${encodeURIComponent(route.assessmentId)}/print/${route.kind}`;
    case 'person':
      return `#/a/${encodeURIComponent(route.assessmentId)}/person/${encodeURIComponent(route.id)}`;
    case 'backups':
      return '#/backups';
    case 'help':
      return '#/help';
    case 'notFound':
      return `#${route.path}`;
  }
}

export function screenHref(assessmentId: string, screen: Screen): string {
  return hrefOf({ name: 'assessment', assessmentId, screen });
}

export function printHref(assessmentId: string, kind: PrintKind): string {
  return hrefOf({ name: 'print', assessmentId, kind });
}

/** A secretary's page as a person across years. */
export function personHref(assessmentId: string, id: string): string {
  return hrefOf({ name: 'person', assessmentId, id });
}

export function navigate(href: string): void {
  window.location.hash = href.replace(/^#/, '');
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current route; re-renders on every hash change. */
export function useRoute(): Route {
  const hash = useSyncExternalStore(
    subscribe,
    () => window.location.hash,
    () => '',
  );
  return parseHash(hash);
}
