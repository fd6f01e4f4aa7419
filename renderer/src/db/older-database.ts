/** A database as an older version of the program left it, for the upgrade tests. */
import Dexie from 'dexie';
import { STORES } from './schema';

export function olderDatabase(name: string, version: number): Dexie {
  const db = new Dexie(name);
  STORES.slice(0, version).forEach((stores, i) => db.version(i + 1).stores(stores));
  return db;
}
