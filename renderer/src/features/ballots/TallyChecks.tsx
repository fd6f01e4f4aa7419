/** The live checks of a tally: errors block, warnings do not. */
import type { TallyCheck } from './tally';

export function TallyChecks({ check, eligible, showCast = true }: { check: TallyCheck; eligible: number; showCast?: boolean }) {
  return (
    <>
      {showCast ? (
        <p className="note" data-testid="tally-cast">
          投票数（含废票、弃权）：<strong className="num">{check.cast ?? '—'}</strong>　应参加测评人数：
          <strong className="num">{eligible}</strong>
        </p>
      ) : null}
      {check.errors.length || check.warnings.length ? (
        <ul className="messages" aria-live="polite">
          {check.errors.map((m) => (
            <li key={m} className="error" role="alert">
              {m}
            </li>
          ))}
          {check.warnings.map((m) => (
            <li key={m} className="warning">
              {m}
            </li>
          ))}
        </ul>
      ) : null}
    </>
  );
}
