/**
 * One blind entry of a tally, keyboard first: Tab or Enter moves to the next field,
 * Enter on the last saves. The second person never sees the first entry's numbers.
 */
import { useState, type KeyboardEvent } from 'react';
import { checkOperator } from '../../data/operator';
import { OperatorChoice, type OperatorPick } from '../operators';
import { Button } from '../../ui';
import { PerBallotCounter } from './PerBallotCounter';
import { TallyChecks } from './TallyChecks';
import { checkTally, draftFromCounts, EMPTY_DRAFT, TALLY_FIELDS, TALLY_FIELD_LABELS, type TallyCounts, type TallyDraft } from './tally';

export function EntryForm({
  slot,
  eligible,
  minTurnout,
  defaultOperator,
  otherOperator,
  againstImport = false,
  onSave,
}: {
  slot: 1 | 2;
  eligible: number;
  minTurnout: string;
  defaultOperator: string;
  /** who entered the counts this entry checks (the first entry's operator or the importer), when this is the second */
  otherOperator?: string;
  /** the first counts were imported from a workbook */
  againstImport?: boolean;
  onSave: (counts: TallyCounts, operator: string) => Promise<void>;
}) {
  const [draft, setDraft] = useState<TallyDraft>(EMPTY_DRAFT);
  // null until chosen: the current operator loads asynchronously. The second entry is
  // someone else, so the first one's name is not offered.
  const [picked, setPicked] = useState<OperatorPick | null>(null);
  const who = picked ?? { name: defaultOperator === otherOperator ? '' : defaultOperator, pin: '' };
  const [operatorError, setOperatorError] = useState<string | undefined>(undefined);
  const [counting, setCounting] = useState(false);
  const [saving, setSaving] = useState(false);
  const check = checkTally(draft, eligible, minTurnout);
  const touched = TALLY_FIELDS.some((f) => draft[f].trim() !== '');
  const blocked = check.errors.length > 0 || !who.name || check.cast === 0;

  const save = async () => {
    if (blocked || !check.counts || saving) return;
    setSaving(true);
    try {
      const checked = await checkOperator(who.name, who.pin);
      if (!checked.ok) return setOperatorError(checked.message);
      await onSave(check.counts, who.name);
    } finally {
      setSaving(false);
    }
  };

  /** Enter goes to the next field like Tab; on the last field it saves. */
  const onKeyDown = (e: KeyboardEvent<HTMLFormElement>) => {
    if (e.key !== 'Enter' || !(e.target instanceof HTMLInputElement)) return;
    e.preventDefault();
    const inputs = Array.from(e.currentTarget.querySelectorAll<HTMLInputElement>('input[data-field]'));
    const at = inputs.indexOf(e.target);
    const next = inputs[at + 1];
    if (next) next.focus();
    else void save();
  };

  if (counting) {
    return (
      <PerBallotCounter
        eligible={eligible}
        onCancel={() => setCounting(false)}
        onDone={(counts) => {
          setDraft({ ...draftFromCounts(counts), issued: draft.issued });
          setCounting(false);
        }}
      />
    );
  }

  return (
    <form
      className="card tally-form"
      data-testid={`entry-form-${slot}`}
      onKeyDown={onKeyDown}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <h3>{slot === 1 ? '第一次录入' : againstImport ? '背靠背录入，核对导入的计票' : '第二次录入（背靠背）'}</h3>
      <p className="note">
        {slot === 1
          ? '两人背靠背各录一次，两次一致后计票结果才生效。'
          : againstImport
            ? `计票已由“${otherOperator ?? ''}”从Excel导入。请另一名录入员对照原始计票单独立录入，看不到导入的数字；一致即确认。`
            : `第一次已由“${otherOperator ?? ''}”录入。请另一名录入员对照原始计票单独立录入，看不到第一次的数字。`}
      </p>
      <OperatorChoice
        label={slot === 1 ? '录入员' : '第二名录入员'}
        value={who}
        exclude={otherOperator !== undefined ? [otherOperator] : []}
        error={operatorError}
        testId={`entry-operator-${slot}`}
        onChange={(pick) => {
          setPicked(pick);
          setOperatorError(undefined);
        }}
      />
      <div className="tally-grid">
        {TALLY_FIELDS.map((f) => (
          <label key={f} className={`field${check.fieldErrors[f] ? ' field-invalid' : ''}`}>
            <span className="field-label">
              {TALLY_FIELD_LABELS[f]}
              {f === 'issued' ? '（可不填）' : ''}
            </span>
            <input
              data-field={f}
              inputMode="numeric"
              autoComplete="off"
              value={draft[f]}
              autoFocus={f === 'issued'}
              data-start={f === 'issued' ? '' : undefined}
              onChange={(e) => setDraft({ ...draft, [f]: e.target.value })}
            />
            {check.fieldErrors[f] ? <span className="field-error">{check.fieldErrors[f]}</span> : null}
          </label>
        ))}
      </div>
      {touched ? <TallyChecks check={check} eligible={eligible} /> : null}
      <div className="toolbar">
        <Button type="submit" variant="primary" disabled={blocked || saving}>
          保存第{slot === 1 ? '一' : '二'}次录入
        </Button>
        <Button onClick={() => setCounting(true)}>逐张计票…</Button>
        <span className="note" style={{ alignSelf: 'center' }}>
          Enter 跳到下一格，最后一格按 Enter 保存
        </span>
      </div>
    </form>
  );
}
