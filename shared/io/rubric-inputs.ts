/** The assessor inputs of a rubric, in order, with the header the scores workbook gives each. */
import type { Rubric, RubricInput, RubricItem } from '../model';

export interface InputColumn {
  input: RubricInput;
  item: RubricItem;
  /** "A3.2 缺少民主活动日次数" */
  header: string;
  /** the 社区 rubric's item and input of the same code, where their words differ (docs/method.md §2.6) */
  community?: { item: RubricItem; input: RubricInput };
}

export function inputColumns(rubric: Rubric): InputColumn[] {
  return rubric.sections.flatMap((section) =>
    section.groups.flatMap((group) => group.items.flatMap((item) => item.inputs.map((input) => ({ input, item, header: `${input.code} ${input.label}` })))),
  );
}

/**
 * The columns of the scores workbook: the village rubric's inputs, the 社区 rubric's words
 * beside those it shares a code with, then the 社区 rubric's own inputs (headed “…（社区）”).
 * A code in both is one column: a 社区 secretary's value is read against the village input
 * of that code (the 社区 rubric of 第八条 keeps every kind and bound; an edited one must
 * too: `sharedInputConflicts`).
 */
export function scoreColumns(rubric: Rubric, community?: Rubric): InputColumn[] {
  const village = inputColumns(rubric);
  if (!community) return village;
  const own = new Map(inputColumns(community).map((c) => [c.input.code, c]));
  const shared = village.map((c): InputColumn => {
    const other = own.get(c.input.code);
    own.delete(c.input.code);
    return other && (other.item.name !== c.item.name || other.input.label !== c.input.label)
      ? { ...c, community: { item: other.item, input: other.input } }
      : c;
  });
  return [...shared, ...[...own.values()].map((c) => ({ ...c, header: `${c.header}（社区）` }))];
}

/** The code a header starts with: the text before the first space ("A3.2 缺少…" → "A3.2"). */
export const codeOfHeader = (header: string): string => header.split(' ')[0] ?? '';

/** Looks like an input code (A1.1a, C3b, D1): a column the rubric should know. */
export const looksLikeCode = (text: string): boolean => /^[A-Za-z]\d+(\.\d+)*[a-z]?$/.test(text);
