/**
 * 逐张计票 at the table: 1–4 for the marks, 0 void, space blank, Backspace undoes the
 * last. Each option shows its running count and share, with the ballots counted, those
 * still to come and the satisfaction so far. Counts live only in memory until they are
 * handed to the entry form.
 */
import { useReducer, useRef, useEffect } from 'react';
import { BALLOT_OPTION_LABELS } from '../../../../shared/model';
import { Button } from '../../ui';
import { actionForKey, OPTION_KEYS, perBallotReducer, runningTally, startCounting } from './perBallot';
import type { TallyCounts } from './tally';

export function PerBallotCounter({ eligible, onDone, onCancel }: { eligible: number; onDone: (counts: TallyCounts) => void; onCancel: () => void }) {
  const [state, dispatch] = useReducer(perBallotReducer, undefined, () => startCounting());
  const pad = useRef<HTMLDivElement>(null);
  useEffect(() => pad.current?.focus(), []);
  const running = runningTally(state.counts, eligible);
  const { cast } = running;
  return (
    <div className="card per-ballot" data-testid="per-ballot">
      <h3>逐张计票</h3>
      <p className="note">点击下方计票区后按键：1 很满意、2 满意、3 基本满意、4 不满意、0 废票、空格 弃权、退格键 撤销上一张。只记票数，不记录每张票。</p>
      <div
        ref={pad}
        className="ballot-pad"
        tabIndex={0}
        role="application"
        aria-label="计票区：按数字键计票"
        onKeyDown={(e) => {
          if (e.ctrlKey || e.altKey || e.metaKey) return;
          const action = actionForKey(e.key);
          if (!action) return;
          e.preventDefault();
          dispatch(action);
        }}
      >
        {running.options.map(({ option: o, count, share }) => (
          <div key={o} className={`ballot-count${state.last === o ? ' last' : ''}`}>
            <span className="key">{OPTION_KEYS[o]}</span>
            <span className="label">{BALLOT_OPTION_LABELS[o]}</span>
            <span className="n num" data-testid={`count-${o}`}>
              {count}
            </span>
            <span className="share num" data-testid={`share-${o}`}>
              {share}
            </span>
            <span className="share-bar" aria-hidden="true">
              <i style={{ width: cast ? `${(100 * count) / cast}%` : 0 }} />
            </span>
          </div>
        ))}
      </div>
      <p className="note" aria-live="polite">
        已计{' '}
        <strong className="num" data-testid="count-cast">
          {cast}
        </strong>{' '}
        张，应参加 {eligible} 人{running.left >= 0 ? `，尚余 ${running.left} 张` : null}
        {running.satisfied ? `；满意（很满意+满意）${running.satisfied}` : null}
        {cast > eligible ? <strong style={{ color: 'var(--danger)' }}>　已超过应参加人数！</strong> : null}
      </p>
      <div className="toolbar">
        <Button variant="primary" onClick={() => onDone(state.counts)}>
          计票完成，填入表格
        </Button>
        <Button onClick={onCancel}>放弃逐张计票</Button>
      </div>
    </div>
  );
}
