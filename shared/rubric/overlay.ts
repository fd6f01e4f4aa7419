/**
 * A rubric as the differences from another (docs/method.md §2.6): sections, groups and
 * items renamed or re-described, inputs relabelled, by code. What the overlay does not
 * name stays as it is, so points and structure are the base rubric's unless said.
 */
import type { Rubric, RubricInput, RubricItem } from '../model/rubric';

export interface RubricOverlay {
  id: string;
  name: string;
  /** by section code: a new name */
  sections?: Record<string, { name: string }>;
  /** by group code: a new name */
  groups?: Record<string, { name: string }>;
  /** by item code: fields replaced (name, and when the seed says so, points or bounds) */
  items?: Record<string, Partial<Omit<RubricItem, 'code' | 'inputs'>>>;
  /** by input code: fields replaced (label as a rule) */
  inputs?: Record<string, Partial<Omit<RubricInput, 'code'>>>;
}

/** The base rubric with the overlay's differences; the base is not changed. */
export function applyRubricOverlay(base: Rubric, overlay: RubricOverlay): Rubric {
  return {
    id: overlay.id,
    name: overlay.name,
    sections: base.sections.map((section) => ({
      ...section,
      ...overlay.sections?.[section.code],
      groups: section.groups.map((group) => ({
        ...group,
        ...overlay.groups?.[group.code],
        items: group.items.map((item) => ({
          ...item,
          ...overlay.items?.[item.code],
          inputs: item.inputs.map((input) => ({ ...input, ...overlay.inputs?.[input.code] })),
        })),
      })),
    })),
  };
}

/** Codes the overlay names that the base rubric does not have (a stale overlay), in words. */
export function overlayUnknownCodes(base: Rubric, overlay: RubricOverlay): string[] {
  const sections = new Set(base.sections.map((s) => s.code));
  const groups = new Set(base.sections.flatMap((s) => s.groups.map((g) => g.code)));
  const items = base.sections.flatMap((s) => s.groups.flatMap((g) => g.items));
  const itemCodes = new Set(items.map((i) => i.code));
  const inputCodes = new Set(items.flatMap((i) => i.inputs.map((x) => x.code)));
  const unknown = (codes: Record<string, unknown> | undefined, known: Set<string>, what: string) =>
    Object.keys(codes ?? {})
      .filter((c) => !known.has(c))
      .map((c) => `${what}“${c}”`);
  return [
    ...unknown(overlay.sections, sections, '部分'),
    ...unknown(overlay.groups, groups, '类别'),
    ...unknown(overlay.items, itemCodes, '项目'),
    ...unknown(overlay.inputs, inputCodes, '录入项'),
  ];
}
