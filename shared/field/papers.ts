/**
 * 履职材料 (docs/method.md §14.3): the papers a policy requires of every secretary,
 * and which are still missing — neither received nor waived with a reason. A missing
 * paper blocks 定稿.
 */
import { PAPER_KINDS, type PaperKind, type PaperRecord, type Secretary } from '../model';

export interface MissingPapers {
  id: string;
  name: string;
  kinds: PaperKind[];
}

const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id, 'zh-CN', { numeric: true });

/** The papers of `required` a secretary has neither handed in nor been excused from. */
export function missingOf(required: readonly PaperKind[], papers: readonly Pick<PaperRecord, 'kind'>[]): PaperKind[] {
  const have = new Set(papers.map((p) => p.kind));
  return PAPER_KINDS.filter((k) => required.includes(k) && !have.has(k));
}

/** Every secretary with a required paper missing, by 编号. */
export function missingPapers(
  required: readonly PaperKind[],
  secretaries: readonly Pick<Secretary, 'id' | 'name'>[],
  papers: readonly Pick<PaperRecord, 'id' | 'kind'>[],
): MissingPapers[] {
  const byOwner = new Map<string, Pick<PaperRecord, 'kind'>[]>();
  for (const p of papers) byOwner.set(p.id, [...(byOwner.get(p.id) ?? []), p]);
  return [...secretaries].sort(byId).flatMap((s) => {
    const kinds = missingOf(required, byOwner.get(s.id) ?? []);
    return kinds.length ? [{ id: s.id, name: s.name, kinds }] : [];
  });
}
