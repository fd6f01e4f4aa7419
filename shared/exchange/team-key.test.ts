import { describe, expect, it } from 'vitest';
import { readPackage, writePackage } from '.';
import { isEnvelope, readEnvelopeHeader, unseal } from './envelope';
import { generateKeyText, normalizeKeyText, openTeamKey, type TeamKey } from './team-key';
import { AID, chain, county, input, repack } from './testing';
import { canonicalJson } from '../digest';
import { readZip, writeZip } from './zip';

const KEY_A = 'SPK1-ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4567';
const KEY_B = '胶州市第一书记考核工作组二〇二四';

async function key(text: string): Promise<TeamKey> {
  const k = await openTeamKey(text);
  if (!k.ok) throw new Error(k.message);
  return k.value;
}

const messageOf = async (bytes: Uint8Array, k: TeamKey | null) => {
  const r = await readPackage(bytes, { key: k });
  return r.ok ? 'ok' : r.errors[0]!.message;
};

async function countyPackage(k: TeamKey | null) {
  const { data, files } = county();
  return writePackage(input([{ data, audit: chain(AID, ['assessment.create', 'roster.import']), received: [] }], files), { key: k });
}

describe('the team key as text', () => {
  it('a new key is SPK1- and 8 groups of 4 base32 letters, different each time', () => {
    const a = generateKeyText();
    expect(a).toMatch(/^SPK1(-[A-Z2-7]{4}){8}$/);
    expect(generateKeyText()).not.toBe(a);
    expect(generateKeyText((b) => b.fill(0))).toBe('SPK1-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA-AAAA');
  });

  it.each([
    ['spk1abcdefghijklmnopqrstuvwxyz234567', KEY_A],
    [' SPK1-abcd efgh-ijkl-mnop-qrst-uvwx-yz23-4567 ', KEY_A],
    ['  我们组的  密钥：胶州市第一书记  ', '我们组的 密钥：胶州市第一书记'],
  ])('%j is kept as %j', (text, kept) => {
    expect(normalizeKeyText(text)).toEqual({ ok: true, value: kept });
  });

  it.each([
    ['', '请填写工作组密钥'],
    ['SPK1-ABCD-EFGH', '工作组密钥格式不对'],
    ['SPK1-ABCD-EFGH-IJKL-MNOP-QRST-UVWX-YZ23-4568', '工作组密钥格式不对'],
    ['短密钥', '至少要 12 个字'],
  ])('%j is refused: %s', (text, message) => {
    const r = normalizeKeyText(text);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toContain(message);
  });

  it('the same text gives the same key id on every laptop; the id does not show the key', async () => {
    const a = await key(KEY_A);
    expect((await key('spk1 abcd efgh ijkl mnop qrst uvwx yz23 4567')).id).toBe(a.id);
    expect(a.id).toMatch(/^[0-9a-f]{16}$/);
    expect((await key(KEY_B)).id).not.toBe(a.id);
  });
});

describe('packages with a team key', () => {
  it('are signed and encrypted; the same key opens them', async () => {
    const a = await key(KEY_A);
    const { bytes, manifest } = await countyPackage(a);
    expect(isEnvelope(bytes)).toBe(true);
    expect(readZip(bytes).ok).toBe(false);
    expect(readEnvelopeHeader(bytes)?.header).toMatchObject({ format: 'shuangping-encrypted', version: 1, keyId: a.id });
    // the data is not readable in the file
    expect(new TextDecoder('latin1').decode(bytes)).not.toContain('secretaries');
    expect(manifest.signature?.keyId).toBe(a.id);
    const opened = await readPackage(bytes, { key: a });
    expect(opened.ok && opened.value.security).toEqual({ encrypted: true, signature: 'verified' });
    expect(opened.ok && opened.value.manifest).toEqual(manifest);
  });

  it('two writes differ (a random IV) but hold the same package', async () => {
    const a = await key(KEY_A);
    const one = await countyPackage(a);
    const two = await countyPackage(a);
    expect(one.bytes).not.toEqual(two.bytes);
    expect(one.manifest.digest).toBe(two.manifest.digest);
  });

  it('without the key, with another team’s key, or changed: refused in one sentence each', async () => {
    const a = await key(KEY_A);
    const b = await key(KEY_B);
    const { bytes } = await countyPackage(a);
    expect(await messageOf(bytes, null)).toBe(`该文件已用工作组密钥加密（密钥标识 ${a.id.slice(0, 8)}），本机没有设置工作组密钥，无法打开`);
    expect(await messageOf(bytes, b)).toBe(`该文件是用另一个工作组密钥加密的（密钥标识 ${a.id.slice(0, 8)}，本机为 ${b.id.slice(0, 8)}），无法打开`);
    const tampered = bytes.slice();
    tampered[bytes.length - 100] = tampered[bytes.length - 100]! ^ 1;
    expect(await messageOf(tampered, a)).toBe('文件已被改动或已损坏：解密校验未通过，拒绝导入');
    // the header is covered too: another IV fails the tag
    const header = bytes.slice();
    const at = new TextDecoder().decode(bytes.subarray(0, 120)).indexOf('"iv":"') + 6;
    header[at] = header[at] === 0x30 ? 0x31 : 0x30;
    expect(await messageOf(header, a)).toBe('文件已被改动或已损坏：解密校验未通过，拒绝导入');
    const cut = bytes.subarray(0, 50);
    expect(await messageOf(cut, a)).toBe('文件已损坏或被改动：加密文件的开头不符合双评工作站的格式，拒绝导入');
  });

  it('with a key set here, an unsigned package is refused; without one, it is read', async () => {
    const a = await key(KEY_A);
    const { bytes } = await countyPackage(null);
    expect(await messageOf(bytes, a)).toBe('该文件没有工作组签名：本机已设置工作组密钥，只接受用本组密钥签名的交换包和备份，拒绝导入');
    expect(await messageOf(bytes, null)).toBe('ok');
  });

  it('a package signed with another key, or with its signature changed, is refused', async () => {
    const a = await key(KEY_A);
    const b = await key(KEY_B);
    const inner = await unseal((await countyPackage(b)).bytes, b);
    if (!inner.ok) throw new Error(inner.message);
    expect(await messageOf(inner.bytes, a)).toBe(
      `该文件是用另一个工作组密钥签名的（密钥标识 ${b.id.slice(0, 8)}，本机为 ${a.id.slice(0, 8)}），不是本组的文件，拒绝导入`,
    );
    // signed by no key here: read, the signature unchecked
    const unchecked = await readPackage(inner.bytes, { key: null });
    expect(unchecked.ok && unchecked.value.security).toEqual({ encrypted: false, signature: 'unchecked' });
    // the data changed with every hash recomputed, the old signature kept: it no longer matches
    const own = await unseal((await countyPackage(a)).bytes, a);
    if (!own.ok) throw new Error(own.message);
    const read = await readPackage(own.bytes);
    const signature = read.ok ? read.value.manifest.signature! : {};
    // repacked with every hash recomputed: the signature is gone
    const resigned = repack(own.bytes, (entries, manifest) => {
      manifest.operator = '李四';
      return entries;
    });
    expect(await messageOf(resigned, a)).toContain('没有工作组签名');
    // and the old signature put back does not fit the new digest
    const forged = forgeSignature(resigned, signature);
    expect(await messageOf(forged, a)).toBe('工作组签名不符：文件已被改动，或不是用本组密钥签名的，拒绝导入');
  });
});

/** The package with `signature` put back into its manifest (the digest does not cover it). */
function forgeSignature(bytes: Uint8Array, signature: object): Uint8Array {
  const zip = readZip(bytes);
  if (!zip.ok) throw new Error(zip.message);
  const [first, ...rest] = zip.entries;
  const manifest = { ...(JSON.parse(new TextDecoder().decode(first!.bytes)) as object), signature };
  return writeZip([{ path: 'manifest.json', bytes: new TextEncoder().encode(canonicalJson(manifest)) }, ...rest]);
}
