/** Placeholder; built out below. */
export function ScoringPage({ assessmentId }: { assessmentId: string }) {
  return <section data-testid="scoring-page" data-assessment={assessmentId} />;
}
