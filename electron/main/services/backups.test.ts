import { mkdirSync, mkdtempSync, readdirSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { listBackups, newestFirst, pruneBackups, readBackup, writeBackup } from './backups';

let dir: string;
beforeEach(() => {
  dir = path.join(mkdtempSync(path.join(tmpdir(), 'sp-backups-')), 'backups');
});
afterEach(() => rmSync(path.dirname(dir), { recursive: true, force: true }));

/** A backup file with a given modification time (minutes after a fixed moment). */
function put(name: string, minute: number): void {
  mkdirSync(dir, { recursive: true });
  const file = path.join(dir, name);
  writeFileSync(file, name);
  const t = new Date(Date.UTC(2024, 4, 1, 8, minute));
  utimesSync(file, t, t);
}

describe('writeBackup', () => {
  it('creates the folder, writes the bytes, leaves no temporary file', async () => {
    const entry = await writeBackup(dir, 'auto-1.json', new Uint8Array([1, 2, 3]));
    expect(entry).toMatchObject({ name: 'auto-1.json', size: 3 });
    expect(new Date(entry.at).toISOString()).toBe(entry.at);
    expect(readdirSync(dir)).toEqual(['auto-1.json']);
  });

  it('replaces a backup of the same name', async () => {
    await writeBackup(dir, 'a.json', new Uint8Array([1]));
    await writeBackup(dir, 'a.json', new Uint8Array([2, 2]));
    expect([...(await readBackup(dir, 'a.json'))]).toEqual([2, 2]);
  });

  it.each(['../evil.json', '/etc/passwd', '..', '.hidden', 'a\\b'])('refuses the name %j', async (name) => {
    await expect(writeBackup(dir, name, new Uint8Array())).rejects.toThrow('备份文件名无效');
  });
});

describe('listBackups', () => {
  it('is empty when the folder does not exist', async () => {
    expect(await listBackups(dir)).toEqual([]);
  });

  it('lists newest first and ignores temporary files, folders and odd names', async () => {
    put('auto-a.json', 1);
    put('auto-c.json', 3);
    put('auto-b.json', 2);
    put('.auto-d.json.1234.tmp', 9);
    put('has space.json', 9);
    mkdirSync(path.join(dir, 'folder'));
    expect((await listBackups(dir)).map((e) => e.name)).toEqual(['auto-c.json', 'auto-b.json', 'auto-a.json']);
  });

  it('breaks ties by name, newest-looking first', () => {
    const at = '2024-05-01T08:00:00.000Z';
    const sorted = [
      { name: 'a', size: 0, at },
      { name: 'b', size: 0, at },
    ].sort(newestFirst);
    expect(sorted.map((e) => e.name)).toEqual(['b', 'a']);
  });
});

describe('readBackup', () => {
  it('refuses traversal and reports a missing backup in Chinese', async () => {
    await expect(readBackup(dir, '../../etc/passwd')).rejects.toThrow('备份文件名无效');
    await expect(readBackup(dir, 'nope.json')).rejects.toThrow('备份不存在:nope.json');
  });
});

describe('pruneBackups', () => {
  beforeEach(() => {
    for (let m = 1; m <= 5; m++) put(`auto-${m}.json`, m);
    put('manual-1.json', 0);
  });

  it.each([
    [1, ['auto-5.json']],
    [3, ['auto-5.json', 'auto-4.json', 'auto-3.json']],
    [5, ['auto-5.json', 'auto-4.json', 'auto-3.json', 'auto-2.json', 'auto-1.json']],
    [10, ['auto-5.json', 'auto-4.json', 'auto-3.json', 'auto-2.json', 'auto-1.json']],
  ])('keep %i newest with the prefix', async (keep, kept) => {
    const removed = await pruneBackups(dir, 'auto-', keep);
    expect(removed).toBe(5 - kept.length);
    const names = (await listBackups(dir)).map((e) => e.name);
    expect(names.filter((n) => n.startsWith('auto-'))).toEqual(kept);
    expect(names).toContain('manual-1.json');
  });

  it('with an empty prefix considers every backup', async () => {
    expect(await pruneBackups(dir, '', 2)).toBe(4);
  });

  it('refuses keep < 1 and bad prefixes', async () => {
    await expect(pruneBackups(dir, 'auto-', 0)).rejects.toThrow();
    await expect(pruneBackups(dir, '../', 1)).rejects.toThrow('备份名前缀无效');
  });
});
