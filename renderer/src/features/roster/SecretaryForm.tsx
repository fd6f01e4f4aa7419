/** Add or change one secretary (第一书记) of the roster. */
import { useState } from 'react';
import type { Mode, PostType, RankClass, Rating, Secretary, Source } from '../../../../shared/model';
import {
  DIMENSION_LABELS,
  MODES,
  MODE_LABELS,
  POST_TYPES,
  POST_TYPE_LABELS,
  RANK_CLASSES,
  RANK_CLASS_LABELS,
  RATINGS,
  SOURCES,
  SOURCE_LABELS,
} from '../../../../shared/model';
import { Button, Dialog, Field } from '../../ui';

type Draft = Record<'id' | 'name' | 'unit' | 'town' | 'village' | 'eligibleVoters' | 'daysPresent' | 'workDays', string> & {
  source: Source;
  mode: Mode;
  rankClass: RankClass;
  postType: PostType;
  ratingStart: Rating | '';
  ratingEnd: Rating | '';
};

function draftOf(s: Secretary | null): Draft {
  return {
    id: s?.id ?? '',
    name: s?.name ?? '',
    unit: s?.unit ?? '',
    town: s?.town ?? '',
    village: s?.village ?? '',
    eligibleVoters: s ? String(s.eligibleVoters) : '',
    daysPresent: s?.daysPresent !== undefined ? String(s.daysPresent) : '',
    workDays: s?.workDays !== undefined ? String(s.workDays) : '',
    source: s?.source ?? 'town',
    mode: s?.mode ?? 'fulltime',
    rankClass: s?.rankClass ?? 'section',
    postType: s?.postType ?? 'village',
    ratingStart: s?.ratingStart ?? '',
    ratingEnd: s?.ratingEnd ?? '',
  };
}

type Errors = Partial<Record<keyof Draft, string>>;

const isInt = (text: string, min: number) => /^\d+$/.test(text.trim()) && Number(text) >= min;

/** Checks the form; returns the secretary or the errors per field. */
export function secretaryFromDraft(d: Draft, takenIds: ReadonlySet<string>, requirePresence: boolean): { value: Secretary } | { errors: Errors } {
  const errors: Errors = {};
  const id = d.id.trim();
  if (!id) errors.id = '请填写编号';
  else if (takenIds.has(id)) errors.id = `编号“${id}”已被使用`;
  if (!d.name.trim()) errors.name = '请填写姓名';
  if (!isInt(d.eligibleVoters, 1)) errors.eligibleVoters = '应为不小于1的整数';
  if (d.daysPresent.trim() && !isInt(d.daysPresent, 0)) errors.daysPresent = '应为整数';
  if (d.workDays.trim() && !isInt(d.workDays, 1)) errors.workDays = '应为不小于1的整数';
  if (requirePresence && !d.daysPresent.trim()) errors.daysPresent = '考核规则要求在村工作时间，请填写';
  if (requirePresence && !d.workDays.trim()) errors.workDays = '考核规则要求在村工作时间，请填写';
  if (Object.keys(errors).length) return { errors };
  const s: Secretary = {
    id,
    name: d.name.trim(),
    source: d.source,
    mode: d.mode,
    rankClass: d.rankClass,
    postType: d.postType,
    eligibleVoters: Number(d.eligibleVoters),
  };
  if (d.unit.trim()) s.unit = d.unit.trim();
  if (d.town.trim()) s.town = d.town.trim();
  if (d.village.trim()) s.village = d.village.trim();
  if (d.ratingStart) s.ratingStart = d.ratingStart;
  if (d.ratingEnd) s.ratingEnd = d.ratingEnd;
  if (d.daysPresent.trim()) s.daysPresent = Number(d.daysPresent);
  if (d.workDays.trim()) s.workDays = Number(d.workDays);
  return { value: s };
}

export function SecretaryForm({
  secretary,
  takenIds,
  requirePresence,
  onClose,
  onSave,
}: {
  secretary: Secretary | null;
  takenIds: ReadonlySet<string>;
  requirePresence: boolean;
  onClose: () => void;
  onSave: (s: Secretary) => Promise<void>;
}) {
  const [d, setD] = useState<Draft>(() => draftOf(secretary));
  const [errors, setErrors] = useState<Errors>({});
  /** a changed field loses its old error; the form is checked again on save */
  const change = (key: keyof Draft, value: string) => {
    setD({ ...d, [key]: value });
    if (errors[key]) setErrors({ ...errors, [key]: undefined });
  };
  const text = (key: keyof Draft, label: string, opts: { required?: boolean; hint?: string; numeric?: boolean } = {}) => (
    <Field label={label} required={opts.required ?? false} error={errors[key]} hint={opts.hint}>
      <input value={d[key]} inputMode={opts.numeric ? 'numeric' : undefined} onChange={(e) => change(key, e.target.value)} autoFocus={key === 'id'} />
    </Field>
  );
  const select = <K extends 'source' | 'mode' | 'rankClass' | 'postType'>(
    key: K,
    label: string,
    keys: readonly Draft[K][],
    labels: Record<Draft[K], string>,
  ) => (
    <Field label={label} required>
      <select value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value })}>
        {keys.map((k) => (
          <option key={k} value={k}>
            {labels[k]}
          </option>
        ))}
      </select>
    </Field>
  );
  const rating = (key: 'ratingStart' | 'ratingEnd', label: string) => (
    <Field label={label}>
      <select value={d[key]} onChange={(e) => setD({ ...d, [key]: e.target.value as Rating | '' })}>
        <option value="">未定级</option>
        {RATINGS.map((r) => (
          <option key={r} value={r}>
            {r}级
          </option>
        ))}
      </select>
    </Field>
  );
  const submit = async () => {
    const checked = secretaryFromDraft(d, takenIds, requirePresence);
    if ('errors' in checked) return setErrors(checked.errors);
    await onSave(checked.value);
  };
  return (
    <Dialog
      open
      wide
      title={secretary ? `修改：${secretary.name}（${secretary.id}）` : '添加第一书记'}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" type="submit" form="secretary-form">
            保存
          </Button>
        </>
      }
    >
      <form
        id="secretary-form"
        className="grid-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        {text('id', '编号', { required: true })}
        {text('name', '姓名', { required: true })}
        {text('unit', '派出单位')}
        {select('source', DIMENSION_LABELS.source, SOURCES, SOURCE_LABELS)}
        {select('mode', DIMENSION_LABELS.mode, MODES, MODE_LABELS)}
        {select('rankClass', DIMENSION_LABELS.rankClass, RANK_CLASSES, RANK_CLASS_LABELS)}
        {text('town', '所在镇街')}
        {text('village', '所任职村(社区)')}
        {select('postType', '村/社区', POST_TYPES, POST_TYPE_LABELS)}
        {text('eligibleVoters', '应参加测评人数', { required: true, numeric: true })}
        {rating('ratingStart', '年初定级')}
        {rating('ratingEnd', '年末定级')}
        {text('daysPresent', '在村工作天数', { numeric: true, required: requirePresence })}
        {text('workDays', '全年工作日数', { numeric: true, required: requirePresence })}
      </form>
    </Dialog>
  );
}
