/** One secretary at a time (the roster form). */
import type { Secretary } from '../../../shared/model';
import { appendAudit } from './audit';
import type { ShuangpingDb } from './schema';

/** Saves a secretary; `previousId` when editing (the 编号 may change). */
export async function saveSecretary(db: ShuangpingDb, assessmentId: string, secretary: Secretary, operator: string, previousId?: string): Promise<void> {
  await db.transaction('rw', db.secretaries, db.audit, async () => {
    const before = previousId ? await db.secretaries.get([assessmentId, previousId]) : undefined;
    if (previousId && previousId !== secretary.id) await db.secretaries.delete([assessmentId, previousId]);
    await db.secretaries.put({ ...secretary, assessmentId });
    await appendAudit(db, { assessmentId, operator, action: before ? 'secretary.update' : 'secretary.add', target: secretary.id, before, after: secretary });
  });
}

export async function secretaryExists(db: ShuangpingDb, assessmentId: string, id: string): Promise<boolean> {
  return (await db.secretaries.get([assessmentId, id])) !== undefined;
}
