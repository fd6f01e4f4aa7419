/** Evidence lines and attachments in the database; files stay on this machine. */
import { auditState } from '../../db/audit';
import { changeRecords } from '../../db/change';
import type { AttachmentRecord, EvidenceRecord, EvidenceStatus, ShuangpingDb } from '../../db/schema';
import { EVIDENCE_STATUS_LABELS, kindLabel } from './kinds';
import { sha256Hex } from './sha256';

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A line registered by `registeredBy` today: pending until someone checks it (`verifyEvidence`). */
export function newEvidence(assessmentId: string, id: string, itemCode: string, kind: string, registeredBy: string): EvidenceRecord {
  return { assessmentId, id, itemCode, kind, status: 'pending', checker: '', date: '', reference: '', note: '', registeredBy, registeredAt: today() };
}

/** The outcomes of checking a line (核实). */
export const CHECK_OUTCOMES = ['checked', 'missing', 'doubtful'] as const satisfies readonly EvidenceStatus[];
export type CheckOutcome = (typeof CHECK_OUTCOMES)[number];

/** One attachment per file content and secretary: the same file twice is kept once. */
export function attachmentKey(assessmentId: string, id: string, sha256: string): string {
  return `${assessmentId}|${id}|${sha256}`;
}

const lineTarget = (l: EvidenceRecord) => `${l.id} ${l.itemCode} ${kindLabel(l.kind)}`;
const lineState = (l: EvidenceRecord | undefined) => (l ? auditState(l, EVIDENCE_STATUS_LABELS[l.status]) : '');
const fileTarget = (a: AttachmentRecord) => `${a.id}${a.itemCode ? ` ${a.itemCode}` : ''} 附件`;
/** an attachment as the log keeps it: its name and the first digits of the file's own SHA-256 */
const fileState = (a: AttachmentRecord | undefined) => (a ? `${a.name} · ${a.sha256.slice(0, 16)}` : '');

const lineKey = (l: EvidenceRecord): [string, string, string, string] => [l.assessmentId, l.id, l.itemCode, l.kind];
const evidenceScope = (id: string) => ({ ids: [id], kinds: ['evidence'] as const });

/**
 * Registers an evidence line, or changes its 出处 and 备注. The check itself (status,
 * who, when) is not changed here: that is `verifyEvidence`.
 */
export async function saveEvidence(db: ShuangpingDb, line: EvidenceRecord, operator: string): Promise<void> {
  await changeRecords(db, line.assessmentId, evidenceScope(line.id), async (log) => {
    const before = await db.evidence.get(lineKey(line));
    const record: EvidenceRecord = before ? { ...before, reference: line.reference, note: line.note } : { ...line, status: 'pending', checker: '', date: '' };
    if (before && before.reference === record.reference && before.note === record.note) return;
    await db.evidence.put(record);
    log({ operator, action: before ? 'evidence.update' : 'evidence.add', target: lineTarget(record), before: lineState(before), after: lineState(record) });
  });
}

/** 核实: an operator checked the line — found it (已核), found it missing or doubtful — today. */
export async function verifyEvidence(db: ShuangpingDb, line: EvidenceRecord, outcome: CheckOutcome, operator: string): Promise<void> {
  await changeRecords(db, line.assessmentId, evidenceScope(line.id), async (log) => {
    const before = await db.evidence.get(lineKey(line));
    if (!before) throw new Error('verifying an evidence line that is not registered');
    const record: EvidenceRecord = { ...before, status: outcome, checker: operator, date: today() };
    await db.evidence.put(record);
    log({
      operator,
      action: 'evidence.verify',
      target: lineTarget(record),
      before: lineState(before),
      after: `${lineState(record)}（${operator}，${record.date}）`,
    });
  });
}

export async function removeEvidence(db: ShuangpingDb, line: EvidenceRecord, operator: string): Promise<void> {
  await changeRecords(db, line.assessmentId, evidenceScope(line.id), async (log) => {
    const before = await db.evidence.get(lineKey(line));
    if (!before) return;
    await db.evidence.delete(lineKey(line));
    log({ operator, action: 'evidence.remove', target: lineTarget(before), before: lineState(before) });
  });
}

export async function addAttachment(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  itemCode: string,
  file: File,
  operator: string,
): Promise<{ record: AttachmentRecord; duplicate: boolean }> {
  const sha256 = await sha256Hex(file);
  const key = attachmentKey(assessmentId, id, sha256);
  return changeRecords(db, assessmentId, { ids: [id], kinds: ['attachment'] }, async (log) => {
    const existing = await db.attachments.get(key);
    const record: AttachmentRecord = {
      key,
      assessmentId,
      id,
      itemCode: itemCode || existing?.itemCode || '',
      name: file.name,
      type: file.type || typeFromName(file.name),
      size: file.size,
      sha256,
      blob: file,
      addedAt: existing?.addedAt ?? new Date().toISOString(),
    };
    const duplicate = existing !== undefined;
    if (duplicate && existing.name === record.name && existing.itemCode === record.itemCode) return { record: existing, duplicate };
    await db.attachments.put(record);
    log({
      operator,
      action: duplicate ? 'attachment.update' : 'attachment.add',
      target: fileTarget(record),
      before: fileState(existing),
      after: fileState(record),
    });
    return { record, duplicate };
  });
}

export async function removeAttachment(db: ShuangpingDb, attachment: AttachmentRecord, operator: string): Promise<void> {
  await changeRecords(db, attachment.assessmentId, { ids: [attachment.id], kinds: ['attachment'] }, async (log) => {
    const before = await db.attachments.get(attachment.key);
    if (!before) return;
    await db.attachments.delete(attachment.key);
    log({ operator, action: 'attachment.remove', target: fileTarget(before), before: fileState(before) });
  });
}

export function typeFromName(name: string): string {
  const ext = name.toLowerCase().split('.').pop() ?? '';
  const types: Record<string, string> = {
    jpg: 'image/jpeg',
    jpeg: 'image/jpeg',
    png: 'image/png',
    gif: 'image/gif',
    webp: 'image/webp',
    bmp: 'image/bmp',
    pdf: 'application/pdf',
  };
  return types[ext] ?? 'application/octet-stream';
}

export const isImage = (a: Pick<AttachmentRecord, 'type'>) => a.type.startsWith('image/');
export const isPdf = (a: Pick<AttachmentRecord, 'type'>) => a.type === 'application/pdf';

/**
 * What the checklist says of a secretary's evidence, for progress counts: nothing
 * registered; something missing or doubtful; registered lines not yet checked; all checked.
 */
export type EvidenceState = 'none' | 'incomplete' | 'pending' | 'complete';

export function evidenceState(lines: readonly Pick<EvidenceRecord, 'status'>[]): EvidenceState {
  if (lines.length === 0) return 'none';
  if (lines.some((l) => l.status === 'missing' || l.status === 'doubtful')) return 'incomplete';
  return lines.some((l) => l.status === 'pending') ? 'pending' : 'complete';
}
