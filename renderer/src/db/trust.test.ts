// @vitest-environment happy-dom
/**
 * Nothing a person confirmed changes without them seeing it: imports that would replace
 * confirmed data wait for a choice, an imported tally needs a second person, a switch of
 * scoring mode deletes nothing, and every replaced value can be brought back from the log.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { BallotTally } from '../../../shared/model';
import { chooseOperator, checkOperator, listOperators, removeOperator, setOperator } from '../data/operator';
import { acceptResolved, reviewTally, saveEntry, tallyStatus } from '../features/ballots/store';
import { evidenceState, newEvidence, saveEvidence, verifyEvidence } from '../features/evidence/store';
import { createAssessment } from './assessments';
import { readAuditLog } from './audit';
import { applyImport, importRoster, importTallies, previewImport } from './imports';
import { loadAssessmentInput } from './load-input';
import { parsePrior } from './prior';
import { revertEntry } from './revert';
import { ShuangpingDb } from './schema';
import { completeItemScores, enterSummaryScore, saveItemScores, scoreByItems, takeUpSummary } from './scores';
import { secretary } from '../../../shared/method/testing';

const sec = (id: string) => secretary(id);
const counts = { verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 };
const tally = (id: string, verySatisfied = 30): BallotTally => ({ id, ...counts, verySatisfied });

let db: ShuangpingDb;
let a: string;
const ctx = (operator = '王五', sheet = '测评计票') => ({ db, assessmentId: a, operator, sheet });

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  a = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  await importRoster(ctx('张三', '名册'), [sec('S1'), sec('S2'), sec('S3')]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

const statusOf = async (id: string) => tallyStatus(await db.tallies.get([a, id]), await db.tallyEntries.where('[assessmentId+id]').equals([a, id]).toArray());

describe('a tally two people entered is not replaced by an import without a choice', () => {
  beforeEach(async () => {
    await saveEntry(db, a, 'S1', 1, '张三', counts);
    await saveEntry(db, a, 'S1', 2, '李四', counts);
  });

  it('the preview shows it as different and confirmed; without a choice nothing is imported', async () => {
    const preview = await previewImport(ctx(), 'ballots', [tally('S1', 25), tally('S2')]);
    if (!preview.ok) throw new Error('preview failed');
    expect(preview.value.counts).toEqual({ new: 1, same: 0, different: 1, absent: 0 });
    const s1 = preview.value.rows.find((r) => r.id === 'S1')!;
    expect(s1).toMatchObject({ status: 'different', confirmed: true });
    const outcome = await applyImport(ctx(), preview.value, {});
    expect(outcome.ok).toBe(false);
    expect(await db.tallies.count()).toBe(1);
    expect(await statusOf('S1')).toBe('accepted');
  });

  it('kept: the double entry stays, the new ones are imported', async () => {
    expect(await importTallies(ctx(), [tally('S1', 25), tally('S2')], { S1: 'mine' })).toMatchObject({ ok: true, count: 1 });
    expect(await statusOf('S1')).toBe('accepted');
    expect((await db.tallies.get([a, 'S1']))!.verySatisfied).toBe(30);
    expect(await statusOf('S2')).toBe('imported');
  });

  it('taken: the file’s tally is one entry again, and the replaced tally comes back from the log', async () => {
    expect(await importTallies(ctx(), [tally('S1', 25)], { S1: 'theirs' })).toMatchObject({ ok: true, count: 1 });
    expect(await statusOf('S1')).toBe('imported');
    const entry = (await readAuditLog(db, a)).at(-1)!;
    expect(entry.action).toBe('ballots.import');
    expect(entry.target).toContain('采用文件 1（S1）');
    expect(parsePrior(entry.prior)?.units[0]?.rows.tallies?.[0]).toMatchObject({ verySatisfied: 30, source: 'doubleEntry' });
    await revertEntry(db, entry, '张三');
    expect(await db.tallies.get([a, 'S1'])).toMatchObject({ verySatisfied: 30, source: 'doubleEntry' });
    expect((await readAuditLog(db, a)).at(-1)!.action).toBe('revert');
  });

  it('the same counts again change nothing', async () => {
    const preview = await previewImport(ctx(), 'ballots', [tally('S1')]);
    expect(preview.ok && preview.value.counts).toEqual({ new: 0, same: 1, different: 0, absent: 0 });
  });
});

describe('an imported tally is one entry: a second operator confirms it', () => {
  beforeEach(async () => {
    await importTallies(ctx(), [tally('S1'), tally('S2'), tally('S3')]);
  });

  it('counts in the results but is unconfirmed until a 复核 by another operator', async () => {
    expect((await loadAssessmentInput(db, a)).tallies).toHaveLength(3);
    expect(await statusOf('S1')).toBe('imported');
    await expect(reviewTally(db, a, 'S1', '王五')).rejects.toThrow();
    await reviewTally(db, a, 'S1', '李四');
    expect(await db.tallies.get([a, 'S1'])).toMatchObject({ importedBy: '王五', confirmed: { by: '李四', how: 'review' } });
    expect(await statusOf('S1')).toBe('confirmed');
  });

  it('or by a blind entry that agrees; a differing one is settled field by field', async () => {
    await expect(saveEntry(db, a, 'S2', 2, '王五', counts)).rejects.toThrow();
    expect(await saveEntry(db, a, 'S2', 2, '李四', counts)).toBe('accepted');
    expect(await statusOf('S2')).toBe('confirmed');
    expect(await saveEntry(db, a, 'S3', 2, '李四', { ...counts, basic: 3 })).toBe('differs');
    expect(await statusOf('S3')).toBe('importDiffers');
    await acceptResolved(db, a, 'S3', '张三', counts, { ...counts, basic: 3 }, { ...counts, basic: 3 });
    expect(await db.tallies.get([a, 'S3'])).toMatchObject({ basic: 3, source: 'import', confirmed: { by: '张三', how: 'entry' } });
  });
});

describe('both entries by operators of the list', () => {
  it('an operator off the list, or a wrong PIN, is refused', async () => {
    await chooseOperator('张三', '', db);
    await chooseOperator('李四', '2468', db);
    expect(await listOperators(db)).toEqual(['李四', '张三']);
    expect(await checkOperator('赵六', '', db)).toEqual({ ok: false, message: '“赵六”不在操作员名单中' });
    expect(await checkOperator('李四', '1111', db)).toEqual({ ok: false, message: '李四的PIN不正确' });
    expect(await checkOperator('李四', '2468', db)).toEqual({ ok: true });
    expect(await checkOperator('张三', '', db)).toEqual({ ok: true });
    await removeOperator('李四', db);
    expect(await listOperators(db)).toEqual(['张三']);
  });

  it('a laptop from before the list counts its PIN holders and current operator as listed', async () => {
    await db.meta.put({ key: 'operatorPin:李四', value: { salt: 'x', hash: 'y' } });
    await setOperator('张三', db);
    expect(await listOperators(db)).toEqual(['李四', '张三']);
  });
});

describe('registering evidence is not checking it', () => {
  it('a registered line is pending; 核实 is its own act, by an operator, dated', async () => {
    const line = newEvidence(a, 'S1', 'A1.1', 'diary', '张三');
    await saveEvidence(db, line, '张三');
    const saved = await db.evidence.get([a, 'S1', 'A1.1', 'diary']);
    expect(saved).toMatchObject({ status: 'pending', checker: '', date: '', registeredBy: '张三' });
    expect(evidenceState([saved!])).toBe('pending');
    await verifyEvidence(db, line, 'checked', '李四');
    const checked = await db.evidence.get([a, 'S1', 'A1.1', 'diary']);
    expect(checked).toMatchObject({ status: 'checked', checker: '李四', registeredBy: '张三' });
    expect(checked!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(evidenceState([checked!])).toBe('complete');
  });
});

describe('switching the way of scoring deletes nothing', () => {
  it('a summary set aside is kept, counts for nothing (no default 59), and can be taken up again', async () => {
    await enterSummaryScore(db, a, 'S1', { baseScore: '85', orgScore: '92' }, '张三');
    await scoreByItems(db, a, 'S1', '张三');
    expect(await db.summaryScores.get([a, 'S1'])).toMatchObject({ baseScore: '85', orgScore: '92', setAside: { by: '张三' } });
    const input = await loadAssessmentInput(db, a);
    expect(input.summaryScores).toEqual([]);
    expect(input.itemScores).toEqual([]);
    await takeUpSummary(db, a, 'S1', '张三');
    expect((await loadAssessmentInput(db, a)).summaryScores).toEqual([{ id: 'S1', baseScore: '85', orgScore: '92' }]);
  });

  it('entering a summary sets the item inputs aside; item scoring is finished only when the scorer says so', async () => {
    await saveItemScores(db, a, 'S2', { 'A1.2': '1' }, '张三');
    expect((await db.itemScores.get([a, 'S2']))!.completed).toBeUndefined();
    await completeItemScores(db, a, 'S2', '张三');
    expect((await db.itemScores.get([a, 'S2']))!.completed).toMatchObject({ by: '张三' });
    await enterSummaryScore(db, a, 'S2', { baseScore: '70', orgScore: '75' }, '张三');
    expect(await db.itemScores.get([a, 'S2'])).toMatchObject({ inputs: { 'A1.2': '1' }, setAside: { by: '张三' } });
    expect((await loadAssessmentInput(db, a)).itemScores).toEqual([]);
  });

  it('a corrected summary keeps the old value in the log, and it comes back', async () => {
    await enterSummaryScore(db, a, 'S3', { baseScore: '85', orgScore: '92' }, '张三');
    await enterSummaryScore(db, a, 'S3', { baseScore: '86', orgScore: '93.5' }, '李四');
    const entry = (await readAuditLog(db, a)).at(-1)!;
    expect(entry.action).toBe('summary.correct');
    await revertEntry(db, entry, '张三');
    expect(await db.summaryScores.get([a, 'S3'])).toMatchObject({ baseScore: '85', orgScore: '92' });
  });
});
