/**
 * The app's database (Dexie over IndexedDB). Every record of an assessment carries
 * `assessmentId`; per-secretary records are keyed by [assessmentId+id] where `id`
 * is the secretary's 编号. Schema versions are never edited in place: a change is a
 * new `version(n)` below, with an upgrade test on data of the old version.
 */
import Dexie, { type EntityTable } from 'dexie';
import type { ChainedAuditEntry } from '../../../shared/audit/chain';
import type { BallotTally, Decision, DirectEvent, ItemScores, Policy, Rubric, Secretary, SummaryScore } from '../../../shared/model';
import { lockGuard } from './lock';

export interface AssessmentRecord {
  id: string;
  year: number;
  name: string;
  region: string;
  policy: Policy;
  rubric: Rubric;
  /** used when policy.communityRubric is "own" */
  communityRubric?: Rubric;
  status: 'active' | 'archived';
  /** finalized after the review meeting: no edits */
  locked: boolean;
  createdAt: string;
  updatedAt: string;
}

type Scoped<T> = T & { assessmentId: string };

export type SecretaryRecord = Scoped<Secretary>;
export type ItemScoresRecord = Scoped<ItemScores>;
export type SummaryScoreRecord = Scoped<SummaryScore>;
/** the tally that counts: imported, or agreed by double entry */
export type TallyRecord = Scoped<BallotTally> & { source: 'import' | 'doubleEntry' };
/** one person's blind entry of a tally (slot 1 or 2) before it counts */
export type TallyEntryRecord = Scoped<BallotTally> & { slot: 1 | 2; operator: string };
export type EventRecord = Scoped<DirectEvent> & { key?: number };
export type DecisionRecord = Scoped<Decision>;

export const EVIDENCE_STATUSES = ['checked', 'missing', 'doubtful'] as const;
export type EvidenceStatus = (typeof EVIDENCE_STATUSES)[number];

/** one line of an item's evidence checklist (民情日记, 会议记录, 项目台账 …) */
export interface EvidenceRecord {
  assessmentId: string;
  id: string;
  itemCode: string;
  kind: string;
  status: EvidenceStatus;
  checker: string;
  date: string;
  reference: string;
  note: string;
}

/** a photo, scan or PDF kept locally, never sent anywhere */
export interface AttachmentRecord {
  key: string;
  assessmentId: string;
  id: string;
  itemCode: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  blob: Blob;
  addedAt: string;
}

/** one entry of an assessment's audit chain (shared/audit/chain.ts) */
export type AuditRecord = ChainedAuditEntry & { seq?: number };

export interface MetaRecord {
  key: string;
  value: unknown;
}

export class ShuangpingDb extends Dexie {
  assessments!: EntityTable<AssessmentRecord, 'id'>;
  secretaries!: Dexie.Table<SecretaryRecord, [string, string]>;
  itemScores!: Dexie.Table<ItemScoresRecord, [string, string]>;
  summaryScores!: Dexie.Table<SummaryScoreRecord, [string, string]>;
  tallies!: Dexie.Table<TallyRecord, [string, string]>;
  tallyEntries!: Dexie.Table<TallyEntryRecord, [string, string, number]>;
  events!: EntityTable<EventRecord, 'key'>;
  decisions!: Dexie.Table<DecisionRecord, [string, string]>;
  evidence!: Dexie.Table<EvidenceRecord, [string, string, string, string]>;
  attachments!: EntityTable<AttachmentRecord, 'key'>;
  audit!: EntityTable<AuditRecord, 'seq'>;
  meta!: EntityTable<MetaRecord, 'key'>;

  constructor(name = 'shuangping') {
    super(name);
    this.version(1).stores({
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
    });
    // a locked assessment's data refuses every write (lock.ts)
    this.use(lockGuard);
  }
}
