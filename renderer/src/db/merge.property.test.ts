/**
 * Merging at the database level, as property tests: three laptops start from one
 * assessment, each makes random edits — roster, scores, tallies imported or by double
 * entry, events, decisions, held grades, acknowledged warnings, evidence, attachments,
 * settings, people links, edited 奖惩意见, and deletions of each —
 * then their packages are merged in different orders, into one of them and into new
 * laptops. With the same choices, every order gives the same data; the same package
 * twice changes nothing; a deleted record never comes back without a person's choice.
 *
 * "The same choices": for each conflict the person keeps what the team agreed, the
 * same on every laptop — a record over a deletion, the larger content of two records,
 * and never a record some laptop deleted when the other side is not deleted too.
 */
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { PAPER_KINDS, type BallotTally, type Grade, type Secretary } from '../../../shared/model';
import { unitDigest, tombstoneId, type Choices, type Conflict } from '../../../shared/exchange/merge';
import { unitsOf, type Unit } from '../../../shared/exchange/units';
import { sortRows } from '../../../shared/exchange/canonical';
import type { OpenedPackage } from '../../../shared/exchange';
import { resetTally, saveEntry } from '../features/ballots/store';
import { addAttachment, newEvidence, removeAttachment, removeEvidence, saveEvidence, verifyEvidence } from '../features/evidence/store';
import { createAssessment, setApprovedAt, setNoticePeriod, updateAssessment } from './assessments';
import { backupBytes, openBackup, previewRestore, restoreBackup } from './backup';
import { acknowledgeWarning, readWarningStatuses, recordHold, removeHold } from './checks';
import { recordDecision, removeDecision } from './decisions';
import { removeAttendance, removeBox, removePaper, saveAttendance, saveBox, saveGroups, savePaper, saveReview, signOffGroup } from './field';
import { applyMerge, exportPackage, openPackage, previewMerge } from './exchange';
import { importEvents, importRoster, importTallies } from './imports';
import { editAward, linkPerson, resetAward, setTermEvaluation, unlinkPerson } from './people';
import { saveSecretary } from './roster';
import { ShuangpingDb } from './schema';
import { enterSummaryScore, scoreByItems } from './scores';
import { readAssessment } from './snapshot';

const IDS = ['S1', 'S2', 'S3'] as const;
const sec = (id: string, eligibleVoters = 45): Secretary => ({
  id,
  name: `书记${id}`,
  source: 'town',
  mode: 'fulltime',
  rankClass: 'section',
  town: '胶莱镇',
  postType: 'village',
  eligibleVoters,
});
const counts = (n: number): Omit<BallotTally, 'id'> => ({ verySatisfied: 20 + n, satisfied: 5, basic: 2, dissatisfied: 1, invalid: 0, abstain: 0 });
const photo = (n: number) => new File([new Uint8Array([n, n + 1, n + 2])], `照片${n}.jpg`, { type: 'image/jpeg' });

const open: ShuangpingDb[] = [];
function laptop(): ShuangpingDb {
  const db = new ShuangpingDb(`prop-${Math.random()}`);
  open.push(db);
  return db;
}
afterEach(async () => {
  for (const db of open.splice(0)) {
    db.close();
    await db.delete();
  }
});

type Edit =
  | { op: 'tally' | 'double' | 'entry1' | 'summary' | 'attach' | 'unattach' | 'voters' | 'hold' | 'ack'; id: string; n: number }
  | { op: 'resetTally' | 'undecide' | 'unevidence' | 'unsummary' | 'unhold' | 'unlink' | 'unaward' | 'unevaluate'; id: string }
  | { op: 'link' | 'award' | 'evaluate'; id: string; n: number }
  | { op: 'decide'; id: string; grade: Grade }
  | { op: 'evidence'; id: string; status: 'checked' | 'missing' }
  | { op: 'events'; ids: string[] }
  | { op: 'region' | 'notice' | 'approve'; n: number }
  | { op: 'attendance' | 'unattendance' | 'review' | 'paper' | 'unpaper' | 'box' | 'unbox' | 'signOff'; id: string; n: number }
  | { op: 'groups'; n: number };

const id = fc.constantFrom(...IDS);
const n = fc.integer({ min: 0, max: 2 });
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('tally', 'double', 'entry1', 'summary', 'attach', 'unattach', 'voters', 'hold', 'ack'), id, n }),
  fc.record({ op: fc.constantFrom('resetTally', 'undecide', 'unevidence', 'unsummary', 'unhold', 'unlink', 'unaward', 'unevaluate'), id }),
  fc.record({ op: fc.constantFrom('link', 'award', 'evaluate'), id, n }),
  fc.record({ op: fc.constant('decide'), id, grade: fc.constantFrom<Grade>('excellent', 'good') }),
  fc.record({ op: fc.constant('evidence'), id, status: fc.constantFrom<'checked' | 'missing'>('checked', 'missing') }),
  fc.record({ op: fc.constant('events'), ids: fc.subarray([...IDS]) }),
  fc.record({ op: fc.constantFrom('region', 'notice', 'approve'), n }),
  fc.record({ op: fc.constantFrom('attendance', 'unattendance', 'review', 'paper', 'unpaper', 'box', 'unbox', 'signOff'), id, n }),
  fc.record({ op: fc.constant('groups'), n }),
) as fc.Arbitrary<Edit>;

async function apply(db: ShuangpingDb, a: string, e: Edit, operator: string): Promise<void> {
  const ctx = { db, assessmentId: a, operator, sheet: '测试' };
  switch (e.op) {
    case 'tally':
      // a differing tally here is replaced by the file's, as a person chose in the preview
      return void (await importTallies(ctx, [{ id: e.id, ...counts(e.n) }], { [e.id]: 'theirs' }));
    case 'double':
    case 'entry1': {
      // entries are typed only where the screen offers them: no tally and no entry yet
      const open = !(await db.tallies.get([a, e.id])) && !(await db.tallyEntries.where('[assessmentId+id]').equals([a, e.id]).count());
      if (!open) return;
      await saveEntry(db, a, e.id, 1, operator, counts(e.n));
      // the second entry is another operator's
      if (e.op === 'double') await saveEntry(db, a, e.id, 2, `${operator}（第二录入员）`, counts(e.n));
      return;
    }
    case 'resetTally':
      return resetTally(db, a, e.id, operator);
    case 'summary':
      return enterSummaryScore(db, a, e.id, { baseScore: `${88 + e.n}`, orgScore: '95' }, operator);
    case 'unsummary':
      return scoreByItems(db, a, e.id, operator);
    case 'decide':
      return void (await recordDecision(db, a, { id: e.id, grade: e.grade, reason: '部长办公会研究确定', by: '王五' }, operator));
    case 'undecide':
      return removeDecision(db, a, e.id, operator);
    case 'hold':
      return void (await recordHold(db, a, { id: e.id, reason: e.n === 0 ? 'investigation' : 'other', note: `原因${e.n}` }, operator));
    case 'unhold':
      return removeHold(db, a, e.id, operator);
    case 'ack': {
      // the warnings of the data as it stands here (identical tallies in the one town, for one)
      const status = (await readWarningStatuses(db, a)).find((s) => s.warning.id === e.id && s.state !== 'acknowledged');
      return status ? void (await acknowledgeWarning(db, a, status.warning, `已核对${e.n}`, operator)) : undefined;
    }
    case 'evidence':
      await saveEvidence(db, newEvidence(a, e.id, 'A1.1', 'diary', '王五'), operator);
      return verifyEvidence(db, newEvidence(a, e.id, 'A1.1', 'diary', '王五'), e.status, operator);
    case 'unevidence':
      return removeEvidence(db, newEvidence(a, e.id, 'A1.1', 'diary', '王五'), operator);
    case 'attach':
      return void (await addAttachment(db, a, e.id, 'A1.1', photo(e.n), operator));
    case 'unattach': {
      const found = (await db.attachments.where('[assessmentId+id]').equals([a, e.id]).toArray()).find((x) => x.name === `照片${e.n}.jpg`);
      return found ? removeAttachment(db, found, operator) : undefined;
    }
    case 'events':
      return void (await importEvents(
        ctx,
        e.ids.map((sid) => ({ id: sid, kind: 'breach' as const, note: '通报' })),
      ));
    case 'voters':
      return saveSecretary(db, a, sec(e.id, 45 + e.n), operator, e.id);
    case 'link':
      // the same as a secretary of last year's assessment, or (n = 0) confirmed new
      return linkPerson(db, a, e.id, e.n ? { assessmentId: 'A2023', id: `X${e.n}` } : null, e.n ? 'nameUnit' : undefined, operator);
    case 'unlink':
      return unlinkPerson(db, a, e.id, operator);
    case 'award':
      return editAward(db, a, e.id, { lines: [`奖惩意见${e.n}`], reason: '部长办公会研究' }, operator);
    case 'unaward':
      return resetAward(db, a, e.id, operator);
    case 'evaluate':
      return setTermEvaluation(db, a, e.id, { grade: (['excellent', 'pass', 'fail'] as const)[e.n]!, reason: `派出单位评价意见${e.n}` }, operator);
    case 'unevaluate':
      return setTermEvaluation(db, a, e.id, null, operator);
    case 'region':
      return updateAssessment(db, a, { region: `胶州市${e.n}` }, operator);
    case 'attendance':
      return saveAttendance(db, a, [{ id: e.id, month: `2024-0${e.n + 1}`, daysPresent: 15 + e.n, workDays: 21, leaveDays: 0 }], 'typed', operator);
    case 'unattendance':
      return removeAttendance(db, a, e.id, `2024-0${e.n + 1}`, operator);
    case 'review':
      return void (await saveReview(db, a, { id: e.id, quarter: '2024Q1', decision: e.n === 2 ? 'recall' : 'remind', ground: 'absent' }, operator));
    case 'paper':
      return savePaper(db, a, { id: e.id, kind: PAPER_KINDS[e.n]!, status: 'received', by: operator }, operator);
    case 'unpaper':
      return removePaper(db, a, e.id, PAPER_KINDS[e.n]!, operator);
    case 'box':
      return saveBox(db, a, { id: e.id, issued: 40 + e.n, issuedAt: '2024-12-05', voters: { members: 30 + e.n } }, operator);
    case 'unbox':
      return removeBox(db, a, e.id, operator);
    case 'signOff':
      return signOffGroup(db, a, { id: 'city', name: '市委组织部考核组', level: 'city', members: [] }, [e.id], operator);
    case 'groups':
      return saveGroups(db, a, [{ id: 'city', name: '市委组织部考核组', level: 'city', members: [`组员${e.n}`] }], operator);
    case 'approve':
      return setApprovedAt(db, a, e.n ? `2025-01-0${5 + e.n}` : null, operator);
    case 'notice':
      return setNoticePeriod(db, a, { start: `2025-01-0${6 + e.n}`, days: 5 + e.n, unit: e.n % 2 ? 'day' : 'workday' }, operator);
  }
}

/** The first laptop's assessment with something of every kind; the others receive it whole. */
async function start(): Promise<{ laptops: ShuangpingDb[]; a: string }> {
  const first = laptop();
  const a = await createAssessment(first, { year: 2024, name: '胶州市考核', region: '胶州市', policy: 'jiaozhou' }, '甲');
  for (const e of [
    { op: 'tally', id: 'S1', n: 0 },
    { op: 'double', id: 'S2', n: 1 },
    { op: 'summary', id: 'S1', n: 0 },
    { op: 'decide', id: 'S1', grade: 'excellent' },
    { op: 'hold', id: 'S3', n: 0 },
    { op: 'evidence', id: 'S1', status: 'checked' },
    { op: 'attach', id: 'S1', n: 0 },
    { op: 'events', ids: ['S2'] },
    { op: 'attendance', id: 'S1', n: 0 },
    { op: 'review', id: 'S3', n: 2 },
    { op: 'paper', id: 'S1', n: 0 },
    { op: 'box', id: 'S2', n: 0 },
    { op: 'groups', n: 0 },
    { op: 'signOff', id: 'S1', n: 0 },
    { op: 'link', id: 'S1', n: 1 },
    { op: 'award', id: 'S2', n: 0 },
    { op: 'evaluate', id: 'S3', n: 1 },
  ] as Edit[]) {
    if (e.op === 'tally')
      await importRoster(
        { db: first, assessmentId: a, operator: '甲', sheet: '名册' },
        IDS.map((s) => sec(s)),
      );
    await apply(first, a, e, '甲');
  }
  const laptops = [first, laptop(), laptop()];
  const whole = await exportOpened(first, a);
  for (const other of laptops.slice(1)) await merge(other, whole, () => 'mine');
  return { laptops, a };
}

async function exportOpened(db: ShuangpingDb, a: string): Promise<OpenedPackage> {
  const { bytes } = await exportPackage(db, a, { kind: 'assessment' }, '导出人');
  const opened = await openPackage(bytes);
  if (!opened.ok) throw new Error(opened.errors[0]!.message);
  return opened.value;
}

/** Merges a package choosing by `choose`; returns the conflicts it met and what each choice kept. */
async function merge(
  db: ShuangpingDb,
  opened: OpenedPackage,
  choose: (c: Conflict) => 'mine' | 'theirs',
): Promise<{ kept: Unit[]; planned: { added: number; removed: number; tombstones: number } }> {
  const preview = await previewMerge(db, opened);
  const kept: Unit[] = [];
  const choices: Record<string, Choices> = {};
  for (const plan of preview.plans) {
    const chosen: Record<string, 'mine' | 'theirs'> = {};
    for (const c of plan.conflicts) {
      chosen[c.key] = choose(c);
      const side = chosen[c.key] === 'mine' ? c.mine : c.theirs;
      if (side) kept.push(side);
    }
    choices[plan.assessmentId] = chosen;
  }
  await applyMerge(db, preview, choices, '合并人');
  const p = preview.plans[0]!;
  return { kept, planned: { added: p.added.length, removed: p.deletedThere.length, tombstones: p.tombstones.length } };
}

/** The team's choice: a record over a deletion, never a deleted version when avoidable, else the larger content. */
function teamChoice(dead: ReadonlySet<string>) {
  const rank = (u: Unit | null): [number, string] =>
    u === null ? [1, ''] : dead.has(tombstoneId({ key: u.key, fingerprint: unitDigest(u) })) ? [0, u.fingerprint] : [2, u.fingerprint];
  return (c: Conflict): 'mine' | 'theirs' => {
    const [m, mf] = rank(c.mine);
    const [t, tf] = rank(c.theirs);
    return t > m || (t === m && tf > mf) ? 'theirs' : 'mine';
  };
}

/**
 * What "the same data" means: every record (events without the database's counter), the
 * settings, and the deletions in force — a tombstone of content alive here (entered again
 * after its deletion on this laptop) has no effect here, and none where it travels.
 */
async function dataOf(db: ShuangpingDb, a: string) {
  const data = (await readAssessment(db, a))!.assessments[0]!.data;
  const { assessment, events, tombstones, ...rest } = data;
  const alive = new Set([...unitsOf(data).values()].map((u) => tombstoneId({ key: u.key, fingerprint: unitDigest(u) })));
  return {
    ...rest,
    settings: {
      name: assessment.name,
      year: assessment.year,
      region: assessment.region,
      policy: assessment.policy,
      rubric: assessment.rubric,
      groups: assessment.groups,
      notice: assessment.notice,
    },
    events: sortRows(
      'events',
      events.map(({ key: _k, ...e }) => e),
    ),
    tombstones: tombstones
      .map(tombstoneId)
      .filter((t) => !alive.has(t))
      .sort(),
  };
}

/** Live units whose very content a tombstone here names (on a laptop that merged, not entered them). */
async function revived(db: ShuangpingDb, a: string): Promise<Unit[]> {
  const data = (await readAssessment(db, a))!.assessments[0]!.data;
  const dead = new Set(data.tombstones.map(tombstoneId));
  return [...unitsOf(data).values()].filter((u) => u.kind !== 'settings' && dead.has(tombstoneId({ key: u.key, fingerprint: unitDigest(u) })));
}

async function copyOf(db: ShuangpingDb): Promise<ShuangpingDb> {
  const copy = laptop();
  const opened = await openBackup(copy, (await backupBytes(db, '复制')).bytes);
  if (!opened.ok) throw new Error(opened.errors[0]!.message);
  await restoreBackup(copy, await previewRestore(copy, opened.value), '复制', '复制');
  return copy;
}

const edits = fc.array(fc.array(edit, { maxLength: 6 }), { minLength: 3, maxLength: 3 });

describe('merging packages of three laptops (database level, property)', () => {
  it('any order, the same data; the same package twice, nothing; no deletion undone without a choice', async () => {
    await fc.assert(
      fc.asyncProperty(edits, async (perLaptop) => {
        const { laptops, a } = await start();
        const operators = ['甲', '乙', '丙'];
        for (const [i, list] of perLaptop.entries()) for (const e of list) await apply(laptops[i]!, a, e, operators[i]!);
        const packages = await Promise.all(laptops.map((db) => exportOpened(db, a)));
        const dead = new Set(packages.flatMap((p) => p.assessments[0]!.data.tombstones.map(tombstoneId)));
        const choose = teamChoice(dead);

        // the first laptop takes the others' packages in both orders; two new laptops take all three
        const [first, second, third] = packages as [OpenedPackage, OpenedPackage, OpenedPackage];
        const ab = await copyOf(laptops[0]!);
        const ba = await copyOf(laptops[0]!);
        const fresh1 = laptop();
        const fresh2 = laptop();
        const chosen: Unit[] = [];
        const run = async (db: ShuangpingDb, order: OpenedPackage[]) => {
          for (const p of order) chosen.push(...(await merge(db, p, choose)).kept);
        };
        await run(ab, [second, third]);
        await run(ba, [third, second]);
        await run(fresh1, [first, second, third]);
        await run(fresh2, [third, first, second]);

        const result = await dataOf(ab, a);
        expect(await dataOf(ba, a)).toEqual(result);
        expect(await dataOf(fresh1, a)).toEqual(result);
        expect(await dataOf(fresh2, a)).toEqual(result);

        // the same package again: nothing planned, nothing changed
        const again = await merge(ab, third, choose);
        expect(again.planned).toEqual({ added: 0, removed: 0, tombstones: 0 });
        expect(await dataOf(ab, a)).toEqual(result);

        // on a laptop that only merged, a record whose content was deleted is alive only where a person chose it
        const chosenIds = new Set(chosen.map((u) => tombstoneId({ key: u.key, fingerprint: unitDigest(u) })));
        for (const db of [fresh1, fresh2]) {
          for (const u of await revived(db, a)) expect(chosenIds.has(tombstoneId({ key: u.key, fingerprint: unitDigest(u) })), u.key).toBe(true);
        }
      }),
      { numRuns: Number(process.env.MERGE_RUNS ?? 25) },
    );
  }, 300_000);
});
