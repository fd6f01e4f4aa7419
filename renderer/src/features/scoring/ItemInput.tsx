/** One assessor input of a rubric item, by its kind: checkbox, count, points or 元. */
import { useId } from 'react';
import { parseRational, toDecimal } from '../../../../shared/exact/rational';
import type { RubricInput } from '../../../../shared/model';
import { yuanWords } from '../../../../shared/rubric/words';

function signed(text: string): string {
  const v = parseRational(text);
  if (!v) return text;
  return v.n > 0n ? `+${toDecimal(v)}` : toDecimal(v).replace('-', '−');
}

/** What one unit of the input is worth, as a person reads it. */
export function effectHint(input: RubricInput): string {
  switch (input.kind) {
    case 'bool':
      return `${signed(input.points)}分`;
    case 'count':
      return `每个${signed(input.points)}分${input.max !== undefined ? `，最多${input.max}` : ''}`;
    case 'points':
      return `${input.min ?? '0'}–${input.max ?? ''}分${input.points.startsWith('-') ? '，扣减' : ''}`;
    case 'amount':
      return `每满${yuanWords(input.unit)}${signed(input.points)}分`;
  }
}

export function ItemInput({
  input,
  text,
  error,
  disabled,
  onChange,
}: {
  input: RubricInput;
  text: string;
  error: string | null;
  disabled: boolean;
  onChange: (text: string) => void;
}) {
  const id = useId();
  const hint = <span className="effect">（{effectHint(input)}）</span>;
  if (input.kind === 'bool') {
    return (
      <label className="item-input">
        <input type="checkbox" data-code={input.code} checked={text === '1'} disabled={disabled} onChange={(e) => onChange(e.target.checked ? '1' : '0')} />
        {input.label}
        {hint}
      </label>
    );
  }
  const bounds =
    input.kind === 'points'
      ? { min: input.min ?? '0', max: input.max, step: 'any' }
      : input.kind === 'count'
        ? { min: '0', max: input.max, step: '1' }
        : { min: '0', step: '1' };
  return (
    <span className={`item-input ${input.kind}${error ? ' invalid' : ''}`}>
      <label htmlFor={id}>{input.label}</label>
      <input
        id={id}
        type="number"
        inputMode={input.kind === 'points' ? 'decimal' : 'numeric'}
        data-code={input.code}
        min={bounds.min}
        max={bounds.max}
        step={bounds.step}
        value={text}
        disabled={disabled}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-err` : undefined}
        onChange={(e) => onChange(e.target.value)}
      />
      {input.kind === 'amount' ? '元' : null}
      {hint}
      {error ? (
        <span id={`${id}-err`} className="item-error" role="alert">
          {error}
        </span>
      ) : null}
    </span>
  );
}
