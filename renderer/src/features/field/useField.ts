/** The field work's records of an assessment, live. */
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/db';
import type { AssignmentRecord, AttachmentRecord, AttendanceRecord, BoxRecord, PaperRecordRow, ReviewRecord } from '../../db/schema';
import { fieldStatus, type FieldStatus } from './status';
import type { AssessmentRecord, SecretaryRecord } from '../../db/schema';

export interface FieldData {
  attendance: AttendanceRecord[];
  reviews: ReviewRecord[];
  papers: PaperRecordRow[];
  assignments: AssignmentRecord[];
  boxes: BoxRecord[];
  /** scans of papers (item code `paper:<kind>`) */
  scans: AttachmentRecord[];
  status: FieldStatus;
}

export function useField(assessment: AssessmentRecord | null | undefined, secretaries: SecretaryRecord[] | undefined): FieldData | undefined {
  const id = assessment?.id ?? '';
  return useLiveQuery(async () => {
    if (!assessment || !secretaries) return undefined;
    const of = <T>(table: { where(index: string): { equals(v: string): { toArray(): Promise<T[]> } } }) => table.where('assessmentId').equals(id).toArray();
    const [attendance, reviews, papers, assignments, boxes, attachments, itemScores, summaryScores, tallies, tallyEntries] = await Promise.all([
      of<AttendanceRecord>(db.attendance),
      of<ReviewRecord>(db.reviews),
      of<PaperRecordRow>(db.papers),
      of<AssignmentRecord>(db.assignments),
      of<BoxRecord>(db.boxes),
      of<AttachmentRecord>(db.attachments),
      db.itemScores.where('assessmentId').equals(id).toArray(),
      db.summaryScores.where('assessmentId').equals(id).toArray(),
      db.tallies.where('assessmentId').equals(id).toArray(),
      db.tallyEntries.where('assessmentId').equals(id).toArray(),
    ]);
    const status = fieldStatus({ assessment, secretaries, papers, assignments, boxes, itemScores, summaryScores, tallies, tallyEntries });
    return { attendance, reviews, papers, assignments, boxes, scans: attachments.filter((a) => a.itemCode.startsWith('paper:')), status };
  }, [assessment, secretaries]);
}
