/** The 社区 rubric in the database (docs/method.md §2.6): given when the policy asks for it, logged. */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { rubricFor } from '../../../shared/method/compute';
import { policyWith, secretary } from '../../../shared/method/testing';
import { COMMUNITY_RUBRIC } from '../../../shared/rubric/community';
import { JIAOZHOU_RUBRIC } from '../../../shared/rubric/jiaozhou';
import { createAssessment, updateAssessment } from './assessments';
import { readAuditLog } from './audit';
import { ShuangpingDb } from './schema';

let db: ShuangpingDb;
beforeEach(() => {
  db = new ShuangpingDb(`test-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('the 社区 rubric of an assessment', () => {
  it('an assessment created with “own” has 第八条’s rubric, and its 社区 secretaries are scored by it', async () => {
    const id = await createAssessment(db, { year: 2024, name: '社区', region: '胶州市', policy: policyWith({ communityRubric: 'own' }) }, '张三');
    const a = (await db.assessments.get(id))!;
    expect(a.communityRubric).toEqual(COMMUNITY_RUBRIC);
    expect(rubricFor(secretary('S', { postType: 'community' }), a).id).toBe(COMMUNITY_RUBRIC.id);
    expect(rubricFor(secretary('V'), a).id).toBe(JIAOZHOU_RUBRIC.id);
  });

  it('created with “same” it has none; turning the setting to “own” gives it, as a logged change of its own', async () => {
    const id = await createAssessment(db, { year: 2024, name: '村', region: '胶州市', policy: 'jiaozhou' }, '张三');
    expect((await db.assessments.get(id))!.communityRubric).toBeUndefined();
    const policy = { ...(await db.assessments.get(id))!.policy, communityRubric: 'own' as const };
    await updateAssessment(db, id, { policy }, '张三');
    expect((await db.assessments.get(id))!.communityRubric).toEqual(COMMUNITY_RUBRIC);
    const actions = (await readAuditLog(db, id)).map((e) => e.action);
    expect(actions.slice(-2)).toEqual(['assessment.update.policy', 'assessment.update.communityRubric']);

    // an edited 社区 rubric is kept when the setting goes back and forth
    const edited = { ...COMMUNITY_RUBRIC, name: '本县社区细则' };
    await updateAssessment(db, id, { communityRubric: edited }, '张三');
    await updateAssessment(db, id, { policy: { ...policy, communityRubric: 'same' } }, '张三');
    await updateAssessment(db, id, { policy }, '张三');
    expect((await db.assessments.get(id))!.communityRubric!.name).toBe('本县社区细则');
  });
});
