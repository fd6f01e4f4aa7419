/**
 * The database as packages see it: an assessment's records (AssessmentData), its
 * audit chain, the chains received from other laptops, and attachment blobs — read
 * in one transaction, so a snapshot never mixes two states. Also this laptop's id.
 */
import type { Table } from 'dexie';
import type { ChainedAuditEntry } from '../../../shared/audit/chain';
import type { AssessmentData, AttachmentRow, PackedAssessment, ReceivedChain } from '../../../shared/exchange';
import { newId } from './ids';
import type { AttachmentRecord, ShuangpingDb } from './schema';

/** The tables of an assessment's records besides the assessment itself. */
export const recordTables = (db: ShuangpingDb) => [
  db.secretaries,
  db.itemScores,
  db.summaryScores,
  db.tallies,
  db.tallyEntries,
  db.events,
  db.decisions,
  db.holds,
  db.warningAcks,
  db.evidence,
  db.attachments,
  db.attendance,
  db.reviews,
  db.papers,
  db.assignments,
  db.boxes,
  db.personLinks,
  db.awardEdits,
  db.termEvaluations,
  db.tombstones,
];

/** Every table a snapshot reads (the records, the log and meta). */
export const snapshotTables = (db: ShuangpingDb) => [db.assessments, ...recordTables(db), db.audit, db.meta];

export const LAPTOP_KEY = 'laptopId';
/** meta key prefix of received chains: `auditReceived:<assessment>:<laptop>:<head>` */
export const RECEIVED_PREFIX = 'auditReceived:';
export const receivedPrefix = (assessmentId: string) => `${RECEIVED_PREFIX}${assessmentId}:`;
export const receivedKey = (assessmentId: string, chain: ReceivedChain) =>
  `${receivedPrefix(assessmentId)}${chain.laptopId}:${chain.entries.at(-1)?.hash.slice(0, 16) ?? ''}`;

/** This laptop's random id, made on first use and kept in meta (never restored from a backup). */
export async function laptopId(db: ShuangpingDb): Promise<string> {
  return db.transaction('rw', db.meta, async () => {
    const stored = await db.meta.get(LAPTOP_KEY);
    if (typeof stored?.value === 'string') return stored.value;
    const id = newId();
    await db.meta.put({ key: LAPTOP_KEY, value: id });
    return id;
  });
}

export interface Snapshot {
  assessments: PackedAssessment[];
  /** attachment blobs by SHA-256 */
  blobs: Map<string, Blob>;
}

/** Call inside a transaction over snapshotTables(db). */
async function readOne(db: ShuangpingDb, assessmentId: string, blobs: Map<string, Blob>): Promise<PackedAssessment | null> {
  const assessment = await db.assessments.get(assessmentId);
  if (!assessment) return null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const of = <T>(table: Table<T, any, any>): Promise<T[]> => table.where('assessmentId').equals(assessmentId).toArray();
  const attachments: AttachmentRow[] = (await of<AttachmentRecord>(db.attachments)).map(({ blob, ...row }) => {
    blobs.set(row.sha256, blob);
    return row;
  });
  const data: AssessmentData = {
    assessment,
    secretaries: await of(db.secretaries),
    itemScores: await of(db.itemScores),
    summaryScores: await of(db.summaryScores),
    tallies: await of(db.tallies),
    tallyEntries: await of(db.tallyEntries),
    events: await of(db.events),
    decisions: await of(db.decisions),
    holds: await of(db.holds),
    warningAcks: await of(db.warningAcks),
    evidence: await of(db.evidence),
    attachments,
    attendance: await of(db.attendance),
    reviews: await of(db.reviews),
    papers: await of(db.papers),
    assignments: await of(db.assignments),
    boxes: await of(db.boxes),
    personLinks: await of(db.personLinks),
    awardEdits: await of(db.awardEdits),
    termEvaluations: await of(db.termEvaluations),
    tombstones: await of(db.tombstones),
  };
  const audit: ChainedAuditEntry[] = await of(db.audit);
  const received = (await db.meta.where('key').startsWith(receivedPrefix(assessmentId)).toArray()).map((m) => m.value as ReceivedChain);
  return { data, audit, received };
}

/** One assessment, or null when it is not on this laptop. */
export async function readAssessment(db: ShuangpingDb, assessmentId: string): Promise<Snapshot | null> {
  return db.transaction('r', snapshotTables(db), async () => {
    const blobs = new Map<string, Blob>();
    const packed = await readOne(db, assessmentId, blobs);
    return packed ? { assessments: [packed], blobs } : null;
  });
}

/** Every assessment on this laptop. */
export async function readAll(db: ShuangpingDb): Promise<Snapshot> {
  return db.transaction('r', snapshotTables(db), async () => {
    const blobs = new Map<string, Blob>();
    const ids = (await db.assessments.orderBy('id').primaryKeys()) as string[];
    const assessments: PackedAssessment[] = [];
    for (const id of ids) {
      const packed = await readOne(db, id, blobs);
      if (packed) assessments.push(packed);
    }
    return { assessments, blobs };
  });
}

/** The bytes of the blobs that `shas` name (outside any transaction: reading a blob is not a database request). */
export async function bytesOf(blobs: ReadonlyMap<string, Blob>, shas: Iterable<string> = blobs.keys()): Promise<Map<string, Uint8Array>> {
  const out = new Map<string, Uint8Array>();
  for (const sha of shas) {
    const blob = blobs.get(sha);
    if (blob) out.set(sha, new Uint8Array(await blob.arrayBuffer()));
  }
  return out;
}
