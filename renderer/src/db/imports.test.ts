import 'fake-indexeddb/auto';
import ExcelJS from 'exceljs';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Secretary } from '../../../shared/model';
import { importWorkbook, previewWorkbook } from '../features/imports/workbooks';
import { createAssessment, duplicateAssessment } from './assessments';
import { recordDecision } from './decisions';
import { applyImport, importItemScores, importRoster, importSummaryScores, importTallies, previewImport } from './imports';
import { loadAssessmentInput } from './load-input';
import { ShuangpingDb } from './schema';
import { saveItemScores } from './scores';

const sec = (id: string, eligibleVoters = 45): Secretary => ({
  id,
  name: `书记${id}`,
  source: 'town',
  mode: 'fulltime',
  rankClass: 'section',
  postType: 'village',
  eligibleVoters,
});

async function xlsx(sheet: string, rows: (string | number)[][]): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheet);
  rows.forEach((r) => ws.addRow(r));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

let db: ShuangpingDb;
let assessmentId: string;
const ctx = (sheet = '测试') => ({ db, assessmentId, operator: '张三', sheet });

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  assessmentId = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
  expect(await importRoster(ctx('名册'), [sec('S1'), sec('S2', 42)])).toMatchObject({ ok: true, count: 2 });
  expect(await importTallies(ctx(), [{ id: 'S1', verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 }])).toMatchObject({
    ok: true,
    count: 1,
  });
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('imports, one transaction each', () => {
  it('a roster with an 编号 twice is refused, and the old roster stays whole', async () => {
    const outcome = await importRoster(ctx('名册'), [sec('N1'), sec('N1')]);
    expect(outcome.ok).toBe(false);
    const ids = (await db.secretaries.where('assessmentId').equals(assessmentId).toArray()).map((s) => s.id);
    expect(ids.sort()).toEqual(['S1', 'S2']);
  });

  it('ballots over the electorate or of unknown 编号: all errors, nothing changed', async () => {
    const before = await db.tallies.toArray();
    const outcome = await importTallies(
      {
        ...ctx('测评计票'),
        rows: new Map([
          ['S1', 2],
          ['S2', 3],
          ['X9', 4],
        ]),
      },
      [
        { id: 'S1', verySatisfied: 1, satisfied: 1, basic: 1, dissatisfied: 1, invalid: 0, abstain: 0 },
        { id: 'S2', verySatisfied: 40, satisfied: 5, basic: 0, dissatisfied: 0, invalid: 0, abstain: 0 },
        { id: 'X9', verySatisfied: 1, satisfied: 0, basic: 0, dissatisfied: 0, invalid: 0, abstain: 0 },
      ],
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toHaveLength(2);
    expect(outcome.errors).toContainEqual(expect.objectContaining({ sheet: '测评计票', row: 3, message: expect.stringContaining('超过应参加人数 42') }));
    expect(outcome.errors).toContainEqual(expect.objectContaining({ row: 4, column: '编号', message: expect.stringContaining('X9') }));
    expect(await db.tallies.toArray()).toEqual(before);
  });

  it('a secretary is scored by items or by summary, never both', async () => {
    await saveItemScores(db, assessmentId, 'S2', { 'A1.2': '1' }, '张三');
    const outcome = await importSummaryScores(ctx(), [
      { id: 'S1', baseScore: '90', orgScore: '96' },
      { id: 'S2', baseScore: '80', orgScore: '90' },
    ]);
    expect(outcome.ok).toBe(false);
    expect(await db.summaryScores.count()).toBe(0);
  });

  it('a summary taken sets the item scores aside, and item scores taken set the summary aside, both kept', async () => {
    await saveItemScores(db, assessmentId, 'S2', { 'A1.2': '1' }, '张三');
    const summary = [
      { id: 'S1', baseScore: '90', orgScore: '96' },
      { id: 'S2', baseScore: '80', orgScore: '90' },
    ];
    expect(await importSummaryScores(ctx(), summary, { S2: 'theirs' })).toMatchObject({ ok: true, count: 2 });
    const items = (await db.itemScores.get([assessmentId, 'S2']))!;
    expect(items.inputs).toEqual({ 'A1.2': '1' });
    expect(items.setAside).toMatchObject({ by: '张三' });
    expect((await db.summaryScores.get([assessmentId, 'S2']))!.setAside).toBeUndefined();

    expect(await importItemScores(ctx(), [{ id: 'S2', inputs: { 'A1.2': '2' } }], { S2: 'theirs' })).toMatchObject({ ok: true, count: 1 });
    expect((await db.summaryScores.get([assessmentId, 'S2']))!.setAside).toMatchObject({ by: '张三' });
    expect((await db.summaryScores.get([assessmentId, 'S1']))!.setAside).toBeUndefined();
    const now = (await db.itemScores.get([assessmentId, 'S2']))!;
    expect(now.inputs).toEqual({ 'A1.2': '2' });
    expect(now.setAside).toBeUndefined();
  });

  it('a locked assessment takes no import', async () => {
    await db.assessments.update(assessmentId, { locked: true });
    const outcome = await importTallies(ctx(), []);
    expect(outcome).toEqual({ ok: false, errors: [{ message: '本次考核已定稿，不能再导入' }] });
  });

  it('a change between the preview and the write refuses the write; without one it goes ahead', async () => {
    const tally = (id: string, verySatisfied: number) => ({ id, verySatisfied, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 });
    const preview = await previewImport(ctx(), 'ballots', [tally('S1', 31), tally('S2', 20)]);
    if (!preview.ok) throw new Error('preview refused');
    // S1's tally changes here after the previews
    expect(await importTallies(ctx(), [tally('S1', 29)], { S1: 'theirs' })).toMatchObject({ ok: true });
    expect(await applyImport(ctx(), preview.value, { S1: 'theirs' })).toEqual({
      ok: false,
      errors: [{ message: '本考核的数据在预览之后有了变化，请重新导入该文件' }],
    });
    expect((await db.tallies.get([assessmentId, 'S1']))!.verySatisfied).toBe(29);
    const fresh = await previewImport(ctx(), 'ballots', [tally('S1', 31), tally('S2', 20)]);
    if (!fresh.ok) throw new Error('preview refused');
    expect(await applyImport(ctx(), fresh.value, { S1: 'theirs' })).toMatchObject({ ok: true, count: 2 });
    expect((await db.tallies.get([assessmentId, 'S1']))!.verySatisfied).toBe(31);
  });

  it('every import is in the audit chain', async () => {
    const audit = await db.audit.orderBy('seq').toArray();
    expect(audit.map((a) => a.action)).toEqual(['assessment.create', 'roster.import', 'ballots.import']);
    expect(audit[1]!.prevHash).toBe(audit[0]!.hash);
    expect(audit[2]!.prevHash).toBe(audit[1]!.hash);
  });
});

describe('workbook imports', () => {
  it('a bad workbook names sheet, row and column, and changes nothing', async () => {
    const bytes = await xlsx('测评计票', [
      ['编号', '很满意', '满意', '基本满意', '不满意'],
      ['S1', 1, 1, 1, 1],
      ['S2', 35, '五', 0, 0],
    ]);
    const outcome = await importWorkbook({ kind: 'ballots', assessmentId, file: { name: '计票.xlsx', bytes }, operator: '张三', db });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.errors).toContainEqual(expect.objectContaining({ sheet: '计票.xlsx / 测评计票', row: 3, column: '满意' }));
    expect((await db.tallies.get([assessmentId, 'S1']))?.verySatisfied).toBe(30);
  });

  it('every error in one round: the rows’ own and those against the roster (unknown 编号, 姓名, electorate)', async () => {
    const bytes = await xlsx('测评计票', [
      ['编号', '姓名', '很满意', '满意', '基本满意', '不满意', '发出票数'],
      ['S1', '书记S2', 30, 8, 2, 0, 45],
      ['S2', '书记S2', 35, '五', 0, 0, ''],
      ['X9', '', 1, 0, 0, 0, ''],
      ['S2', '书记S2', 20, 0, 0, 0, 50],
    ]);
    const outcome = await importWorkbook({ kind: 'ballots', assessmentId, file: { name: '计票.xlsx', bytes }, operator: '张三', db });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    const where = outcome.errors.map((e) => `${e.row}:${e.column}`);
    // row 2 the wrong name, row 3 not a number (and S2 twice), row 4 not on the roster, row 5 issued above 42
    expect(where).toEqual(expect.arrayContaining(['2:姓名', '3:满意', '4:编号', '5:发出票数']));
    expect(outcome.errors.find((e) => e.row === 2)?.message).toContain('与名册中编号“S1”的姓名“书记S1”不一致');
    expect(await db.tallies.count()).toBe(1);
  });

  it('a warning of the file (data under a column without a header) is carried to the preview', async () => {
    const bytes = await xlsx('测评计票', [
      ['编号', '很满意', '满意', '基本满意', '不满意', ''],
      ['S2', 30, 8, 2, 0, '备注'],
    ]);
    const preview = await previewWorkbook({ kind: 'ballots', assessmentId, file: { name: '计票.xlsx', bytes }, operator: '张三', db });
    if (!preview.ok) throw new Error(preview.errors[0]!.message);
    expect(preview.value.warnings).toHaveLength(1);
    expect(preview.value.warnings[0]).toMatchObject({ sheet: '计票.xlsx / 测评计票', column: expect.stringMatching(/F/) });
    expect(preview.value.counts).toEqual({ new: 1, same: 0, different: 0, absent: 0 });
  });

  it('a file that is not a workbook is one clear error', async () => {
    const outcome = await importWorkbook({
      kind: 'roster',
      assessmentId,
      file: { name: '名册.xlsx', bytes: new TextEncoder().encode('hello') },
      operator: '',
      db,
    });
    expect(outcome).toEqual({ ok: false, errors: [{ sheet: '名册.xlsx', message: expect.stringContaining('不是有效的 Excel 工作簿') }] });
  });

  it('a good roster replaces the old one', async () => {
    const bytes = await xlsx('名册', [
      ['编号', '姓名', '单位类别', '驻村方式', '职级类别', '应参加人数'],
      ['R1', '王明', '镇街', '脱产', '正股级', 45],
    ]);
    const request = { kind: 'roster' as const, assessmentId, file: { name: '名册.xlsx', bytes }, operator: '', db };
    // S1 and S2 are not in the file: kept unless a person chooses to remove them
    expect(await importWorkbook(request)).toMatchObject({ ok: true, count: 1 });
    expect((await db.secretaries.toArray()).map((s) => s.id).sort()).toEqual(['R1', 'S1', 'S2']);
    expect(await importWorkbook(request, { S1: 'theirs', S2: 'theirs' })).toMatchObject({ ok: true, count: 2 });
    expect((await db.secretaries.toArray()).map((s) => s.id)).toEqual(['R1']);
  });
});

describe('loadAssessmentInput', () => {
  it('gives the method plain records of this assessment only', async () => {
    const other = await duplicateAssessment(db, assessmentId);
    await recordDecision(db, assessmentId, { id: 'S1', grade: 'excellent', reason: '会议研究', by: '李四' }, '张三');
    const input = await loadAssessmentInput(db, assessmentId);
    expect(input.secretaries.map((s) => s.id)).toEqual(['S1', 'S2']);
    expect(input.secretaries[0]).not.toHaveProperty('assessmentId');
    expect(input.tallies).toEqual([{ id: 'S1', verySatisfied: 30, satisfied: 8, basic: 2, dissatisfied: 0, invalid: 0, abstain: 0 }]);
    // a category of two has no 优秀 place: the decision says it is over the quota
    const quotaNote = '本类别优秀 1 人，超出名额（0 人）1 人';
    expect(input.decisions).toEqual([
      { id: 'S1', grade: 'excellent', reason: '会议研究', by: '李四', at: expect.stringMatching(/^\d{4}-\d\d-\d\d$/), quotaNote },
    ]);
    expect(input.policy.preset).toBe('jiaozhou');
    const copy = await loadAssessmentInput(db, other);
    expect(copy.secretaries).toHaveLength(2);
    expect(copy.tallies).toEqual([]);
  });
});
