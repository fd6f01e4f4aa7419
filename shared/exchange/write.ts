/**
 * Writes a package (or a backup): canonical JSON entries, attachment bytes by SHA-256,
 * the audit chains, and a manifest with the SHA-256 of every entry and a digest over it all.
 * With a team key the manifest is signed and the zip encrypted (team-key.ts, envelope.ts).
 * An exchange package's chain must end with its `export` entry (bind.ts).
 *
 *   const { bytes, manifest } = await writePackage({ kind: 'exchange', scope: { kind: 'assessment' }, … }, { key });
 */
import { canonicalJson, sha256Hex, sha256OfBytes } from '../digest';
import { bindingProblem, dataFiles, dataFilesOf } from './bind';
import { byText, chainFields, jsonLines } from './canonical';
import { seal } from './envelope';
import { auditPath, filePath, MANIFEST, receivedPath } from './paths';
import { signDigest, type TeamKey } from './team-key';
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

export interface WriteOptions {
  hash?: Hasher;
  /** the team key: sign the manifest and encrypt the zip */
  key?: TeamKey | null;
}

const encoder = new TextEncoder();

export function chainSummary(laptopId: string, entries: readonly { hash: string }[]): ChainSummary {
  return { laptopId, count: entries.length, head: entries.at(-1)?.hash ?? '' };
}

/** The digest that names a package: SHA-256 of its manifest without the digest and the signature. */
export function manifestDigest(manifest: Omit<Manifest, 'digest'> & { digest?: string }): string {
  const { digest: _digest, signature: _signature, ...rest } = manifest;
  return sha256Hex(canonicalJson(rest));
}

/** Received chains of one laptop id kept apart by their head, so two forks never overwrite each other. */
function receivedOf(received: readonly ReceivedChain[], own: string): ReceivedChain[] {
  return received
    .filter((c) => c.laptopId !== own && c.entries.length > 0)
    .sort((a, b) => byText(a.laptopId, b.laptopId) || byText(a.entries.at(-1)!.hash, b.entries.at(-1)!.hash));
}

export async function writePackage(input: PackageInput, options: Hasher | WriteOptions = {}): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const { hash = sha256OfBytes, key = null } = typeof options === 'function' ? { hash: options } : options;
  const entries: ZipEntry[] = [];
  const add = (path: string, text: string) => entries.push({ path, bytes: encoder.encode(text) });
  const summaries: ManifestAssessment[] = [];
  const needed = new Set<string>();

  for (const { data, audit, received } of input.assessments) {
    const id = data.assessment.id;
    for (const file of dataFiles(data)) add(file.path, file.text);
    const counts = {} as Record<TableName, number>;
    for (const table of TABLES) counts[table] = data[table].length;
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
  if (input.kind === 'exchange') {
    for (const { data, audit } of input.assessments) {
      const problem = bindingProblem(audit, data.assessment.id, input.scope, dataFilesOf(listed, data.assessment.id));
      if (problem) throw new Error(`writePackage: the chain of ${data.assessment.id} does not end with the export entry of this data`);
    }
  }
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
  const digest = manifestDigest(body);
  const manifest: Manifest = { ...body, digest, ...(key ? { signature: { keyId: key.id, hmac: await signDigest(key, digest) } } : {}) };
  const zip = writeZip([{ path: MANIFEST, bytes: encoder.encode(canonicalJson(manifest)) }, ...entries]);
  return { bytes: key ? await seal(key, zip) : zip, manifest };
}
