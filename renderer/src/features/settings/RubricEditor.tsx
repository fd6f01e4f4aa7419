/**
 * 考评细则 as a tree of nested lists (native <details>, so the keyboard opens and closes
 * each part): 部分 → 分组 → 项目 → 录入项. Items can be changed and added;
 * the whole rubric is exported and imported as JSON. Every change is checked
 * (checkRubric) before it is saved.
 */
import { useState } from 'react';
import type { InputError, InputKind, ItemKind, Rubric, RubricInput, RubricItem } from '../../../../shared/model';
import { INPUT_KINDS, ITEM_KINDS } from '../../../../shared/model';
import { JSON_FILTER, platform } from '../../platform';
import { Button, Dialog, ErrorTable, Field, useToast } from '../../ui';
import { checkRubric, parseRubricJson } from '../../../../shared/rubric/check';
import { effectWords, INPUT_KIND_WORDS, ITEM_KIND_WORDS } from '../../../../shared/rubric/words';

type Place = { section: number; group: number; item: number | null };

export function RubricEditor({
  rubric,
  onSave,
  readOnly,
  agreesWith = () => [],
}: {
  rubric: Rubric;
  onSave: (rubric: Rubric) => Promise<void>;
  readOnly?: boolean;
  /** what a changed rubric gets wrong against the assessment's other rubric (the 村 and 社区 ones share the scores workbook's columns) */
  agreesWith?: (rubric: Rubric) => InputError[];
}) {
  const toast = useToast();
  const [editing, setEditing] = useState<{ place: Place; item: RubricItem } | null>(null);
  const [importErrors, setImportErrors] = useState<InputError[] | null>(null);

  const exportJson = async () => {
    const bytes = new TextEncoder().encode(JSON.stringify(rubric, null, 2));
    const saved = await platform.saveFile({ title: '导出考评细则', suggestedName: `考评细则-${rubric.name}.json`, filters: [JSON_FILTER], bytes });
    if (saved) toast('已导出考评细则');
  };
  const importJson = async () => {
    const files = await platform.openFiles({ title: '导入考评细则', filters: [JSON_FILTER], multiple: false });
    const file = files?.[0];
    if (!file) return;
    const checked = parseRubricJson(new TextDecoder().decode(file.bytes), file.name);
    if (!checked.ok) return setImportErrors(checked.errors);
    const conflicts = agreesWith(checked.value);
    if (conflicts.length) return setImportErrors(conflicts);
    await onSave(checked.value);
    toast(`已导入考评细则“${checked.value.name}”`);
  };

  const itemCount = rubric.sections.reduce((n, s) => n + s.groups.reduce((m, g) => m + g.items.length, 0), 0);
  return (
    <div data-testid="rubric-editor">
      <div className="toolbar">
        <div style={{ flex: 1 }}>
          <strong>{rubric.name}</strong>
          <div className="note">
            共 {rubric.sections.length} 个部分、{itemCount} 个项目。评分按录入项编码保存，修改细则后结果会重新计算。
          </div>
        </div>
        <Button onClick={() => void exportJson()}>导出细则（JSON）</Button>
        <Button onClick={() => void importJson()} disabled={readOnly}>
          导入细则（JSON）
        </Button>
      </div>
      <ul className="tree" aria-label="考评细则">
        {rubric.sections.map((section, si) => (
          <li key={section.code}>
            <details open>
              <summary>
                <strong>
                  {section.code}　{section.name}
                </strong>
                {section.base ? <span className="badge">基本分 {section.base}</span> : null}
                {section.inBaseScore ? <span className="badge badge-accent">计入基本分</span> : <span className="badge">奖扣分</span>}
              </summary>
              <ul>
                {section.groups.map((group, gi) => (
                  <li key={`${group.code}-${gi}`}>
                    <details open>
                      <summary>
                        {group.code}　{group.name}
                      </summary>
                      <ul className="tree-items">
                        {group.items.map((item, ii) => (
                          <li key={item.code} className="tree-item">
                            <div className="tree-item-head">
                              <span className="code">{item.code}</span>
                              <span className="wrap">{item.name}</span>
                              <span className="badge">{ITEM_KIND_WORDS[item.kind]}</span>
                              {item.base ? <span className="badge">起始 {item.base}</span> : null}
                              {item.min !== undefined || item.max !== undefined ? (
                                <span className="badge">
                                  {item.min ?? '不限'}–{item.max ?? '不限'} 分
                                </span>
                              ) : null}
                              <Button
                                variant="ghost"
                                disabled={readOnly}
                                onClick={() => setEditing({ place: { section: si, group: gi, item: ii }, item: structuredClone(item) })}
                                aria-label={`修改 ${item.code}`}
                              >
                                修改
                              </Button>
                            </div>
                            <ul className="tree-inputs">
                              {item.ratingChange ? (
                                <li>
                                  按村党组织年初→年末定级：每晋一级 +{item.ratingChange.pointsPerLevel} 分，每降一级 −{item.ratingChange.pointsPerLevel} 分
                                </li>
                              ) : null}
                              {item.inputs.map((input) => (
                                <li key={input.code}>
                                  <span className="code">{input.code}</span> {input.label}
                                  <span className="muted">
                                    （{INPUT_KIND_WORDS[input.kind]}，{effectWords(input.kind, input.points, input.unit)}
                                    {input.max !== undefined ? `，上限 ${input.max}` : ''}）
                                  </span>
                                </li>
                              ))}
                            </ul>
                          </li>
                        ))}
                      </ul>
                      <Button
                        variant="ghost"
                        disabled={readOnly}
                        onClick={() => setEditing({ place: { section: si, group: gi, item: null }, item: { code: '', name: '', kind: 'bonus', inputs: [] } })}
                      >
                        + 在“{group.name}”中添加项目
                      </Button>
                    </details>
                  </li>
                ))}
              </ul>
            </details>
          </li>
        ))}
      </ul>
      {editing ? (
        <ItemDialog
          item={editing.item}
          isNew={editing.place.item === null}
          onClose={() => setEditing(null)}
          onSave={async (item) => {
            const next = withItem(rubric, editing.place, item);
            const checked = checkRubric(next);
            if (!checked.ok) return checked.errors;
            const conflicts = agreesWith(checked.value);
            if (conflicts.length) return conflicts;
            await onSave(checked.value);
            setEditing(null);
            toast(`已保存项目 ${item.code}`);
            return [];
          }}
        />
      ) : null}
      <Dialog open={importErrors !== null} wide title="考评细则文件有错误" onClose={() => setImportErrors(null)}>
        {importErrors ? <ErrorTable errors={importErrors} title="未导入。请改正以下错误：" /> : null}
      </Dialog>
    </div>
  );
}

/** The rubric with the item at `place` replaced (or appended when place.item is null). */
export function withItem(rubric: Rubric, place: Place, item: RubricItem): Rubric {
  const next = structuredClone(rubric);
  const items = next.sections[place.section]?.groups[place.group]?.items;
  if (!items) return next;
  if (place.item === null) items.push(item);
  else items[place.item] = item;
  return next;
}

/** Drops empty optional text so the item stays tidy (exactOptionalPropertyTypes). */
function tidy<T extends object>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== '' && v !== undefined)) as T;
}

function ItemDialog({
  item,
  isNew,
  onClose,
  onSave,
}: {
  item: RubricItem;
  isNew: boolean;
  onClose: () => void;
  onSave: (item: RubricItem) => Promise<InputError[]>;
}) {
  const [draft, setDraft] = useState<RubricItem>(item);
  const [errors, setErrors] = useState<InputError[]>([]);
  const set = (changes: Partial<RubricItem>) => setDraft((d) => ({ ...d, ...changes }));
  const setInput = (i: number, changes: Partial<RubricInput>) => set({ inputs: draft.inputs.map((x, j) => (j === i ? { ...x, ...changes } : x)) });
  const save = async () => {
    const clean: RubricItem = tidy({
      ...draft,
      code: draft.code.trim(),
      name: draft.name.trim(),
      inputs: draft.inputs.map((x) => tidy({ ...x, code: x.code.trim() })),
    });
    setErrors(await onSave(clean));
  };
  return (
    <Dialog
      open
      wide
      title={isNew ? '添加考评项目' : `修改考评项目 ${item.code}`}
      onClose={onClose}
      footer={
        <>
          <Button onClick={onClose}>取消</Button>
          <Button variant="primary" type="submit" form="item-form">
            保存项目
          </Button>
        </>
      }
    >
      <form
        id="item-form"
        onSubmit={(e) => {
          e.preventDefault();
          void save();
        }}
      >
        {errors.length ? <ErrorTable errors={errors} title="未保存，请改正：" /> : null}
        <div className="grid-form">
          <Field label="项目编码" required hint="如 C5">
            <input value={draft.code} onChange={(e) => set({ code: e.target.value })} autoFocus />
          </Field>
          <Field label="项目类型">
            <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as ItemKind })}>
              {ITEM_KINDS.map((k) => (
                <option key={k} value={k}>
                  {ITEM_KIND_WORDS[k]}
                </option>
              ))}
            </select>
          </Field>
          <Field label="项目名称" required wide>
            <input value={draft.name} onChange={(e) => set({ name: e.target.value })} />
          </Field>
          <Field label="起始分" hint="不填为 0">
            <input value={draft.base ?? ''} onChange={(e) => set({ base: e.target.value })} />
          </Field>
          <Field label="最低分" hint="不填为不限">
            <input value={draft.min ?? ''} onChange={(e) => set({ min: e.target.value })} />
          </Field>
          <Field label="最高分" hint="不填为不限">
            <input value={draft.max ?? ''} onChange={(e) => set({ max: e.target.value })} />
          </Field>
        </div>
        <h3 style={{ marginTop: 12 }}>录入项</h3>
        <table className="table">
          <thead>
            <tr>
              <th>编码</th>
              <th>名称</th>
              <th>录入方式</th>
              <th>分值</th>
              <th>下限</th>
              <th>上限</th>
              <th>金额单位(元)</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {draft.inputs.map((input, i) => (
              <tr key={i}>
                <td>
                  <input
                    className="input"
                    size={6}
                    aria-label={`录入项${i + 1}编码`}
                    value={input.code}
                    onChange={(e) => setInput(i, { code: e.target.value })}
                  />
                </td>
                <td>
                  <input className="input" aria-label={`录入项${i + 1}名称`} value={input.label} onChange={(e) => setInput(i, { label: e.target.value })} />
                </td>
                <td>
                  <select
                    className="input"
                    aria-label={`录入项${i + 1}录入方式`}
                    value={input.kind}
                    onChange={(e) => setInput(i, { kind: e.target.value as InputKind })}
                  >
                    {INPUT_KINDS.map((k) => (
                      <option key={k} value={k}>
                        {INPUT_KIND_WORDS[k]}
                      </option>
                    ))}
                  </select>
                </td>
                <td>
                  <input
                    className="input"
                    size={5}
                    aria-label={`录入项${i + 1}分值`}
                    value={input.points}
                    onChange={(e) => setInput(i, { points: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="input"
                    size={4}
                    aria-label={`录入项${i + 1}下限`}
                    value={input.min ?? ''}
                    onChange={(e) => setInput(i, { min: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="input"
                    size={4}
                    aria-label={`录入项${i + 1}上限`}
                    value={input.max ?? ''}
                    onChange={(e) => setInput(i, { max: e.target.value })}
                  />
                </td>
                <td>
                  <input
                    className="input"
                    size={6}
                    aria-label={`录入项${i + 1}金额单位`}
                    value={input.unit ?? ''}
                    disabled={input.kind !== 'amount'}
                    onChange={(e) => setInput(i, { unit: e.target.value })}
                  />
                </td>
                <td>
                  <Button variant="ghost" onClick={() => set({ inputs: draft.inputs.filter((_, j) => j !== i) })}>
                    删除
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Button variant="ghost" onClick={() => set({ inputs: [...draft.inputs, { code: draft.code, label: '', kind: 'bool', points: '1' }] })}>
          + 添加录入项
        </Button>
        <p className="note">分值为每单位的得分，扣分写负数（如 −5 写作 -5）。“评分”方式按所录分数计分，分值填 1（计入）或 -1（扣除）。</p>
      </form>
    </Dialog>
  );
}
