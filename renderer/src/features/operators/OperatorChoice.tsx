/**
 * Who does an act that names a person — a tally entry, a 复核, a 核实: an operator of
 * the list (never one in `exclude`), with their PIN where they set one. The caller keeps
 * the choice and checks it with `checkOperator` when the act is saved.
 *
 *   const [who, setWho] = useState<OperatorPick>({ name: operator, pin: '' });
 *   <OperatorChoice label="第二次录入员" value={who} onChange={setWho} exclude={[first.operator]} />
 *   const ok = await checkOperator(who.name, who.pin);
 */
import { Field } from '../../ui';
import { useOperators } from '../../data/operator';

export interface OperatorPick {
  name: string;
  pin: string;
}

export function OperatorChoice({
  label,
  value,
  onChange,
  exclude = [],
  error,
  testId,
}: {
  label: string;
  value: OperatorPick;
  onChange: (pick: OperatorPick) => void;
  /** operators who may not do this act (the first entry's, the importer) */
  exclude?: readonly string[];
  error?: string | undefined;
  testId?: string;
}) {
  const operators = useOperators();
  const choices = (operators ?? []).filter((o) => !exclude.includes(o.name));
  const chosen = choices.find((o) => o.name === value.name);
  return (
    <div className="operator-choice" data-testid={testId}>
      <Field
        label={label}
        required
        error={chosen?.pin ? undefined : error}
        hint={choices.length ? undefined : '操作员名单中没有其他人：请先点击页面右上角“操作员”添加'}
      >
        <select value={chosen ? value.name : ''} onChange={(e) => onChange({ name: e.target.value, pin: '' })}>
          <option value="">请选择</option>
          {choices.map((o) => (
            <option key={o.name} value={o.name}>
              {o.name}
            </option>
          ))}
        </select>
      </Field>
      {chosen?.pin ? (
        <Field label={`${chosen.name}的PIN`} required error={error}>
          <input
            type="password"
            inputMode="numeric"
            autoComplete="off"
            value={value.pin}
            onChange={(e) => onChange({ ...value, pin: e.target.value })}
            maxLength={20}
          />
        </Field>
      ) : null}
    </div>
  );
}
