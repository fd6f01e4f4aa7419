/** Placeholder; built out below. */
export function OverviewPage({ assessmentId }: { assessmentId: string }) {
  return <section data-testid="overview-page" data-assessment={assessmentId} />;
}
