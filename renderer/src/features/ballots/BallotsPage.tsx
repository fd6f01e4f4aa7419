/** Placeholder; built out below. */
export function BallotsPage({ assessmentId }: { assessmentId: string }) {
  return <section data-testid="ballots-page" data-assessment={assessmentId} />;
}
