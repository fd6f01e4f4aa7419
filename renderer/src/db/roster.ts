/** One secretary at a time (the roster form). */
import type { Secretary } from '../../../shared/model';
import { appendAudit, auditState } from './audit';
import { editAssessment } from './lock';
import { recordDeletions, unitsOfSecretaries } from './tombstones';
import type { SecretaryRecord, ShuangpingDb } from './schema';

const secretaryState = (s: SecretaryRecord | undefined) => (s ? auditState(s, `${s.id} ${s.name}`) : undefined);

/** Saves a secretary; `previousId` when editing (the 编号 may change). */
export async function saveSecretary(db: ShuangpingDb, assessmentId: string, secretary: Secretary, operator: string, previousId?: string): Promise<void> {
  await editAssessment(db, assessmentId, [db.secretaries], async () => {
    const before = previousId ? await db.secretaries.get([assessmentId, previousId]) : undefined;
    const record: SecretaryRecord = { ...secretary, assessmentId };
    const units = await unitsOfSecretaries(db, assessmentId, [previousId ?? secretary.id], ['roster']);
    if (previousId && previousId !== secretary.id) await db.secretaries.delete([assessmentId, previousId]);
    await db.secretaries.put(record);
    const entry = await appendAudit(db, { assessmentId, operator, action: before ? 'secretary.update' : 'secretary.add', target: secretary.id, before: secretaryState(before), after: secretaryState(record) });
    await recordDeletions(db, assessmentId, units, await unitsOfSecretaries(db, assessmentId, [previousId ?? secretary.id], ['roster']), entry);
  });
}

export async function secretaryExists(db: ShuangpingDb, assessmentId: string, id: string): Promise<boolean> {
  return (await db.secretaries.get([assessmentId, id])) !== undefined;
}
