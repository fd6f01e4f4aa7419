/**
 * The policy's consequences and 期满考核 rule in the 考核规则 editor (docs/method.md
 * §11–§12): per grade and for a recall, each consequence's words, 奖励/惩戒, how long it
 * lasts (当年 or n years), whether it keeps the secretary from 优秀 while in force and
 * whether it goes into the 干部档案; and the term rule. Part of the editor's draft:
 * checked by `validatePolicy`, saved and logged with the rest of the policy.
 */
import type { Consequence, ConsequenceTrigger, Mode, Policy, TermRule } from '../../../../shared/model';
import { CONSEQUENCE_TRIGGERS, GRADES, MODES, MODE_SHORT } from '../../../../shared/model';
import { aftermathOf } from '../../../../shared/policy/aftermath';
import { AFTERMATH_WORDS as W, SETTING_LABELS } from '../../../../shared/policy/words';
import { Button, Field } from '../../ui';

interface Props {
  draft: Policy;
  set: <K extends keyof Policy>(key: K, value: Policy[K]) => void;
  err: (key: string) => string | undefined;
  readOnly?: boolean | undefined;
}

const MAX_YEARS = 10;
const NEW_CONSEQUENCE: Consequence = { text: '', kind: 'sanction', years: 0, blocksExcellent: false, cadreFile: false };

export function AftermathSettings({ draft, set, err, readOnly }: Props) {
  const aftermath = aftermathOf(draft);
  const triggerWords = (t: ConsequenceTrigger) => (t === 'recall' ? W.recall : draft.labels[t]);
  const setList = (t: ConsequenceTrigger, list: Consequence[]) => set('consequences', { ...aftermath.consequences, [t]: list });
  const setTerm = (patch: Partial<TermRule>) => set('term', { ...aftermath.term, ...patch });
  return (
    <>
      <section className="card" data-testid="policy-consequences-editor">
        <h3>{SETTING_LABELS.consequences}</h3>
        {err('consequences') ? <p className="field-error">{err('consequences')}</p> : null}
        {CONSEQUENCE_TRIGGERS.map((t) => {
          const list = aftermath.consequences[t] ?? [];
          const at = (i: number) => `consequences.${t}[${i}]`;
          const replace = (i: number, next: Consequence) =>
            setList(
              t,
              list.map((c, j) => (j === i ? next : c)),
            );
          const update = (i: number, patch: Partial<Omit<Consequence, 'mode'>>) => replace(i, { ...list[i]!, ...patch });
          return (
            <div key={t} role="group" aria-label={`${triggerWords(t)}的处理意见`}>
              <h4>{triggerWords(t)}</h4>
              {list.length ? null : <p className="muted">{W.none}</p>}
              {list.map((c, i) => (
                <div key={i} className="toolbar" data-testid={`consequence-${t}-${i}`}>
                  <Field label={W.text} error={err(`${at(i)}.text`)} wide>
                    <input value={c.text} disabled={readOnly} style={{ width: '26em' }} onChange={(e) => update(i, { text: e.target.value })} />
                  </Field>
                  <Field label="类别">
                    <select value={c.kind} disabled={readOnly} onChange={(e) => update(i, { kind: e.target.value === 'reward' ? 'reward' : 'sanction' })}>
                      <option value="reward">{W.kind.reward}</option>
                      <option value="sanction">{W.kind.sanction}</option>
                    </select>
                  </Field>
                  <Field label={W.years} error={err(`${at(i)}.years`)}>
                    <select value={c.years} disabled={readOnly} onChange={(e) => update(i, { years: Number(e.target.value) })}>
                      {Array.from({ length: MAX_YEARS + 1 }, (_, n) => (
                        <option key={n} value={n}>
                          {n === 0 ? W.thisYear : W.yearsN(n)}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <Field label={W.mode}>
                    <select
                      value={c.mode ?? ''}
                      disabled={readOnly}
                      onChange={(e) => {
                        const { mode: _m, ...rest } = c;
                        const mode = MODES.find((m) => m === e.target.value);
                        replace(i, mode ? { ...rest, mode } : rest);
                      }}
                    >
                      <option value="">{W.modeAll}</option>
                      {MODES.map((m: Mode) => (
                        <option key={m} value={m}>
                          {MODE_SHORT[m]}
                        </option>
                      ))}
                    </select>
                  </Field>
                  <label className="check">
                    <input type="checkbox" checked={c.blocksExcellent} disabled={readOnly} onChange={(e) => update(i, { blocksExcellent: e.target.checked })} />
                    {W.blocksExcellent}
                  </label>
                  <label className="check">
                    <input type="checkbox" checked={c.cadreFile} disabled={readOnly} onChange={(e) => update(i, { cadreFile: e.target.checked })} />
                    {W.cadreFile}
                  </label>
                  <Button
                    variant="ghost"
                    disabled={readOnly}
                    aria-label={`${W.remove}：${triggerWords(t)} ${c.text}`}
                    onClick={() =>
                      setList(
                        t,
                        list.filter((_, j) => j !== i),
                      )
                    }
                  >
                    {W.remove}
                  </Button>
                </div>
              ))}
              <Button
                variant="ghost"
                disabled={readOnly}
                onClick={() => setList(t, [...list, { ...NEW_CONSEQUENCE }])}
                aria-label={`${W.add}：${triggerWords(t)}`}
              >
                {W.add}
              </Button>
            </div>
          );
        })}
      </section>
      <section className="card" data-testid="policy-term-editor">
        <h3>{SETTING_LABELS.term}</h3>
        <div className="grid-form">
          {MODES.map((m) => (
            <Field key={m} label={W.termYears[m]} error={err('term.years')}>
              <input
                type="number"
                min={1}
                max={MAX_YEARS}
                style={{ width: '5em' }}
                value={aftermath.term.years[m]}
                disabled={readOnly}
                onChange={(e) => setTerm({ years: { ...aftermath.term.years, [m]: Number(e.target.value) } })}
              />
            </Field>
          ))}
          <fieldset className="field-wide plain">
            <legend className="field-label">{W.failIfAnyYear}</legend>
            {GRADES.filter((g) => g !== 'pending').map((g) => (
              <label key={g} className="check">
                <input
                  type="checkbox"
                  disabled={readOnly}
                  checked={aftermath.term.failIfAnyYear.includes(g)}
                  onChange={(e) => setTerm({ failIfAnyYear: GRADES.filter((x) => (x === g ? e.target.checked : aftermath.term.failIfAnyYear.includes(x))) })}
                />
                {draft.labels[g]}
              </label>
            ))}
          </fieldset>
          <label className="check">
            <input type="checkbox" checked={aftermath.term.failOnRecall} disabled={readOnly} onChange={(e) => setTerm({ failOnRecall: e.target.checked })} />
            {W.failOnRecall}
          </label>
          <Field label={W.excellentMinShare} error={err('term.excellentMinShare')}>
            <input
              value={aftermath.term.excellentMinShare ?? ''}
              disabled={readOnly}
              onChange={(e) => setTerm({ excellentMinShare: e.target.value.trim() === '' ? null : e.target.value })}
            />
          </Field>
          <Field label="期满评价" error={err('term.evaluation')}>
            <select
              value={aftermath.term.evaluation}
              disabled={readOnly}
              onChange={(e) => setTerm({ evaluation: e.target.value === 'required' ? 'required' : 'optional' })}
            >
              <option value="optional">{W.evaluation.optional}</option>
              <option value="required">{W.evaluation.required}</option>
            </select>
          </Field>
        </div>
      </section>
    </>
  );
}
