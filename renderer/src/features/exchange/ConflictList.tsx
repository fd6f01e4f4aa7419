/**
 * The conflicts of a merge, side by side: for each, the fields of this laptop's
 * record and the package's, the differing ones marked, and a choice — 保留本机 or
 * 采用交换包. A side deleted reads 已删除, with who deleted it and when: then the
 * choice is to keep the deletion or the other side's record. Nothing is taken without a choice.
 */
import { sideBySide, timeLabel, unitTitle } from '../../../../shared/exchange/describe';
import type { Choice, Choices, Conflict, MergePlan } from '../../../../shared/exchange/merge';
import { UNIT_LABELS, type Unit } from '../../../../shared/exchange/units';
import { Button } from '../../ui';

/** The secretaries' names the plan knows, by 编号 (for titles). */
export function namesOf(plan: MergePlan): Map<string, string> {
  const names = new Map<string, string>();
  const units = [...plan.local.values(), ...plan.added, ...plan.deletedHere.map((d) => d.unit), ...plan.conflicts.flatMap((c) => (c.theirs ? [c.theirs] : []))];
  for (const u of units) for (const s of u.rows.secretaries ?? []) if (!names.has(s.id)) names.set(s.id, s.name);
  return names;
}

/** `测评计票 · S1 王明`, `佐证材料 · S1 · A1.1 · diary 王明` */
export function unitLabel(unit: Unit, names: ReadonlyMap<string, string>): string {
  const who = unit.secretaryId ? names.get(unit.secretaryId) : undefined;
  const what = unitTitle(unit);
  return `${UNIT_LABELS[unit.kind]}${what ? ` · ${what}` : ''}${who ? ` ${who}` : ''}`;
}

export function conflictTitle(c: Conflict, names: ReadonlyMap<string, string>): string {
  return unitLabel((c.theirs ?? c.mine)!, names);
}

const DELETED = '（已删除）';

/** `本机已删除（张三，2024-12-20 10:03），交换包中有修改` */
export function deletionWords(c: Conflict): string | null {
  const d = c.deletion;
  if (!d) return null;
  const when = `（${d.operator || '未署名'}，${timeLabel(d.at)}）`;
  return c.mine === null ? `本机已删除${when}，交换包中仍有且内容不同` : `交换包一方已删除${when}，本机有修改`;
}

const choiceLabel = (c: Conflict, choice: Choice) => (choice === 'mine' ? (c.mine ? '保留本机' : '保留删除') : c.theirs ? '采用交换包' : '同意删除');

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
              <h4>
                {title}
                {c.mine === null ? <span className="badge merge-badge">本机已删除 / 对方有修改</span> : null}
                {c.theirs === null ? <span className="badge merge-badge">本机有修改 / 对方已删除</span> : null}
              </h4>
              <div role="radiogroup" aria-label={`${title}：选择`} className="conflict-choice">
                {(['mine', 'theirs'] as const).map((choice) => (
                  <label key={choice} className={chosen === choice ? 'chosen' : undefined}>
                    <input type="radio" name={`choice-${plan.assessmentId}-${c.key}`} checked={chosen === choice} onChange={() => onChoose(c.key, choice)} />
                    {choiceLabel(c, choice)}
                  </label>
                ))}
              </div>
            </div>
            {deletionWords(c) ? <p className="note">{deletionWords(c)}</p> : null}
            <table className="table conflict-table">
              <thead>
                <tr>
                  <th scope="col">项目</th>
                  <th scope="col" className={chosen === 'mine' ? 'chosen' : undefined}>
                    本机
                  </th>
                  <th scope="col" className={chosen === 'theirs' ? 'chosen' : undefined}>
                    交换包
                  </th>
                </tr>
              </thead>
              <tbody>
                {sideBySide(c.mine, c.theirs).map((row) => (
                  <tr key={row.label} className={row.differs ? 'differs' : undefined}>
                    <th scope="row">{row.label}</th>
                    <td>{c.mine ? row.mine : DELETED}</td>
                    <td>{c.theirs ? row.theirs : DELETED}</td>
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
