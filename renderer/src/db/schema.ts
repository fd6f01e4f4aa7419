/**
 * The app's database (Dexie over IndexedDB). Every record of an assessment carries
 * `assessmentId`; per-secretary records are keyed by [assessmentId+id] where `id`
 * is the secretary's 编号. Schema versions are never edited in place: a change is a
 * new `version(n)` below, with an upgrade test on data of the old version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ChainedAuditEntry } from '../../../shared/audit/chain';
import type {
  AssessmentRow,
  AssessmentTables,
  AssignmentRow,
  AttachmentRow,
  AttendanceRow,
  AwardEditRow,
  BoxRow,
  TermEvaluationRow,
  EventRow,
  EvidenceRow,
  PaperRow,
  PersonLinkRow,
  ReviewRow,
  TallyEntryRow,
  TallyRow,
  TombstoneRow,
} from '../../../shared/exchange/types';
import { lockGuard } from './lock-guard';

// The records are the rows an exchange package or a backup carries (shared/exchange/types.ts):
// one definition, so what the database holds is what travels.
/** an assessment; `locked` once finalized after the review meeting (no edits) */
export type AssessmentRecord = AssessmentRow;
export type SecretaryRecord = AssessmentTables['secretaries'][number];
export type ItemScoresRecord = AssessmentTables['itemScores'][number];
export type SummaryScoreRecord = AssessmentTables['summaryScores'][number];
/** the tally that counts: imported, or agreed by double entry */
export type TallyRecord = TallyRow;
/** one person's blind entry of a tally (slot 1 or 2) before it counts */
export type TallyEntryRecord = TallyEntryRow;
export type EventRecord = EventRow;
export type DecisionRecord = AssessmentTables['decisions'][number];
/** a grade held back (暂缓定等), one per secretary */
export type HoldRecord = AssessmentTables['holds'][number];
/** a person's acknowledgment of a plausibility warning, with the digest of what was acknowledged */
export type WarningAckRecord = AssessmentTables['warningAcks'][number];
/** who a secretary is across years: the same as another year's, or nobody seen before (docs/method.md §10) */
export type PersonLinkRecord = PersonLinkRow;
/** a secretary's 奖惩意见 as edited after the review meeting (docs/method.md §13) */
export type AwardEditRecord = AwardEditRow;
/** the 期满评价 of a secretary's term (docs/method.md §12) */
export type TermEvaluationRecord = TermEvaluationRow;

export const EVIDENCE_STATUSES = ['pending', 'checked', 'missing', 'doubtful'] as const satisfies readonly EvidenceRow['status'][];
export type EvidenceStatus = EvidenceRow['status'];
/** one line of an item's evidence checklist (民情日记, 会议记录, 项目台账 …) */
export type EvidenceRecord = EvidenceRow;
/** a photo, scan or PDF kept locally, never sent anywhere */
export type AttachmentRecord = AttachmentRow & { blob: Blob };

/** one month of a secretary's attendance (考勤) */
export type AttendanceRecord = AttendanceRow;
/** a quarterly review's finding for a secretary (每季度分析研判) */
export type ReviewRecord = ReviewRow;
/** one paper of a secretary: received or waived (履职材料) */
export type PaperRecordRow = PaperRow;
/** a secretary's assessment group and its sign-off (考核组分工) */
export type AssignmentRecord = AssignmentRow;
/** a secretary's ballot box (票箱) */
export type BoxRecord = BoxRow;

/** a deletion that travels to the other laptops: the merge unit and the digest of its content when deleted */
export type TombstoneRecord = TombstoneRow;

/** one entry of an assessment's audit chain (shared/audit/chain.ts) */
export type AuditRecord = ChainedAuditEntry & { seq?: number };

export interface MetaRecord {
  key: string;
  value: unknown;
}

/**
 * The tables each database version adds, in order (version n is STORES[n - 1]); Dexie keeps
 * the earlier ones. An older database opens and is upgraded in place (schema.test.ts).
 */
export const STORES: readonly Record<string, string>[] = [
  {
    assessments: 'id, year, status',
    secretaries: '[assessmentId+id], assessmentId, [assessmentId+town]',
    itemScores: '[assessmentId+id], assessmentId',
    summaryScores: '[assessmentId+id], assessmentId',
    tallies: '[assessmentId+id], assessmentId',
    tallyEntries: '[assessmentId+id+slot], assessmentId, [assessmentId+id]',
    events: '++key, assessmentId, [assessmentId+id]',
    decisions: '[assessmentId+id], assessmentId',
    evidence: '[assessmentId+id+itemCode+kind], assessmentId, [assessmentId+id]',
    attachments: 'key, assessmentId, [assessmentId+id], sha256',
    audit: '++seq, assessmentId',
    meta: 'key',
  },
  // deletions travel: one tombstone per unit and content deleted (tombstones.ts)
  {
    tombstones: '[assessmentId+key+fingerprint], assessmentId',
  },
  // people across years and what follows the review meeting (docs/method.md §10, §13)
  {
    personLinks: '[assessmentId+id], assessmentId',
    awardEdits: '[assessmentId+id], assessmentId',
  },
  // the year's field work (docs/data.md §12): attendance, quarterly reviews, papers, groups' shares, ballot boxes
  {
    attendance: '[assessmentId+id+month], assessmentId, [assessmentId+id], [assessmentId+month]',
    reviews: '[assessmentId+id+quarter], assessmentId, [assessmentId+id]',
    papers: '[assessmentId+id+kind], assessmentId, [assessmentId+id]',
    assignments: '[assessmentId+id], assessmentId',
    boxes: '[assessmentId+id], assessmentId',
  },
  // grades held back (暂缓定等) and acknowledged plausibility warnings (合理性提示)
  {
    holds: '[assessmentId+id], assessmentId',
    warningAcks: '[assessmentId+id+warning], assessmentId, [assessmentId+id]',
  },
  // the 期满评价 of a term by the 派出单位 and the 组织部门 (docs/method.md §12)
  {
    termEvaluations: '[assessmentId+id], assessmentId',
  },
  // no index that repeats the primary key's first part: a table keyed by [assessmentId+id] is
  // read by assessment through its primary key (Dexie's `where('assessmentId')` takes the key's
  // prefix, in the same order); nothing reads secretaries by town. An import writes one entry a
  // record instead of two or three (docs/data.md §1).
  {
    secretaries: '[assessmentId+id]',
    itemScores: '[assessmentId+id]',
    summaryScores: '[assessmentId+id]',
    tallies: '[assessmentId+id]',
    decisions: '[assessmentId+id]',
    personLinks: '[assessmentId+id]',
    awardEdits: '[assessmentId+id]',
    assignments: '[assessmentId+id]',
    boxes: '[assessmentId+id]',
    holds: '[assessmentId+id]',
    termEvaluations: '[assessmentId+id]',
  },
];

export class ShuangpingDb extends Dexie {
  assessments!: EntityTable<AssessmentRecord, 'id'>;
  secretaries!: Dexie.Table<SecretaryRecord, [string, string]>;
  itemScores!: Dexie.Table<ItemScoresRecord, [string, string]>;
  summaryScores!: Dexie.Table<SummaryScoreRecord, [string, string]>;
  tallies!: Dexie.Table<TallyRecord, [string, string]>;
  tallyEntries!: Dexie.Table<TallyEntryRecord, [string, string, number]>;
  events!: EntityTable<EventRecord, 'key'>;
  decisions!: Dexie.Table<DecisionRecord, [string, string]>;
  holds!: Dexie.Table<HoldRecord, [string, string]>;
  warningAcks!: Dexie.Table<WarningAckRecord, [string, string, string]>;
  evidence!: Dexie.Table<EvidenceRecord, [string, string, string, string]>;
  attachments!: EntityTable<AttachmentRecord, 'key'>;
  tombstones!: Dexie.Table<TombstoneRecord, [string, string, string]>;
  attendance!: Dexie.Table<AttendanceRecord, [string, string, string]>;
  reviews!: Dexie.Table<ReviewRecord, [string, string, string]>;
  papers!: Dexie.Table<PaperRecordRow, [string, string, string]>;
  assignments!: Dexie.Table<AssignmentRecord, [string, string]>;
  boxes!: Dexie.Table<BoxRecord, [string, string]>;
  personLinks!: Dexie.Table<PersonLinkRecord, [string, string]>;
  awardEdits!: Dexie.Table<AwardEditRecord, [string, string]>;
  termEvaluations!: Dexie.Table<TermEvaluationRecord, [string, string]>;
  audit!: EntityTable<AuditRecord, 'seq'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name = 'shuangping') {
    super(name);
    STORES.forEach((stores, i) => this.version(i + 1).stores(stores));
    // a locked assessment's data refuses every write (lock.ts)
    this.use(lockGuard);
  }
}
