/** Which component draws each screen of an assessment. */
import type { ComponentType } from 'react';
import { AuditPage } from '../features/audit/AuditPage';
import { BallotsPage } from '../features/ballots/BallotsPage';
import { ChartsPage } from '../features/charts/ChartsPage';
import { ExchangePage } from '../features/exchange/ExchangePage';
import { OverviewPage } from '../features/overview/OverviewPage';
import { ResultsPage } from '../features/results/ResultsPage';
import { RosterPage } from '../features/roster/RosterPage';
import { ScoringPage } from '../features/scoring/ScoringPage';
import { SettingsPage } from '../features/settings/SettingsPage';
import type { Screen } from './router';

export const SCREEN_COMPONENTS: Record<Screen, ComponentType<{ assessmentId: string }>> = {
  overview: OverviewPage,
  settings: SettingsPage,
  roster: RosterPage,
  scoring: ScoringPage,
  ballots: BallotsPage,
  results: ResultsPage,
  charts: ChartsPage,
  audit: AuditPage,
  exchange: ExchangePage,
};
