/**
 * What the field work still lacks, for 首页 and 定稿 (docs/data.md §12): papers neither
 * received nor waived (they block 定稿), groups whose share is not signed off or was
 * changed since, and ballot boxes still out. Pure: rows in, lists out.
 */
import { groupOf, groupStatus, isOut, missingPapers, shareDigest, type GroupStatus, type MissingPapers } from '../../../../shared/field';
import { recordUnits } from '../../../../shared/exchange/units';
import type {
  AssessmentRecord,
  AssignmentRecord,
  BoxRecord,
  ItemScoresRecord,
  PaperRecordRow,
  SecretaryRecord,
  SummaryScoreRecord,
  TallyEntryRecord,
  TallyRecord,
} from '../../db/schema';
import { requiredPapersOf } from '../../../../shared/policy';

export interface FieldRows {
  assessment: Pick<AssessmentRecord, 'policy' | 'groups'>;
  secretaries: SecretaryRecord[];
  papers: PaperRecordRow[];
  assignments: AssignmentRecord[];
  boxes: BoxRecord[];
  itemScores: ItemScoresRecord[];
  summaryScores: SummaryScoreRecord[];
  tallies: TallyRecord[];
  tallyEntries: TallyEntryRecord[];
}

export interface FieldStatus {
  missing: MissingPapers[];
  groups: GroupStatus[];
  /** secretaries whose ballot box is issued and not yet back */
  boxesOut: { id: string; name: string; issued: number; issuedAt: string }[];
  /** 姓名 by 编号, for the lists */
  names?: ReadonlyMap<string, string>;
}

/** The digest a group signs for each secretary (scores and tally as they stand), from the rows. */
export function digestsOf(rows: Pick<FieldRows, 'itemScores' | 'summaryScores' | 'tallies' | 'tallyEntries'>, ids: readonly string[]): Map<string, string> {
  const units = recordUnits({ itemScores: rows.itemScores, summaryScores: rows.summaryScores, tallies: rows.tallies, tallyEntries: rows.tallyEntries });
  return new Map(ids.map((id) => [id, shareDigest(units.get(`score|${id}`), units.get(`tally|${id}`))]));
}

/** Each group's share (assigned, else 第十九条's default) and its sign-off. */
export function groupStatuses(rows: FieldRows): GroupStatus[] {
  const groups = rows.assessment.groups ?? [];
  if (!groups.length) return [];
  const assignments = new Map(rows.assignments.map((a) => [a.id, a]));
  const digests = digestsOf(
    rows,
    rows.secretaries.map((s) => s.id),
  );
  return groups.map((g) => {
    const members = rows.secretaries
      .filter((s) => groupOf(s, assignments.get(s.id), groups)?.id === g.id)
      .map((s) => ({ id: s.id, digest: digests.get(s.id)! }));
    return groupStatus(g, members, assignments);
  });
}

export function fieldStatus(rows: FieldRows): FieldStatus {
  const names = new Map(rows.secretaries.map((s) => [s.id, s.name]));
  return {
    names,
    missing: missingPapers(requiredPapersOf(rows.assessment.policy), rows.secretaries, rows.papers),
    groups: groupStatuses(rows),
    boxesOut: rows.boxes
      .filter(isOut)
      .filter((b) => names.has(b.id))
      .map((b) => ({ id: b.id, name: names.get(b.id)!, issued: b.issued, issuedAt: b.issuedAt }))
      .sort((a, b) => a.id.localeCompare(b.id, 'zh-CN', { numeric: true })),
  };
}
