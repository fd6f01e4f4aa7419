/**
 * The units a merge compares: what belongs together and is taken or kept as a whole.
 *
 *   settings    the assessment's name, year, region, policy and rubrics
 *   roster      one secretary's roster row
 *   score       one secretary's scores (summary or items: a secretary has one or the other)
 *   tally       one secretary's accepted tally with its double-entry records
 *   events      one secretary's direct-grade events
 *   decision    one secretary's review-meeting decision
 *   hold        one secretary's grade held back (暂缓定等)
 *   warningAck  one acknowledgment of a plausibility warning (secretary, warning)
 *   evidence    one evidence line (secretary, item, kind)
 *   attachment  one attachment (secretary, file content)
 *   attendance  one month of a secretary's attendance
 *   review      one quarter's review of a secretary
 *   paper       one paper of a secretary (received or waived)
 *   group       a secretary's assessment group and its sign-off
 *   box         a secretary's ballot box
 *   person      who one secretary is across years (a link to another year's, or none)
 *   award       one secretary's 奖惩意见 as edited after the meeting
 *   term        the 期满评价 of one secretary's term
 *
 * Two units are identical when their canonical JSON is (events ignore the database's counter).
 */
import { canonicalJson } from '../digest';
import { sortRows } from './canonical';
import type { AssessmentData, AssessmentRow, AssessmentTables, EventRow, TableName } from './types';

export const UNIT_KINDS = [
  'settings',
  'roster',
  'score',
  'tally',
  'events',
  'decision',
  'hold',
  'warningAck',
  'evidence',
  'attachment',
  'attendance',
  'review',
  'paper',
  'group',
  'box',
  'person',
  'award',
  'term',
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_LABELS: Record<UnitKind, string> = {
  settings: '考核设置',
  roster: '名册',
  score: '考评得分',
  tally: '测评计票',
  events: '直接定等事项',
  decision: '审定意见',
  hold: '暂缓定等',
  warningAck: '合理性提示确认',
  evidence: '佐证材料',
  attachment: '附件',
  attendance: '考勤',
  review: '季度分析研判',
  paper: '履职材料',
  group: '考核组分工',
  box: '票箱登记',
  person: '人员对应',
  award: '奖惩意见',
  term: '期满评价',
};

/** The tables whose records make up each kind of unit. */
export const UNIT_TABLES: Record<UnitKind, readonly TableName[]> = {
  settings: [],
  roster: ['secretaries'],
  score: ['summaryScores', 'itemScores'],
  tally: ['tallies', 'tallyEntries'],
  events: ['events'],
  decision: ['decisions'],
  hold: ['holds'],
  warningAck: ['warningAcks'],
  evidence: ['evidence'],
  attachment: ['attachments'],
  attendance: ['attendance'],
  review: ['reviews'],
  paper: ['papers'],
  group: ['assignments'],
  box: ['boxes'],
  person: ['personLinks'],
  award: ['awardEdits'],
  term: ['termEvaluations'],
};

export const SETTINGS_FIELDS = ['name', 'year', 'region', 'policy', 'rubric', 'communityRubric', 'groups', 'notice', 'approvedAt'] as const;
export type Settings = Pick<AssessmentRow, (typeof SETTINGS_FIELDS)[number]>;

export interface Unit {
  kind: UnitKind;
  /** unique within the assessment: `${kind}|…` */
  key: string;
  /** the secretary's 编号 (null for the settings) */
  secretaryId: string | null;
  /** settings units only */
  settings?: Settings;
  /** the unit's records, by table */
  rows: Partial<AssessmentTables>;
  /** canonical JSON of what is compared */
  fingerprint: string;
}

export function settingsOf(a: AssessmentRow): Settings {
  const s: Partial<Settings> = {};
  for (const f of SETTINGS_FIELDS) if (a[f] !== undefined) (s as Record<string, unknown>)[f] = a[f];
  return s as Settings;
}

const stripKey = ({ key: _key, ...event }: EventRow): EventRow => event;

function fingerprintOf(kind: UnitKind, rows: Partial<AssessmentTables>, settings?: Settings): string {
  if (settings) return canonicalJson(settings);
  const parts: Record<string, unknown> = {};
  for (const table of UNIT_TABLES[kind]) {
    const list = rows[table] ?? [];
    const comparable = table === 'events' ? (list as EventRow[]).map(stripKey) : list;
    parts[table] = sortRows(table, comparable as never[]);
  }
  return canonicalJson(parts);
}

/** The records that make up units: every table but the tombstones. */
export type UnitRecords = Omit<AssessmentTables, 'tombstones'>;

/** The units of some records (no settings), by key. */
export function recordUnits(data: Partial<UnitRecords>, fingerprints = true): Map<string, Unit> {
  const units = new Map<string, Unit>();
  const add = <T extends TableName>(kind: UnitKind, table: T, row: AssessmentTables[T][number], sub = '') => {
    const key = `${kind}|${row.id}${sub ? `|${sub}` : ''}`;
    let unit = units.get(key);
    if (!unit) {
      unit = { kind, key, secretaryId: row.id, rows: {}, fingerprint: '' };
      units.set(key, unit);
    }
    ((unit.rows[table] ??= []) as AssessmentTables[T][number][]).push(row);
  };
  for (const r of data.secretaries ?? []) add('roster', 'secretaries', r);
  for (const r of data.summaryScores ?? []) add('score', 'summaryScores', r);
  for (const r of data.itemScores ?? []) add('score', 'itemScores', r);
  for (const r of data.tallies ?? []) add('tally', 'tallies', r);
  for (const r of data.tallyEntries ?? []) add('tally', 'tallyEntries', r);
  for (const r of data.events ?? []) add('events', 'events', r);
  for (const r of data.decisions ?? []) add('decision', 'decisions', r);
  for (const r of data.holds ?? []) add('hold', 'holds', r);
  for (const r of data.warningAcks ?? []) add('warningAck', 'warningAcks', r, r.warning);
  for (const r of data.evidence ?? []) add('evidence', 'evidence', r, `${r.itemCode}|${r.kind}`);
  for (const r of data.attachments ?? []) add('attachment', 'attachments', r, r.sha256);
  for (const r of data.attendance ?? []) add('attendance', 'attendance', r, r.month);
  for (const r of data.reviews ?? []) add('review', 'reviews', r, r.quarter);
  for (const r of data.papers ?? []) add('paper', 'papers', r, r.kind);
  for (const r of data.assignments ?? []) add('group', 'assignments', r);
  for (const r of data.boxes ?? []) add('box', 'boxes', r);
  for (const r of data.personLinks ?? []) add('person', 'personLinks', r);
  for (const r of data.awardEdits ?? []) add('award', 'awardEdits', r);
  for (const r of data.termEvaluations ?? []) add('term', 'termEvaluations', r);
  if (fingerprints) for (const unit of units.values()) unit.fingerprint = unitFingerprint(unit);
  return units;
}

/** The fingerprint of a unit of records (recordUnits sets it; given `false`, the caller does, a part at a time). */
export const unitFingerprint = (unit: Unit): string => fingerprintOf(unit.kind, unit.rows);

/** Every unit of an assessment's data, by key: the settings, then the records'. */
export function unitsOf(data: AssessmentData): Map<string, Unit> {
  const settings = settingsOf(data.assessment);
  const units = new Map<string, Unit>([
    ['settings|', { kind: 'settings', key: 'settings|', secretaryId: null, settings, rows: {}, fingerprint: fingerprintOf('settings', {}, settings) }],
  ]);
  for (const [key, unit] of recordUnits(data)) units.set(key, unit);
  return units;
}

/** The assessment row with `settings` in place of its own (a field absent from them is removed). */
export function withSettings(assessment: AssessmentRow, settings: Settings): AssessmentRow {
  const row: Record<string, unknown> = { ...assessment };
  for (const f of SETTINGS_FIELDS) delete row[f];
  return { ...(row as unknown as AssessmentRow), ...settings };
}

/** An assessment with no records yet. */
export const emptyData = (assessment: AssessmentRow): AssessmentData => ({
  assessment,
  secretaries: [],
  itemScores: [],
  summaryScores: [],
  tallies: [],
  tallyEntries: [],
  events: [],
  decisions: [],
  holds: [],
  warningAcks: [],
  evidence: [],
  attachments: [],
  attendance: [],
  reviews: [],
  papers: [],
  assignments: [],
  boxes: [],
  personLinks: [],
  awardEdits: [],
  termEvaluations: [],
  tombstones: [],
});

/** The data made of `units` on top of an assessment row (records sorted as in a package). */
export function dataOf(assessment: AssessmentRow, units: Iterable<Unit>): AssessmentData {
  const data = emptyData(assessment);
  for (const unit of units) {
    if (unit.settings) data.assessment = withSettings(data.assessment, unit.settings);
    for (const table of UNIT_TABLES[unit.kind]) (data[table] as unknown[]).push(...(unit.rows[table] ?? []));
  }
  for (const table of Object.keys(data) as (keyof AssessmentData)[]) {
    if (table !== 'assessment') (data[table] as unknown[]) = sortRows(table, data[table] as never[]);
  }
  return data;
}
