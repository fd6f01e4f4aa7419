/** Small assessments for the exchange tests. */
import { chainEntry, type ChainedAuditEntry } from '../audit/chain';
import { canonicalJson, sha256OfBytes } from '../digest';
import type { Secretary } from '../model';
import { presetPolicy } from '../policy';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import type { AssessmentData, AssessmentRow, AttachmentRow, Manifest, PackedAssessment } from './types';
import { emptyData } from './units';
import { withExportEntry } from './bind';
import { manifestDigest, type PackageInput } from './write';
import { readZip, writeZip, type ZipEntry } from './zip';

export const AID = 'a-2024';

export function row(id = AID): AssessmentRow {
  return {
    id,
    year: 2024,
    name: '胶州市第一书记考核',
    region: '胶州市',
    policy: presetPolicy('jiaozhou'),
    rubric: JIAOZHOU_RUBRIC,
    status: 'active',
    locked: false,
    createdAt: '2024-12-01T08:00:00.000Z',
    updatedAt: '2024-12-01T08:00:00.000Z',
  };
}

export function secretary(id: string, town: string, assessmentId = AID): Secretary & { assessmentId: string } {
  return {
    assessmentId,
    id,
    name: `书记${id}`,
    source: 'town',
    mode: 'fulltime',
    rankClass: 'section',
    town,
    village: `${id}村`,
    postType: 'village',
    eligibleVoters: 45,
  };
}

export function tally(id: string, verySatisfied: number, assessmentId = AID) {
  return { assessmentId, id, verySatisfied, satisfied: 5, basic: 2, dissatisfied: 1, invalid: 0, abstain: 0, source: 'import' as const };
}

export const empty = (assessment = row()): AssessmentData => emptyData(assessment);

export function file(text: string): { bytes: Uint8Array; sha256: string } {
  const bytes = new TextEncoder().encode(text);
  return { bytes, sha256: sha256OfBytes(bytes) };
}

export function attachment(id: string, content: string, assessmentId = AID): { row: AttachmentRow; bytes: Uint8Array } {
  const { bytes, sha256 } = file(content);
  return {
    row: {
      key: `${assessmentId}|${id}|${sha256}`,
      assessmentId,
      id,
      itemCode: 'A1.1',
      name: `${id}-民情日记.jpg`,
      type: 'image/jpeg',
      size: bytes.length,
      sha256,
      addedAt: '2024-12-02T09:00:00.000Z',
    },
    bytes,
  };
}

/** Two towns of two secretaries each, scores, tallies, an event, a decision, a held grade, an acknowledged warning, evidence and a photo. */
export function county(): { data: AssessmentData; files: Map<string, Uint8Array> } {
  const photo = attachment('S1', 'photo of S1');
  const data: AssessmentData = {
    ...empty(),
    secretaries: [secretary('S1', '胶莱镇'), secretary('S2', '胶莱镇'), secretary('S3', '里岔镇'), secretary('S4', '里岔镇')],
    summaryScores: [
      { assessmentId: AID, id: 'S1', baseScore: '90', orgScore: '96' },
      { assessmentId: AID, id: 'S3', baseScore: '85', orgScore: '88' },
    ],
    itemScores: [{ assessmentId: AID, id: 'S2', inputs: { 'A3.2': '1' } }],
    tallies: [tally('S1', 30), tally('S3', 20)],
    tallyEntries: [
      { assessmentId: AID, id: 'S4', slot: 1, operator: '李四', verySatisfied: 9, satisfied: 1, basic: 0, dissatisfied: 0, invalid: 0, abstain: 0 },
    ],
    events: [{ assessmentId: AID, id: 'S4', kind: 'breach', note: '通报', key: 7 }],
    decisions: [{ assessmentId: AID, id: 'S1', grade: 'excellent', reason: '部长办公会研究确定', by: '张三', at: '2024-12-20' }],
    holds: [{ assessmentId: AID, id: 'S3', reason: 'investigation', by: '张三', at: '2024-12-19' }],
    warningAcks: [
      { assessmentId: AID, id: 'S3', warning: 'manyInvalid', digest: '0123456789abcdef', reason: '已核对计票单', by: '李四', at: '2024-12-18T08:00:00.000Z' },
    ],
    evidence: [
      { assessmentId: AID, id: 'S1', itemCode: 'A1.1', kind: 'diary', status: 'checked', checker: '张三', date: '2024-12-02', reference: '第3页', note: '' },
    ],
    attachments: [photo.row],
    attendance: [
      {
        assessmentId: AID,
        id: 'S1',
        month: '2024-03',
        daysPresent: 18,
        workDays: 21,
        leaveDays: 2,
        signedBy: '刘书记',
        source: 'import',
        by: '张三',
        at: '2024-04-01',
      },
    ],
    reviews: [{ assessmentId: AID, id: 'S2', quarter: '2024Q1', decision: 'remind', ground: 'absent', by: '张三', at: '2024-04-05' }],
    papers: [
      { assessmentId: AID, id: 'S1', kind: 'report', status: 'received', date: '2024-12-01', by: '张三' },
      { assessmentId: AID, id: 'S3', kind: 'diary', status: 'waived', date: '2024-12-02', by: '张三', reason: '病假期间' },
    ],
    assignments: [{ assessmentId: AID, id: 'S1', group: 'city' }],
    boxes: [
      {
        assessmentId: AID,
        id: 'S1',
        issued: 40,
        issuedAt: '2024-12-05',
        returned: 38,
        returnedAt: '2024-12-06',
        caller: '甲',
        counter: '乙',
        scrutineer: '丙',
      },
      { assessmentId: AID, id: 'S3', issued: 30, issuedAt: '2024-12-05', voters: { committee: 5, members: 20, representatives: 5 } },
    ],
    personLinks: [{ assessmentId: AID, id: 'S2', sameAs: { assessmentId: 'A2023', id: 'X9' }, basis: 'nameUnit', by: '张三', at: '2024-12-21T08:00:00.000Z' }],
    awardEdits: [{ assessmentId: AID, id: 'S1', lines: ['通报表扬'], reason: '部长办公会研究', by: '张三', at: '2024-12-22T08:00:00.000Z' }],
    termEvaluations: [
      {
        assessmentId: AID,
        id: 'S1',
        grade: 'pass',
        reason: '派出单位评价意见',
        start: '2023-03-01',
        end: '2025-02-28',
        by: '张三',
        at: '2025-03-02T08:00:00.000Z',
      },
    ],
  };
  return { data, files: new Map([[photo.row.sha256, photo.bytes]]) };
}

export function chain(assessmentId: string, actions: string[]): ChainedAuditEntry[] {
  const entries: ChainedAuditEntry[] = [];
  actions.forEach((action, i) => {
    entries.push(
      chainEntry(
        { assessmentId, at: `2024-12-0${(i % 9) + 1}T10:00:00.000Z`, operator: '张三', action, target: '名册', before: '', after: `${i}` },
        entries.at(-1),
      ),
    );
  });
  return entries;
}

export const EXPORTED_AT = '2024-12-21T02:03:04.000Z';

/**
 * A package's input; an exchange package's chains get their `export` entry, as the app's
 * export appends it (bind.ts) — unless `bind: false`, for a package made by hand.
 */
export function input(assessments: PackedAssessment[], files: Map<string, Uint8Array>, extra: Partial<PackageInput> & { bind?: boolean } = {}): PackageInput {
  const { bind = true, ...rest } = extra;
  const base: PackageInput = {
    kind: 'exchange',
    createdAt: EXPORTED_AT,
    laptopId: 'laptop-a-0001',
    operator: '张三',
    scope: { kind: 'assessment' },
    assessments,
    files,
    ...rest,
  };
  if (base.kind !== 'exchange' || !bind) return base;
  return { ...base, assessments: assessments.map((a) => ({ ...a, audit: withExportEntry(a.audit, a.data, base.scope, base.createdAt, base.operator) })) };
}

/**
 * A package made by hand from a written one: `edit` changes its entries (not the
 * manifest) and the manifest, then every hash, the entry list and the digest are
 * recomputed — what someone who knows the format could do.
 */
export function repack(bytes: Uint8Array, edit: (entries: ZipEntry[], manifest: Manifest) => ZipEntry[] | void): Uint8Array {
  const zip = readZip(bytes);
  if (!zip.ok) throw new Error(zip.message);
  const [first, ...rest] = zip.entries;
  const manifest = JSON.parse(new TextDecoder().decode(first!.bytes)) as Manifest;
  const entries = (
    edit(
      rest.map((e) => ({ path: e.path, bytes: e.bytes })),
      manifest,
    ) ?? rest
  ).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  const { signature: _signature, ...unsigned } = manifest;
  const body = { ...unsigned, entries: entries.map((e) => ({ path: e.path, sha256: sha256OfBytes(e.bytes), size: e.bytes.length })) };
  const rebuilt = { ...body, digest: manifestDigest(body) };
  return writeZip([{ path: 'manifest.json', bytes: new TextEncoder().encode(canonicalJson(rebuilt)) }, ...entries]);
}

/** Text of an entry, and an entry of text. */
export const textOf = (e: ZipEntry) => new TextDecoder().decode(e.bytes);
export const entryOf = (path: string, text: string): ZipEntry => ({ path, bytes: new TextEncoder().encode(text) });
