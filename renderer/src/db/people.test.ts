/** People across years in the database (docs/method.md §10–§13): links and 奖惩意见 edits logged, the carry-over read into the next year, the v3 upgrade. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAssessment } from '../../../shared/method';
import type { Secretary } from '../../../shared/model';
import { createAssessment, setApprovedAt, updateAssessment } from './assessments';
import { importEvents, importRoster } from './imports';
import { loadAssessmentInput } from './load-input';
import { presetPolicy } from '../../../shared/policy';
import {
  awardEditsOf,
  editAward,
  historyTables,
  importPastResults,
  linkPerson,
  previewPastResults,
  readCarried,
  readHistory,
  readTermSheets,
  resetAward,
  setTermEvaluation,
} from './people';
import { personView } from '../../../shared/people';
import { aftermathOf } from '../../../shared/policy/aftermath';
import { lockAssessment, LockedError, unlockAssessment } from './lock';
import { previewLink } from './link-preview';
import { olderDatabase } from './older-database';
import { ShuangpingDb } from './schema';

const ZHANG = '370281199001011232';
const sec = (id: string, extra: Partial<Secretary> = {}): Secretary => ({
  id,
  name: '张建国',
  unit: '市农业农村局',
  source: 'city',
  mode: 'fulltime',
  rankClass: 'section',
  town: '胶莱镇',
  postType: 'village',
  eligibleVoters: 45,
  ...extra,
});

let db: ShuangpingDb;
const ids: Record<number, string> = {};
const ctx = (year: number) => ({ db, assessmentId: ids[year]!, operator: '王敏', sheet: '测试' });

beforeEach(async () => {
  db = new ShuangpingDb(`test-${Math.random()}`);
  for (const year of [2023, 2024, 2025])
    ids[year] = await createAssessment(db, { year, name: `${year}年度考核`, region: '胶州市', policy: 'jiaozhou' }, '王敏');
  // 编号 changes every year; the 2024 roster has no 身份证号
  await importRoster(ctx(2023), [sec('S7', { idNumber: ZHANG })]);
  await importRoster(ctx(2024), [sec('S12')]);
  await importRoster(ctx(2025), [sec('T3', { idNumber: ZHANG }), sec('T4', { name: '李志明' })]);
  await importEvents(ctx(2023), [{ id: 'S7', kind: 'recall', date: '2023-06-30', note: '季度研判' }]);
  await importEvents(ctx(2024), [{ id: 'S12', kind: 'breach', note: '违反工作纪律' }]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('a person across three years with a 召回 and a 不称职', () => {
  it('the 2024 secretary without 身份证号 is the same person once a person confirms it (logged)', async () => {
    const before = await readHistory(db);
    const key = before.people.keyOf({ assessmentId: ids[2023]!, id: 'S7' });
    expect(before.people.nodesOf(key).map((n) => n.year)).toEqual([2023, 2025]);
    await linkPerson(db, ids[2024]!, 'S12', { assessmentId: ids[2023]!, id: 'S7' }, 'nameUnit', '王敏');
    const after = await readHistory(db);
    expect(after.people.nodesOf(after.people.keyOf({ assessmentId: ids[2024]!, id: 'S12' })).map((n) => `${n.year}:${n.id}`)).toEqual([
      '2023:S7',
      '2024:S12',
      '2025:T3',
    ]);
    const entry = (await db.audit.where('assessmentId').equals(ids[2024]!).toArray()).at(-1)!;
    expect(entry).toMatchObject({ action: 'person.link', target: 'S12', operator: '王敏' });
    expect(entry.prior).toBeDefined();
  });

  it('opening 2025 carries the 2024 不称职 (取消年度评优资格) into the method as a reason; the 2023 recall has run out', async () => {
    expect((await loadAssessmentInput(db, ids[2025]!)).carried).toBeUndefined();
    await linkPerson(db, ids[2024]!, 'S12', { assessmentId: ids[2023]!, id: 'S7' }, 'nameUnit', '王敏');
    const input = await loadAssessmentInput(db, ids[2025]!);
    expect(input.carried).toEqual([{ id: 'T3', reason: '2024年度考核不称职：取消年度评优资格（至2025年12月31日）' }]);
    const row = computeAssessment(input)
      .categories.flatMap((c) => c.rows)
      .find((r) => r.id === 'T3')!;
    expect(row.flags).toContain('carried');
    // 2024 itself carries the 2023 recall's 两年内不得提拔 (not a bar to 优秀): nothing enters its method
    expect((await loadAssessmentInput(db, ids[2024]!)).carried).toBeUndefined();
  });
});

describe('奖惩意见 edits', () => {
  it('an edit is kept with its reason and logged; going back to the generated one leaves a tombstone', async () => {
    await editAward(db, ids[2024]!, 'S12', { lines: ['调整出“第一书记”队伍'], reason: '部长办公会研究' }, '王敏');
    expect((await awardEditsOf(db, ids[2024]!)).get('S12')).toMatchObject({ lines: ['调整出“第一书记”队伍'], reason: '部长办公会研究', by: '王敏' });
    const entries = await db.audit.where('assessmentId').equals(ids[2024]!).toArray();
    expect(entries.at(-1)).toMatchObject({ action: 'award.edit', target: 'S12' });
    await resetAward(db, ids[2024]!, 'S12', '王敏');
    expect(await db.awardEdits.count()).toBe(0);
    expect(await db.tombstones.toArray()).toMatchObject([{ key: 'award|S12' }]);
  });
});

describe('审批日期 and 奖惩意见 after 定稿', () => {
  const carriedUntil = async () => {
    const a2025 = (await db.assessments.get(ids[2025]!))!;
    const lines = await db.transaction('r', historyTables(db), () => readCarried(db, a2025));
    return lines.lines.flatMap((l) =>
      l.occurrences
        .filter((o) => o.trigger === 'incompetent' && o.kind === 'sanction' && (o.blocksExcellent || o.years > 0))
        .map((o) => `${o.text}|${o.until}`),
    );
  };

  it('the consequences of a year run from its 审批日期: entered after 定稿, logged with the date it replaced, the carried dates move with it', async () => {
    await linkPerson(db, ids[2024]!, 'S12', { assessmentId: ids[2023]!, id: 'S7' }, 'nameUnit', '王敏');
    await lockAssessment(db, ids[2024]!, '王敏');
    // without a date: from 1 January 2025
    expect(await carriedUntil()).toEqual(['取消年度评优资格|2025-12-31', '两年内不得提拔重用|2026-12-31']);
    await setApprovedAt(db, ids[2024]!, '2025-01-06', '王敏');
    expect(await carriedUntil()).toEqual(['取消年度评优资格|2025-12-31', '两年内不得提拔重用|2027-01-05']);
    await setApprovedAt(db, ids[2024]!, '2025-02-10', '李红');
    expect(await carriedUntil()).toEqual(['取消年度评优资格|2025-12-31', '两年内不得提拔重用|2027-02-09']);
    const entry = (await db.audit.where('assessmentId').equals(ids[2024]!).toArray()).at(-1)!;
    expect(entry).toMatchObject({
      action: 'assessment.update.approvedAt',
      operator: '李红',
      target: '审批日期',
      before: '2025年1月6日',
      after: '2025年2月10日',
    });
    await setApprovedAt(db, ids[2024]!, null, '李红');
    expect((await db.assessments.get(ids[2024]!))!.approvedAt).toBeUndefined();
    expect(await carriedUntil()).toEqual(['取消年度评优资格|2025-12-31', '两年内不得提拔重用|2026-12-31']);
    await expect(setApprovedAt(db, ids[2024]!, '2025-02-30', '李红')).rejects.toThrow(/审批日期无效/);
  });

  it('a duration changed in the policy moves the end of the carried block (and of its reason)', async () => {
    await linkPerson(db, ids[2024]!, 'S12', { assessmentId: ids[2023]!, id: 'S7' }, 'nameUnit', '王敏');
    const policy = presetPolicy('jiaozhou');
    const incompetent = aftermathOf(policy).consequences.incompetent!.map((c) => (c.text === '取消年度评优资格' ? { ...c, years: 2 } : c));
    policy.consequences = { ...aftermathOf(policy).consequences, incompetent };
    await updateAssessment(db, ids[2024]!, { policy }, '王敏');
    expect(await carriedUntil()).toEqual(['取消年度评优资格|2026-12-31', '两年内不得提拔重用|2026-12-31']);
    expect((await loadAssessmentInput(db, ids[2025]!)).carried).toEqual([{ id: 'T3', reason: '2024年度考核不称职：取消年度评优资格（至2026年12月31日）' }]);
  });

  it('a finalized year takes 奖惩意见 edits (they decide no grade) and refuses the rest', async () => {
    await lockAssessment(db, ids[2024]!, '王敏');
    await editAward(db, ids[2024]!, 'S12', { lines: ['调整出“第一书记”队伍'], reason: '市委审批意见' }, '王敏');
    expect((await awardEditsOf(db, ids[2024]!)).get('S12')?.reason).toBe('市委审批意见');
    await resetAward(db, ids[2024]!, 'S12', '王敏');
    expect(await db.tombstones.toArray()).toMatchObject([{ key: 'award|S12' }]);
    await expect(linkPerson(db, ids[2024]!, 'S12', null, undefined, '王敏')).rejects.toBeInstanceOf(LockedError);
    await expect(updateAssessment(db, ids[2024]!, { name: '改名' }, '王敏')).rejects.toBeInstanceOf(LockedError);
  });
});

describe('a finalized year keeps what it carried', () => {
  it('a link made after 定稿 to an earlier 不称职 leaves the finalized year as it was; the open year after it shows the new block in the preview, then in its result', async () => {
    // 2024's 取消年度评优资格 runs two years here: into 2025 and 2026
    const policy = presetPolicy('jiaozhou');
    const incompetent = aftermathOf(policy).consequences.incompetent!.map((c) => (c.text === '取消年度评优资格' ? { ...c, years: 2 } : c));
    policy.consequences = { ...aftermathOf(policy).consequences, incompetent };
    await updateAssessment(db, ids[2024]!, { policy }, '王敏');
    const a2026 = await createAssessment(db, { year: 2026, name: '2026年度考核', region: '胶州市', policy: 'jiaozhou' }, '王敏');
    await importRoster({ db, assessmentId: a2026, operator: '王敏', sheet: '测试' }, [sec('U5', { idNumber: ZHANG })]);
    await lockAssessment(db, ids[2025]!, '王敏');
    expect((await db.assessments.get(ids[2025]!))!.carriedAtLock).toEqual([]);
    const result2025 = computeAssessment(await loadAssessmentInput(db, ids[2025]!));

    const preview = await previewLink(db, ids[2024]!, 'S12', { sameAs: { assessmentId: ids[2023]!, id: 'S7' } });
    const reason = '2024年度考核不称职：取消年度评优资格（至2026年12月31日）';
    expect(preview.open).toEqual([
      { assessmentId: a2026, label: '2026年度 2026年度考核', secretaries: [expect.objectContaining({ id: 'U5', gained: [reason], lost: [] })] },
    ]);
    expect(preview.finalized).toEqual(['2025年度 2025年度考核']);
    // a preview writes nothing
    expect(await db.personLinks.count()).toBe(0);

    const carried2025 = async () => {
      const a = (await db.assessments.get(ids[2025]!))!;
      return db.transaction('r', historyTables(db), () => readCarried(db, a));
    };
    expect((await carried2025()).changedSinceLock).toBeUndefined();
    await linkPerson(db, ids[2024]!, 'S12', { assessmentId: ids[2023]!, id: 'S7' }, 'nameUnit', '王敏');
    // today's history names the new block; the finalized year says it computes with none, as finalized
    expect(await carried2025()).toMatchObject({ lines: [{ id: 'T3' }], blocks: [], changedSinceLock: [] });
    const input2025 = await loadAssessmentInput(db, ids[2025]!);
    expect(input2025.carried).toBeUndefined();
    expect(computeAssessment(input2025)).toEqual(result2025);
    expect((await loadAssessmentInput(db, a2026)).carried).toEqual([{ id: 'U5', reason }]);
    // reopened, 2025 takes the history as it is now
    await unlockAssessment(db, ids[2025]!, '王敏', '补录人员对应');
    expect((await db.assessments.get(ids[2025]!))!.carriedAtLock).toBeUndefined();
    expect((await loadAssessmentInput(db, ids[2025]!)).carried).toEqual([{ id: 'T3', reason }]);
    // and unlinking now would take it away again, from both open years
    const back = await previewLink(db, ids[2024]!, 'S12', { unlink: true });
    expect(back.open.map((c) => c.secretaries.map((x) => `${x.id}:${x.lost.join()}`))).toEqual([[`T3:${reason}`], [`U5:${reason}`]]);
  });
});

describe('期满评价', () => {
  const withTerm = (termEnd: string) =>
    importRoster(ctx(2025), [sec('T3', { idNumber: ZHANG }), sec('T4', { name: '李志明', termStart: '2023-03-01', termEnd })], { T4: 'theirs' });
  const termOf = async (assessmentId: string, id: string, policy = presetPolicy('jiaozhou')) => {
    const history = await db.transaction('r', historyTables(db), () => readHistory(db));
    return personView({ assessmentId, id }, history.people, history.years, policy, history.evaluations)?.term;
  };

  it('recorded on the person’s page with its reason, logged with what it replaced; the 期满考核 takes it and the policy that requires it waits for it', async () => {
    await withTerm('2025-02-28');
    const required = presetPolicy('jiaozhou');
    required.term = { ...aftermathOf(required).term, evaluation: 'required' };
    expect((await termOf(ids[2025]!, 'T4', required))?.outcome.reasons.at(-1)).toMatch(/尚未录入期满评价/);
    await setTermEvaluation(db, ids[2025]!, 'T4', { grade: 'fail', reason: '派出单位评价意见：不合格' }, '王敏');
    const term = await termOf(ids[2025]!, 'T4', required);
    expect(term?.evaluation).toMatchObject({ grade: 'fail', reason: '派出单位评价意见：不合格', by: '王敏', start: '2023-03-01', end: '2025-02-28' });
    expect(term?.outcome.grade).toBe('fail');
    expect(term?.outcome.reasons).toContain('期满评价为不合格');
    await setTermEvaluation(db, ids[2025]!, 'T4', { grade: 'pass', reason: '复核后改为合格' }, '李红');
    const entry = (await db.audit.where('assessmentId').equals(ids[2025]!).toArray()).at(-1)!;
    expect(entry).toMatchObject({
      action: 'term.evaluate',
      target: 'T4',
      operator: '李红',
      before: '不合格（派出单位评价意见：不合格；王敏）',
      after: '合格（复核后改为合格；李红）',
    });
    expect(entry.prior).toBeDefined();
    // the 期满考核表 of 2025 prints it
    const sheets = await readTermSheets(db, (await db.assessments.get(ids[2025]!))!);
    expect(sheets.find((t) => t.id === 'T4')?.evaluation).toBe('合格（复核后改为合格）');
    await setTermEvaluation(db, ids[2025]!, 'T4', null, '李红');
    expect(await db.termEvaluations.count()).toBe(0);
    expect(await db.tombstones.toArray()).toMatchObject([{ key: 'term|T4' }]);
    await expect(setTermEvaluation(db, ids[2025]!, 'T4', { grade: 'pass', reason: ' ' }, '李红')).rejects.toThrow(/依据/);
  });

  it('taken by a finalized year (it comes after the year’s assessment and decides none of its grades); the roster stays closed', async () => {
    await withTerm('2025-12-31');
    await lockAssessment(db, ids[2025]!, '王敏');
    const result = computeAssessment(await loadAssessmentInput(db, ids[2025]!));
    await setTermEvaluation(db, ids[2025]!, 'T4', { grade: 'excellent', reason: '派出单位评价意见：优秀' }, '王敏');
    expect((await termOf(ids[2025]!, 'T4'))?.evaluation?.grade).toBe('excellent');
    expect((await db.audit.where('assessmentId').equals(ids[2025]!).toArray()).at(-1)).toMatchObject({ action: 'term.evaluate', target: 'T4' });
    expect(computeAssessment(await loadAssessmentInput(db, ids[2025]!))).toEqual(result);
    await setTermEvaluation(db, ids[2025]!, 'T4', null, '王敏');
    expect(await db.termEvaluations.count()).toBe(0);
    expect(await importRoster(ctx(2025), [sec('T4', { name: '李志明' })])).toEqual({ ok: false, errors: [{ message: '本次考核已定稿，不能再导入' }] });
  });

  it('a term changed on the roster since is not the term evaluated', async () => {
    await withTerm('2025-02-28');
    await setTermEvaluation(db, ids[2025]!, 'T4', { grade: 'excellent', reason: '派出单位评价意见' }, '王敏');
    expect((await termOf(ids[2025]!, 'T4'))?.evaluation?.grade).toBe('excellent');
    await withTerm('2026-02-28');
    expect((await termOf(ids[2025]!, 'T4'))?.evaluation).toBeUndefined();
  });
});

describe('schema version 6', () => {
  it('opens a version-5 database with its data, and an empty 期满评价 table', async () => {
    const name = `test-v5-${Math.random()}`;
    const v5 = olderDatabase(name, 5);
    await v5.table('awardEdits').add({ assessmentId: 'a', id: 'S1', lines: ['通报表扬'], reason: '部长办公会研究', by: '王敏', at: '2025-01-06T08:00:00Z' });
    v5.close();
    const upgraded = new ShuangpingDb(name);
    try {
      expect(upgraded.verno).toBeGreaterThanOrEqual(6);
      expect(await upgraded.awardEdits.count()).toBe(1);
      expect(await upgraded.termEvaluations.count()).toBe(0);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});

describe('import of a past year’s results', () => {
  it('makes a finalized assessment per year whose grades stand as decisions; the person is carried into the next year', async () => {
    const imported = await importPastResults(
      db,
      [
        { year: 2022, id: 'P1', name: '张建国', grade: 'incompetent', idNumber: ZHANG, unit: '市农业农村局' },
        { year: 2022, id: 'P2', name: '李志明', grade: 'excellent', recallDate: '2022-09-30' },
      ],
      { region: '胶州市', policy: presetPolicy('jiaozhou'), file: '历年结果.xlsx' },
      '王敏',
    );
    if (!imported.ok) throw new Error(imported.errors[0]?.message);
    const made = imported.value;
    const a2022 = (await db.assessments.get(made.get(2022)!))!;
    expect(a2022).toMatchObject({ year: 2022, name: '2022年度考核（历年结果）', locked: true });
    const result = computeAssessment(await loadAssessmentInput(db, a2022.id));
    expect(result.categories.flatMap((c) => c.rows).map((r) => [r.id, r.grade])).toEqual(
      expect.arrayContaining([
        ['P1', 'incompetent'],
        ['P2', 'excellent'],
      ]),
    );
    expect((await db.audit.where('assessmentId').equals(a2022.id).toArray()).map((e) => e.action)).toContain('past.import');
    const history = await readHistory(db);
    // the 2023 S7 and the 2025 T3 share the 身份证号 with the imported 2022 P1
    expect(history.people.nodesOf(history.people.keyOf({ assessmentId: a2022.id, id: 'P1' })).map((n) => n.year)).toEqual([2022, 2023, 2025]);
    // 2022 不称职: 两年内不得提拔重用 runs to the end of 2024, nothing blocks 优秀 in 2023 beyond 取消年度评优资格 of 2023
    expect((await loadAssessmentInput(db, ids[2023]!)).carried).toEqual([{ id: 'S7', reason: '2022年度考核不称职：取消年度评优资格（至2023年12月31日）' }]);
  });

  it('previewed first, nothing written: the years, secretaries and grades it adds, and the block the open 2023 would carry', async () => {
    const rows = [
      { year: 2022, id: 'P1', name: '张建国', grade: 'incompetent' as const, idNumber: ZHANG, unit: '市农业农村局' },
      { year: 2022, id: 'P2', name: '李志明', grade: 'excellent' as const, recallDate: '2022-09-30' },
    ];
    const [assessments, audit] = [await db.assessments.count(), await db.audit.count()];
    const preview = await previewPastResults(db, rows, { region: '胶州市', policy: presetPolicy('jiaozhou'), file: '历年结果.xlsx' }, '王敏');
    if (!preview.ok) throw new Error(preview.errors[0]?.message);
    expect(preview.value.years).toEqual([
      {
        year: 2022,
        count: 2,
        grades: [
          { label: '不称职', count: 1 },
          { label: '优秀', count: 1 },
        ],
        recalls: 1,
        existing: 0,
      },
    ]);
    expect(preview.value.secretaries.map((r) => `${r.id} ${r.name} ${r.grade}`)).toEqual(['P1 张建国 不称职', 'P2 李志明 优秀']);
    expect(preview.value.changes.open).toEqual([
      expect.objectContaining({
        assessmentId: ids[2023],
        secretaries: [expect.objectContaining({ id: 'S7', gained: ['2022年度考核不称职：取消年度评优资格（至2023年12月31日）'] })],
      }),
    ]);
    expect([await db.assessments.count(), await db.audit.count(), await db.secretaries.count()]).toEqual([assessments, audit, 4]);
    // a refused file says so in the preview already
    const refused = await previewPastResults(
      db,
      [
        { year: 2022, id: 'Q2', name: '钱明', grade: 'good' },
        { year: 2022, id: 'Q2', name: '孙亮', grade: 'competent' },
      ],
      { region: '胶州市', policy: presetPolicy('jiaozhou'), file: '历年结果.xlsx' },
      '王敏',
    );
    expect(refused.ok).toBe(false);
    expect(await db.assessments.count()).toBe(assessments);
  });

  it('a year the roster refuses leaves no year made: the errors come back, nothing written', async () => {
    const before = await db.assessments.count();
    const audit = await db.audit.count();
    const imported = await importPastResults(
      db,
      [
        { year: 2021, id: 'Q1', name: '赵刚', grade: 'good' },
        { year: 2022, id: 'Q2', name: '钱明', grade: 'good' },
        { year: 2022, id: 'Q2', name: '孙亮', grade: 'competent' },
      ],
      { region: '胶州市', policy: presetPolicy('jiaozhou'), file: '历年结果.xlsx' },
      '王敏',
    );
    expect(imported.ok).toBe(false);
    expect(imported.ok ? [] : imported.errors.map((e) => e.message).join('；')).toMatch(/Q2/);
    expect(await db.assessments.count()).toBe(before);
    expect(await db.audit.count()).toBe(audit);
  });
});

describe('schema version 3', () => {
  it('opens a version-2 database with its data, and empty people and 奖惩意见 tables', async () => {
    const name = `test-v2-${Math.random()}`;
    const v2 = olderDatabase(name, 2);
    const assessment = (await db.assessments.get(ids[2024]!))!;
    await v2.table('assessments').add(assessment);
    await v2.table('secretaries').add({ ...sec('S12'), assessmentId: assessment.id });
    v2.close();

    const upgraded = new ShuangpingDb(name);
    try {
      expect(upgraded.verno).toBeGreaterThanOrEqual(3);
      expect(await upgraded.secretaries.toArray()).toEqual([{ ...sec('S12'), assessmentId: assessment.id }]);
      expect(await upgraded.personLinks.count()).toBe(0);
      expect(await upgraded.awardEdits.count()).toBe(0);
      await linkPerson(upgraded, assessment.id, 'S12', null, undefined, '王敏');
      expect(await upgraded.personLinks.toArray()).toMatchObject([{ id: 'S12', distinct: true, by: '王敏' }]);
    } finally {
      upgraded.close();
      await upgraded.delete();
    }
  });
});
