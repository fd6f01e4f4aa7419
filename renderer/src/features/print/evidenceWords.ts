import type { EvidenceStatus } from './model';

export const EVIDENCE_STATUS_WORDS: Record<EvidenceStatus, string> = { pending: '待核实', checked: '已核', missing: '缺失', doubtful: '存疑' };
