/**
 * Writes a package (or a backup): canonical JSON entries, attachment bytes by SHA-256,
 * the audit chains, and a manifest with the SHA-256 of every entry and a digest over it all.
 *
 *   const { bytes, manifest } = await writePackage({ kind: 'exchange', scope: { kind: 'assessment' }, … });
 */
import { canonicalJson, sha256Hex, sha256OfBytes } from '../digest';
import { byText, chainFields, jsonLines, sortRows } from './canonical';
import { assessmentPath, auditPath, filePath, MANIFEST, receivedPath, tablePath } from './paths';
import {
  FORMAT,
  FORMAT_VERSION,
  TABLES,
  type ChainSummary,
  type Hasher,
  type Manifest,
  type ManifestAssessment,
  type ManifestEntry,
  type PackedAssessment,
  type ReceivedChain,
  type Scope,
  type TableName,
} from './types';
import { writeZip, type ZipEntry } from './zip';

export interface PackageInput {
  kind: Manifest['kind'];
  /** ISO time */
  createdAt: string;
  laptopId: string;
  operator: string;
  scope: Scope;
  assessments: readonly PackedAssessment[];
  /** attachment bytes by SHA-256; every attachment of the data must be here */
  files: ReadonlyMap<string, Uint8Array>;
}

const encoder = new TextEncoder();

export function chainSummary(laptopId: string, entries: readonly { hash: string }[]): ChainSummary {
  return { laptopId, count: entries.length, head: entries.at(-1)?.hash ?? '' };
}

/** The digest that names a package: SHA-256 of its manifest without the digest. */
export function manifestDigest(manifest: Omit<Manifest, 'digest'> & { digest?: string }): string {
  const { digest: _digest, ...rest } = manifest;
  return sha256Hex(canonicalJson(rest));
}

/** Received chains of one laptop id kept apart by their head, so two forks never overwrite each other. */
function receivedOf(received: readonly ReceivedChain[], own: string): ReceivedChain[] {
  return received
    .filter((c) => c.laptopId !== own && c.entries.length > 0)
    .sort((a, b) => byText(a.laptopId, b.laptopId) || byText(a.entries.at(-1)!.hash, b.entries.at(-1)!.hash));
}

export async function writePackage(input: PackageInput, hash: Hasher = sha256OfBytes): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const entries: ZipEntry[] = [];
  const add = (path: string, text: string) => entries.push({ path, bytes: encoder.encode(text) });
  const summaries: ManifestAssessment[] = [];
  const needed = new Set<string>();

  for (const { data, audit, received } of input.assessments) {
    const id = data.assessment.id;
    add(assessmentPath(id), `${canonicalJson(data.assessment)}\n`);
    const counts = {} as Record<TableName, number>;
    for (const table of TABLES) {
      const rows = sortRows(table, data[table]);
      counts[table] = rows.length;
      add(tablePath(id, table), jsonLines(rows));
    }
    for (const a of data.attachments) needed.add(a.sha256);
    add(auditPath(id, input.laptopId), jsonLines(audit.map(chainFields)));
    const others = receivedOf(received, input.laptopId);
    for (const chain of others) add(receivedPath(id, chain), jsonLines(chain.entries.map(chainFields)));
    summaries.push({
      id,
      name: data.assessment.name,
      year: data.assessment.year,
      region: data.assessment.region,
      policy: data.assessment.policy.name,
      counts,
      audit: chainSummary(input.laptopId, audit),
      received: others.map((c) => chainSummary(c.laptopId, c.entries)),
    });
  }
  for (const sha of [...needed].sort(byText)) {
    const bytes = input.files.get(sha);
    if (!bytes) throw new Error(`writePackage: attachment ${sha} has no bytes`);
    entries.push({ path: filePath(sha), bytes });
  }

  entries.sort((a, b) => byText(a.path, b.path));
  const listed: ManifestEntry[] = [];
  for (const e of entries) listed.push({ path: e.path, sha256: await hash(e.bytes), size: e.bytes.length });
  const body: Omit<Manifest, 'digest'> = {
    format: FORMAT,
    version: FORMAT_VERSION,
    kind: input.kind,
    createdAt: input.createdAt,
    laptopId: input.laptopId,
    operator: input.operator,
    scope: input.scope,
    assessments: summaries,
    entries: listed,
  };
  const manifest: Manifest = { ...body, digest: manifestDigest(body) };
  const bytes = writeZip([{ path: MANIFEST, bytes: encoder.encode(canonicalJson(manifest)) }, ...entries]);
  return { bytes, manifest };
}
