/**
 * Reads and verifies a package or backup. Never throws for a person's file: every
 * problem is one clear Chinese message (the first found), in this order — encrypted
 * and not openable here, not a zip, no manifest, the manifest changed, a path the writer
 * never writes, the team signature missing or wrong, an entry missing, added or
 * changed, a record malformed, an audit chain broken, the data not the data the chain's
 * `export` entry names, an attachment no record names, a zip checksum changed.
 *
 *   const opened = await readPackage(bytes, { key });   // key: this laptop's team key, or null
 *   if (!opened.ok) show(opened.errors[0].message);
 */
import { verifyChain, type ChainedAuditEntry } from '../audit/chain';
import { canonicalJson, sha256OfBytes } from '../digest';
import type { Checked } from '../model';
import { bindingProblem, dataFilesOf } from './bind';
import { isEnvelope, unseal } from './envelope';
import { assessmentPath, auditPath, filePath, MANIFEST, pathLabel, receivedPath, shortId, strayPath, tablePath, tablesOf } from './paths';
import { keyIdLabel, verifyDigest, type TeamKey } from './team-key';
import {
  FORMAT,
  FORMAT_VERSION,
  type AssessmentData,
  type Hasher,
  type Manifest,
  type OpenedPackage,
  type PackageSecurity,
  type PackedAssessment,
} from './types';
import { checkAssessment, checkChainShape, checkRows, isObject } from './validate';
import { manifestDigest } from './write';
import { crcMismatch, readZip, type ParsedEntry } from './zip';

export interface ReadOptions {
  hash?: Hasher;
  /** this laptop's team key: opens encrypted files, and then only files signed with it are accepted */
  key?: TeamKey | null;
}

class Refused {
  constructor(readonly message: string) {}
}

const refuse = (message: string): never => {
  throw new Refused(message);
};

export async function readPackage(bytes: Uint8Array, options: Hasher | ReadOptions = {}): Promise<Checked<OpenedPackage>> {
  const { hash = sha256OfBytes, key = null } = typeof options === 'function' ? { hash: options } : options;
  try {
    return { ok: true, value: await open(bytes, hash, key) };
  } catch (e) {
    if (e instanceof Refused) return { ok: false, errors: [{ message: e.message }] };
    throw e;
  }
}

const decoder = new TextDecoder('utf-8', { fatal: true });

function parseJson(bytes: Uint8Array, what: string): unknown {
  try {
    return JSON.parse(decoder.decode(bytes));
  } catch {
    return refuse(`交换包内容无效：${what} 不是有效的 JSON`);
  }
}

async function open(bytes: Uint8Array, hash: Hasher, key: TeamKey | null): Promise<OpenedPackage> {
  let zipBytes = bytes;
  if (isEnvelope(bytes)) {
    const unsealed = await unseal(bytes, key);
    if (!unsealed.ok) return refuse(unsealed.message);
    zipBytes = unsealed.bytes;
  }
  const zip = readZip(zipBytes);
  if (!zip.ok) return refuse(zip.message);
  const [first, ...rest] = zip.entries;
  if (first?.path !== MANIFEST) refuse('这不是双评工作站的交换包或备份：缺少清单 manifest.json');
  const manifest = readManifest(first!);
  const stray = strayPath(
    manifest.entries.map((e) => e.path),
    manifest,
  );
  if (stray !== null) refuse(`文件已被改动：交换包中有双评工作站不会写出的文件“${stray.slice(0, 120)}”，拒绝导入`);
  const security: PackageSecurity = { encrypted: zipBytes !== bytes, signature: await checkSignature(manifest, key) };

  // the entries are exactly those listed, each with its size and hash
  const byPath = new Map<string, ParsedEntry>();
  const listedPaths = new Set(manifest.entries.map((m) => m.path));
  for (const e of rest) {
    if (byPath.has(e.path) || !listedPaths.has(e.path)) refuse(`文件已被改动：多出未登记的文件 ${e.path}，拒绝导入`);
    byPath.set(e.path, e);
  }
  for (const listed of manifest.entries) {
    const entry = byPath.get(listed.path);
    const label = pathLabel(listed.path, manifest);
    if (!entry) refuse(`文件不完整：缺少 ${label}（${listed.path}），拒绝导入`);
    if (entry!.bytes.length !== listed.size || (await hash(entry!.bytes)) !== listed.sha256) {
      refuse(`文件已被改动：${label} 的校验值不符，拒绝导入`);
    }
  }
  if (rest.map((e) => e.path).join('\n') !== manifest.entries.map((e) => e.path).join('\n')) {
    refuse('文件已被改动：压缩包中文件的顺序与清单不符，拒绝导入');
  }

  const entry = (path: string) => byPath.get(path)?.bytes ?? refuse(`文件不完整：缺少 ${pathLabel(path, manifest)}（${path}），拒绝导入`);
  const assessments = manifest.assessments.map((a) => readAssessment(a, manifest, entry));
  if (manifest.kind === 'exchange' && manifest.version >= 2) {
    for (const { data, audit } of assessments) {
      const problem = bindingProblem(audit, data.assessment.id, manifest.scope, dataFilesOf(manifest.entries, data.assessment.id));
      if (problem) refuse(problem);
    }
  }
  const files = new Map<string, Uint8Array>();
  for (const { data } of assessments) {
    for (const att of data.attachments) {
      const bytes = entry(filePath(att.sha256));
      if (bytes.length !== att.size) refuse(`交换包内容无效：附件“${att.name}”的大小与记录不符`);
      files.set(att.sha256, bytes);
    }
  }
  // the writer writes the files the records name, and no other
  const unnamed = manifest.entries.find((e) => e.path.startsWith('attachments/') && !files.has(e.path.slice('attachments/'.length)));
  if (unnamed) refuse(`文件已被改动：交换包中有没有任何记录用到的附件 ${pathLabel(unnamed.path, manifest)}，拒绝导入`);
  const bad = crcMismatch(zip.entries);
  if (bad) refuse(`文件已被改动：压缩包中 ${pathLabel(bad.path, manifest)} 的校验码不符，拒绝导入`);
  return { manifest, assessments, files, security };
}

/** With a team key here, only packages signed with it are accepted; without one, a signature cannot be checked. */
async function checkSignature(manifest: Manifest, key: TeamKey | null): Promise<PackageSecurity['signature']> {
  const signature = manifest.signature;
  if (!key) return signature ? 'unchecked' : 'none';
  if (!signature) return refuse('该文件没有工作组签名：本机已设置工作组密钥，只接受用本组密钥签名的交换包和备份，拒绝导入');
  if (signature.keyId !== key.id) {
    return refuse(`该文件是用另一个工作组密钥签名的（密钥标识 ${keyIdLabel(signature.keyId)}，本机为 ${keyIdLabel(key.id)}），不是本组的文件，拒绝导入`);
  }
  if (!(await verifyDigest(key, manifest.digest, signature.hmac))) return refuse('工作组签名不符：文件已被改动，或不是用本组密钥签名的，拒绝导入');
  return 'verified';
}

function readManifest(entry: ParsedEntry): Manifest {
  const value = parseJson(entry.bytes, '清单 manifest.json');
  if (!isObject(value) || value.format !== FORMAT) return refuse('这不是双评工作站的交换包或备份：清单 manifest.json 的格式不对');
  if (typeof value.version === 'number' && value.version > FORMAT_VERSION) {
    return refuse(`该文件由更新版本的双评工作站生成（格式版本 ${String(value.version)}），请升级本机程序后再导入`);
  }
  if (typeof value.version !== 'number' || !Number.isInteger(value.version) || value.version < 1)
    return refuse('交换包内容无效：清单 manifest.json 的格式版本无效');
  const m = value as unknown as Manifest;
  const shaped =
    (m.kind === 'exchange' || m.kind === 'backup') &&
    typeof m.createdAt === 'string' &&
    typeof m.laptopId === 'string' &&
    typeof m.operator === 'string' &&
    isObject(m.scope) &&
    Array.isArray(m.assessments) &&
    m.assessments.every(
      (a) =>
        isObject(a) &&
        typeof a.id === 'string' &&
        a.id !== '' &&
        isObject(a.counts) &&
        isObject(a.audit) &&
        typeof a.audit.head === 'string' &&
        Array.isArray(a.received) &&
        a.received.every((r) => isObject(r) && typeof r.laptopId === 'string' && typeof r.head === 'string'),
    ) &&
    new Set(m.assessments.map((a) => a.id)).size === m.assessments.length &&
    Array.isArray(m.entries) &&
    m.entries.every((e) => isObject(e) && typeof e.path === 'string' && typeof e.sha256 === 'string' && typeof e.size === 'number') &&
    typeof m.digest === 'string' &&
    (m.signature === undefined || (isObject(m.signature) && typeof m.signature.keyId === 'string' && typeof m.signature.hmac === 'string'));
  if (!shaped) return refuse('交换包内容无效：清单 manifest.json 缺少必要的项目');
  if (decoder.decode(entry.bytes) !== canonicalJson(m) || manifestDigest(m) !== m.digest) {
    return refuse('文件已被改动：清单（manifest.json）的校验值不符，拒绝导入');
  }
  return m;
}

function readAssessment(summary: Manifest['assessments'][number], manifest: Manifest, entry: (path: string) => Uint8Array): PackedAssessment {
  const id = summary.id;
  const json = (path: string) => parseJson(entry(path), pathLabel(path, manifest));
  const check = (problem: string | null) => {
    if (problem) refuse(`交换包内容无效：${problem}`);
  };
  const assessment = json(assessmentPath(id));
  check(checkAssessment(assessment, id, pathLabel(assessmentPath(id), manifest)));
  // tables an older package does not have are empty
  const data = { assessment, tombstones: [], personLinks: [], awardEdits: [] } as unknown as AssessmentData;
  for (const table of tablesOf(manifest.version)) {
    const path = tablePath(id, table);
    const rows = json(path);
    check(checkRows(table, rows, id, pathLabel(path, manifest)));
    if ((rows as unknown[]).length !== summary.counts?.[table]) refuse(`交换包内容无效：${pathLabel(path, manifest)} 的条数与清单不符`);
    (data as unknown as Record<string, unknown>)[table] = rows;
  }
  const chain = (path: string, expectedHead: string, who: string): ChainedAuditEntry[] => {
    const entries = json(path);
    check(checkChainShape(entries, id, pathLabel(path, manifest)));
    const verified = verifyChain(entries as ChainedAuditEntry[], expectedHead);
    if (!verified.ok) refuse(`${who}${verified.message}，拒绝导入`);
    return entries as ChainedAuditEntry[];
  };
  const audit = chain(auditPath(id, manifest.laptopId), summary.audit.head, '');
  const received = summary.received.map((r) => {
    const path = receivedPath(id, { laptopId: r.laptopId, entries: [{ hash: r.head }] });
    return { laptopId: r.laptopId, entries: chain(path, r.head, `转来的审计日志（电脑 ${shortId(r.laptopId)}）：`) };
  });
  return { data, audit, received };
}
