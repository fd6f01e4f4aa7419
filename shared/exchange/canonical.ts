/** How records are ordered and written in a package: canonical JSON, one record a line, sorted by key. */
import type { ChainedAuditEntry } from '../audit/chain';
import { canonicalJson } from '../digest';
import type { AssessmentTables, TableName } from './types';

type Row<T extends TableName> = AssessmentTables[T][number];

/** The sort key of a record within its table (its primary key, as text). */
export function rowKey<T extends TableName>(table: T, row: Row<T>): string {
  const r = row as Row<TableName>;
  switch (table) {
    case 'tallyEntries':
      return `${r.id}\u0000${(r as Row<'tallyEntries'>).slot}`;
    case 'events': {
      const e = r as Row<'events'>;
      return `${e.id}\u0000${e.kind}\u0000${e.note ?? ''}\u0000${String(e.key ?? '').padStart(12, '0')}`;
    }
    case 'evidence': {
      const e = r as Row<'evidence'>;
      return `${e.id}\u0000${e.itemCode}\u0000${e.kind}`;
    }
    case 'warningAcks': {
      const w = r as Row<'warningAcks'>;
      return `${w.id}\u0000${w.warning}`;
    }
    case 'attachments':
      return (r as Row<'attachments'>).key;
    case 'attendance':
      return `${r.id}\u0000${(r as Row<'attendance'>).month}`;
    case 'reviews':
      return `${r.id}\u0000${(r as Row<'reviews'>).quarter}`;
    case 'papers':
      return `${r.id}\u0000${(r as Row<'papers'>).kind}`;
    case 'tombstones': {
      const t = r as Row<'tombstones'>;
      return `${t.key}\u0000${t.fingerprint}`;
    }
    default:
      return r.id;
  }
}

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

export function sortRows<T extends TableName>(table: T, rows: readonly Row<T>[]): Row<T>[] {
  return rows
    .map((row) => ({ row, key: rowKey(table, row) }))
    .sort((a, b) => byText(a.key, b.key))
    .map((x) => x.row);
}

/** A JSON array with one canonical record a line: stable bytes, readable diffs. */
export function jsonLines(values: readonly unknown[]): string {
  return values.length ? `[\n${values.map(canonicalJson).join(',\n')}\n]\n` : '[]\n';
}

/** A chain entry as it travels: everything but the database's own counter `seq`. */
export function chainFields(e: ChainedAuditEntry & { seq?: number }): ChainedAuditEntry {
  const { seq: _seq, ...entry } = e;
  return entry;
}

export { byText };
