import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ShuangpingDb } from '../db/schema';
import { chooseOperator, getOperator, hasPin } from './operator';

let db: ShuangpingDb;
beforeEach(() => {
  db = new ShuangpingDb(`test-${Math.random()}`);
});
afterEach(async () => {
  db.close();
  await db.delete();
});

describe('operator with an optional PIN', () => {
  it('an operator without a PIN is chosen by name', async () => {
    expect(await chooseOperator(' 张三 ', '', db)).toEqual({ ok: true });
    expect(await getOperator(db)).toBe('张三');
    expect(await hasPin('张三', db)).toBe(false);
  });

  it('a PIN set once is asked for afterwards, and kept only as a salted hash', async () => {
    expect(await chooseOperator('李四', '2468', db)).toEqual({ ok: true });
    await chooseOperator('张三', '', db);
    expect(await chooseOperator('李四', '', db)).toEqual({ ok: false, message: 'PIN不正确' });
    expect(await chooseOperator('李四', '1357', db)).toEqual({ ok: false, message: 'PIN不正确' });
    expect(await getOperator(db)).toBe('张三');
    expect(await chooseOperator('李四', '2468', db)).toEqual({ ok: true });
    expect(await getOperator(db)).toBe('李四');
    // only a salt and a SHA-256 are kept (random hex may hold any four digits: they are set aside before looking for the PIN)
    expect((await db.meta.get('operatorPin:李四'))?.value).toEqual({
      salt: expect.stringMatching(/^[0-9a-f]{32}$/),
      hash: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    const stored = JSON.stringify(await db.meta.toArray()).replace(/"(salt|hash)":"[0-9a-f]+"/g, '');
    expect(stored).not.toContain('2468');
  });

  it('a PIN may be changed by who knows it; a short one is refused', async () => {
    await chooseOperator('李四', '2468', db);
    expect(await chooseOperator('李四', '2468', db, '12')).toEqual({ ok: false, message: 'PIN至少4位' });
    expect(await chooseOperator('李四', '2468', db, '9999')).toEqual({ ok: true });
    expect((await chooseOperator('李四', '2468', db)).ok).toBe(false);
    expect((await chooseOperator('李四', '9999', db)).ok).toBe(true);
  });
});
