/**
 * Everything the method needs for one assessment, read in one consistent snapshot —
 * with what its secretaries carry from earlier years that keeps them from 优秀
 * (docs/method.md §11.3).
 */
import type { AssessmentInput } from '../../../shared/method/input';
import { readMethodInput } from './method-input';
import { historyTables, readBlocks } from './people';
import type { ShuangpingDb } from './schema';

export { unscoped } from './method-input';

export async function loadAssessmentInput(db: ShuangpingDb, assessmentId: string): Promise<AssessmentInput> {
  return db.transaction('r', historyTables(db), async () => {
    const assessment = await db.assessments.get(assessmentId);
    if (!assessment) throw new Error(`assessment ${assessmentId} not found`);
    const input = await readMethodInput(db, assessment);
    const blocks = await readBlocks(db, assessment);
    if (blocks.length) input.carried = blocks;
    return input;
  });
}
