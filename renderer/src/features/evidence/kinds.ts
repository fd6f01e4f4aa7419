/** The kinds of evidence an assessor checks, and the check's outcome, in Chinese. */
import type { EvidenceStatus } from '../../db/schema';

export const EVIDENCE_KINDS = ['diary', 'attendance', 'minutes', 'survey', 'pledge', 'projectLedger', 'photo', 'other'] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_KIND_LABELS: Record<EvidenceKind, string> = {
  diary: '民情日记/工作日志',
  attendance: '考勤',
  minutes: '会议记录',
  survey: '调研报告',
  pledge: '承诺事项',
  projectLedger: '项目台账',
  photo: '照片',
  other: '其他',
};

/** Words in a file name that tell its kind (JZ001_会议记录.jpg → minutes). */
const KIND_WORDS: [EvidenceKind, string[]][] = [
  ['diary', ['民情日记', '工作日志', '日记', '日志']],
  ['attendance', ['考勤', '签到']],
  ['minutes', ['会议记录', '会议纪要', '记录']],
  ['survey', ['调研报告', '调研']],
  ['pledge', ['承诺事项', '承诺']],
  ['projectLedger', ['项目台账', '台账']],
  ['photo', ['照片']],
];

export function kindLabel(kind: string): string {
  return (EVIDENCE_KIND_LABELS as Record<string, string>)[kind] ?? kind;
}

export function kindFromFileName(name: string): EvidenceKind | null {
  for (const [kind, words] of KIND_WORDS) if (words.some((w) => name.includes(w))) return kind;
  return null;
}

export const EVIDENCE_STATUS_LABELS: Record<EvidenceStatus, string> = {
  pending: '待核实',
  checked: '已核',
  missing: '缺失',
  doubtful: '存疑',
};
