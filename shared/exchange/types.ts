/**
 * What an exchange package or a backup holds: the records of one or more assessments
 * as the app's database keeps them (each carries `assessmentId`), attachment bytes by
 * SHA-256, the audit chains, and a manifest. Records keep any extra field they have,
 * so a package carries whatever the database holds.
 */
import type { ChainedAuditEntry } from '../audit/chain';
import type {
  AssessmentGroup,
  AttendanceMonth,
  BallotBox,
  BallotTally,
  Decision,
  DirectEvent,
  GradeHold,
  GroupAssignment,
  ItemScores,
  NoticePeriod,
  PaperRecord,
  Policy,
  QuarterReview,
  Rubric,
  Secretary,
  SummaryScore,
  WarningAck,
} from '../model';
import type { CarriedBlock } from '../method/input';
import type { AwardEdit } from '../people/awards';
import type { TermEvaluation } from '../people/term';
import type { PersonLink } from '../people/persons';

type Scoped<T> = T & { assessmentId: string };

export interface AssessmentRow {
  id: string;
  year: number;
  name: string;
  region: string;
  policy: Policy;
  rubric: Rubric;
  communityRubric?: Rubric;
  /** 考核组 (docs/method.md §14.4); absent: none defined */
  groups?: AssessmentGroup[];
  /** the 公示 period of the results, once entered (printed on the 公示名单) */
  notice?: NoticePeriod;
  /** 审批日期 (YYYY-MM-DD): the day the results were approved (报市委审批); the grades' consequences run from it (docs/method.md §11.1) */
  approvedAt?: string;
  /** at 定稿: the carried blocks the method took (docs/method.md §11.3); a finalized assessment computes with them */
  carriedAtLock?: CarriedBlock[];
  status: 'active' | 'archived';
  locked: boolean;
  createdAt: string;
  updatedAt: string;
}

/** Who did an act, and when (ISO time). */
export interface Act {
  by: string;
  at: string;
}

/**
 * The tally that counts. `doubleEntry`: two operators' blind entries agreed (or a person
 * settled every difference). `import`: read from a workbook by `importedBy` — one entry,
 * not a confirmed one, until a second operator confirms it (`confirmed`): a blind second
 * entry that agreed (`entry`) or a 复核 against the paper tally sheet (`review`).
 */
export type TallyRow = Scoped<BallotTally> & {
  source: 'import' | 'doubleEntry';
  importedBy?: string;
  confirmed?: Act & { how: 'entry' | 'review' };
};

/**
 * A secretary is scored one way: by summary (汇总分) or by items (细则). Switching keeps
 * the other record, `setAside` (by whom, when): it does not count, and can be taken up again.
 */
export type SummaryScoreRow = Scoped<SummaryScore> & { setAside?: Act };
/** Item inputs; `completed` once the scorer says the scoring is done (typing one item is not). */
export type ItemScoresRow = Scoped<ItemScores> & { setAside?: Act; completed?: Act };
export type TallyEntryRow = Scoped<BallotTally> & { slot: 1 | 2; operator: string };
/** `key` is the database's own counter: kept in backups, ignored when merging */
export type EventRow = Scoped<DirectEvent> & { key?: number };

/** A person's decision about who a secretary of this assessment is (docs/method.md §10): the same as a secretary of another year, or nobody seen before. */
export type PersonLinkRow = PersonLink;

/** The 奖惩意见 of one secretary as edited after the review meeting, with the reason (docs/method.md §13). */
export type AwardEditRow = Scoped<AwardEdit & { id: string }>;
/** the 期满评价 of the term on secretary `id`'s record (docs/method.md §12) */
export type TermEvaluationRow = Scoped<TermEvaluation & { id: string }>;

/**
 * One line of an item's evidence checklist. Registering a line (`registeredBy`, `registeredAt`)
 * is not checking it: it is `pending` until an operator checks it (核实) — `checker` and
 * `date` are that act's, set by it, never typed.
 */
export interface EvidenceRow {
  assessmentId: string;
  id: string;
  itemCode: string;
  kind: string;
  status: 'pending' | 'checked' | 'missing' | 'doubtful';
  /** who checked it ('' while pending) */
  checker: string;
  /** the day it was checked, YYYY-MM-DD ('' while pending) */
  date: string;
  registeredBy?: string;
  registeredAt?: string;
  reference: string;
  note: string;
}

/** an attachment's record without its bytes (those travel as `attachments/<sha256>`) */
export interface AttachmentRow {
  key: string;
  assessmentId: string;
  id: string;
  itemCode: string;
  name: string;
  type: string;
  size: number;
  sha256: string;
  addedAt: string;
}

/** A month of attendance: typed on the 考勤 screen or imported from the attendance workbook, by whom and when. */
export type AttendanceRow = Scoped<AttendanceMonth> & { source: 'typed' | 'import' } & Act;
/** A quarterly review's finding for a secretary, by whom and when. */
export type ReviewRow = Scoped<QuarterReview> & Act;
export type PaperRow = Scoped<PaperRecord>;
export type AssignmentRow = Scoped<GroupAssignment>;
export type BoxRow = Scoped<BallotBox>;

/**
 * A deletion that travels: the merge unit (units.ts key, e.g. `tally|S1`) as it was when
 * a person deleted it, so another laptop's copy of that same content is not added back.
 */
export interface TombstoneRow {
  assessmentId: string;
  /** the secretary's 编号 (a share of some towns carries its own secretaries' deletions) */
  id: string;
  /** the merge unit's key: `tally|S1`, `decision|S2`, `evidence|S1|A1.1|diary` */
  key: string;
  /** SHA-256 of the unit's fingerprint (its canonical JSON) when it was deleted */
  fingerprint: string;
  /** ISO time of the deletion */
  at: string;
  operator: string;
  /** hash of the audit entry that deleted it (on the laptop where it was deleted) */
  auditHash: string;
}

/** The per-secretary tables of an assessment, in the order they are written. */
export interface AssessmentTables {
  secretaries: Scoped<Secretary>[];
  itemScores: ItemScoresRow[];
  summaryScores: SummaryScoreRow[];
  tallies: TallyRow[];
  tallyEntries: TallyEntryRow[];
  events: EventRow[];
  decisions: Scoped<Decision>[];
  /** grades held back (暂缓定等) */
  holds: Scoped<GradeHold>[];
  /** acknowledgments of plausibility warnings (合理性提示) */
  warningAcks: Scoped<WarningAck>[];
  evidence: EvidenceRow[];
  attachments: AttachmentRow[];
  attendance: AttendanceRow[];
  reviews: ReviewRow[];
  papers: PaperRow[];
  assignments: AssignmentRow[];
  boxes: BoxRow[];
  personLinks: PersonLinkRow[];
  awardEdits: AwardEditRow[];
  termEvaluations: TermEvaluationRow[];
  tombstones: TombstoneRow[];
}

export const TABLES = [
  'secretaries',
  'itemScores',
  'summaryScores',
  'tallies',
  'tallyEntries',
  'events',
  'decisions',
  'holds',
  'warningAcks',
  'evidence',
  'attachments',
  'attendance',
  'reviews',
  'papers',
  'assignments',
  'boxes',
  'personLinks',
  'awardEdits',
  'termEvaluations',
  'tombstones',
] as const satisfies readonly (keyof AssessmentTables)[];
export type TableName = (typeof TABLES)[number];

export const TABLE_LABELS: Record<TableName, string> = {
  secretaries: '名册',
  itemScores: '考评细则评分',
  summaryScores: '考评得分汇总',
  tallies: '测评计票',
  tallyEntries: '计票双人录入',
  events: '直接定等事项',
  decisions: '审定意见',
  holds: '暂缓定等',
  warningAcks: '合理性提示确认',
  evidence: '佐证材料',
  attachments: '附件',
  attendance: '考勤',
  reviews: '季度分析研判',
  papers: '履职材料',
  assignments: '考核组分工',
  boxes: '票箱登记',
  personLinks: '人员对应',
  awardEdits: '奖惩意见调整',
  termEvaluations: '期满评价',
  tombstones: '删除记录',
};

/** The format version that first carried each table (§13 of docs/exchange.md). */
export const TABLE_SINCE: Record<TableName, number> = {
  secretaries: 1,
  itemScores: 1,
  summaryScores: 1,
  tallies: 1,
  tallyEntries: 1,
  events: 1,
  decisions: 1,
  evidence: 1,
  attachments: 1,
  tombstones: 2,
  holds: 3,
  warningAcks: 3,
  attendance: 3,
  reviews: 3,
  papers: 3,
  assignments: 3,
  boxes: 3,
  personLinks: 3,
  awardEdits: 3,
  termEvaluations: 4,
};

/** The tables a package of `version` holds. */
export const tablesSince = (version: number): TableName[] => TABLES.filter((t) => TABLE_SINCE[t] <= version);

/** The tables of a version-1 package (before deletions travelled). */
export const TABLES_V1 = tablesSince(1);

export interface AssessmentData extends AssessmentTables {
  assessment: AssessmentRow;
}

/** An audit chain received from another laptop, kept and passed on as it came. */
export interface ReceivedChain {
  laptopId: string;
  entries: ChainedAuditEntry[];
}

export interface PackedAssessment {
  data: AssessmentData;
  /** this laptop's chain for the assessment, in log order */
  audit: ChainedAuditEntry[];
  received: ReceivedChain[];
}

/** What a package covers: a whole assessment, a team's share of it, or (backups) the whole database. */
export type Scope = { kind: 'assessment' } | { kind: 'towns'; towns: string[] } | { kind: 'secretaries'; ids: string[] } | { kind: 'backup' };

export interface ManifestEntry {
  path: string;
  sha256: string;
  size: number;
}

export interface ChainSummary {
  laptopId: string;
  count: number;
  /** hash of the last entry, '' when empty */
  head: string;
}

export interface ManifestAssessment {
  id: string;
  name: string;
  year: number;
  region: string;
  /** the policy's name, e.g. 胶州市实施细则 (the policy itself is in the data) */
  policy: string;
  counts: Record<TableName, number>;
  /** the source laptop's own chain */
  audit: ChainSummary;
  received: ChainSummary[];
}

export const FORMAT = 'shuangping-package';
/**
 * 2: deletions travel (`tombstones.json`), an exchange package's chain ends with its `export` entry, signatures;
 * 3: held grades (`holds.json`), acknowledged warnings (`warningAcks.json`), the field work's tables
 *    (attendance, reviews, papers, assignments, boxes) and the settings' groups, people links
 *    (`personLinks.json`) and edited 奖惩意见 (`awardEdits.json`);
 * 4: the 期满评价 (`termEvaluations.json`) and the settings' 审批日期
 */
export const FORMAT_VERSION = 4;

export interface Manifest {
  format: typeof FORMAT;
  version: number;
  kind: 'exchange' | 'backup';
  /** ISO time of writing */
  createdAt: string;
  /** the random id of the laptop that wrote it */
  laptopId: string;
  operator: string;
  scope: Scope;
  assessments: ManifestAssessment[];
  /** every entry but manifest.json, sorted by path */
  entries: ManifestEntry[];
  /** SHA-256 of the canonical JSON of this manifest without `digest` and `signature`: the package's identity */
  digest: string;
  /** with a team key: HMAC-SHA-256 of `digest` under the key (team-key.ts) */
  signature?: Signature;
}

export interface Signature {
  /** the key's id: a short digest that names the key without revealing it */
  keyId: string;
  /** HMAC-SHA-256 of the manifest digest, hex */
  hmac: string;
}

/** How a package was protected: encrypted with the team key, and its signature checked against this laptop's key. */
export interface PackageSecurity {
  encrypted: boolean;
  /** 'verified': signed with this laptop's key; 'unchecked': signed, no key here to check; 'none': not signed */
  signature: 'verified' | 'unchecked' | 'none';
}

/** A package read and verified. */
export interface OpenedPackage {
  manifest: Manifest;
  assessments: PackedAssessment[];
  /** attachment bytes by SHA-256 (verified) */
  files: ReadonlyMap<string, Uint8Array>;
  security: PackageSecurity;
}

/** SHA-256 of bytes as lowercase hex; the renderer passes Web Crypto's, the default is shared/digest's. */
export type Hasher = (bytes: Uint8Array) => string | Promise<string>;
