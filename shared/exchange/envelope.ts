/**
 * The encrypted form of a package or backup, written when a team key is set: one plain
 * line of canonical JSON naming the format, its version, the key's id and the IV, then
 * the zip encrypted with AES-GCM (the line is the additional data, so it cannot be
 * changed either). A file starting with that line is never taken for a zip.
 *
 *   {"format":"shuangping-encrypted","iv":"…","keyId":"3fa2c1d0…","version":1}\n<ciphertext and tag>
 */
import { canonicalJson } from '../digest';
import type { TeamKey } from './team-key';

export const ENVELOPE_FORMAT = 'shuangping-encrypted';
export const ENVELOPE_VERSION = 1;
const IV_BYTES = 12;
const MAX_HEADER = 256;

export interface EnvelopeHeader {
  format: typeof ENVELOPE_FORMAT;
  version: number;
  keyId: string;
  /** 24 hex digits */
  iv: string;
}

const encoder = new TextEncoder();
const START = encoder.encode(`{"format":"${ENVELOPE_FORMAT}"`);
const hex = (bytes: Uint8Array) => Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
const fromHex = (text: string) => new Uint8Array(text.match(/../g)!.map((h) => parseInt(h, 16)));

/** Whether the file is an encrypted package or backup (whatever else is wrong with it). */
export function isEnvelope(bytes: Uint8Array): boolean {
  return bytes.length >= START.length && START.every((b, i) => bytes[i] === b);
}

/** The plain header of an encrypted file and where its ciphertext starts, or null when it is not one written here. */
export function readEnvelopeHeader(bytes: Uint8Array): { header: EnvelopeHeader; headerBytes: Uint8Array; body: Uint8Array } | null {
  if (!isEnvelope(bytes)) return null;
  const end = bytes.subarray(0, MAX_HEADER).indexOf(0x0a);
  if (end < 0) return null;
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(0, end)));
  } catch {
    return null;
  }
  const h = value as Partial<EnvelopeHeader>;
  const shaped =
    typeof value === 'object' &&
    value !== null &&
    h.format === ENVELOPE_FORMAT &&
    typeof h.version === 'number' &&
    typeof h.keyId === 'string' &&
    /^[0-9a-f]{16}$/.test(h.keyId) &&
    typeof h.iv === 'string' &&
    /^[0-9a-f]{24}$/.test(h.iv);
  if (!shaped || canonicalJson(value) !== new TextDecoder().decode(bytes.subarray(0, end))) return null;
  return { header: h as EnvelopeHeader, headerBytes: bytes.subarray(0, end + 1), body: bytes.subarray(end + 1) };
}

/** The zip `bytes` encrypted under the team key, with a random IV. */
export async function seal(key: TeamKey, bytes: Uint8Array, iv: Uint8Array = globalThis.crypto.getRandomValues(new Uint8Array(IV_BYTES))): Promise<Uint8Array> {
  const header: EnvelopeHeader = { format: ENVELOPE_FORMAT, version: ENVELOPE_VERSION, keyId: key.id, iv: hex(iv) };
  const headerBytes = encoder.encode(`${canonicalJson(header)}\n`);
  const cipher = new Uint8Array(
    await globalThis.crypto.subtle.encrypt(
      { name: 'AES-GCM', iv: iv as Uint8Array<ArrayBuffer>, additionalData: headerBytes },
      key.enc,
      bytes as Uint8Array<ArrayBuffer>,
    ),
  );
  const out = new Uint8Array(headerBytes.length + cipher.length);
  out.set(headerBytes);
  out.set(cipher, headerBytes.length);
  return out;
}

export type Unsealed = { ok: true; bytes: Uint8Array; keyId: string } | { ok: false; message: string };

/** The zip inside an encrypted file, or why it cannot be opened (one Chinese sentence). */
export async function unseal(bytes: Uint8Array, key: TeamKey | null | undefined): Promise<Unsealed> {
  const read = readEnvelopeHeader(bytes);
  if (!read) return { ok: false, message: '文件已损坏或被改动：加密文件的开头不符合双评工作站的格式，拒绝导入' };
  const { header, headerBytes, body } = read;
  if (header.version > ENVELOPE_VERSION)
    return { ok: false, message: `该文件由更新版本的双评工作站加密（加密格式版本 ${header.version}），请升级本机程序后再打开` };
  const label = header.keyId.slice(0, 8);
  if (!key) return { ok: false, message: `该文件已用工作组密钥加密（密钥标识 ${label}），本机没有设置工作组密钥，无法打开` };
  if (key.id !== header.keyId) return { ok: false, message: `该文件是用另一个工作组密钥加密的（密钥标识 ${label}，本机为 ${key.id.slice(0, 8)}），无法打开` };
  try {
    const plain = await globalThis.crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: fromHex(header.iv) as Uint8Array<ArrayBuffer>, additionalData: headerBytes as Uint8Array<ArrayBuffer> },
      key.enc,
      body as Uint8Array<ArrayBuffer>,
    );
    return { ok: true, bytes: new Uint8Array(plain), keyId: header.keyId };
  } catch {
    return { ok: false, message: '文件已被改动或已损坏：解密校验未通过，拒绝导入' };
  }
}
