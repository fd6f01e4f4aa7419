/**
 * One secretary's org-work scores: item inputs (考评细则) or a summary (汇总分). One of the
 * two counts; switching sets the other aside (kept, dated, by whom) and never deletes it,
 * so it can be taken up again. Every change keeps the replaced values in its log entry.
 */
import type { SummaryScore } from '../../../shared/model';
import { auditState } from './audit';
import { changeRecords } from './change';
import { nowIso } from './ids';
import type { ItemScoresRecord, ShuangpingDb, SummaryScoreRecord } from './schema';

type Inputs = Readonly<Record<string, string>>;

const itemsState = (r: ItemScoresRecord | undefined) => (r ? auditState(r.inputs, `${Object.keys(r.inputs).length}项`) : '');
const summaryState = (r: SummaryScoreRecord | undefined) =>
  r ? auditState({ baseScore: r.baseScore, orgScore: r.orgScore }, `基本分${r.baseScore}，考评得分${r.orgScore}`) : '';
const scoreScope = (id: string) => ({ ids: [id], kinds: ['score'] as const });

/** How a secretary is scored now: by the record that is not set aside. */
export function scoringMode(items: ItemScoresRecord | undefined, summary: SummaryScoreRecord | undefined): 'items' | 'summary' | null {
  if (summary && !summary.setAside) return 'summary';
  if (items && !items.setAside) return 'items';
  return null;
}

/** The item codes whose input differs between two sets. */
function changedCodes(before: Inputs, after: Inputs): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((code) => before[code] !== after[code]).sort();
}

/** Saves item inputs (the secretary is scored by items); nothing is written or logged when they are unchanged. */
export async function saveItemScores(db: ShuangpingDb, assessmentId: string, id: string, inputs: Inputs, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, scoreScope(id), async (log) => {
    const before = await db.itemScores.get([assessmentId, id]);
    const summary = await db.summaryScores.get([assessmentId, id]);
    if (scoringMode(before, summary) === 'summary') throw new Error(`${id} is scored by a summary: switch to items first`);
    const changed = changedCodes(before?.inputs ?? {}, inputs);
    if (!changed.length && before) return;
    const { setAside: _aside, ...kept } = before ?? {};
    const record: ItemScoresRecord = { ...kept, assessmentId, id, inputs: { ...inputs } };
    await db.itemScores.put(record);
    const shown = changed.slice(0, 6).join('、') + (changed.length > 6 ? ` 等${changed.length}项` : '');
    log({ operator, action: 'scores.save', target: id, before: itemsState(before), after: `${itemsState(record)}${shown ? `（改 ${shown}）` : ''}` });
  });
}

/** The scorer says the item scoring of a secretary is done (or, `done` false, not yet). */
export async function completeItemScores(db: ShuangpingDb, assessmentId: string, id: string, operator: string, done = true): Promise<void> {
  await changeRecords(db, assessmentId, scoreScope(id), async (log) => {
    const items = await db.itemScores.get([assessmentId, id]);
    if (!items || items.setAside || !!items.completed === done) return;
    const { completed: _was, ...rest } = items;
    await db.itemScores.put(done ? { ...rest, completed: { by: operator, at: nowIso() } } : rest);
    log({ operator, action: done ? 'scores.complete' : 'scores.reopen', target: id, after: itemsState(items) });
  });
}

/**
 * Enters or corrects a secretary's summary score, which then counts: item inputs, if
 * they counted, are set aside (kept).
 */
export async function enterSummaryScore(
  db: ShuangpingDb,
  assessmentId: string,
  id: string,
  summary: Omit<SummaryScore, 'id'>,
  operator: string,
): Promise<void> {
  await changeRecords(db, assessmentId, scoreScope(id), async (log) => {
    const items = await db.itemScores.get([assessmentId, id]);
    const previous = await db.summaryScores.get([assessmentId, id]);
    const record: SummaryScoreRecord = { assessmentId, id, baseScore: summary.baseScore, orgScore: summary.orgScore };
    const itemsCounted = scoringMode(items, previous) === 'items';
    if (!itemsCounted && previous && !previous.setAside && summaryState(previous) === summaryState(record)) return;
    if (items && itemsCounted) await db.itemScores.put({ ...items, setAside: { by: operator, at: nowIso() } });
    await db.summaryScores.put(record);
    const before = [itemsCounted ? `细则${itemsState(items)}（留存备查）` : '', previous ? `汇总${summaryState(previous)}` : ''].filter(Boolean).join('；');
    log({ operator, action: previous && !previous.setAside ? 'summary.correct' : 'summary.enter', target: id, before, after: summaryState(record) });
  });
}

/**
 * Switches a secretary to item scoring: the summary score is set aside (kept, and can be
 * taken up again); item inputs set aside earlier count again.
 */
export async function scoreByItems(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, scoreScope(id), async (log) => {
    const summary = await db.summaryScores.get([assessmentId, id]);
    const items = await db.itemScores.get([assessmentId, id]);
    if (scoringMode(items, summary) === 'items' || (!summary && !items)) return;
    if (summary && !summary.setAside) await db.summaryScores.put({ ...summary, setAside: { by: operator, at: nowIso() } });
    if (items?.setAside) {
      const { setAside: _aside, ...taken } = items;
      await db.itemScores.put(taken);
    }
    log({
      operator,
      action: 'scores.byItems',
      target: id,
      before: summary ? `汇总${summaryState(summary)}（留存备查）` : '',
      after: items ? `细则${itemsState(items)}` : '按细则逐项评分',
    });
  });
}

/** Takes up a summary score set aside earlier: it counts again, item inputs are set aside. */
export async function takeUpSummary(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await changeRecords(db, assessmentId, scoreScope(id), async (log) => {
    const summary = await db.summaryScores.get([assessmentId, id]);
    if (!summary?.setAside) return;
    const items = await db.itemScores.get([assessmentId, id]);
    const { setAside: _aside, ...taken } = summary;
    if (items && !items.setAside) await db.itemScores.put({ ...items, setAside: { by: operator, at: nowIso() } });
    await db.summaryScores.put(taken);
    log({ operator, action: 'summary.takeUp', target: id, before: items ? `细则${itemsState(items)}（留存备查）` : '', after: `汇总${summaryState(summary)}` });
  });
}
