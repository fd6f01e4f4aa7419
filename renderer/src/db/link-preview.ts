/**
 * What linking or unlinking a person would change, before it is saved (docs/method.md
 * §11.3): the history read twice — with the links as they are, and as they would be —
 * and, for every open assessment, who gains or loses a carried block of 优秀 and whose
 * grade would change. A finalized assessment keeps the blocks it was finalized with;
 * those whose blocks would otherwise change are named.
 */
import { carriedBlocks, carriedInto } from '../../../shared/people';
import type { CarriedBlock } from '../../../shared/method/input';
import { historyTables, readHistory, type History } from './history';
import { nowIso } from './ids';
import type { PersonLinkRecord, ShuangpingDb } from './schema';

/** The link a person is about to save: the same as `sameAs`, nobody seen before, or none. */
export type LinkChange = { sameAs: { assessmentId: string; id: string } } | { distinct: true } | { unlink: true };

export interface SecretaryChange {
  id: string;
  name: string;
  /** the reasons of the blocks gained and lost */
  gained: string[];
  lost: string[];
  /** the grade in words, before and after, when it changes */
  grade?: { from: string; to: string } | undefined;
}

export interface AssessmentChange {
  assessmentId: string;
  /** 2025年度 村(社区)党组织第一书记… */
  label: string;
  secretaries: SecretaryChange[];
}

export interface LinkPreview {
  open: AssessmentChange[];
  /** finalized assessments whose carried blocks would change were they not kept */
  finalized: string[];
}

const key = (b: CarriedBlock) => `${b.id}\u0000${b.reason}`;

/** The links with secretary `id` of `assessmentId` changed as `change` says. */
export function linksWith(links: readonly PersonLinkRecord[], assessmentId: string, id: string, change: LinkChange, by: string): PersonLinkRecord[] {
  const others = links.filter((l) => !(l.assessmentId === assessmentId && l.id === id));
  if ('unlink' in change) return others;
  const record: PersonLinkRecord = { assessmentId, id, by, at: nowIso() };
  if ('sameAs' in change) record.sameAs = change.sameAs;
  else record.distinct = true;
  return [...others, record];
}

const freshBlocks = (h: History, assessmentId: string, year: number) =>
  carriedBlocks(
    carriedInto(
      year,
      h.nodes.filter((n) => n.assessmentId === assessmentId),
      h.people,
      h.years,
    ),
  );

export async function previewLink(db: ShuangpingDb, assessmentId: string, id: string, change: LinkChange): Promise<LinkPreview> {
  return db.transaction('r', historyTables(db), async () => {
    const before = await readHistory(db);
    const after = await readHistory(db, { links: linksWith(before.links, assessmentId, id, change, '') });
    return changesBetween(before, after);
  });
}

/** What changes from one reading of the history to another, in the open assessments of the first (and which finalized ones keep theirs). */
export function changesBetween(before: History, after: History): LinkPreview {
  const open: AssessmentChange[] = [];
  const finalized: string[] = [];
  for (const a of [...before.assessments].sort((x, y) => x.year - y.year)) {
    const label = `${a.year}年度 ${a.name}`;
    if (a.locked) {
      const was = freshBlocks(before, a.id, a.year).map(key).sort().join('\n');
      const would = freshBlocks(after, a.id, a.year).map(key).sort().join('\n');
      if (was !== would) finalized.push(label);
      continue;
    }
    const was = before.carried.get(a.id) ?? [];
    const would = after.carried.get(a.id) ?? [];
    const wasKeys = new Set(was.map(key));
    const wouldKeys = new Set(would.map(key));
    const rowsBefore = new Map((before.results.get(a.id)?.categories ?? []).flatMap((c) => c.rows).map((r) => [r.id, r]));
    const rowsAfter = (after.results.get(a.id)?.categories ?? []).flatMap((c) => c.rows);
    const secretaries: SecretaryChange[] = [];
    for (const row of rowsAfter) {
      const gained = would.filter((b) => b.id === row.id && !wasKeys.has(key(b))).map((b) => b.reason);
      const lost = was.filter((b) => b.id === row.id && !wouldKeys.has(key(b))).map((b) => b.reason);
      const prior = rowsBefore.get(row.id);
      const grade = prior && prior.grade !== row.grade ? { from: a.policy.labels[prior.grade], to: a.policy.labels[row.grade] } : undefined;
      if (gained.length || lost.length || grade) secretaries.push({ id: row.id, name: row.secretary.name, gained, lost, grade });
    }
    if (secretaries.length) open.push({ assessmentId: a.id, label, secretaries });
  }
  return { open, finalized };
}
