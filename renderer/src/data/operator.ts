/**
 * The operators (操作员) of this laptop and the current one, kept in `meta`: the list
 * (`operators`), the current operator (`operator`), and per operator an optional PIN,
 * kept hashed with a salt (`operatorPin:<name>`). Acts that name a second person — the
 * second entry of a tally, a 复核, a 核实 — take an operator of the list, with their PIN
 * where they set one. This is an aid to accountability — the log names who did what —
 * not security: the database is not encrypted and whoever holds the laptop can change it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { sha256Hex } from '../../../shared/digest';
import type { ShuangpingDb } from '../db/schema';
import { db as appDb } from '../db/db';

export const OPERATOR_KEY = 'operator';
export const OPERATORS_KEY = 'operators';
const PIN_PREFIX = 'operatorPin:';
const pinKey = (name: string) => `${PIN_PREFIX}${name}`;
export const PIN_MIN_LENGTH = 4;

interface StoredPin {
  salt: string;
  hash: string;
}

export async function getOperator(db: ShuangpingDb = appDb): Promise<string> {
  const record = await db.meta.get(OPERATOR_KEY);
  return typeof record?.value === 'string' ? record.value : '';
}

export async function setOperator(name: string, db: ShuangpingDb = appDb): Promise<void> {
  await db.meta.put({ key: OPERATOR_KEY, value: name.trim() });
}

const byName = (a: string, b: string) => a.localeCompare(b, 'zh-CN');

/**
 * The operator list, sorted. Laptops set up before the list existed count every
 * operator with a PIN and the current one as listed.
 */
export async function listOperators(db: ShuangpingDb = appDb): Promise<string[]> {
  const stored = (await db.meta.get(OPERATORS_KEY))?.value;
  const names = new Set(Array.isArray(stored) ? stored.filter((n): n is string => typeof n === 'string' && n !== '') : []);
  if (!Array.isArray(stored)) {
    for (const key of await db.meta.where('key').startsWith(PIN_PREFIX).primaryKeys()) names.add(key.slice(PIN_PREFIX.length));
    const current = await getOperator(db);
    if (current) names.add(current);
  }
  return [...names].sort(byName);
}

async function saveList(names: Iterable<string>, db: ShuangpingDb): Promise<void> {
  await db.meta.put({ key: OPERATORS_KEY, value: [...new Set(names)].sort(byName) });
}

export async function addOperator(name: string, db: ShuangpingDb = appDb): Promise<void> {
  const who = name.trim();
  if (!who) return;
  await db.transaction('rw', db.meta, async () => saveList([...(await listOperators(db)), who], db));
}

/** Takes an operator off the list, with their PIN; what they did stays in the logs under their name. */
export async function removeOperator(name: string, db: ShuangpingDb = appDb): Promise<void> {
  await db.transaction('rw', db.meta, async () => {
    await saveList(
      (await listOperators(db)).filter((n) => n !== name),
      db,
    );
    await db.meta.delete(pinKey(name));
    if ((await getOperator(db)) === name) await setOperator('', db);
  });
}

const pinHash = (name: string, salt: string, pin: string) => sha256Hex(`shuangping-pin|${salt}|${name}|${pin}`);

function randomSalt(): string {
  const bytes = new Uint8Array(16);
  globalThis.crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

async function storedPin(name: string, db: ShuangpingDb): Promise<StoredPin | null> {
  const value = (await db.meta.get(pinKey(name.trim())))?.value as Partial<StoredPin> | undefined;
  return typeof value?.salt === 'string' && typeof value.hash === 'string' ? { salt: value.salt, hash: value.hash } : null;
}

export async function hasPin(name: string, db: ShuangpingDb = appDb): Promise<boolean> {
  return name.trim() !== '' && (await storedPin(name, db)) !== null;
}

export async function setPin(name: string, pin: string, db: ShuangpingDb = appDb): Promise<void> {
  const salt = randomSalt();
  const value: StoredPin = { salt, hash: pinHash(name.trim(), salt, pin) };
  await db.meta.put({ key: pinKey(name.trim()), value });
}

export type ChooseOutcome = { ok: true } | { ok: false; message: string };

/**
 * Makes `name` the operator (adding them to the list). If the operator has a PIN, `pin`
 * must match it; if not, a non-empty `pin` becomes their PIN. `newPin` replaces a PIN
 * that was given right.
 */
export async function chooseOperator(name: string, pin: string, db: ShuangpingDb = appDb, newPin = ''): Promise<ChooseOutcome> {
  const who = name.trim();
  if (!who) return { ok: false, message: '请填写操作员姓名' };
  const stored = await storedPin(who, db);
  if (stored && pinHash(who, stored.salt, pin) !== stored.hash) return { ok: false, message: 'PIN不正确' };
  const next = stored ? newPin : pin;
  if (next && next.length < PIN_MIN_LENGTH) return { ok: false, message: `PIN至少${PIN_MIN_LENGTH}位` };
  if (next) await setPin(who, next, db);
  await addOperator(who, db);
  await setOperator(who, db);
  return { ok: true };
}

/**
 * Checks that `name` is an operator of the list and, when they set a PIN, that `pin`
 * is it: how an act names its second person. Nothing is stored.
 */
export async function checkOperator(name: string, pin: string, db: ShuangpingDb = appDb): Promise<ChooseOutcome> {
  const who = name.trim();
  if (!who) return { ok: false, message: '请选择操作员' };
  if (!(await listOperators(db)).includes(who)) return { ok: false, message: `“${who}”不在操作员名单中` };
  const stored = await storedPin(who, db);
  if (stored && pinHash(who, stored.salt, pin) !== stored.hash) return { ok: false, message: `${who}的PIN不正确` };
  return { ok: true };
}

/** The operator's name ('' when not yet set), or undefined while loading. */
export function useOperator(db: ShuangpingDb = appDb): { operator: string | undefined; setOperator: (name: string) => Promise<void> } {
  const operator = useLiveQuery(() => getOperator(db), [db]);
  return { operator, setOperator: (name) => setOperator(name, db) };
}

/** The operator list with who has a PIN, or undefined while loading. */
export function useOperators(db: ShuangpingDb = appDb): { name: string; pin: boolean }[] | undefined {
  return useLiveQuery(async () => Promise.all((await listOperators(db)).map(async (name) => ({ name, pin: await hasPin(name, db) }))), [db]);
}
