/** 新建考核: year, name, region, and a preset policy or one of the team's own (JSON). */
import { useState } from 'react';
import type { InputError, Policy } from '../../../../shared/model';
import { PRESETS, PRESET_LABELS, parsePolicyJson, type PresetName } from '../../../../shared/policy';
import { platform, JSON_FILTER } from '../../platform';
import { Button, Dialog, ErrorTable, Field } from '../../ui';
import { inWords } from '../settings';
import { assessedYear, ASSESSED_YEAR_HINT } from './year';

export interface NewAssessmentValues {
  year: number;
  name: string;
  region: string;
  policy: PresetName | Policy;
}

type PolicyChoice = PresetName | 'own';

export function NewAssessmentDialog({
  open,
  onClose,
  onCreate,
}: {
  open: boolean;
  onClose: () => void;
  onCreate: (values: NewAssessmentValues) => Promise<void>;
}) {
  const [year, setYear] = useState(() => String(assessedYear(new Date())));
  const [name, setName] = useState('村(社区)党组织第一书记“三定一诺双评”考核');
  const [region, setRegion] = useState('');
  const [choice, setChoice] = useState<PolicyChoice>('jiaozhou');
  const [own, setOwn] = useState<{ file: string; policy: Policy } | null>(null);
  const [policyErrors, setPolicyErrors] = useState<InputError[]>([]);
  const [tried, setTried] = useState(false);

  const yearNumber = Number(year);
  const yearError = /^\d{4}$/.test(year.trim()) && yearNumber >= 2000 && yearNumber <= 2100 ? undefined : '请填写四位年度，如 2024';
  const nameError = name.trim() ? undefined : '请填写考核名称';
  const policyError = choice === 'own' && !own ? '请选择考核规则文件（JSON）' : undefined;

  const pickPolicy = async () => {
    const files = await platform.openFiles({ title: '选择考核规则文件', filters: [JSON_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    const checked = parsePolicyJson(new TextDecoder().decode(file.bytes), file.name);
    if (checked.ok) {
      setOwn({ file: file.name, policy: { ...checked.value, preset: 'custom' } });
      setPolicyErrors([]);
    } else {
      setOwn(null);
      setPolicyErrors(checked.errors);
    }
  };

  const submit = async () => {
    setTried(true);
    if (yearError || nameError || policyError) return;
    const policy = choice === 'own' ? own!.policy : choice;
    await onCreate({ year: yearNumber, name, region, policy });
  };

  return (
    <Dialog
      open={open}
      title="新建考核"
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" type="submit" form="new-assessment">
            创建
          </Button>
        </>
      }
    >
      <form
        id="new-assessment"
        className="grid-form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label="考核年度" required hint={ASSESSED_YEAR_HINT} error={tried ? yearError : undefined}>
          <input inputMode="numeric" value={year} onChange={(e) => setYear(e.target.value)} autoFocus />
        </Field>
        <Field label="地区" hint="如 胶州市">
          <input value={region} onChange={(e) => setRegion(e.target.value)} />
        </Field>
        <Field label="考核名称" required wide error={tried ? nameError : undefined}>
          <input value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <Field label="考核规则" wide hint={choice === 'own' ? undefined : PRESETS[choice].name} error={tried ? policyError : undefined}>
          <select value={choice} onChange={(e) => setChoice(e.target.value as PolicyChoice)}>
            {(Object.keys(PRESETS) as PresetName[]).map((k) => (
              <option key={k} value={k}>
                {PRESET_LABELS[k]}
              </option>
            ))}
            <option value="own">自定义规则（导入 JSON 文件）</option>
          </select>
        </Field>
        {choice === 'own' ? (
          <div className="field-wide">
            <Button onClick={() => void pickPolicy()}>选择规则文件…</Button>{' '}
            {own ? (
              <span className="badge badge-ok">
                已读取：{own.file}（{own.policy.name}）
              </span>
            ) : null}
            {policyErrors.length ? <ErrorTable errors={inWords(policyErrors)} title="规则文件有错误：" /> : null}
          </div>
        ) : null}
      </form>
    </Dialog>
  );
}
