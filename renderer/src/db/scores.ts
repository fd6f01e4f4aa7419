/** One secretary's org-work scores: item inputs (考评细则) or a summary (汇总分), never both. */
import type { SummaryScore } from '../../../shared/model';
import { appendAudit, auditState } from './audit';
import { editAssessment } from './lock';
import { recordDeletions, unitsOfSecretaries } from './tombstones';
import type { ItemScoresRecord, ShuangpingDb, SummaryScoreRecord } from './schema';

type Inputs = Readonly<Record<string, string>>;

const itemsState = (r: ItemScoresRecord | undefined) => (r ? auditState(r.inputs, `${Object.keys(r.inputs).length}项`) : '');
const summaryState = (r: SummaryScoreRecord | undefined) => (r ? auditState(r, `基本分${r.baseScore}，考评得分${r.orgScore}`) : '');

/** The item codes whose input differs between two sets. */
function changedCodes(before: Inputs, after: Inputs): string[] {
  return [...new Set([...Object.keys(before), ...Object.keys(after)])].filter((code) => before[code] !== after[code]).sort();
}

/** Saves item inputs; nothing is written (or logged) when they are unchanged. */
export async function saveItemScores(db: ShuangpingDb, assessmentId: string, id: string, inputs: Inputs, operator: string): Promise<void> {
  await editAssessment(db, assessmentId, [db.itemScores], async () => {
    const before = await db.itemScores.get([assessmentId, id]);
    const changed = changedCodes(before?.inputs ?? {}, inputs);
    if (!changed.length && before) return;
    const record: ItemScoresRecord = { assessmentId, id, inputs: { ...inputs } };
    await db.itemScores.put(record);
    const shown = changed.slice(0, 6).join('、') + (changed.length > 6 ? ` 等${changed.length}项` : '');
    await appendAudit(db, { assessmentId, operator, action: 'scores.save', target: id, before: itemsState(before), after: `${itemsState(record)}${shown ? `（改 ${shown}）` : ''}` });
  });
}

/** Enters a summary score; item inputs of the secretary go (the method would take them first). */
export async function enterSummaryScore(db: ShuangpingDb, assessmentId: string, id: string, summary: Omit<SummaryScore, 'id'>, operator: string): Promise<void> {
  await editAssessment(db, assessmentId, [db.summaryScores, db.itemScores], async () => {
    const items = await db.itemScores.get([assessmentId, id]);
    const previous = await db.summaryScores.get([assessmentId, id]);
    const record: SummaryScoreRecord = { assessmentId, id, ...summary };
    const units = await unitsOfSecretaries(db, assessmentId, [id], ['score']);
    await db.itemScores.delete([assessmentId, id]);
    await db.summaryScores.put(record);
    const before = [items ? `细则${itemsState(items)}` : '', previous ? `汇总${summaryState(previous)}` : ''].filter(Boolean).join('；');
    const entry = await appendAudit(db, { assessmentId, operator, action: 'summary.enter', target: id, before, after: summaryState(record) });
    await recordDeletions(db, assessmentId, units, await unitsOfSecretaries(db, assessmentId, [id], ['score']), entry);
  });
}

/** Deletes a summary score, to score by items instead. */
export async function deleteSummaryScore(db: ShuangpingDb, assessmentId: string, id: string, operator: string): Promise<void> {
  await editAssessment(db, assessmentId, [db.summaryScores, db.itemScores], async () => {
    const before = await db.summaryScores.get([assessmentId, id]);
    if (!before) return;
    const units = await unitsOfSecretaries(db, assessmentId, [id], ['score']);
    await db.summaryScores.delete([assessmentId, id]);
    const entry = await appendAudit(db, { assessmentId, operator, action: 'summary.delete', target: id, before: summaryState(before) });
    await recordDeletions(db, assessmentId, units, await unitsOfSecretaries(db, assessmentId, [id], ['score']), entry);
  });
}
