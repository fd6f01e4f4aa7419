/**
 * The current operator (操作员): who records scores and decisions, kept in `meta`.
 * An operator may have a PIN, kept hashed (with a salt) per operator in `meta`
 * (`operatorPin:<name>`); choosing that operator then asks for it. This is an aid to
 * accountability — the log names who did what — not security: the database is not
 * encrypted and whoever holds the laptop can change it.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { sha256Hex } from '../../../shared/digest';
import type { ShuangpingDb } from '../db/schema';
import { db as appDb } from '../db/db';

export const OPERATOR_KEY = 'operator';
const pinKey = (name: string) => `operatorPin:${name}`;
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
 * Makes `name` the operator. If the operator has a PIN, `pin` must match it; if not,
 * a non-empty `pin` becomes their PIN. `newPin` replaces a PIN that was given right.
 */
export async function chooseOperator(name: string, pin: string, db: ShuangpingDb = appDb, newPin = ''): Promise<ChooseOutcome> {
  const who = name.trim();
  if (!who) return { ok: false, message: '请填写操作员姓名' };
  const stored = await storedPin(who, db);
  if (stored && pinHash(who, stored.salt, pin) !== stored.hash) return { ok: false, message: 'PIN不正确' };
  const next = stored ? newPin : pin;
  if (next && next.length < PIN_MIN_LENGTH) return { ok: false, message: `PIN至少${PIN_MIN_LENGTH}位` };
  if (next) await setPin(who, next, db);
  await setOperator(who, db);
  return { ok: true };
}

/** The operator's name ('' when not yet set), or undefined while loading. */
export function useOperator(db: ShuangpingDb = appDb): { operator: string | undefined; setOperator: (name: string) => Promise<void> } {
  const operator = useLiveQuery(() => getOperator(db), [db]);
  return { operator, setOperator: (name) => setOperator(name, db) };
}
