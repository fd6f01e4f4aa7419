// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { openBackup } from '../db/backup';
import { createAssessment } from '../db/assessments';
import { db } from '../db/db';
import { importRoster } from '../db/imports';
import { platform } from '../platform';
import { secretary } from '../../../shared/method/testing';
import { beginBackupBefore } from './backups';

/** The secretaries a backup holds, by assessment. */
async function rosterIn(name: string): Promise<number> {
  const opened = await openBackup(db, await platform.readBackup(name));
  if (!opened.ok) throw new Error('backup not readable');
  return opened.value.assessments.reduce((n, a) => n + a.data.secretaries.length, 0);
}

const befores = async () => (await platform.listBackups()).filter((b) => b.name.startsWith('操作前备份-导入-'));

// the platform's store, in memory (the browser's keeps a Blob, which the test's IndexedDB does not)
beforeEach(() => {
  const files = new Map<string, Uint8Array>();
  vi.spyOn(platform, 'writeBackup').mockImplementation(async (name, bytes) => {
    files.set(name, bytes);
    return { name, size: bytes.length, modified: '' } as never;
  });
  vi.spyOn(platform, 'listBackups').mockImplementation(async () => [...files.keys()].map((name) => ({ name }) as never));
  vi.spyOn(platform, 'readBackup').mockImplementation(async (name) => files.get(name)!);
  vi.spyOn(platform, 'pruneBackups').mockImplementation(async () => 0);
});

describe('the backup before an import, begun while the workbook is read', () => {
  it('is kept as it was packed when nothing changed, and made again when data changed meanwhile', async () => {
    const a = await createAssessment(db, { year: 2024, name: '测试考核', region: '胶州市', policy: 'jiaozhou' }, '张三');
    const ctx = { db, assessmentId: a, operator: '张三', sheet: '名册' };
    await importRoster(ctx, [secretary('S1')]);

    const quiet = beginBackupBefore('导入');
    await quiet.keep();
    let kept = await befores();
    expect(kept).toHaveLength(1);
    expect(await rosterIn(kept[0]!.name)).toBe(1);

    const busy = beginBackupBefore('导入');
    await busy.ready;
    // a change between the start of the backup and the import's write: the backup must hold it
    await importRoster(ctx, [secretary('S1'), secretary('S2')], { S1: 'mine' });
    await busy.keep();
    kept = await befores();
    expect(kept).toHaveLength(2);
    const newest = kept.sort((x, y) => x.name.localeCompare(y.name)).at(-1)!;
    expect(await rosterIn(newest.name)).toBe(2);

    // discarded: nothing written
    beginBackupBefore('导入').discard();
    expect(await befores()).toHaveLength(2);
  });
});
