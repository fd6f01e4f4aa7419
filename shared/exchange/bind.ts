/**
 * An exchange package's data is bound to its audit chain: exporting appends an `export`
 * entry (导出交换包) to the laptop's chain, in the same transaction that reads the data,
 * whose `after` is the digest of exactly the data files the package carries. The reader
 * recomputes it from the files' SHA-256, so data edited with every hash and the manifest
 * recomputed no longer matches the chain; to pass, the editor must also rewrite the chain,
 * which then forks from the laptop's real log (shown when its next package arrives), and
 * with a team key the signature fails anyway.
 *
 * Backups are not bound this way (an entry per automatic backup would fill every chain):
 * a backup is bound by the team key's signature, and by the ledger of backups the laptop
 * wrote (renderer/src/db/backup.ts).
 */
import { chainEntry, type ChainedAuditEntry } from '../audit/chain';
import { canonicalJson, sha256Hex, sha256OfBytes } from '../digest';
import { jsonLines, sortRows } from './canonical';
import { assessmentPath, tablePath, tablesOf } from './paths';
import { scopeLabel } from './scope';
import { FORMAT_VERSION, type AssessmentData, type ManifestEntry, type Scope } from './types';

export const EXPORT_ACTION = 'export';

const encoder = new TextEncoder();

/** The data files of one assessment as the writer writes them: assessment.json and one per table. */
export function dataFiles(data: AssessmentData, version = FORMAT_VERSION): { path: string; text: string }[] {
  const id = data.assessment.id;
  return [
    { path: assessmentPath(id), text: `${canonicalJson(data.assessment)}\n` },
    ...tablesOf(version).map((table) => ({ path: tablePath(id, table), text: jsonLines(sortRows(table, data[table])) })),
  ];
}

/** The listed files that are `assessmentId`'s data (the reader has refused any other path under data/). */
export const dataFilesOf = <T extends { path: string }>(listed: readonly T[], assessmentId: string): T[] =>
  listed.filter((e) => e.path.startsWith(`data/${encodeURIComponent(assessmentId)}/`));

/** The digest an `export` entry keeps: of the scope and every data file's SHA-256 (attachments are named by their SHA-256 in the records). */
export function dataDigest(assessmentId: string, scope: Scope, files: readonly Pick<ManifestEntry, 'path' | 'sha256'>[]): string {
  const listed = files.map(({ path, sha256 }) => ({ path, sha256 })).sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return sha256Hex(canonicalJson({ assessmentId, scope, files: listed }));
}

/** The digest of `data` as a package of `scope` carries it (hashed here, synchronously: it runs inside a database transaction). */
export function digestOfData(data: AssessmentData, scope: Scope): string {
  const files = dataFiles(data).map((f) => ({ path: f.path, sha256: sha256OfBytes(encoder.encode(f.text)) }));
  return dataDigest(data.assessment.id, scope, files);
}

/** What the `export` entry says: the scope in words, and the data's digest. */
export function exportFields(data: AssessmentData, scope: Scope): { action: string; target: string; before: string; after: string } {
  return { action: EXPORT_ACTION, target: scopeLabel(scope), before: '', after: digestOfData(data, scope) };
}

/** `chain` with its `export` entry appended (for writers outside the database: tests, tools). */
export function withExportEntry(chain: readonly ChainedAuditEntry[], data: AssessmentData, scope: Scope, at: string, operator: string): ChainedAuditEntry[] {
  return [...chain, chainEntry({ assessmentId: data.assessment.id, at, operator, ...exportFields(data, scope) }, chain.at(-1))];
}

/** The problem with an exchange package's binding, or null: its chain must end with the `export` entry of exactly this data. */
export function bindingProblem(
  chain: readonly ChainedAuditEntry[],
  assessmentId: string,
  scope: Scope,
  files: readonly Pick<ManifestEntry, 'path' | 'sha256'>[],
): string | null {
  const last = chain.at(-1);
  if (!last || last.action !== EXPORT_ACTION) return '交换包的审计日志不是以“导出交换包”记录结尾，数据无法与审计日志核对，拒绝导入';
  if (last.after !== dataDigest(assessmentId, scope, files)) return '文件已被改动：数据与导出时审计日志记下的校验值不符，拒绝导入';
  return null;
}
