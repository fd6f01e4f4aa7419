/**
 * The year's field work as stored (docs/data.md §12): months of attendance, quarterly
 * reviews (a recall decided there is also a `recall` event), the papers received or
 * waived, each secretary's assessment group and its sign-off, and the ballot boxes. Every
 * write is one change (change.ts): logged with what it replaced, refused when 定稿.
 * Changes to the roster that attendance or a box suggests are written only when a
 * person accepts them.
 */
import { describeAttendance, shareDigest, type PresenceChange } from '../../../shared/field';
import {
  monthLabel,
  PAPER_LABELS,
  quarterLabel,
  RECALL_GROUND_LABELS,
  REVIEW_DECISION_LABELS,
  type AssessmentGroup,
  type AttendanceMonth,
  type BallotBox,
  type PaperRecord,
  type QuarterReview,
} from '../../../shared/model';
import { appendAudit, auditState } from './audit';
import { changeRecords } from './change';
import { nowIso } from './ids';
import { assertUnlocked, changeTables } from './lock';
import type { AttendanceRecord, BoxRecord, PaperRecordRow, ReviewRecord, ShuangpingDb } from './schema';
import { readUnits } from './units';

const today = () => nowIso().slice(0, 10);

const attendanceState = (r: AttendanceRecord | undefined) => (r ? auditState(r, `${monthLabel(r.month)} ${describeAttendance(r)}`) : undefined);

/** Saves months of attendance (typed, or read from the attendance workbook), replacing the same secretary's same month. */
export async function saveAttendance(
  db: ShuangpingDb,
  assessmentId: string,
  months: readonly AttendanceMonth[],
  source: AttendanceRecord['source'],
  operator: string,
): Promise<void> {
  if (!months.length) return;
  const ids = [...new Set(months.map((m) => m.id))];
  await changeRecords(db, assessmentId, { ids, kinds: ['attendance'] }, async (log) => {
    const at = nowIso();
    for (const m of months) {
      const before = await db.attendance.get([assessmentId, m.id, m.month]);
      const record: AttendanceRecord = { ...m, assessmentId, source, by: operator, at };
      await db.attendance.put(record);
      if (source === 'typed') log({ operator, action: 'attendance.save', target: m.id, before: attendanceState(before), after: attendanceState(record) });
    }
    if (source === 'import') {
      const byMonth = [...new Set(months.map((m) => monthLabel(m.month)))].join('、');
      log({ operator, action: 'attendance.import', target: byMonth, after: auditState(months, `${months.length}条`) });
    }
  });
}

export async function removeAttendance(db: ShuangpingDb, assessmentId: string, id: string, month: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['attendance'] }, async (log) => {
    const before = await db.attendance.get([assessmentId, id, month]);
    if (!before) return;
    await db.attendance.delete([assessmentId, id, month]);
    log({ operator, action: 'attendance.remove', target: id, before: attendanceState(before) });
  });
}

/** Writes the year's attendance totals to the roster's 在村工作天数/全年工作日数, for the changes a person accepted. */
export async function acceptPresence(db: ShuangpingDb, assessmentId: string, changes: readonly PresenceChange[], operator: string): Promise<void> {
  if (!changes.length) return;
  await changeRecords(db, assessmentId, { ids: changes.map((c) => c.id), kinds: ['roster'] }, async (log) => {
    for (const c of changes) {
      const s = await db.secretaries.get([assessmentId, c.id]);
      if (!s) continue;
      await db.secretaries.put({ ...s, daysPresent: c.after.daysPresent, workDays: c.after.workDays });
      log({
        operator,
        action: 'attendance.presence',
        target: c.id,
        before: `${s.daysPresent ?? '—'}/${s.workDays ?? '—'}`,
        after: `${c.after.daysPresent}/${c.after.workDays}`,
      });
    }
  });
}

const reviewState = (r: ReviewRecord | undefined) =>
  r ? auditState(r, `${quarterLabel(r.quarter)} ${REVIEW_DECISION_LABELS[r.decision]}${r.ground ? `（${RECALL_GROUND_LABELS[r.ground]}）` : ''}`) : undefined;

/**
 * Records a quarterly review's finding. A recall needs its ground; it is also a `recall`
 * event of that quarter (so its consequences follow); a finding changed from recall removes it.
 */
export async function saveReview(db: ShuangpingDb, assessmentId: string, review: QuarterReview, operator: string): Promise<ReviewRecord> {
  if (review.decision === 'recall' && !review.ground) throw new Error('召回撤换须选择召回情形');
  return changeRecords(db, assessmentId, { ids: [review.id], kinds: ['review', 'events'] }, async (log) => {
    const before = await db.reviews.get([assessmentId, review.id, review.quarter]);
    const record: ReviewRecord = { ...review, assessmentId, by: operator, at: nowIso() };
    await db.reviews.put(record);
    const events = await db.events.where('[assessmentId+id]').equals([assessmentId, review.id]).toArray();
    const recall = events.find((e) => e.kind === 'recall' && e.quarter === review.quarter);
    if (recall && review.decision !== 'recall') await db.events.delete(recall.key!);
    if (review.decision === 'recall') {
      const note = RECALL_GROUND_LABELS[review.ground!] + (review.note ? `；${review.note}` : '');
      if (recall) await db.events.put({ ...recall, note });
      else await db.events.add({ assessmentId, id: review.id, kind: 'recall', quarter: review.quarter, note });
    }
    log({ operator, action: 'review.save', target: review.id, before: reviewState(before), after: reviewState(record) });
    return record;
  });
}

const paperState = (p: PaperRecordRow | undefined) =>
  p ? auditState(p, `${PAPER_LABELS[p.kind]} ${p.status === 'received' ? `已收（${p.by}，${p.date}）` : `免交：${p.reason ?? ''}`}`) : undefined;

/** Records a paper received (by whom, when), or waived with a reason. */
export async function savePaper(db: ShuangpingDb, assessmentId: string, paper: Omit<PaperRecord, 'date'> & { date?: string }, operator: string): Promise<void> {
  if (paper.status === 'waived' && !paper.reason?.trim()) throw new Error('免交须填写理由');
  await changeRecords(db, assessmentId, { ids: [paper.id], kinds: ['paper'] }, async (log) => {
    const before = await db.papers.get([assessmentId, paper.id, paper.kind]);
    const record: PaperRecordRow = { ...paper, date: paper.date || today(), assessmentId };
    if (record.status === 'received') delete record.reason;
    await db.papers.put(record);
    log({
      operator,
      action: paper.status === 'received' ? 'paper.receive' : 'paper.waive',
      target: paper.id,
      before: paperState(before),
      after: paperState(record),
    });
  });
}

export async function removePaper(db: ShuangpingDb, assessmentId: string, id: string, kind: PaperRecord['kind'], operator: string): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['paper'] }, async (log) => {
    const before = await db.papers.get([assessmentId, id, kind]);
    if (!before) return;
    await db.papers.delete([assessmentId, id, kind]);
    log({ operator, action: 'paper.remove', target: id, before: paperState(before) });
  });
}

/** Waives every paper still missing of these secretaries with one reason (the 定稿 dialog): one log entry naming them all. */
export async function waiveMissing(
  db: ShuangpingDb,
  assessmentId: string,
  missing: readonly { id: string; kinds: readonly PaperRecord['kind'][] }[],
  reason: string,
  operator: string,
): Promise<void> {
  if (!reason.trim()) throw new Error('免交须填写理由');
  if (!missing.length) return;
  await changeRecords(db, assessmentId, { ids: missing.map((m) => m.id), kinds: ['paper'] }, async (log) => {
    const waived: PaperRecordRow[] = [];
    for (const m of missing) {
      for (const kind of m.kinds) {
        if (await db.papers.get([assessmentId, m.id, kind])) continue;
        const record: PaperRecordRow = { assessmentId, id: m.id, kind, status: 'waived', date: today(), by: operator, reason: reason.trim() };
        await db.papers.put(record);
        waived.push(record);
      }
    }
    if (!waived.length) return;
    const people = new Set(waived.map((w) => w.id)).size;
    const list = waived.map((w) => `${w.id} ${PAPER_LABELS[w.kind]}`).join('、');
    log({ operator, action: 'paper.waive', target: `${people}人${waived.length}份`, after: auditState(waived, `免交：${reason.trim()}（${list}）`) });
  });
}

/** Sets the assessment's groups (a setting, logged like the others). */
export async function saveGroups(db: ShuangpingDb, assessmentId: string, groups: readonly AssessmentGroup[], operator: string): Promise<void> {
  await db.transaction('rw', changeTables(db), async () => {
    const before = await assertUnlocked(db, assessmentId);
    await db.assessments.update(assessmentId, { groups: [...groups], updatedAt: nowIso() });
    const words = (gs: readonly AssessmentGroup[] | undefined) =>
      auditState(gs ?? [], (gs ?? []).map((g) => `${g.name}（${g.members.join('、')}）`).join('；') || '无');
    await appendAudit(db, { assessmentId, operator, action: 'assessment.update.groups', target: '考核组', before: words(before.groups), after: words(groups) });
  });
}

/** Puts secretaries' scoring in a group (their earlier sign-off does not carry over). */
export async function assignGroup(db: ShuangpingDb, assessmentId: string, ids: readonly string[], group: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, { ids, kinds: ['group'] }, async (log) => {
    for (const id of ids) {
      const before = await db.assignments.get([assessmentId, id]);
      if (before?.group === group) continue;
      await db.assignments.put({ assessmentId, id, group });
      log({ operator, action: 'group.assign', target: id, before: before?.group, after: group });
    }
  });
}

/** The digest a group signs for each secretary: their scores and tally as they stand. */
export async function shareDigests(db: ShuangpingDb, assessmentId: string, ids: readonly string[]): Promise<Map<string, string>> {
  const units = await db.transaction('r', [db.itemScores, db.summaryScores, db.tallies, db.tallyEntries], () =>
    readUnits(db, assessmentId, ids, ['score', 'tally']),
  );
  return new Map(ids.map((id) => [id, shareDigest(units.get(`score|${id}`), units.get(`tally|${id}`))]));
}

/** A group signs off its share: each of `ids` as it stands now, by `operator`. */
export async function signOffGroup(db: ShuangpingDb, assessmentId: string, group: AssessmentGroup, ids: readonly string[], operator: string): Promise<void> {
  if (!ids.length) return;
  await changeRecords(db, assessmentId, { ids, kinds: ['group'] }, async (log) => {
    const digests = await readUnits(db, assessmentId, ids, ['score', 'tally']);
    const at = nowIso();
    for (const id of ids) {
      const digest = shareDigest(digests.get(`score|${id}`), digests.get(`tally|${id}`));
      await db.assignments.put({ assessmentId, id, group: group.id, signedOff: { by: operator, at, digest } });
    }
    log({ operator, action: 'group.signOff', target: group.name, after: `${ids.length}人：${ids.join('、')}` });
  });
}

const boxState = (b: BoxRecord | undefined) =>
  b ? auditState(b, `发出${b.issued}张${b.returned === undefined ? '，未收回' : `，收回${b.returned}张`}`) : undefined;

/** Registers or updates a secretary's ballot box. */
export async function saveBox(db: ShuangpingDb, assessmentId: string, box: BallotBox, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [box.id], kinds: ['box'] }, async (log) => {
    const before = await db.boxes.get([assessmentId, box.id]);
    const record: BoxRecord = { ...box, assessmentId };
    await db.boxes.put(record);
    log({ operator, action: 'box.save', target: box.id, before: boxState(before), after: boxState(record) });
  });
}

export async function removeBox(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['box'] }, async (log) => {
    const before = await db.boxes.get([assessmentId, id]);
    if (!before) return;
    await db.boxes.delete([assessmentId, id]);
    log({ operator, action: 'box.remove', target: id, before: boxState(before) });
  });
}

/** Writes the voters by group's sum as the roster's 应参加人数, when a person accepted it. */
export async function acceptVoters(db: ShuangpingDb, assessmentId: string, id: string, total: number, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, { ids: [id], kinds: ['roster'] }, async (log) => {
    const s = await db.secretaries.get([assessmentId, id]);
    if (!s || s.eligibleVoters === total) return;
    await db.secretaries.put({ ...s, eligibleVoters: total });
    log({ operator, action: 'box.voters', target: id, before: String(s.eligibleVoters), after: String(total) });
  });
}
