/**
 * Two entries that differ: every field side by side, the differing ones marked; for
 * each, a person takes the first, the second or a re-counted value. Only then can the
 * tally be written.
 */
import { useState } from 'react';
import type { TallyEntryRecord } from '../../db/schema';
import { Button } from '../../ui';
import { choiceResolves, differingFields, resolvedCounts, type FieldChoice, type Resolution } from './doubleEntry';
import { countsOf } from './store';
import { TallyChecks } from './TallyChecks';
import { checkTally, draftFromCounts, TALLY_FIELDS, TALLY_FIELD_LABELS, type TallyCounts, type TallyField } from './tally';

const show = (v: number | undefined) => (v === undefined ? '未填' : String(v));

function parseRecount(f: TallyField, text: string): number | undefined | null {
  const t = text.trim();
  if (t === '') return f === 'issued' ? undefined : null;
  return /^\d+$/.test(t) ? Number(t) : null;
}

export function DiffResolver({
  first,
  second,
  eligible,
  minTurnout,
  onAccept,
  onReenterSecond,
}: {
  first: TallyEntryRecord;
  second: TallyEntryRecord;
  eligible: number;
  minTurnout: string;
  onAccept: (first: TallyCounts, second: TallyCounts, resolved: TallyCounts) => Promise<void>;
  onReenterSecond: () => Promise<void>;
}) {
  const a = countsOf(first);
  const b = countsOf(second);
  const differing = differingFields(a, b);
  const [choices, setChoices] = useState<Resolution>({});
  const [recounts, setRecounts] = useState<Partial<Record<TallyField, string>>>({});

  const choose = (f: TallyField, c: FieldChoice) => setChoices({ ...choices, [f]: c });
  const recount = (f: TallyField, text: string) => {
    setRecounts({ ...recounts, [f]: text });
    const v = parseRecount(f, text);
    const next = { ...choices };
    if (v === null)
      next[f] = { value: -1 }; // not a count: stays unresolved
    else next[f] = { value: v };
    setChoices(next);
  };

  const resolved = resolvedCounts(a, b, choices);
  const check = resolved ? checkTally(draftFromCounts(resolved), eligible, minTurnout) : null;
  const left = differing.filter((f) => !choiceResolves(f, choices[f])).length;

  return (
    <div className="card" data-testid="diff-resolver">
      <h3>两次录入不一致：请逐项核对原始计票单</h3>
      <p className="note">
        {differing.length} 项不一致，还有 <strong data-testid="diff-left">{left}</strong> 项未确定。逐项选择第一次、第二次的数字，或重新点数后填入。
      </p>
      <div className="table-wrap">
        <table className="table diff-table">
          <thead>
            <tr>
              <th>项目</th>
              <th>第一次（{first.operator}）</th>
              <th>第二次（{second.operator}）</th>
              <th>采用</th>
            </tr>
          </thead>
          <tbody>
            {TALLY_FIELDS.map((f) => {
              const differs = differing.includes(f);
              const c = choices[f];
              const name = `choose-${f}`;
              return (
                <tr key={f} className={differs ? 'diff-row' : undefined} data-field={f}>
                  <th scope="row">{TALLY_FIELD_LABELS[f]}</th>
                  <td className="num">{show(a[f])}</td>
                  <td className="num">{show(b[f])}</td>
                  <td>
                    {differs ? (
                      <fieldset className="diff-choice" aria-label={`${TALLY_FIELD_LABELS[f]}采用`}>
                        <label>
                          <input type="radio" name={name} checked={!!c && 'from' in c && c.from === 1} onChange={() => choose(f, { from: 1 })} />
                          第一次 {show(a[f])}
                        </label>
                        <label>
                          <input type="radio" name={name} checked={!!c && 'from' in c && c.from === 2} onChange={() => choose(f, { from: 2 })} />
                          第二次 {show(b[f])}
                        </label>
                        <label>
                          <input type="radio" name={name} checked={!!c && 'value' in c} onChange={() => recount(f, recounts[f] ?? '')} />
                          重新点数
                        </label>
                        <input
                          className="recount"
                          inputMode="numeric"
                          aria-label={`${TALLY_FIELD_LABELS[f]}重新点数`}
                          value={recounts[f] ?? ''}
                          onChange={(e) => recount(f, e.target.value)}
                        />
                      </fieldset>
                    ) : (
                      <span className="muted">一致</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {check ? <TallyChecks check={check} eligible={eligible} /> : null}
      <div className="toolbar" style={{ marginTop: 10 }}>
        <Button
          variant="primary"
          disabled={!resolved || !check || check.errors.length > 0}
          onClick={() => {
            if (resolved) void onAccept(a, b, resolved);
          }}
        >
          确认，写入计票结果
        </Button>
        <Button onClick={() => void onReenterSecond()}>第二次作废，重新背靠背录入</Button>
      </div>
    </div>
  );
}
