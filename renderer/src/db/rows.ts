/**
 * An assessment's records of one table, read by the primary key's range (every key of
 * these tables starts with the assessment id): the same rows in the same order as
 * `where('assessmentId').equals(id)`, but a live query (useLiveQuery) over it watches
 * one key range instead of noting each of a province's 10,000 keys every time it runs.
 */
import Dexie, { type Table } from 'dexie';

export function assessmentRows<T>(table: Table<T>, assessmentId: string): Promise<T[]> {
  return table.where(':id').between([assessmentId, Dexie.minKey], [assessmentId, Dexie.maxKey], true, true).toArray();
}
