/** Evidence lines and attachments in the database; files stay on this machine. */
import type { AttachmentRecord, EvidenceRecord, EvidenceStatus, ShuangpingDb } from '../../db/schema';
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

export async function addAttachment(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  itemCode: string,
  file: File,
): Promise<{ record: AttachmentRecord; duplicate: boolean }> {
  const sha256 = await sha256Hex(file);
  const key = attachmentKey(assessmentId, id, sha256);
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
  await db.attachments.put(record);
  return { record, duplicate: existing !== undefined };
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
