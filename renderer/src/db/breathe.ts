/**
 * Work on a province's records in parts, the page painting between them: inside a
 * Dexie transaction too (Dexie.waitFor keeps it open meanwhile), so one transaction can
 * hold a long write without a long frame.
 */
import Dexie from 'dexie';

/** Records (or units) handled between two breaths. */
export const PART = 1000;

/** A moment for the page to paint. */
export const breathe = (): Promise<void> => Dexie.waitFor(new Promise<void>((done) => setTimeout(done, 0)));

/** Calls `each` on every item, breathing after every PART of them. */
export async function inParts<T>(items: Iterable<T>, each: (item: T) => void): Promise<void> {
  let n = 0;
  for (const item of items) {
    if (n > 0 && n % PART === 0) await breathe();
    each(item);
    n++;
  }
}
