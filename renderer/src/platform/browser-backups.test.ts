import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { browserBackups } from './browser-backups';

describe('backups in a browser', () => {
  it('writes, lists newest first, reads back and prunes by prefix', async () => {
    const store = browserBackups(`backups-${Math.random()}`);
    await store.writeBackup('自动备份-1.zip', new Uint8Array([1]));
    await new Promise((r) => setTimeout(r, 5));
    await store.writeBackup('自动备份-2.zip', new Uint8Array([2, 2]));
    await new Promise((r) => setTimeout(r, 5));
    await store.writeBackup('手动备份-1.zip', new Uint8Array([3]));
    expect((await store.listBackups()).map((b) => [b.name, b.size])).toEqual([
      ['手动备份-1.zip', 1],
      ['自动备份-2.zip', 2],
      ['自动备份-1.zip', 1],
    ]);
    expect(await store.readBackup('自动备份-2.zip')).toEqual(new Uint8Array([2, 2]));
    expect(await store.pruneBackups('自动备份-', 1)).toBe(1);
    expect((await store.listBackups()).map((b) => b.name)).toEqual(['手动备份-1.zip', '自动备份-2.zip']);
    await expect(store.readBackup('没有.zip')).rejects.toThrow('备份不存在');
  });
});
