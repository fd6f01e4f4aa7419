/**
 * A team's shared key (工作组密钥): the same text on every laptop of the team. With it,
 * packages and backups are signed (HMAC-SHA-256 of the manifest digest) and encrypted
 * (AES-GCM, envelope.ts), so a file from outside the team is refused and a lost USB stick
 * shows nothing. Web Crypto only (`crypto.subtle`, in browsers and Node 20).
 *
 * A key is either one made here, `SPK1-` and 32 letters of base32 in groups of four
 * (160 random bits), or the team's own words (at least 12 characters). Either is
 * stretched with PBKDF2 into the keys used; its id (密钥标识) is a short digest that
 * names the key without revealing it.
 *
 *   const key = await openTeamKey('SPK1-ABCD-…');   // Checked-like: { ok, value | message }
 *   const hmac = await signDigest(key.value, manifest.digest);
 */
export const KEY_PREFIX = 'SPK1-';
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const RANDOM_BYTES = 20;
const OWN_MIN = 12;
const SALT = 'shuangping/team-key/v1';
const ITERATIONS = 100_000;

export interface TeamKey {
  /** 16 hex digits: names the key in file headers and signatures */
  id: string;
  mac: CryptoKey;
  enc: CryptoKey;
}

export type KeyText = { ok: true; value: string } | { ok: false; message: string };

const subtle = () => globalThis.crypto.subtle;
const encoder = new TextEncoder();
const hex = (bytes: ArrayBuffer | Uint8Array) =>
  Array.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes), (b) => b.toString(16).padStart(2, '0')).join('');
const buffer = (bytes: Uint8Array) => bytes as Uint8Array<ArrayBuffer>;

function base32(bytes: Uint8Array): string {
  let bits = 0;
  let value = 0;
  let out = '';
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(value << (5 - bits)) & 31];
  return out;
}

const grouped = (body: string) => `${KEY_PREFIX}${body.match(/.{1,4}/g)!.join('-')}`;

/** A new random key as text, to copy to the team's other laptops. */
export function generateKeyText(random: (bytes: Uint8Array) => Uint8Array = (b) => globalThis.crypto.getRandomValues(b)): string {
  return grouped(base32(random(new Uint8Array(RANDOM_BYTES))));
}

/** The key as it is kept and compared: `SPK1-` keys in capitals with their dashes, own words trimmed with single spaces. */
export function normalizeKeyText(text: string): KeyText {
  const t = text.normalize('NFC').trim();
  if (!t) return { ok: false, message: '请填写工作组密钥' };
  const made = /^spk1[\s-]*(.*)$/is.exec(t);
  if (made) {
    const body = made[1]!.toUpperCase().replace(/[\s-]/g, '');
    if (body.length !== 32 || [...body].some((c) => !BASE32.includes(c))) {
      return { ok: false, message: '工作组密钥格式不对：SPK1- 之后应是 32 个字母或数字 2–7（可带短横线），请按原样复制' };
    }
    return { ok: true, value: grouped(body) };
  }
  const own = t.replace(/\s+/g, ' ');
  if ([...own].length < OWN_MIN) return { ok: false, message: `自定的工作组密钥至少要 ${OWN_MIN} 个字，建议用“生成新密钥”` };
  return { ok: true, value: own };
}

async function derive(master: CryptoKey, label: string): Promise<Uint8Array> {
  return new Uint8Array(await subtle().sign('HMAC', master, encoder.encode(label)));
}

const opened = new Map<string, Promise<TeamKey>>();

async function open(text: string): Promise<TeamKey> {
  const material = await subtle().importKey('raw', encoder.encode(text), 'PBKDF2', false, ['deriveBits']);
  const bits = await subtle().deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: encoder.encode(SALT), iterations: ITERATIONS }, material, 256);
  const master = await subtle().importKey('raw', bits, { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  const [id, mac, enc] = await Promise.all([derive(master, 'key id'), derive(master, 'signature'), derive(master, 'encryption')]);
  return {
    id: hex(id.subarray(0, 8)),
    mac: await subtle().importKey('raw', buffer(mac), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign', 'verify']),
    enc: await subtle().importKey('raw', buffer(enc), 'AES-GCM', false, ['encrypt', 'decrypt']),
  };
}

/** The key a text names (kept open for the session: stretching takes a moment). */
export async function openTeamKey(text: string): Promise<{ ok: true; value: TeamKey } | { ok: false; message: string }> {
  const normal = normalizeKeyText(text);
  if (!normal.ok) return normal;
  let key = opened.get(normal.value);
  if (!key) {
    key = open(normal.value);
    opened.set(normal.value, key);
  }
  return { ok: true, value: await key };
}

/** `3fa2c1d0` — how a key's id reads to a person. */
export const keyIdLabel = (id: string) => id.slice(0, 8);

/** HMAC-SHA-256 of a manifest digest, hex. */
export async function signDigest(key: TeamKey, digest: string): Promise<string> {
  return hex(await subtle().sign('HMAC', key.mac, encoder.encode(digest)));
}

/** Whether `hmac` is the key's signature of `digest` (compared by Web Crypto, in constant time). */
export async function verifyDigest(key: TeamKey, digest: string, hmac: string): Promise<boolean> {
  if (!/^[0-9a-f]{64}$/.test(hmac)) return false;
  const bytes = new Uint8Array(hmac.match(/../g)!.map((h) => parseInt(h, 16)));
  return subtle().verify('HMAC', key.mac, bytes, encoder.encode(digest));
}
