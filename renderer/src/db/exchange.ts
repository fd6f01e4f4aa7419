/**
 * Exchange packages in the database: export an assessment or a team's share, open a
 * package (verified), preview the merge (new / identical / deleted / conflicts), and
 * apply it with a person's choices in ONE transaction that also logs a 'merge' entry.
 * The caller makes a backup first (features/exchange).
 *
 * Exporting appends an `export` entry (导出交换包) to this laptop's chain in the
 * transaction that reads the data: the package's chain ends with the digest of the data
 * it carries (shared/exchange/bind.ts). With a team key (工作组密钥, kept in meta) every
 * package is signed and encrypted, and only packages signed with the key are opened.
 *
 *   const exported = await exportPackage(db, id, { kind: 'towns', towns: ['胶莱镇'] }, '张三');
 *   const opened = await openPackage(bytes, await teamKey(db));   // Checked<OpenedPackage>
 *   const preview = await previewMerge(db, opened.value);
 *   const result = await applyMerge(db, preview, { [id]: { 'tally|S1': 'theirs' } }, '张三');
 */
import type { Table } from 'dexie';
import type { Checked } from '../../../shared/model';
import {
  openTeamKey,
  readPackage,
  shortId,
  writePackage,
  type AssessmentData,
  type AssessmentTables,
  type Manifest,
  type OpenedPackage,
  type PackedAssessment,
  type ReceivedChain,
  type Scope,
  type TableName,
  type TeamKey,
} from '../../../shared/exchange';
import { exportFields } from '../../../shared/exchange/bind';
import { timeLabel } from '../../../shared/exchange/describe';
import {
  countsByKind,
  isNoop,
  mergeChanges,
  planMerge,
  tombstoneId,
  unresolved,
  type Choices,
  type MergeChanges,
  type MergePlan,
} from '../../../shared/exchange/merge';
import { receive } from '../../../shared/exchange/received';
import { idsInScope, NO_TOWN, shareOf } from '../../../shared/exchange/scope';
import { normalizeKeyText } from '../../../shared/exchange/team-key';
import { UNIT_LABELS, withSettings, type Unit } from '../../../shared/exchange/units';
import { appendAudit } from './audit';
import { nowIso } from './ids';
import { changeTables, LockedError } from './lock';
import type { ShuangpingDb } from './schema';
import { bytesOf, laptopId, readAssessment, receivedKey, receivedPrefix, recordTables, snapshotTables } from './snapshot';
import { primaryKeyOf } from './units';
import { webHasher } from './web-hasher';

export { webHasher };

/** meta key of the team key's text (kept through a restore, like this laptop's id) */
export const TEAM_KEY = 'teamKey';

interface StoredKey {
  text: string;
  setAt: string;
}

/** The team key's text on this laptop, or null. */
export async function teamKeyText(db: ShuangpingDb): Promise<string | null> {
  const v = (await db.meta.get(TEAM_KEY))?.value as Partial<StoredKey> | undefined;
  return typeof v?.text === 'string' ? v.text : null;
}

/** This laptop's team key, or null when none is set. */
export async function teamKey(db: ShuangpingDb): Promise<TeamKey | null> {
  const text = await teamKeyText(db);
  if (text === null) return null;
  const opened = await openTeamKey(text);
  return opened.ok ? opened.value : null;
}

/** Sets (or, with null, removes) the team key; returns its id, or why the text is not a key. */
export async function setTeamKey(db: ShuangpingDb, text: string | null): Promise<{ ok: true; keyId: string | null } | { ok: false; message: string }> {
  if (text === null) {
    await db.meta.delete(TEAM_KEY);
    return { ok: true, keyId: null };
  }
  const normal = normalizeKeyText(text);
  if (!normal.ok) return normal;
  const opened = await openTeamKey(normal.value);
  if (!opened.ok) return opened;
  await db.meta.put({ key: TEAM_KEY, value: { text: normal.value, setAt: nowIso() } satisfies StoredKey });
  return { ok: true, keyId: opened.value.id };
}

export interface Exported {
  bytes: Uint8Array;
  manifest: Manifest;
  fileName: string;
}

/** Characters Windows refuses in a file name, control characters included. */
// eslint-disable-next-line no-control-regex
const WINDOWS_REFUSED = /[<>:"/\\|?*\u0000-\u001f]/g;

/** `双评交换包-<考核名>-<镇街或范围>-<日期>.zip`, safe as a file name on Windows too. */
export function packageFileName(name: string, scope: Scope, date: Date = new Date()): string {
  const what = scope.kind === 'towns' ? scope.towns.map((t) => t || NO_TOWN).join('、') : scope.kind === 'secretaries' ? `选定${scope.ids.length}人` : '全部';
  const day = `${date.getFullYear()}${String(date.getMonth() + 1).padStart(2, '0')}${String(date.getDate()).padStart(2, '0')}`;
  const clean = (s: string) => s.replace(WINDOWS_REFUSED, '_').slice(0, 60).trim();
  return `双评交换包-${clean(name)}-${clean(what)}-${day}.zip`;
}

/**
 * The assessment, or a share of it, as a package: read and logged (`export`, with the
 * digest of the data) in one transaction, then written (signed and encrypted with the
 * team key when one is set).
 */
export async function exportPackage(db: ShuangpingDb, assessmentId: string, scope: Scope, operator: string): Promise<Exported> {
  const here = await laptopId(db);
  const { packed, blobs } = await db.transaction('rw', snapshotTables(db), async () => {
    const snapshot = await readAssessment(db, assessmentId);
    const found = snapshot?.assessments[0];
    if (!snapshot || !found) throw new Error(`assessment ${assessmentId} not found`);
    const data = shareOf(found.data, scope);
    const entry = await appendAudit(db, { assessmentId, operator, ...exportFields(data, scope) });
    return { packed: { ...found, data, audit: [...found.audit, entry] }, blobs: snapshot.blobs };
  });
  const files = await bytesOf(
    blobs,
    packed.data.attachments.map((a) => a.sha256),
  );
  const { bytes, manifest } = await writePackage(
    { kind: 'exchange', createdAt: nowIso(), laptopId: here, operator, scope, assessments: [packed], files },
    { hash: webHasher, key: await teamKey(db) },
  );
  return { bytes, manifest, fileName: packageFileName(packed.data.assessment.name, scope) };
}

/** Reads and verifies a package with this laptop's team key (never throws for a bad file). */
export function openPackage(bytes: Uint8Array, key: TeamKey | null = null): Promise<Checked<OpenedPackage>> {
  return readPackage(bytes, { hash: webHasher, key });
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
      const same = await db.assessments
        .where('year')
        .equals(data.assessment.year)
        .filter((a) => a.name === data.assessment.name)
        .first();
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
  /** the package's units not added back: deleted here */
  deletedHere: number;
  /** this laptop's units removed: deleted there */
  deletedThere: number;
}

const planShape = (p: MergePlan) =>
  [
    p.added.map((u) => u.key).join(),
    p.conflicts.map((c) => `${c.key}:${c.mine?.fingerprint ?? '-'}`).join(),
    p.deletedHere.map((d) => d.unit.key).join(),
    p.deletedThere.map((d) => `${d.unit.key}:${d.unit.fingerprint}`).join(),
    p.tombstones.map(tombstoneId).join(),
  ].join('#');

const NO_STAMP = { at: '', operator: '', auditHash: '' };
const changesSomething = (c: MergeChanges) => c.write.length > 0 || c.remove.length > 0 || c.tombstones.length > 0;

/**
 * Applies the previewed merge with a choice for every conflict, in one transaction:
 * everything or nothing. Throws StalePreview when the data changed since the
 * preview, LockedError when a finalized assessment would change.
 */
export async function applyMerge(
  db: ShuangpingDb,
  preview: MergePreview,
  choices: Readonly<Record<string, Choices>>,
  operator: string,
): Promise<MergeResult[]> {
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
      const draft = mergeChanges(plan, chosen, NO_STAMP);
      const taken = plan.conflicts.filter((c) => chosen[c.key] === 'theirs');
      if (changesSomething(draft) && !plan.creates && plan.base.locked) throw new LockedError(plan.assessmentId);
      await keepReceivedChains(db, packed, source, here);
      if (changesSomething(draft) || plan.conflicts.length) {
        const entry = await appendAudit(db, {
          assessmentId: plan.assessmentId,
          operator,
          action: 'merge',
          target: `交换包 ${source.digest.slice(0, 16)}`,
          before: plan.creates ? '本机无此考核' : '',
          after: mergeWords(plan, chosen, source),
        });
        // deletions chosen in conflicts are stamped with this entry
        await writeChanges(db, plan, mergeChanges(plan, chosen, { at: entry.at, operator, auditHash: entry.hash }), opened.files);
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
        deletedHere: plan.deletedHere.length,
        deletedThere: plan.deletedThere.length,
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

/** `测评计票 S1`, `佐证材料 S1 A1.1 diary` */
const unitName = (u: { kind: Unit['kind']; key: string }) => `${UNIT_LABELS[u.kind]} ${u.key.split('|').slice(1).join(' ')}`.trim();

/**
 * `来自电脑 1a2b3c4d（李四，2024-12-21 10:03）：新增 12，相同 30，冲突 2（采用对方：测评计票 S1；保留本机：名册 S2），
 * 对方已删除 1（审定意见 S3），本机已删除未加回 1（佐证材料 S1 A1.1 diary）`
 */
function mergeWords(plan: MergePlan, chosen: Choices, source: Manifest): string {
  const theirs = plan.conflicts.filter((c) => chosen[c.key] === 'theirs').map((c) => `${unitName(c)}${c.theirs ? '' : '（删除）'}`);
  const mine = plan.conflicts.filter((c) => chosen[c.key] !== 'theirs').map((c) => `${unitName(c)}${c.mine ? '' : '（删除）'}`);
  const counts = countsByKind(plan);
  const added = Object.entries(counts)
    .filter(([, c]) => c.added)
    .map(([k, c]) => `${UNIT_LABELS[k as Unit['kind']]}${c.added}`)
    .join('、');
  const choice = plan.conflicts.length
    ? `（${[theirs.length ? `采用对方：${theirs.join('；')}` : '', mine.length ? `保留本机：${mine.join('；')}` : ''].filter(Boolean).join('；')}）`
    : '';
  const deleted = (label: string, list: { unit: Unit }[]) =>
    list.length ? `，${label} ${list.length}（${list.map((d) => unitName(d.unit)).join('；')}）` : '';
  return (
    `来自电脑 ${shortId(source.laptopId)}（${source.operator || '未署名'}，${timeLabel(source.createdAt)}）：` +
    `新增 ${plan.added.length}${added ? `（${added}）` : ''}，相同 ${plan.identical.length}，冲突 ${plan.conflicts.length}${choice}` +
    deleted('对方已删除', plan.deletedThere) +
    deleted('本机已删除未加回', plan.deletedHere)
  );
}

/** The field work's tables (docs/data.md §12), written alike: by their primary keys. */
const FIELD_TABLES = ['attendance', 'reviews', 'papers', 'assignments', 'boxes'] as const satisfies readonly TableName[];

/** Removes this laptop's records of the units removed or replaced, writes the package's, keeps the tombstones. */
async function writeChanges(db: ShuangpingDb, plan: MergePlan, changes: MergeChanges, files: ReadonlyMap<string, Uint8Array>): Promise<void> {
  const id = plan.assessmentId;
  const units = changes.write;
  // a finalized assessment arrives finalized: its records are written first, then the lock
  if (plan.creates) await db.assessments.add({ ...plan.base, locked: false });
  const settings = units.find((u) => u.kind === 'settings')?.settings;
  if (settings && !plan.creates) await db.assessments.put({ ...withSettings(plan.base, settings), updatedAt: nowIso() });

  const gone = [...changes.remove, ...units.flatMap((u) => plan.local.get(u.key) ?? [])];
  const rowsOf = <T extends TableName>(list: Unit[], table: T) => list.flatMap((u) => (u.rows[table] ?? []) as unknown[]) as AssessmentTables[T];
  const pair = (r: { id: string }): [string, string] => [id, r.id];
  await db.secretaries.bulkDelete(rowsOf(gone, 'secretaries').map(pair));
  await db.summaryScores.bulkDelete(rowsOf(gone, 'summaryScores').map(pair));
  await db.itemScores.bulkDelete(rowsOf(gone, 'itemScores').map(pair));
  await db.tallies.bulkDelete(rowsOf(gone, 'tallies').map(pair));
  await db.tallyEntries.bulkDelete(rowsOf(gone, 'tallyEntries').map((r): [string, string, number] => [id, r.id, r.slot]));
  await db.decisions.bulkDelete(rowsOf(gone, 'decisions').map(pair));
  await db.holds.bulkDelete(rowsOf(gone, 'holds').map(pair));
  await db.warningAcks.bulkDelete(rowsOf(gone, 'warningAcks').map((r): [string, string, string] => [id, r.id, r.warning]));
  await db.evidence.bulkDelete(rowsOf(gone, 'evidence').map((r): [string, string, string, string] => [id, r.id, r.itemCode, r.kind]));
  await db.attachments.bulkDelete(rowsOf(gone, 'attachments').map((r) => r.key));
  await db.personLinks.bulkDelete(rowsOf(gone, 'personLinks').map(pair));
  await db.awardEdits.bulkDelete(rowsOf(gone, 'awardEdits').map(pair));
  await db.termEvaluations.bulkDelete(rowsOf(gone, 'termEvaluations').map(pair));
  for (const u of gone.filter((x) => x.kind === 'events')) await db.events.where('[assessmentId+id]').equals([id, u.secretaryId!]).delete();
  for (const table of FIELD_TABLES) {
    await (db[table] as Table).bulkDelete(rowsOf(gone, table).map((r) => primaryKeyOf(table, r as unknown as Record<string, unknown>)));
  }

  await db.secretaries.bulkAdd(rowsOf(units, 'secretaries'));
  await db.summaryScores.bulkAdd(rowsOf(units, 'summaryScores'));
  await db.itemScores.bulkAdd(rowsOf(units, 'itemScores'));
  await db.tallies.bulkAdd(rowsOf(units, 'tallies'));
  await db.tallyEntries.bulkAdd(rowsOf(units, 'tallyEntries'));
  await db.events.bulkAdd(rowsOf(units, 'events').map(({ key: _key, ...e }) => e));
  await db.decisions.bulkAdd(rowsOf(units, 'decisions'));
  await db.holds.bulkAdd(rowsOf(units, 'holds'));
  await db.warningAcks.bulkAdd(rowsOf(units, 'warningAcks'));
  await db.evidence.bulkAdd(rowsOf(units, 'evidence'));
  await db.personLinks.bulkAdd(rowsOf(units, 'personLinks'));
  await db.awardEdits.bulkAdd(rowsOf(units, 'awardEdits'));
  await db.termEvaluations.bulkAdd(rowsOf(units, 'termEvaluations'));
  await db.attachments.bulkAdd(
    rowsOf(units, 'attachments').map((a) => {
      const bytes = files.get(a.sha256);
      if (!bytes) throw new Error(`merge: no bytes for attachment ${a.sha256}`);
      return { ...a, blob: new Blob([bytes as Uint8Array<ArrayBuffer>], { type: a.type }) };
    }),
  );
  for (const table of FIELD_TABLES) await (db[table] as Table).bulkAdd(rowsOf(units, table));
  await db.tombstones.bulkPut(changes.tombstones);
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
