/** The current operator (操作员): who records scores and decisions, kept in `meta`. */
import { useLiveQuery } from 'dexie-react-hooks';
import type { ShuangpingDb } from '../db/schema';
import { db as appDb } from '../db/db';

export const OPERATOR_KEY = 'operator';

export async function getOperator(db: ShuangpingDb = appDb): Promise<string> {
  const record = await db.meta.get(OPERATOR_KEY);
  return typeof record?.value === 'string' ? record.value : '';
}

export async function setOperator(name: string, db: ShuangpingDb = appDb): Promise<void> {
  await db.meta.put({ key: OPERATOR_KEY, value: name.trim() });
}

/** The operator's name ('' when not yet set), or undefined while loading. */
export function useOperator(db: ShuangpingDb = appDb): { operator: string | undefined; setOperator: (name: string) => Promise<void> } {
  const operator = useLiveQuery(() => getOperator(db), [db]);
  return { operator, setOperator: (name) => setOperator(name, db) };
}
