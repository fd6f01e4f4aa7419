/** Placeholder; built out below. */
export function ChartsPage({ assessmentId }: { assessmentId: string }) {
  return <section data-testid="charts-page" data-assessment={assessmentId} />;
}
