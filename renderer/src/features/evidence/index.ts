/** 佐证: evidence lines (registered, then checked) and attachments. What the rest of the app may use of it. */
export { AttachmentList } from './AttachmentList';
export { BulkAttach } from './BulkAttach';
export { EvidencePanel } from './EvidencePanel';
export { addAttachment, evidenceState, type EvidenceState } from './store';
