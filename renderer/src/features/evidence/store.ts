/** Evidence lines and attachments in the database; files stay on this machine. */
import { appendAudit, auditState } from '../../db/audit';
import { editAssessment } from '../../db/lock';
import { recordDeletions, unitsOfSecretaries } from '../../db/tombstones';
import type { AttachmentRecord, EvidenceRecord, EvidenceStatus, ShuangpingDb } from '../../db/schema';
import { EVIDENCE_STATUS_LABELS, kindLabel } from './kinds';
import { sha256Hex } from './sha256';

export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function newEvidence(
  assessmentId: string,
  id: string,
  itemCode: string,
  kind: string,
  checker: string,
  status: EvidenceStatus = 'checked',
): EvidenceRecord {
  return { assessmentId, id, itemCode, kind, status, checker, date: today(), reference: '', note: '' };
}

/** One attachment per file content and secretary: the same file twice is kept once. */
export function attachmentKey(assessmentId: string, id: string, sha256: string): string {
  return `${assessmentId}|${id}|${sha256}`;
}

const lineTarget = (l: EvidenceRecord) => `${l.id} ${l.itemCode} ${kindLabel(l.kind)}`;
const lineState = (l: EvidenceRecord | undefined) => (l ? auditState(l, EVIDENCE_STATUS_LABELS[l.status]) : '');
const fileTarget = (a: AttachmentRecord) => `${a.id}${a.itemCode ? ` ${a.itemCode}` : ''} 附件`;
/** an attachment as the log keeps it: its name and the first digits of the file's own SHA-256 */
const fileState = (a: AttachmentRecord | undefined) => (a ? `${a.name} · ${a.sha256.slice(0, 16)}` : '');

/** Registers, changes or removes an evidence line, with its audit entry. */
export async function saveEvidence(db: ShuangpingDb, line: EvidenceRecord, operator: string): Promise<void> {
  const key: [string, string, string, string] = [line.assessmentId, line.id, line.itemCode, line.kind];
  await editAssessment(db, line.assessmentId, [db.evidence], async () => {
    const before = await db.evidence.get(key);
    await db.evidence.put(line);
    await appendAudit(db, { assessmentId: line.assessmentId, operator, action: before ? 'evidence.update' : 'evidence.add', target: lineTarget(line), before: lineState(before), after: lineState(line) });
  });
}

export async function removeEvidence(db: ShuangpingDb, line: EvidenceRecord, operator: string): Promise<void> {
  await editAssessment(db, line.assessmentId, [db.evidence], async () => {
    const before = await db.evidence.get([line.assessmentId, line.id, line.itemCode, line.kind]);
    if (!before) return;
    const units = await unitsOfSecretaries(db, line.assessmentId, [line.id], ['evidence']);
    await db.evidence.delete([line.assessmentId, line.id, line.itemCode, line.kind]);
    const entry = await appendAudit(db, { assessmentId: line.assessmentId, operator, action: 'evidence.remove', target: lineTarget(before), before: lineState(before) });
    await recordDeletions(db, line.assessmentId, units, await unitsOfSecretaries(db, line.assessmentId, [line.id], ['evidence']), entry);
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
  return editAssessment(db, assessmentId, [db.attachments], async () => {
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
    await appendAudit(db, { assessmentId, operator, action: duplicate ? 'attachment.update' : 'attachment.add', target: fileTarget(record), before: fileState(existing), after: fileState(record) });
    return { record, duplicate };
  });
}

export async function removeAttachment(db: ShuangpingDb, attachment: AttachmentRecord, operator: string): Promise<void> {
  await editAssessment(db, attachment.assessmentId, [db.attachments], async () => {
    const before = await db.attachments.get(attachment.key);
    if (!before) return;
    const units = await unitsOfSecretaries(db, attachment.assessmentId, [attachment.id], ['attachment']);
    await db.attachments.delete(attachment.key);
    const entry = await appendAudit(db, { assessmentId: attachment.assessmentId, operator, action: 'attachment.remove', target: fileTarget(before), before: fileState(before) });
    await recordDeletions(db, attachment.assessmentId, units, await unitsOfSecretaries(db, attachment.assessmentId, [attachment.id], ['attachment']), entry);
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

/** What the checklist says of a secretary's evidence, for progress counts. */
export type EvidenceState = 'none' | 'complete' | 'incomplete';

export function evidenceState(lines: readonly Pick<EvidenceRecord, 'status'>[]): EvidenceState {
  if (lines.length === 0) return 'none';
  return lines.every((l) => l.status === 'checked') ? 'complete' : 'incomplete';
}

export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
