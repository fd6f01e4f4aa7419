import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { computeAssessment } from '../../../shared/method';
import { groupStatus, presenceChanges, suggestedGroups } from '../../../shared/field';
import type { Secretary } from '../../../shared/model';
import { createAssessment } from './assessments';
import {
  acceptPresence,
  acceptVoters,
  assignGroup,
  removePaper,
  saveAttendance,
  saveBox,
  saveGroups,
  savePaper,
  saveReview,
  shareDigests,
  signOffGroup,
} from './field';
import { importAttendance, importRoster } from './imports';
import { LockedError, lockAssessment } from './lock';
import { loadAssessmentInput } from './load-input';
import { ShuangpingDb } from './schema';
import { enterSummaryScore } from './scores';

const sec = (id: string, mode: Secretary['mode'] = 'fulltime'): Secretary => ({
  id,
  name: `书记${id}`,
  source: 'town',
  mode,
  rankClass: 'section',
  town: '胶莱镇',
  postType: 'village',
  eligibleVoters: 45,
});

let db: ShuangpingDb;
let a: string;
const actions = async () => (await db.audit.where('assessmentId').equals(a).toArray()).map((e) => e.action);

beforeEach(async () => {
  db = new ShuangpingDb(`field-${Math.random()}`);
  a = await createAssessment(db, { year: 2024, name: '大安区考核', region: '大安区', policy: 'daan' }, '张三');
  await importRoster({ db, assessmentId: a, operator: '张三', sheet: '名册' }, [sec('S1'), sec('S2', 'parttime')]);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('attendance', () => {
  it('a month imported is stored, logged once, and its year offered to the roster only when accepted', async () => {
    await saveAttendance(
      db,
      a,
      [
        { id: 'S1', month: '2024-03', daysPresent: 18, workDays: 21, leaveDays: 2 },
        { id: 'S2', month: '2024-03', daysPresent: 20, workDays: 21, leaveDays: 0 },
      ],
      'import',
      '张三',
    );
    expect(await db.attendance.count()).toBe(2);
    expect((await actions()).filter((x) => x === 'attendance.import')).toHaveLength(1);
    // the roster is not touched until a person accepts
    expect((await db.secretaries.get([a, 'S1']))!.daysPresent).toBeUndefined();
    const changes = presenceChanges(await db.secretaries.toArray(), await db.attendance.toArray(), 2024);
    expect(changes.map((c) => [c.id, c.after])).toEqual([
      ['S1', { daysPresent: 18, workDays: 21 }],
      ['S2', { daysPresent: 20, workDays: 21 }],
    ]);
    await acceptPresence(db, a, changes.slice(0, 1), '李四');
    expect(await db.secretaries.get([a, 'S1'])).toMatchObject({ daysPresent: 18, workDays: 21 });
    expect((await db.secretaries.get([a, 'S2']))!.daysPresent).toBeUndefined();
    expect(await actions()).toContain('attendance.presence');
  });
});

describe('attendance imported from its workbook', () => {
  it('a month is imported with the preview of other imports: the same month again differs only by a person’s choice', async () => {
    const ctx = { db, assessmentId: a, operator: '张三', sheet: '考勤' };
    const march = [
      { id: 'S1', month: '2024-03', daysPresent: 18, workDays: 21, leaveDays: 2 },
      { id: 'S2', month: '2024-03', daysPresent: 20, workDays: 21, leaveDays: 0 },
    ];
    expect(await importAttendance(ctx, march)).toMatchObject({ ok: true, count: 2 });
    expect(await importAttendance(ctx, [{ id: 'S1', month: '2024-04', daysPresent: 19, workDays: 22, leaveDays: 0 }])).toMatchObject({ ok: true, count: 1 });
    expect(await db.attendance.count()).toBe(3);
    const changed = [{ ...march[0]!, daysPresent: 17 }];
    expect(await importAttendance(ctx, changed)).toMatchObject({ ok: false });
    expect(await importAttendance(ctx, changed, { S1: 'theirs' })).toMatchObject({ ok: true, count: 1 });
    expect((await db.attendance.get([a, 'S1', '2024-03']))!.daysPresent).toBe(17);
    expect(await importAttendance(ctx, [{ id: 'S9', month: '2024-03', daysPresent: 1, workDays: 21, leaveDays: 0 }])).toMatchObject({
      ok: false,
      errors: [{ message: '编号“S9”不在名册中' }],
    });
  });
});

describe('quarterly review', () => {
  it('a recall is recorded as a recall event of its quarter, said in the reasons of the result (rules.test: it bars 优秀 under 大安区); changing the finding removes it', async () => {
    await expect(saveReview(db, a, { id: 'S1', quarter: '2024Q2', decision: 'recall' }, '张三')).rejects.toThrow('召回情形');
    await saveReview(db, a, { id: 'S1', quarter: '2024Q2', decision: 'recall', ground: 'absent' }, '张三');
    const events = await db.events.toArray();
    expect(events).toMatchObject([{ id: 'S1', kind: 'recall', quarter: '2024Q2', note: '无正当理由长期不在岗的' }]);
    const result = computeAssessment(await loadAssessmentInput(db, a));
    const row = result.categories.flatMap((c) => c.rows).find((r) => r.id === 'S1')!;
    expect(JSON.stringify(row)).toContain('2024年第2季度分析研判决定召回撤换');

    await saveReview(db, a, { id: 'S1', quarter: '2024Q2', decision: 'remind', ground: 'absent' }, '张三');
    expect(await db.events.count()).toBe(0);
    expect(await db.reviews.count()).toBe(1);
  });
});

describe('papers', () => {
  it('received, waived only with a reason, removed; each logged', async () => {
    await savePaper(db, a, { id: 'S1', kind: 'report', status: 'received', by: '王五' }, '张三');
    await expect(savePaper(db, a, { id: 'S1', kind: 'diary', status: 'waived', by: '王五', reason: ' ' }, '张三')).rejects.toThrow('理由');
    await savePaper(db, a, { id: 'S1', kind: 'diary', status: 'waived', by: '王五', reason: '病假期间' }, '张三');
    await removePaper(db, a, 'S1', 'report', '张三');
    expect((await db.papers.toArray()).map((p) => [p.kind, p.status])).toEqual([['diary', 'waived']]);
    expect(await actions()).toEqual(expect.arrayContaining(['paper.receive', 'paper.waive', 'paper.remove']));
  });
});

describe('assessment groups', () => {
  it('two groups each sign off their share; a change of a score afterwards reopens that share', async () => {
    const groups = suggestedGroups(await db.secretaries.toArray()).map((g, i) => ({ ...g, members: [['张三'], ['李四']][i]! }));
    await saveGroups(db, a, groups, '张三');
    const [city, town] = groups;
    await assignGroup(db, a, ['S1'], city!.id, '张三');
    await assignGroup(db, a, ['S2'], town!.id, '张三');
    await signOffGroup(db, a, city!, ['S1'], '张三');
    await signOffGroup(db, a, town!, ['S2'], '李四');
    const status = async (g: typeof city, id: string) =>
      groupStatus(g!, [{ id, digest: (await shareDigests(db, a, [id])).get(id)! }], new Map((await db.assignments.toArray()).map((x) => [x.id, x]))).state;
    expect(await status(city, 'S1')).toBe('signed');
    expect(await status(town, 'S2')).toBe('signed');
    await enterSummaryScore(db, a, 'S2', { baseScore: '88', orgScore: '95' }, '张三');
    expect(await status(town, 'S2')).toBe('reopened');
    expect(await status(city, 'S1')).toBe('signed');
    expect((await actions()).filter((x) => x === 'group.signOff')).toHaveLength(2);
  });
});

describe('ballot boxes', () => {
  it('a box is registered out, returned later; the voters by group are written to the roster only when accepted', async () => {
    await saveBox(db, a, { id: 'S1', issued: 40, issuedAt: '2024-12-05', voters: { committee: 5, members: 30, representatives: 8 } }, '张三');
    expect((await db.boxes.get([a, 'S1']))!.returned).toBeUndefined();
    await saveBox(
      db,
      a,
      { id: 'S1', issued: 40, issuedAt: '2024-12-05', returned: 39, returnedAt: '2024-12-06', caller: '甲', counter: '乙', scrutineer: '丙' },
      '张三',
    );
    expect(await db.boxes.get([a, 'S1'])).toMatchObject({ returned: 39, caller: '甲' });
    await acceptVoters(db, a, 'S1', 43, '张三');
    expect((await db.secretaries.get([a, 'S1']))!.eligibleVoters).toBe(43);
  });
});

describe('定稿', () => {
  it('refuses every field write once locked', async () => {
    await lockAssessment(db, a, '张三');
    await expect(saveAttendance(db, a, [{ id: 'S1', month: '2024-03', daysPresent: 1, workDays: 2, leaveDays: 0 }], 'typed', '张三')).rejects.toBeInstanceOf(
      LockedError,
    );
    await expect(savePaper(db, a, { id: 'S1', kind: 'report', status: 'received', by: '王五' }, '张三')).rejects.toBeInstanceOf(LockedError);
    await expect(saveBox(db, a, { id: 'S1', issued: 1, issuedAt: '2024-12-05' }, '张三')).rejects.toBeInstanceOf(LockedError);
    await expect(saveGroups(db, a, [], '张三')).rejects.toBeInstanceOf(LockedError);
  });
});
