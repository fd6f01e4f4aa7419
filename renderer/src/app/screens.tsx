/** Which component draws each screen of an assessment. */
import type { ComponentType } from 'react';
import { AuditPage } from '../features/audit';
import { BallotsPage } from '../features/ballots';
import { ChartsPage } from '../features/charts';
import { ExchangePage } from '../features/exchange';
import { FieldPage } from '../features/field';
import { HelpPage } from '../features/help';
import { OverviewPage } from '../features/overview';
import { AwardsPage } from '../features/people';
import { ResultsPage } from '../features/results';
import { RosterPage } from '../features/roster';
import { ScoringPage } from '../features/scoring';
import { SettingsPage } from '../features/settings';
import type { Screen } from '../data/routes';

export const SCREEN_COMPONENTS: Record<Screen, ComponentType<{ assessmentId: string }>> = {
  overview: OverviewPage,
  settings: SettingsPage,
  roster: RosterPage,
  field: FieldPage,
  scoring: ScoringPage,
  ballots: BallotsPage,
  results: ResultsPage,
  awards: AwardsPage,
  charts: ChartsPage,
  audit: AuditPage,
  exchange: ExchangePage,
  help: HelpPage,
};
