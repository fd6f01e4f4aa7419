/**
 * Exchange packages in the database: export an assessment or a team's share, open a
 * package (verified), preview the merge (new / identical / conflicts), and apply it
 * with a person's choices in ONE transaction that also logs a 'merge' entry. The
 * caller makes a backup first (features/exchange).
 *
 *   const exported = await exportPackage(db, id, { kind: 'towns', towns: ['胶莱镇'] }, '张三');
 *   const opened = await openPackage(bytes);            // Checked<OpenedPackage>
 *   const preview = await previewMerge(db, opened.value);
 *   const result = await applyMerge(db, preview, { [id]: { 'tally|S1': 'theirs' } }, '张三');
 */
import type { Table } from 'dexie';
import type { Checked } from '../../../shared/model';
import {
  readPackage,
  shortId,
  writePackage,
  type AssessmentData,
  type AssessmentTables,
  type Hasher,
  type Manifest,
  type OpenedPackage,
  type PackedAssessment,
  type ReceivedChain,
  type Scope,
  type TableName,
} from '../../../shared/exchange';
import { timeLabel } from '../../../shared/exchange/describe';
import { countsByKind, isNoop, planMerge, unitsToWrite, unresolved, type Choices, type MergePlan } from '../../../shared/exchange/merge';
import { receive } from '../../../shared/exchange/received';
import { idsInScope, NO_TOWN, shareOf } from '../../../shared/exchange/scope';
import { UNIT_LABELS, withSettings, type Unit } from '../../../shared/exchange/units';
import { appendAudit } from './audit';
import { nowIso } from './ids';
import { changeTables, LockedError } from './lock';
import type { ShuangpingDb } from './schema';
import { bytesOf, laptopId, readAssessment, receivedKey, receivedPrefix, recordTables } from './snapshot';

/** SHA-256 through Web Crypto: the same digest as shared/digest, much faster on photos. */
export const webHasher: Hasher = async (bytes) => {
  const digest = await crypto.subtle.digest('SHA-256', bytes as Uint8Array<ArrayBuffer>);
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
};

export interface Exported {
  bytes: Uint8Array;
  manifest: Manifest;
  fileName: string;
}

/** `双评交换包-<考核名>-<镇街或范围>-<日期>.zip`, safe as a file name on Windows too. */
export function packageFileName(name: string, scope: Scope, date: Date = new Date()): string {
  const what =
    scope.kind === 'towns' ? scope.towns.map((t) => t || NO_TOWN).join('、') : scope.kind === 'secretaries' ? `选定${scope.ids.length}人` : '全部';
  const day = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  const clean = (s: string) => s.replace(/[<>:"/\\|?*\u0000-\u001f]/g, '_').slice(0, 60).trim();
  return `双评交换包-${clean(name)}-${clean(what)}-${day}.zip`;
}

/** The assessment, or a share of it, as a package. */
export async function exportPackage(db: ShuangpingDb, assessmentId: string, scope: Scope, operator: string): Promise<Exported> {
  const snapshot = await readAssessment(db, assessmentId);
  const packed = snapshot?.assessments[0];
  if (!snapshot || !packed) throw new Error(`assessment ${assessmentId} not found`);
  const data = shareOf(packed.data, scope);
  const files = await bytesOf(snapshot.blobs, data.attachments.map((a) => a.sha256));
  const { bytes, manifest } = await writePackage(
    { kind: 'exchange', createdAt: nowIso(), laptopId: await laptopId(db), operator, scope, assessments: [{ ...packed, data }], files },
    webHasher,
  );
  return { bytes, manifest, fileName: packageFileName(data.assessment.name, scope) };
}

/** Reads and verifies a package (never throws for a bad file). */
export function openPackage(bytes: Uint8Array): Promise<Checked<OpenedPackage>> {
  return readPackage(bytes, webHasher);
}

export interface MergePreview {
  opened: OpenedPackage;
  plans: MergePlan[];
  /** the package was written on this laptop */
  fromHere: boolean;
  /** assessments of the package that are finalized here and would change */
  locked: string[];
  /** local assessments of the same year and name but another id: probably made twice by hand */
  lookalikes: { packageId: string; localId: string }[];
}

async function localData(db: ShuangpingDb, assessmentId: string): Promise<AssessmentData | null> {
  return (await readAssessment(db, assessmentId))?.assessments[0]?.data ?? null;
}

export async function previewMerge(db: ShuangpingDb, opened: OpenedPackage): Promise<MergePreview> {
  const plans: MergePlan[] = [];
  const locked: string[] = [];
  const lookalikes: MergePreview['lookalikes'] = [];
  for (const { data } of opened.assessments) {
    const local = await localData(db, data.assessment.id);
    const plan = planMerge(local, data);
    plans.push(plan);
    if (local?.assessment.locked && !isNoop(plan)) locked.push(data.assessment.id);
    if (!local) {
      const same = await db.assessments.where('year').equals(data.assessment.year).filter((a) => a.name === data.assessment.name).first();
      if (same) lookalikes.push({ packageId: data.assessment.id, localId: same.id });
    }
  }
  return { opened, plans, fromHere: opened.manifest.laptopId === (await laptopId(db)), locked, lookalikes };
}

export class StalePreview extends Error {
  constructor() {
    super('本机数据在预览之后有了变化，请重新导入该交换包再合并');
  }
}

export interface MergeResult {
  assessmentId: string;
  name: string;
  created: boolean;
  added: number;
  identical: number;
  conflicts: number;
  taken: number;
  kept: number;
}

const planShape = (p: MergePlan) => `${p.added.map((u) => u.key).join()}#${p.conflicts.map((c) => `${c.key}:${c.mine.fingerprint}`).join()}`;

/**
 * Applies the previewed merge with a choice for every conflict, in one transaction:
 * everything or nothing. Throws StalePreview when the data changed since the
 * preview, LockedError when a finalized assessment would change.
 */
export async function applyMerge(db: ShuangpingDb, preview: MergePreview, choices: Readonly<Record<string, Choices>>, operator: string): Promise<MergeResult[]> {
  const { opened } = preview;
  for (const plan of preview.plans) {
    if (unresolved(plan, choices[plan.assessmentId] ?? {}).length) throw new Error('merge: every conflict needs a choice');
  }
  const here = await laptopId(db);
  const source = opened.manifest;
  return db.transaction('rw', [...recordTables(db), ...changeTables(db)], async () => {
    const results: MergeResult[] = [];
    for (const [i, previewed] of preview.plans.entries()) {
      const packed = opened.assessments[i]!;
      const plan = planMerge(await localInTransaction(db, packed.data.assessment.id), packed.data);
      if (planShape(plan) !== planShape(previewed)) throw new StalePreview();
      const chosen = choices[plan.assessmentId] ?? {};
      const units = unitsToWrite(plan, chosen);
      const taken = plan.conflicts.filter((c) => chosen[c.key] === 'theirs');
      if (units.length && !plan.creates && plan.base.locked) throw new LockedError(plan.assessmentId);
      await keepReceivedChains(db, packed, source, here);
      if (units.length || plan.conflicts.length) {
        await writeUnits(db, plan, units, opened.files);
        await appendAudit(db, {
          assessmentId: plan.assessmentId,
          operator,
          action: 'merge',
          target: `交换包 ${source.digest.slice(0, 16)}`,
          before: plan.creates ? '本机无此考核' : '',
          after: mergeWords(plan, chosen, source),
        });
      }
      results.push({
        assessmentId: plan.assessmentId,
        name: packed.data.assessment.name,
        created: plan.creates,
        added: plan.added.length,
        identical: plan.identical.length,
        conflicts: plan.conflicts.length,
        taken: taken.length,
        kept: plan.conflicts.length - taken.length,
      });
    }
    return results;
  });
}

/** The local data read inside the merge transaction (no blobs needed). */
async function localInTransaction(db: ShuangpingDb, assessmentId: string): Promise<AssessmentData | null> {
  const snapshot = await readAssessment(db, assessmentId);
  return snapshot?.assessments[0]?.data ?? null;
}

/** `来自电脑 1a2b3c4d（李四，2024-12-21 10:03）：新增 12，相同 30，冲突 2（采用对方：测评计票 S1；保留本机：名册 S2）` */
function mergeWords(plan: MergePlan, chosen: Choices, source: Manifest): string {
  const name = (c: { kind: Unit['kind']; key: string }) => `${UNIT_LABELS[c.kind]} ${c.key.split('|').slice(1).join(' ')}`.trim();
  const theirs = plan.conflicts.filter((c) => chosen[c.key] === 'theirs').map(name);
  const mine = plan.conflicts.filter((c) => chosen[c.key] !== 'theirs').map(name);
  const counts = countsByKind(plan);
  const added = Object.entries(counts)
    .filter(([, c]) => c.added)
    .map(([k, c]) => `${UNIT_LABELS[k as Unit['kind']]}${c.added}`)
    .join('、');
  const choice = plan.conflicts.length ? `（${[theirs.length ? `采用对方：${theirs.join('；')}` : '', mine.length ? `保留本机：${mine.join('；')}` : ''].filter(Boolean).join('；')}）` : '';
  return (
    `来自电脑 ${shortId(source.laptopId)}（${source.operator || '未署名'}，${timeLabel(source.createdAt)}）：` +
    `新增 ${plan.added.length}${added ? `（${added}）` : ''}，相同 ${plan.identical.length}，冲突 ${plan.conflicts.length}${choice}`
  );
}

/** Deletes this laptop's records of each unit taken and writes the package's. */
async function writeUnits(db: ShuangpingDb, plan: MergePlan, units: Unit[], files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const id = plan.assessmentId;
  // a finalized assessment arrives finalized: its records are written first, then the lock
  if (plan.creates) await db.assessments.add({ ...plan.base, locked: false });
  const settings = units.find((u) => u.kind === 'settings')?.settings;
  if (settings && !plan.creates) await db.assessments.put({ ...withSettings(plan.base, settings), updatedAt: nowIso() });

  const replaced = units.filter((u) => plan.local.has(u.key));
  const keyed = (table: Table, keys: unknown[]) => (keys.length ? table.bulkDelete(keys) : Promise.resolve());
  const of = (kind: Unit['kind']) => replaced.filter((u) => u.kind === kind);
  const pair = (u: Unit): [string, string] => [id, u.secretaryId!];
  await keyed(db.secretaries, of('roster').map(pair));
  await keyed(db.summaryScores, of('score').map(pair));
  await keyed(db.itemScores, of('score').map(pair));
  await keyed(db.tallies, of('tally').map(pair));
  await keyed(db.decisions, of('decision').map(pair));
  await keyed(db.evidence, of('evidence').flatMap((u) => (plan.local.get(u.key)?.rows.evidence ?? []).map((e) => [id, e.id, e.itemCode, e.kind])));
  await keyed(db.attachments, of('attachment').flatMap((u) => (plan.local.get(u.key)?.rows.attachments ?? []).map((a) => a.key)));
  for (const u of of('tally')) await db.tallyEntries.where('[assessmentId+id]').equals(pair(u)).delete();
  for (const u of of('events')) await db.events.where('[assessmentId+id]').equals(pair(u)).delete();

  const rows = <T extends TableName>(table: T) => units.flatMap((u) => (u.rows[table] ?? []) as unknown[]) as AssessmentTables[T];
  await db.secretaries.bulkAdd(rows('secretaries'));
  await db.summaryScores.bulkAdd(rows('summaryScores'));
  await db.itemScores.bulkAdd(rows('itemScores'));
  await db.tallies.bulkAdd(rows('tallies'));
  await db.tallyEntries.bulkAdd(rows('tallyEntries'));
  await db.events.bulkAdd(rows('events').map(({ key: _key, ...e }) => e));
  await db.decisions.bulkAdd(rows('decisions'));
  await db.evidence.bulkAdd(rows('evidence'));
  await db.attachments.bulkAdd(
    units.flatMap((u) => u.rows.attachments ?? []).map((a) => {
      const bytes = files.get(a.sha256);
      if (!bytes) throw new Error(`merge: no bytes for attachment ${a.sha256}`);
      return { ...a, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: a.type }) };
    }),
  );
  if (plan.creates && plan.base.locked) await db.assessments.update(id, { locked: true });
}

/** Keeps the package's chains (its own and those it passes on) that this laptop lacks; true when one was new. */
async function keepReceivedChains(db: ShuangpingDb, packed: PackedAssessment, source: Manifest, here: string): Promise<boolean> {
  const id = packed.data.assessment.id;
  const incoming: ReceivedChain[] = [{ laptopId: source.laptopId, entries: packed.audit }, ...packed.received].filter((c) => c.laptopId !== here);
  let changed = false;
  for (const chain of incoming) {
    const kept = (await db.meta.where('key').startsWith(receivedPrefix(id)).toArray()).map((m) => m.value as ReceivedChain);
    const { add, drop } = receive(kept, chain);
    if (!add) continue;
    await db.meta.bulkDelete(drop.map((c) => receivedKey(id, c)));
    await db.meta.put({ key: receivedKey(id, chain), value: { laptopId: chain.laptopId, entries: chain.entries } });
    changed = true;
  }
  return changed;
}

/** For the share dialog: the secretaries a scope covers. */
export function countInScope(data: AssessmentData, scope: Scope): number {
  return idsInScope(data, scope)?.size ?? data.secretaries.length;
}
