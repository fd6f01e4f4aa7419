/** The assessor inputs of a rubric, in order, with the header the scores workbook gives each. */
import type { Rubric, RubricInput, RubricItem } from '../model';

export interface InputColumn {
  input: RubricInput;
  item: RubricItem;
  /** "A3.2 缺少民主活动日次数" */
  header: string;
}

export function inputColumns(rubric: Rubric): InputColumn[] {
  return rubric.sections.flatMap((section) =>
    section.groups.flatMap((group) => group.items.flatMap((item) => item.inputs.map((input) => ({ input, item, header: `${input.code} ${input.label}` })))),
  );
}

/** The code a header starts with: the text before the first space ("A3.2 缺少…" → "A3.2"). */
export const codeOfHeader = (header: string): string => header.split(' ')[0] ?? '';

/** Looks like an input code (A1.1a, C3b, D1): a column the rubric should know. */
export const looksLikeCode = (text: string): boolean => /^[A-Za-z]\d+(\.\d+)*[a-z]?$/.test(text);
