/**
 * The rubric as a form: section → group → item, each input by its kind, each item's
 * live score with its clamp, section subtotals, 基本分 and 组织工作目标考评得分 —
 * all exact (shared/method). Only valid inputs are saved and scored.
 */
import { useMemo, useState, type ReactNode } from 'react';
import { isNegative, toDecimal, type Rational } from '../../../../shared/exact/rational';
import { checkInputValue, ratingLevelsUp, scoreSecretary } from '../../../../shared/method/score';
import type { Policy, Rubric, RubricInput, RubricItem, Secretary } from '../../../../shared/model';
import { ItemInput } from './ItemInput';

const ITEM_KIND_LABELS = { base: '', bonus: '奖分', deduction: '扣分' } as const;

export const fmt = (v: Rational) => toDecimal(v).replace(/^-/, '−');

/** Inputs whose text is acceptable, empty ones left out. */
export function validInputs(rubric: Rubric, texts: Readonly<Record<string, string>>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const input of allInputs(rubric)) {
    const t = texts[input.code]?.trim();
    if (t && checkInputValue(input, t) === null) out[input.code] = t;
  }
  return out;
}

export function allInputs(rubric: Rubric): RubricInput[] {
  return rubric.sections.flatMap((s) => s.groups.flatMap((g) => g.items.flatMap((i) => i.inputs)));
}

export function allItemCodes(rubric: Rubric): string[] {
  return rubric.sections.flatMap((s) => s.groups.flatMap((g) => g.items.map((i) => i.code)));
}

function clampText(item: RubricItem): string {
  if (item.min !== undefined || item.max !== undefined) return `${item.min ?? ''}–${item.max ?? ''}分`;
  return ITEM_KIND_LABELS[item.kind] || '';
}

export function RubricForm({
  rubric,
  policy,
  secretary,
  saved,
  readOnly,
  onSave,
  header,
  evidenceToggle,
  evidencePanel,
}: {
  rubric: Rubric;
  policy: Policy;
  secretary: Secretary;
  saved: Readonly<Record<string, string>>;
  readOnly: boolean;
  onSave: (inputs: Record<string, string>) => void;
  /** rendered at the top with the live totals */
  header: (totals: ReactNode) => ReactNode;
  /** an item's evidence: a toggle beside its inputs and the panel below */
  evidenceToggle: (itemCode: string) => ReactNode;
  evidencePanel: (itemCode: string) => ReactNode;
}) {
  const [texts, setTexts] = useState<Record<string, string>>(() => ({ ...saved }));
  const valid = useMemo(() => validInputs(rubric, texts), [rubric, texts]);
  const score = useMemo(() => scoreSecretary(rubric, valid, secretary, policy), [rubric, valid, secretary, policy]);
  const itemValues = useMemo(() => new Map(score.items.map((i) => [i.code, i.value])), [score]);

  const change = (code: string, text: string) => {
    const next = { ...texts, [code]: text };
    setTexts(next);
    onSave(validInputs(rubric, next));
  };

  const totals = (
    <div className="score-totals" data-testid="score-totals">
      {rubric.sections.map((s) => (
        <div className="score-total" key={s.code}>
          <span className="k" title={`${s.code} ${s.name}`}>
            {s.code} {s.name}
          </span>
          <span className="v" data-testid={`section-${s.code}`}>
            {fmt(score.sections[s.code] ?? { n: 0n, d: 1n })}
          </span>
        </div>
      ))}
      <div className="score-total">
        <span className="k">基本分（A+B）</span>
        <span className="v" data-testid="base-score">
          {fmt(score.baseScore)}
        </span>
      </div>
      <div className="score-total org-total">
        <span className="k">组织工作目标考评得分</span>
        <span className="v" data-testid="org-score">
          {fmt(score.orgScore)}
        </span>
      </div>
    </div>
  );

  return (
    <>
      {header(totals)}
      {rubric.sections.map((section) => (
        <section className="card rubric-section" key={section.code} aria-label={`${section.code} ${section.name}`}>
          <h3>
            <span>
              {section.code}、{section.name}
              {section.base ? <span className="muted">（基本分{section.base}分）</span> : null}
            </span>
            <span className="num" style={{ marginLeft: 'auto' }}>
              小计 {fmt(score.sections[section.code] ?? { n: 0n, d: 1n })}
            </span>
          </h3>
          {section.groups.map((group) => (
            <div key={group.code}>
              <div className="rubric-group-name">
                {group.code} {group.name}
              </div>
              {group.items.map((item) => {
                const value = itemValues.get(item.code) ?? { n: 0n, d: 1n };
                return (
                  <div className="item-row" key={item.code} data-item={item.code}>
                    <span className="item-code">{item.code}</span>
                    <div>
                      <span className="item-name">{item.name}</span>
                      {item.kind !== 'base' ? <span className="badge item-kind">{ITEM_KIND_LABELS[item.kind]}</span> : null}
                      {item.base ? <span className="muted">（基础分{item.base}）</span> : null}
                      <div className="item-inputs">
                        {item.inputs.map((input) => {
                          const text = texts[input.code] ?? '';
                          const error = text.trim() === '' ? null : checkInputValue(input, text.trim());
                          return (
                            <ItemInput key={input.code} input={input} text={text} error={error} disabled={readOnly} onChange={(t) => change(input.code, t)} />
                          );
                        })}
                        {item.ratingChange ? <RatingChange secretary={secretary} perLevel={item.ratingChange.pointsPerLevel} /> : null}
                        <span className="item-evidence-toggle">{evidenceToggle(item.code)}</span>
                      </div>
                    </div>
                    <div className="item-score">
                      <span className={`v${isNegative(value) ? ' neg' : ''}`} data-testid={`item-${item.code}`}>
                        {fmt(value)}
                      </span>
                      <span className="range">{clampText(item)}</span>
                    </div>
                    {evidencePanel(item.code)}
                  </div>
                );
              })}
            </div>
          ))}
        </section>
      ))}
    </>
  );
}

function RatingChange({ secretary, perLevel }: { secretary: Secretary; perLevel: string }) {
  if (!secretary.ratingStart || !secretary.ratingEnd) {
    return <span className="muted">名册中未填年初/年末分类定级，不加减分</span>;
  }
  const levels = ratingLevelsUp(secretary);
  return (
    <span className="item-input">
      名册：年初定级 {secretary.ratingStart} → 年末定级 {secretary.ratingEnd}
      <span className="effect">
        （{levels > 0 ? `晋升${levels}级` : levels < 0 ? `降${-levels}级` : '持平'}，每级{perLevel}分）
      </span>
    </span>
  );
}
