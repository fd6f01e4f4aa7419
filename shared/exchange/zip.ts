/**
 * The zip container of packages and backups: entries stored (not compressed) with
 * fixed times, so the file is exactly determined by its entries. The reader accepts
 * only that exact layout — every header, the central directory and the end record
 * must be the bytes the writer would write — so a changed byte anywhere shows:
 * in the data through the manifest's SHA-256, elsewhere here or through the CRC.
 */

export interface ZipEntry {
  path: string;
  bytes: Uint8Array;
}

export interface ParsedEntry extends ZipEntry {
  /** the CRC-32 the header claims (checked with `crcMatches`) */
  crc: number;
}

export type ZipRead = { ok: true; entries: ParsedEntry[] } | { ok: false; notZip: boolean; message: string };

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20;
/** bit 11: names are UTF-8 */
const FLAGS = 0x0800;
/** 1980-01-01 00:00, the earliest DOS date: no time is recorded */
const DOS_TIME = 0;
const DOS_DATE = (1 << 5) | 1;
const LOCAL_SIZE = 30;
const CENTRAL_SIZE = 46;
const END_SIZE = 22;
const MAX_ENTRIES = 0xffff;
const MAX_SIZE = 0xffffffff;

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (let i = 0; i < bytes.length; i++) c = CRC_TABLE[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

interface Layout {
  name: Uint8Array;
  crc: number;
  size: number;
  offset: number;
}

function localHeader({ name, crc, size }: Layout): Uint8Array {
  const out = new Uint8Array(LOCAL_SIZE + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, LOCAL, true);
  v.setUint16(4, VERSION, true);
  v.setUint16(6, FLAGS, true);
  v.setUint16(8, 0, true); // stored
  v.setUint16(10, DOS_TIME, true);
  v.setUint16(12, DOS_DATE, true);
  v.setUint32(14, crc, true);
  v.setUint32(18, size, true);
  v.setUint32(22, size, true);
  v.setUint16(26, name.length, true);
  v.setUint16(28, 0, true);
  out.set(name, LOCAL_SIZE);
  return out;
}

function centralHeader({ name, crc, size, offset }: Layout): Uint8Array {
  const out = new Uint8Array(CENTRAL_SIZE + name.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, CENTRAL, true);
  v.setUint16(4, VERSION, true);
  v.setUint16(6, VERSION, true);
  v.setUint16(8, FLAGS, true);
  v.setUint16(10, 0, true);
  v.setUint16(12, DOS_TIME, true);
  v.setUint16(14, DOS_DATE, true);
  v.setUint32(16, crc, true);
  v.setUint32(20, size, true);
  v.setUint32(24, size, true);
  v.setUint16(28, name.length, true);
  // extra, comment, disk, internal and external attributes: all 0
  v.setUint32(42, offset, true);
  out.set(name, CENTRAL_SIZE);
  return out;
}

function endRecord(count: number, size: number, offset: number): Uint8Array {
  const out = new Uint8Array(END_SIZE);
  const v = new DataView(out.buffer);
  v.setUint32(0, END, true);
  v.setUint16(8, count, true);
  v.setUint16(10, count, true);
  v.setUint32(12, size, true);
  v.setUint32(16, offset, true);
  return out;
}

/** The zip of `entries`, in the order given. Throws only on sizes no package reaches (65 535 entries, 4 GB). */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  if (entries.length > MAX_ENTRIES) throw new Error(`zip: too many entries (${entries.length})`);
  const encoder = new TextEncoder();
  const layouts: Layout[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = encoder.encode(e.path);
    layouts.push({ name, crc: crc32(e.bytes), size: e.bytes.length, offset });
    offset += LOCAL_SIZE + name.length + e.bytes.length;
  }
  const centrals = layouts.map(centralHeader);
  const centralSize = centrals.reduce((n, c) => n + c.length, 0);
  if (offset + centralSize > MAX_SIZE) throw new Error('zip: larger than 4 GB');
  const out = new Uint8Array(offset + centralSize + END_SIZE);
  entries.forEach((e, i) => {
    const layout = layouts[i]!;
    out.set(localHeader(layout), layout.offset);
    out.set(e.bytes, layout.offset + LOCAL_SIZE + layout.name.length);
  });
  let at = offset;
  for (const c of centrals) {
    out.set(c, at);
    at += c.length;
  }
  out.set(endRecord(entries.length, centralSize, offset), at);
  return out;
}

const same = (bytes: Uint8Array, at: number, expected: Uint8Array) => {
  if (at + expected.length > bytes.length) return false;
  for (let i = 0; i < expected.length; i++) if (bytes[at + i] !== expected[i]) return false;
  return true;
};

const broken = (message: string): ZipRead => ({ ok: false, notZip: false, message: `文件已损坏或被改动：${message}，拒绝导入` });

/** The entries of a zip written by `writeZip`; anything else is refused with a Chinese message. */
export function readZip(bytes: Uint8Array): ZipRead {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : -1);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : -1);
  if (bytes.length < END_SIZE || u32(0) !== LOCAL) {
    return { ok: false, notZip: true, message: '这不是双评工作站的交换包或备份：文件不是 zip 压缩包' };
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const entries: ParsedEntry[] = [];
  const layouts: Layout[] = [];
  let at = 0;
  while (u32(at) === LOCAL) {
    const n = entries.length + 1;
    const size = u32(at + 18);
    const nameLength = u16(at + 26);
    if (size < 0 || nameLength < 0) return broken(`压缩包第${n}项的文件头不完整`);
    const name = bytes.subarray(at + LOCAL_SIZE, at + LOCAL_SIZE + nameLength);
    const layout: Layout = { name, crc: u32(at + 14), size, offset: at };
    if (!same(bytes, at, localHeader(layout))) return broken(`压缩包第${n}项的文件头不符合交换包格式`);
    const start = at + LOCAL_SIZE + nameLength;
    if (start + size > bytes.length) return broken(`压缩包第${n}项的内容不完整`);
    let path: string;
    try {
      path = decoder.decode(name);
    } catch {
      return broken(`压缩包第${n}项的文件名不是有效文字`);
    }
    entries.push({ path, bytes: bytes.subarray(start, start + size), crc: layout.crc });
    layouts.push(layout);
    at = start + size;
  }
  const centralStart = at;
  for (const [i, layout] of layouts.entries()) {
    const expected = centralHeader(layout);
    if (!same(bytes, at, expected)) return broken(`压缩包目录的第${i + 1}项与文件内容不符`);
    at += expected.length;
  }
  if (!same(bytes, at, endRecord(layouts.length, at - centralStart, centralStart)) || at + END_SIZE !== bytes.length) {
    return broken('压缩包的结尾记录不符（文件被截断或追加了内容）');
  }
  return { ok: true, entries };
}

/** Whether each entry's bytes have the CRC its header claims. */
export function crcMismatch(entries: readonly ParsedEntry[]): ParsedEntry | undefined {
  return entries.find((e) => crc32(e.bytes) !== e.crc);
}
