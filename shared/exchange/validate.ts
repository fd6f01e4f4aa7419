/**
 * Shape checks of a package's records after their hashes matched: a package made by
 * hand (or by a faulty program) must not bring malformed records into the database.
 * Each check returns the first problem in Chinese, or null.
 */
import {
  GRADES,
  EVENT_KINDS,
  HOLD_REASONS,
  MODES,
  POST_TYPES,
  RANK_CLASSES,
  SOURCES,
  RATINGS,
  BALLOT_OPTIONS,
  GROUP_LEVELS,
  isMonth,
  isQuarter,
  noticeProblem,
  isIsoDate,
  PAPER_KINDS,
  RECALL_GROUNDS,
  REVIEW_DECISIONS,
  VOTER_GROUPS,
} from '../model';
import { validatePolicy } from '../policy';
import { rowKey } from './canonical';
import type { AssessmentRow, TableName } from './types';

type Check = (v: unknown) => boolean;

const text: Check = (v) => typeof v === 'string';
const nonEmpty: Check = (v) => typeof v === 'string' && v.length > 0;
const count: Check = (v) => typeof v === 'number' && Number.isInteger(v) && v >= 0;
const positive: Check = (v) => count(v) && (v as number) >= 1;
const oneOf =
  (values: readonly unknown[]): Check =>
  (v) =>
    values.includes(v);
const optional =
  (check: Check): Check =>
  (v) =>
    v === undefined || check(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const stringMap: Check = (v) => isObject(v) && Object.values(v).every(text);
const sha: Check = (v) => typeof v === 'string' && /^[0-9a-f]{64}$/.test(v);
const act =
  (extra: Record<string, Check> = {}): Check =>
  (v) =>
    isObject(v) && nonEmpty(v.by) && text(v.at) && Object.entries(extra).every(([k, check]) => check(v[k]));

const month: Check = (v) => typeof v === 'string' && isMonth(v);
const quarter: Check = (v) => typeof v === 'string' && isQuarter(v);
const signOff: Check = (v) => isObject(v) && nonEmpty(v.by) && text(v.at) && sha(v.digest);
const voterCounts: Check = (v) => isObject(v) && Object.entries(v).every(([k, n]) => (VOTER_GROUPS as readonly string[]).includes(k) && count(n));

const TALLY: Record<string, Check> = { ...Object.fromEntries(BALLOT_OPTIONS.map((k) => [k, count])), issued: optional(count) };

const FIELDS: Record<TableName, Record<string, Check>> = {
  secretaries: {
    name: nonEmpty,
    unit: optional(text),
    source: oneOf(SOURCES),
    mode: oneOf(MODES),
    rankClass: oneOf(RANK_CLASSES),
    town: optional(text),
    village: optional(text),
    postType: oneOf(POST_TYPES),
    eligibleVoters: positive,
    ratingStart: optional(oneOf(RATINGS)),
    ratingEnd: optional(oneOf(RATINGS)),
    daysPresent: optional(count),
    workDays: optional(positive),
    idNumber: optional(nonEmpty),
    termStart: optional(text),
    termEnd: optional(text),
  },
  itemScores: { inputs: stringMap, setAside: optional(act()), completed: optional(act()) },
  summaryScores: { baseScore: nonEmpty, orgScore: nonEmpty, setAside: optional(act()) },
  tallies: { ...TALLY, source: oneOf(['import', 'doubleEntry']), importedBy: optional(text), confirmed: optional(act({ how: oneOf(['entry', 'review']) })) },
  tallyEntries: { ...TALLY, slot: oneOf([1, 2]), operator: text },
  events: { kind: oneOf(EVENT_KINDS), note: optional(text), key: optional(count), quarter: optional(quarter), date: optional(text) },
  decisions: { grade: oneOf(GRADES), reason: text, by: text, at: optional(text), quotaNote: optional(text) },
  holds: { reason: oneOf(HOLD_REASONS), note: optional(text), by: nonEmpty, at: optional(text) },
  warningAcks: { warning: nonEmpty, digest: nonEmpty, reason: nonEmpty, by: nonEmpty, at: text },
  evidence: {
    itemCode: text,
    kind: text,
    status: oneOf(['pending', 'checked', 'missing', 'doubtful']),
    checker: text,
    date: text,
    reference: text,
    note: text,
    registeredBy: optional(text),
    registeredAt: optional(text),
  },
  attachments: { key: nonEmpty, itemCode: text, name: text, type: text, size: count, sha256: sha, addedAt: text },
  attendance: {
    month,
    daysPresent: count,
    workDays: positive,
    leaveDays: count,
    signedBy: optional(text),
    note: optional(text),
    source: oneOf(['typed', 'import']),
    by: text,
    at: text,
  },
  reviews: { quarter, ground: optional(oneOf(RECALL_GROUNDS)), decision: oneOf(REVIEW_DECISIONS), note: optional(text), by: nonEmpty, at: text },
  papers: { kind: oneOf(PAPER_KINDS), status: oneOf(['received', 'waived']), date: text, by: text, reason: optional(text), note: optional(text) },
  assignments: { group: nonEmpty, signedOff: optional(signOff) },
  boxes: {
    issued: count,
    issuedAt: text,
    returned: optional(count),
    returnedAt: optional(text),
    caller: optional(text),
    counter: optional(text),
    scrutineer: optional(text),
    voters: optional(voterCounts),
    note: optional(text),
  },
  personLinks: {
    sameAs: optional((v) => isObject(v) && nonEmpty(v.assessmentId) && nonEmpty(v.id)),
    distinct: optional((v) => v === true),
    basis: optional(oneOf(['nameUnit', 'name', 'manual'])),
    by: text,
    at: text,
  },
  awardEdits: { lines: (v) => Array.isArray(v) && v.every(text), reason: nonEmpty, by: text, at: text },
  termEvaluations: {
    grade: oneOf(['excellent', 'pass', 'fail']),
    reason: nonEmpty,
    start: optional(text),
    end: optional(text),
    by: text,
    at: text,
  },
  tombstones: { key: nonEmpty, fingerprint: sha, at: text, operator: text, auditHash: text },
};

/** A tombstone names a unit of its own secretary (`tally|S1` for S1), never the settings. */
const DELETABLE = /^(roster|score|tally|events|decision|hold|warningAck|evidence|attachment|attendance|review|paper|group|box|person|award|term)\|/;
const tombstoneKeyOk = (row: Record<string, unknown>) => DELETABLE.test(String(row.key)) && String(row.key).split('|')[1] === row.id;

/** The first problem of a table's rows, or null. `where` names the table for the message. */
export function checkRows(table: TableName, rows: unknown, assessmentId: string, where: string): string | null {
  if (!Array.isArray(rows)) return `${where} 不是记录列表`;
  const seen = new Set<string>();
  for (const [i, row] of rows.entries()) {
    const at = `${where} 第${i + 1}条`;
    if (!isObject(row)) return `${at}不是一条记录`;
    if (row.assessmentId !== assessmentId) return `${at}不属于本考核`;
    if (!nonEmpty(row.id)) return `${at}缺少编号`;
    for (const [field, check] of Object.entries(FIELDS[table])) {
      if (!check(row[field])) return `${at}（编号 ${String(row.id)}）的 ${field} 无效`;
    }
    if (table === 'tombstones' && !tombstoneKeyOk(row)) return `${at}（编号 ${String(row.id)}）的 key 无效`;
    if (table !== 'events') {
      const key = rowKey(table, row as never);
      if (seen.has(key)) return `${at}（编号 ${String(row.id)}）重复`;
      seen.add(key);
    }
  }
  return null;
}

const group: Check = (g) =>
  isObject(g) &&
  nonEmpty(g.id) &&
  nonEmpty(g.name) &&
  oneOf(GROUP_LEVELS)(g.level) &&
  optional(text)(g.town) &&
  Array.isArray(g.members) &&
  g.members.every(text);
const groupsOk = (v: unknown) => Array.isArray(v) && v.every(group) && new Set(v.map((g: { id: string }) => g.id)).size === v.length;

export function checkAssessment(value: unknown, assessmentId: string, where: string): string | null {
  if (!isObject(value)) return `${where} 不是一条考核记录`;
  const a = value as Partial<Record<keyof AssessmentRow, unknown>>;
  if (a.id !== assessmentId) return `${where} 的考核编号与清单不符`;
  if (!nonEmpty(a.name) || !(typeof a.year === 'number' && Number.isInteger(a.year)) || !text(a.region)) return `${where} 缺少考核名称、年度或地区`;
  if (!validatePolicy(a.policy).ok) return `${where} 的考核规则无效`;
  if (!isObject(a.rubric) || (a.communityRubric !== undefined && !isObject(a.communityRubric))) return `${where} 的考评细则无效`;
  if (a.groups !== undefined && !groupsOk(a.groups)) return `${where} 的考核组无效`;
  if (a.notice !== undefined && noticeProblem(a.notice)) return `${where} 的公示期无效`;
  if (a.approvedAt !== undefined && !(typeof a.approvedAt === 'string' && isIsoDate(a.approvedAt))) return `${where} 的审批日期无效`;
  if (a.carriedAtLock !== undefined && !(Array.isArray(a.carriedAtLock) && a.carriedAtLock.every((b) => isObject(b) && nonEmpty(b.id) && nonEmpty(b.reason))))
    return `${where} 的定稿时往年处理无效`;
  if (!oneOf(['active', 'archived'])(a.status) || typeof a.locked !== 'boolean' || !text(a.createdAt) || !text(a.updatedAt)) return `${where} 的状态字段无效`;
  return null;
}

const CHAIN_FIELDS = ['assessmentId', 'at', 'operator', 'action', 'target', 'before', 'after', 'prevHash', 'hash'] as const;
/** fields an entry may have besides: `prior`, the records a change replaced (canonical JSON) */
const OPTIONAL_CHAIN_FIELDS = ['prior'] as const;
const KNOWN_CHAIN_FIELDS = new Set<string>([...CHAIN_FIELDS, ...OPTIONAL_CHAIN_FIELDS]);

/** Every entry has the fields of a chain entry as text, and no other: what the hash does not cover does not travel. */
export function checkChainShape(entries: unknown, assessmentId: string, where: string): string | null {
  if (!Array.isArray(entries)) return `${where} 不是记录列表`;
  for (const [i, e] of entries.entries()) {
    if (!isObject(e) || !CHAIN_FIELDS.every((f) => text(e[f])) || !OPTIONAL_CHAIN_FIELDS.every((f) => optional(text)(e[f])))
      return `${where} 第${i + 1}条缺少字段`;
    if (Object.keys(e).some((k) => !KNOWN_CHAIN_FIELDS.has(k))) return `${where} 第${i + 1}条有多余的字段`;
    if (e.assessmentId !== assessmentId) return `${where} 第${i + 1}条不属于本考核`;
  }
  return null;
}

export { isObject };
