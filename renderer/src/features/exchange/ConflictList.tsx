/**
 * The conflicts of a merge, side by side: for each, the fields of this laptop's
 * record and the package's, the differing ones marked, and a choice — 保留本机 or
 * 采用交换包. Nothing is taken without a choice.
 */
import { sideBySide, unitTitle } from '../../../../shared/exchange/describe';
import type { Choice, Choices, Conflict, MergePlan } from '../../../../shared/exchange/merge';
import { UNIT_LABELS } from '../../../../shared/exchange/units';
import { Button } from '../../ui';

function namesOf(plan: MergePlan): Map<string, string> {
  const names = new Map<string, string>();
  const units = [...plan.local.values(), ...plan.added, ...plan.conflicts.map((c) => c.theirs)];
  for (const u of units) for (const s of u.rows.secretaries ?? []) if (!names.has(s.id)) names.set(s.id, s.name);
  return names;
}

export function conflictTitle(c: Conflict, names: ReadonlyMap<string, string>): string {
  const who = c.secretaryId ? names.get(c.secretaryId) : undefined;
  const what = unitTitle(c.theirs);
  return `${UNIT_LABELS[c.kind]}${what ? ` · ${what}` : ''}${who ? ` ${who}` : ''}`;
}

export function ConflictList({
  plan,
  choices,
  onChoose,
  onChooseAll,
}: {
  plan: MergePlan;
  choices: Choices;
  onChoose: (key: string, choice: Choice) => void;
  onChooseAll: (choice: Choice) => void;
}) {
  const names = namesOf(plan);
  return (
    <div className="conflicts" data-testid="conflicts">
      <div className="page-head">
        <h3>冲突：同一内容两边不同，请逐项选择</h3>
        <Button onClick={() => onChooseAll('mine')}>全部保留本机</Button>
        <Button onClick={() => onChooseAll('theirs')}>全部采用交换包</Button>
      </div>
      {plan.conflicts.map((c) => {
        const title = conflictTitle(c, names);
        const chosen = choices[c.key];
        return (
          <section key={c.key} className={`card conflict${chosen ? ' conflict-chosen' : ''}`} data-testid="conflict" aria-label={title}>
            <div className="conflict-head">
              <h4>{title}</h4>
              <div role="radiogroup" aria-label={`${title}：选择`} className="conflict-choice">
                {(['mine', 'theirs'] as const).map((choice) => (
                  <label key={choice} className={chosen === choice ? 'chosen' : undefined}>
                    <input type="radio" name={`choice-${plan.assessmentId}-${c.key}`} checked={chosen === choice} onChange={() => onChoose(c.key, choice)} />
                    {choice === 'mine' ? '保留本机' : '采用交换包'}
                  </label>
                ))}
              </div>
            </div>
            <table className="table conflict-table">
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col" className={chosen === 'mine' ? 'chosen' : undefined}>本机</th>
                  <th scope="col" className={chosen === 'theirs' ? 'chosen' : undefined}>交换包</th>
                </tr>
              </thead>
              <tbody>
                {sideBySide(c.mine, c.theirs).map((row) => (
                  <tr key={row.label} className={row.differs ? 'differs' : undefined}>
                    <th scope="row">{row.label}</th>
                    <td>{row.mine}</td>
                    <td>{row.theirs}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        );
      })}
    </div>
  );
}
