import { Field } from './Field';

/** The 镇街 filter of the roster, results and print screens: '' is 全部镇街. */
export function TownSelect({ towns, value, onChange }: { towns: readonly string[]; value: string; onChange: (town: string) => void }) {
  return (
    <Field label="镇街">
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">全部镇街</option>
        {towns.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
    </Field>
  );
}
