/**
 * 考核规则 editor: edits a draft of the policy, checks it with `validatePolicy`
 * on every change, shows each error beside its setting, and saves only a valid policy.
 */
import { useMemo, useState, type ReactNode } from 'react';
import type { Band, CategoryDimension, InputError, Policy, TieBreak } from '../../../../shared/model';
import { BAND_KEYS, DEFAULT_GRADE_LABELS, DIMENSION_LABELS, GRADES, PAPER_KINDS, PAPER_LABELS, PAPER_SOURCES, TIE_BREAKS } from '../../../../shared/model';
import { PRESETS, PRESET_LABELS, presetPolicy, requiredPapersOf, validatePolicy, type PresetName } from '../../../../shared/policy';
import { Button, ErrorTable, Field } from '../../ui';
import { AftermathSettings } from './AftermathSettings';
import { BAND_WORDS, CHOICE_LABELS, inWords, SETTING_LABELS, TIE_BREAK_WORDS } from '../../../../shared/policy/words';

const DIMENSIONS: CategoryDimension[] = ['source', 'mode', 'rankClass', 'postType'];
type ChoiceKey = keyof typeof CHOICE_LABELS;
type RatioKey = 'minTurnout' | 'incompetentAboveDissatisfaction' | 'basicBelowSatisfaction' | 'excellentMinBaseScore';
type NullableKey = 'recallAboveDissatisfaction' | 'minPresence';

/** Errors that belong to a setting: its key, or a key path under it. */
export function errorsFor(errors: readonly InputError[], key: string): string | undefined {
  const mine = errors.filter((e) => e.column === key || e.column?.startsWith(`${key}[`) || e.column?.startsWith(`${key}.`));
  return mine.length ? mine.map((e) => e.message).join('；') : undefined;
}

export function PolicyEditor({ policy, onSave, readOnly }: { policy: Policy; onSave: (policy: Policy) => Promise<void>; readOnly?: boolean }) {
  // a policy stored before the papers setting existed shows its preset's papers
  const stored = useMemo<Policy>(() => ({ ...policy, requiredPapers: [...requiredPapersOf(policy)] }), [policy]);
  const [draft, setDraft] = useState<Policy>(() => structuredClone(stored));
  const checked = useMemo(() => validatePolicy(draft), [draft]);
  const errors = checked.ok ? [] : checked.errors;
  const dirty = JSON.stringify(draft) !== JSON.stringify(stored);
  const set = <K extends keyof Policy>(key: K, value: Policy[K]) => setDraft((d) => ({ ...d, [key]: value }));
  const err = (key: string) => errorsFor(errors, key);

  const choice = (key: ChoiceKey) => {
    const options = CHOICE_LABELS[key] as Record<string, string>;
    return (
      <Field label={SETTING_LABELS[key]} error={err(key)}>
        <select value={String(draft[key])} disabled={readOnly} onChange={(e) => set(key, e.target.value as never)}>
          {Object.entries(options).map(([k, label]) => (
            <option key={k} value={k}>
              {label}
            </option>
          ))}
        </select>
      </Field>
    );
  };
  const ratio = (key: RatioKey, hint?: string) => (
    <Field label={SETTING_LABELS[key]} error={err(key)} {...(hint ? { hint } : {})}>
      <input value={draft[key]} disabled={readOnly} onChange={(e) => set(key, e.target.value)} />
    </Field>
  );
  const nullable = (key: NullableKey, hint: string) => (
    <Field label={SETTING_LABELS[key]} error={err(key)} hint={hint}>
      <input value={draft[key] ?? ''} disabled={readOnly} onChange={(e) => set(key, e.target.value.trim() === '' ? null : e.target.value)} />
    </Field>
  );
  const toggle = (key: 'recallBlocksExcellent' | 'mergeSmallCategories') => (
    <label className="check">
      <input type="checkbox" checked={draft[key]} disabled={readOnly} onChange={(e) => set(key, e.target.checked)} />
      {SETTING_LABELS[key]}
    </label>
  );

  const setBand = (i: number, band: Band) =>
    set(
      'bands',
      draft.bands.map((b, j) => (j === i ? band : b)),
    );
  const toggleDimension = (d: CategoryDimension, on: boolean) =>
    set('categoryDimensions', on ? DIMENSIONS.filter((x) => x === d || draft.categoryDimensions.includes(x)) : draft.categoryDimensions.filter((x) => x !== d));
  const moveTieBreak = (i: number, by: -1 | 1) => {
    const list = [...draft.tieBreak];
    const [item] = list.splice(i, 1);
    if (item === undefined) return;
    list.splice(i + by, 0, item);
    set('tieBreak', list);
  };

  return (
    <form
      className="policy-editor"
      data-testid="policy-editor"
      onSubmit={(e) => {
        e.preventDefault();
        if (checked.ok && !readOnly) void onSave(checked.value);
      }}
    >
      <div className="toolbar">
        <Field label="从预设开始">
          <select
            value=""
            disabled={readOnly}
            onChange={(e) => {
              const name = e.target.value as PresetName;
              if (name) setDraft(presetPolicy(name));
            }}
          >
            <option value="">选择预设以替换全部设置…</option>
            {(Object.keys(PRESETS) as PresetName[]).map((k) => (
              <option key={k} value={k}>
                {PRESET_LABELS[k]}
              </option>
            ))}
          </select>
        </Field>
        <span className="badge">当前：{draft.preset === 'custom' ? '自定义' : (PRESET_LABELS[draft.preset as PresetName] ?? draft.preset)}</span>
        <span style={{ flex: 1 }} />
        <Button onClick={() => setDraft(structuredClone(stored))} disabled={!dirty || readOnly}>
          撤销修改
        </Button>
        <Button variant="primary" type="submit" disabled={!dirty || !checked.ok || readOnly}>
          保存考核规则
        </Button>
      </div>
      {errors.length ? <ErrorTable errors={inWords(errors)} title={`考核规则有 ${errors.length} 处错误，改正后才能保存：`} /> : null}

      <Section title="基本">
        <Field label={SETTING_LABELS.name} error={err('name')} wide>
          <input value={draft.name} disabled={readOnly} onChange={(e) => set('name', e.target.value)} />
        </Field>
      </Section>

      <Section title="等次与名额">
        <div className="field-wide">
          <span className="field-label">{SETTING_LABELS.bands}（按排名依次确定，比例可写 0.3 或 3/10）</span>
          {draft.bands.map((band, i) => (
            <div key={i} className="inline-row">
              <select
                aria-label={`第${i + 1}个等次`}
                value={band.key}
                disabled={readOnly}
                onChange={(e) => setBand(i, { ...band, key: e.target.value as Band['key'] })}
              >
                {BAND_KEYS.map((k) => (
                  <option key={k} value={k}>
                    {draft.labels[k] || BAND_WORDS[k]}
                  </option>
                ))}
              </select>
              <input
                aria-label={`${draft.labels[band.key] || BAND_WORDS[band.key]}比例`}
                value={band.ratio}
                disabled={readOnly}
                onChange={(e) => setBand(i, { ...band, ratio: e.target.value })}
              />
              <Button
                variant="ghost"
                disabled={readOnly}
                onClick={() =>
                  set(
                    'bands',
                    draft.bands.filter((_, j) => j !== i),
                  )
                }
              >
                删除
              </Button>
              {errorsFor(errors, `bands[${i}]`) ? <span className="field-error">{errorsFor(errors, `bands[${i}]`)}</span> : null}
            </div>
          ))}
          {draft.bands.length < BAND_KEYS.length ? (
            <Button
              variant="ghost"
              disabled={readOnly}
              onClick={() => set('bands', [...draft.bands, { key: BAND_KEYS.find((k) => !draft.bands.some((b) => b.key === k)) ?? 'good', ratio: '0.3' }])}
            >
              + 添加等次
            </Button>
          ) : null}
          {errors.some((e) => e.column === 'bands') ? (
            <span className="field-error">
              {errors
                .filter((e) => e.column === 'bands')
                .map((e) => e.message)
                .join('；')}
            </span>
          ) : null}
        </div>
        {choice('quotaBase')}
        {choice('quotaRounding')}
        {ratio('excellentMinBaseScore', '基本分低于此分数的不得确定为优秀')}
        {choice('ineligibleSlot')}
        {choice('boundaryTie')}
        {nullable('minPresence', '如 2/3；留空表示不考核在村工作时间')}
      </Section>

      <Section title="等次名称">
        {GRADES.map((g) => (
          <Field key={g} label={DEFAULT_GRADE_LABELS[g]} error={err(`labels.${g}`)}>
            <input value={draft.labels[g]} disabled={readOnly} onChange={(e) => set('labels', { ...draft.labels, [g]: e.target.value })} />
          </Field>
        ))}
      </Section>

      <Section title="分类排名">
        <fieldset className="field-wide plain">
          <legend className="field-label">{SETTING_LABELS.categoryDimensions}（都不选则全体一起排名）</legend>
          {DIMENSIONS.map((d) => (
            <label key={d} className="check">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={draft.categoryDimensions.includes(d)}
                onChange={(e) => toggleDimension(d, e.target.checked)}
              />
              {DIMENSION_LABELS[d]}
            </label>
          ))}
          {err('categoryDimensions') ? <span className="field-error">{err('categoryDimensions')}</span> : null}
        </fieldset>
        <div className="check-row field-wide">{toggle('mergeSmallCategories')}</div>
        {choice('rankOn')}
        <fieldset className="field-wide plain">
          <legend className="field-label">{SETTING_LABELS.tieBreak}</legend>
          <ol className="tie-breaks">
            {draft.tieBreak.map((t, i) => (
              <li key={t}>
                {TIE_BREAK_WORDS[t]}
                <Button variant="ghost" disabled={readOnly || i === 0} onClick={() => moveTieBreak(i, -1)} aria-label={`上移：${TIE_BREAK_WORDS[t]}`}>
                  上移
                </Button>
                <Button
                  variant="ghost"
                  disabled={readOnly || i === draft.tieBreak.length - 1}
                  onClick={() => moveTieBreak(i, 1)}
                  aria-label={`下移：${TIE_BREAK_WORDS[t]}`}
                >
                  下移
                </Button>
                <Button
                  variant="ghost"
                  disabled={readOnly}
                  onClick={() =>
                    set(
                      'tieBreak',
                      draft.tieBreak.filter((x) => x !== t),
                    )
                  }
                  aria-label={`移除：${TIE_BREAK_WORDS[t]}`}
                >
                  移除
                </Button>
              </li>
            ))}
          </ol>
          {TIE_BREAKS.filter((t) => !draft.tieBreak.includes(t)).map((t: TieBreak) => (
            <Button key={t} variant="ghost" disabled={readOnly} onClick={() => set('tieBreak', [...draft.tieBreak, t])}>
              + {TIE_BREAK_WORDS[t]}
            </Button>
          ))}
        </fieldset>
      </Section>

      <Section title="群众满意度测评">
        {ratio('minTurnout', '第十七条：不得少于应参加人数的2/3')}
        {choice('satisfactionDenominator')}
        {ratio('basicBelowSatisfaction')}
        {ratio('incompetentAboveDissatisfaction')}
        {nullable('recallAboveDissatisfaction', '如 0.3；留空表示不启用召回')}
        <div className="check-row">{toggle('recallBlocksExcellent')}</div>
      </Section>

      <Section title="组织工作目标考评">
        {choice('baseScoreScope')}
        {choice('amountRounding')}
        {choice('communityRubric')}
      </Section>

      <Section title="履职材料">
        <fieldset className="field-wide plain">
          <legend className="field-label">{SETTING_LABELS.requiredPapers}（缺交的须登记免交理由后才能定稿）</legend>
          {PAPER_KINDS.map((k) => (
            <label key={k} className="check">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={draft.requiredPapers?.includes(k) ?? false}
                onChange={(e) =>
                  set(
                    'requiredPapers',
                    PAPER_KINDS.filter((x) => (x === k ? e.target.checked : (draft.requiredPapers ?? []).includes(x))),
                  )
                }
              />
              {PAPER_LABELS[k]}
              <span className="muted">（{PAPER_SOURCES[k]}）</span>
            </label>
          ))}
          {err('requiredPapers') ? <span className="field-error">{err('requiredPapers')}</span> : null}
        </fieldset>
      </Section>
      <AftermathSettings draft={draft} set={set} err={err} readOnly={readOnly} />
    </form>
  );
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section className="card">
      <h3>{title}</h3>
      <div className="grid-form">{children}</div>
    </section>
  );
}
