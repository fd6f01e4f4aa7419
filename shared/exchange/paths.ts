/**
 * Where each thing lives in a package, and how a path reads to a person:
 *
 *   manifest.json
 *   data/<assessment id>/assessment.json, data/<assessment id>/<table>.json
 *   audit/<assessment id>/<laptop id>.json                    this laptop's chain
 *   audit/<assessment id>/received/<laptop id>-<head>.json    chains received from others
 *   attachments/<sha256>
 */
import { TABLE_LABELS, TABLES, TABLES_V1, TABLES_V2, type Manifest, type TableName } from './types';

export const MANIFEST = 'manifest.json';

const part = (s: string) => encodeURIComponent(s);

export const assessmentPath = (assessmentId: string) => `data/${part(assessmentId)}/assessment.json`;
export const tablePath = (assessmentId: string, table: TableName) => `data/${part(assessmentId)}/${table}.json`;
export const auditPath = (assessmentId: string, laptopId: string) => `audit/${part(assessmentId)}/${part(laptopId)}.json`;
export const receivedPath = (assessmentId: string, chain: { laptopId: string; entries: readonly { hash: string }[] }) =>
  `audit/${part(assessmentId)}/received/${part(chain.laptopId)}-${chain.entries.at(-1)?.hash.slice(0, 16) ?? ''}.json`;
export const filePath = (sha256: string) => `attachments/${sha256}`;

export const shortId = (id: string) => id.slice(0, 8);

/** The tables a package of this format version holds. */
export const tablesOf = (version: number): readonly TableName[] => (version >= 3 ? TABLES : version === 2 ? TABLES_V2 : TABLES_V1);

const ATTACHMENT = /^attachments\/[0-9a-f]{64}$/;

/** A path no writer makes and no file system should follow: `..`, `.` or empty parts, a root, a backslash, a drive, control characters. */
function unsafe(path: string): boolean {
  // eslint-disable-next-line no-control-regex
  if (path.startsWith('/') || path.includes('\\') || /^[A-Za-z]:/.test(path) || /[\u0000-\u001f\u007f]/.test(path)) return true;
  return path.split('/').some((part) => part === '' || part === '.' || part === '..');
}

/**
 * The paths a writer of `manifest`'s version writes for it, besides attachments (which
 * the records name): each assessment's data, its own chain and the chains it names as
 * received. Everything else is refused, even when listed with a matching hash.
 */
export function expectedPaths(manifest: Pick<Manifest, 'version' | 'laptopId' | 'assessments'>): Set<string> {
  const paths = new Set<string>();
  for (const a of manifest.assessments) {
    paths.add(assessmentPath(a.id));
    for (const table of tablesOf(manifest.version)) paths.add(tablePath(a.id, table));
    paths.add(auditPath(a.id, manifest.laptopId));
    for (const r of a.received) paths.add(receivedPath(a.id, { laptopId: r.laptopId, entries: [{ hash: r.head }] }));
  }
  return paths;
}

/** The first listed path the writer would never write, or null. */
export function strayPath(listed: readonly string[], manifest: Pick<Manifest, 'version' | 'laptopId' | 'assessments'>): string | null {
  const expected = expectedPaths(manifest);
  return listed.find((path) => unsafe(path) || !(expected.has(path) || ATTACHMENT.test(path))) ?? null;
}

/** `数据/测评计票（2024 胶州市考核）`, `附件/3fa2c1d0…`, `审计日志/1a2b3c4d` — for messages. */
export function pathLabel(path: string, manifest?: Pick<Manifest, 'assessments'>): string {
  const segments = path.split('/');
  const [top, second, third] = segments;
  const nameOf = (encoded: string | undefined) => {
    const id = safeDecode(encoded ?? '');
    const a = manifest?.assessments.find((x) => x.id === id);
    return a ? `（${a.year} ${a.name}）` : '';
  };
  if (top === 'data' && segments.length === 3 && third) {
    const table = third.replace(/\.json$/, '');
    const label = table === 'assessment' ? '考核设置' : (TABLES as readonly string[]).includes(table) ? TABLE_LABELS[table as TableName] : third;
    return `数据/${label}${nameOf(second)}`;
  }
  if (top === 'audit' && segments[2] === 'received') return `审计日志/转来/${shortId(safeDecode(segments[3] ?? ''))}${nameOf(second)}`;
  if (top === 'audit' && segments.length === 3 && third) return `审计日志/${shortId(safeDecode(third.replace(/\.json$/, '')))}${nameOf(second)}`;
  if (top === 'attachments' && second) return `附件/${second.slice(0, 12)}…`;
  return path;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}
