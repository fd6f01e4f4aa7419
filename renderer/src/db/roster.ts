/** One secretary at a time (the roster form). */
import type { Secretary } from '../../../shared/model';
import { auditState } from './audit';
import { changeRecords } from './change';
import type { SecretaryRecord, ShuangpingDb } from './schema';

const secretaryState = (s: SecretaryRecord | undefined) => (s ? auditState(s, `${s.id} ${s.name}`) : undefined);

/** Saves a secretary; `previousId` when editing (the 编号 may change). The record replaced stays in the log. */
export async function saveSecretary(db: ShuangpingDb, assessmentId: string, secretary: Secretary, operator: string, previousId?: string): Promise<void> {
  const ids = [...new Set([secretary.id, ...(previousId ? [previousId] : [])])];
  await changeRecords(db, assessmentId, { ids, kinds: ['roster'] }, async (log) => {
    const before = previousId ? await db.secretaries.get([assessmentId, previousId]) : undefined;
    const record: SecretaryRecord = { ...secretary, assessmentId };
    if (previousId && previousId !== secretary.id) await db.secretaries.delete([assessmentId, previousId]);
    await db.secretaries.put(record);
    log({
      operator,
      action: before ? 'secretary.update' : 'secretary.add',
      target: secretary.id,
      before: secretaryState(before),
      after: secretaryState(record),
    });
  });
}

export async function secretaryExists(db: ShuangpingDb, assessmentId: string, id: string): Promise<boolean> {
  return (await db.secretaries.get([assessmentId, id])) !== undefined;
}
