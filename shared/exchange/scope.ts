/** A team's share of an assessment: the secretaries of some towns, or a selection. */
import { TABLES, type AssessmentData, type Scope } from './types';

/** The 编号 a scope covers, or null for all. */
export function idsInScope(data: AssessmentData, scope: Scope): Set<string> | null {
  switch (scope.kind) {
    case 'assessment':
    case 'backup':
      return null;
    case 'towns': {
      const towns = new Set(scope.towns);
      return new Set(data.secretaries.filter((s) => towns.has(s.town ?? '')).map((s) => s.id));
    }
    case 'secretaries':
      return new Set(scope.ids);
  }
}

/** The assessment's settings and the records of the secretaries in scope. */
export function shareOf(data: AssessmentData, scope: Scope): AssessmentData {
  const ids = idsInScope(data, scope);
  if (!ids) return data;
  const share = { ...data };
  for (const table of TABLES) (share[table] as unknown[]) = (data[table] as { id: string }[]).filter((r) => ids.has(r.id));
  return share;
}

/** The towns of the roster, sorted ('' for secretaries without one). */
export function townsOf(data: Pick<AssessmentData, 'secretaries'>): string[] {
  return [...new Set(data.secretaries.map((s) => s.town ?? ''))].sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

export const NO_TOWN = '（未填镇街）';

export function scopeLabel(scope: Scope): string {
  switch (scope.kind) {
    case 'assessment':
      return '整个考核';
    case 'backup':
      return '本机全部数据（备份）';
    case 'towns':
      return `镇街：${scope.towns.map((t) => t || NO_TOWN).join('、')}`;
    case 'secretaries':
      return `选定的 ${scope.ids.length} 名书记`;
  }
}
