/**
 * The zip container of an .xlsx, read with limits. The central directory names each
 * part with its sizes; a part is inflated (fflate) a slice at a time and its output
 * counted as it comes, so a part that expands past what it declares, or past the
 * limits, is stopped before memory grows. The command line may inflate with Node's
 * zlib instead (`InflateRaw`), stopped at the same limits. Every part's CRC-32 is checked: a byte
 * changed on disk is found, never read as data.
 *
 * Throws only Refusal (caught by read.ts).
 */
import { sizeWords } from '../../model/size';
import { Inflate } from 'fflate';
import { damaged, tooLarge } from './refusal';

const MiB = 2 ** 20;

/** Sane bounds for an assessment workbook; the province's largest part (500,000 ballot rows) is 63 MB. */
export const ZIP_LIMITS = {
  /** one part, inflated (a sheet's XML) */
  partBytes: 200 * MiB,
  /** every part read, inflated */
  totalBytes: 300 * MiB,
  /** parts larger than this must not be compressed more than `ratio` to 1 (real sheets: about 10 to 1) */
  ratioFrom: 16 * MiB,
  ratio: 200,
  /** entries in the directory */
  entries: 10_000,
};

/** What deflate can reach at most (258 bytes from 2 bits, about 1032 to 1): beyond it a header lies. */
const DEFLATE_MAX_RATIO = 1100;

/** Compressed bytes given to the inflater at a time: at most ~130 MB of output (deflate's 1032 to 1) before the next check, below the part limit. */
const SLICE = 128 * 1024;

/**
 * Inflates raw deflate data whole, giving up once the output would pass `maxBytes`
 * (then null); throws on data that is not deflate. The command line's is Node's
 * zlib.inflateRawSync, several times fflate's speed; shared code stays pure.
 */
export type InflateRaw = (data: Uint8Array, maxBytes: number) => Uint8Array | null;

/** CRC-32 of whole bytes. */
export type Crc32 = (bytes: Uint8Array) => number;

/**
 * What a host does faster than the pure code, each optional: the command line gives
 * Node's zlib (inflate, several times fflate's speed; CRC-32 in native code). Every
 * check of the zip reader stays the same whichever does the work.
 */
export interface ZipCodec {
  inflateRaw?: InflateRaw;
  crc32?: Crc32;
}

export interface ZipPart {
  /** the name as stored: "xl/worksheets/sheet1.xml" */
  name: string;
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const EOCD64 = 0x06064b50;
const EOCD64_LOCATOR = 0x07064b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const U32_MAX = 0xffffffff;

class Bytes {
  private readonly view: DataView;
  constructor(readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  has(at: number, length: number): boolean {
    return at >= 0 && at + length <= this.bytes.length;
  }
  u16(at: number): number {
    return this.view.getUint16(at, true);
  }
  u32(at: number): number {
    return this.view.getUint32(at, true);
  }
  /** a 64-bit size or offset; past 2^53 it is no size an .xlsx has */
  u64(at: number): number {
    return this.view.getUint32(at, true) + this.view.getUint32(at + 4, true) * 2 ** 32;
  }
}

/** The end of central directory record, searched from the end (a comment may follow it). */
function findEnd(b: Bytes): number {
  const last = b.bytes.length - 22;
  const first = Math.max(0, last - 0xffff);
  for (let at = last; at >= first; at--) {
    if (b.bytes[at] === 0x50 && b.u32(at) === EOCD) return at;
  }
  throw damaged('找不到压缩包的目录，文件可能不完整');
}

interface Directory {
  count: number;
  size: number;
  offset: number;
}

function directoryOf(b: Bytes, end: number): Directory {
  let count = b.u16(end + 10);
  let size = b.u32(end + 12);
  let offset = b.u32(end + 16);
  if (count === 0xffff || size === U32_MAX || offset === U32_MAX) {
    // zip64: the real figures are in the zip64 end record, which a locator points to
    const locator = end - 20;
    if (!b.has(locator, 20) || b.u32(locator) !== EOCD64_LOCATOR) throw damaged('压缩包的目录记录不完整');
    const at = b.u64(locator + 8);
    if (!b.has(at, 56) || b.u32(at) !== EOCD64) throw damaged('压缩包的目录记录不完整');
    count = b.u64(at + 32);
    size = b.u64(at + 40);
    offset = b.u64(at + 48);
  }
  if (!b.has(offset, size)) throw damaged('压缩包的目录超出了文件末尾，文件可能不完整');
  if (count > ZIP_LIMITS.entries) throw tooLarge(`压缩包中有 ${count} 个文件`);
  return { count, size, offset };
}

/** Zip64 extra field (id 1): the 64-bit figures of those fields that are 0xFFFFFFFF, in order. */
function zip64Extra(b: Bytes, at: number, length: number, part: ZipPart): void {
  const end = at + length;
  while (at + 4 <= end) {
    const id = b.u16(at);
    const size = b.u16(at + 2);
    let field = at + 4;
    if (id === 1) {
      const take = () => {
        if (field + 8 > at + 4 + size) throw damaged('压缩包目录中的 zip64 信息不完整');
        const value = b.u64(field);
        field += 8;
        return value;
      };
      if (part.size === U32_MAX) part.size = take();
      if (part.compressedSize === U32_MAX) part.compressedSize = take();
      if (part.localOffset === U32_MAX) part.localOffset = take();
      return;
    }
    at += 4 + size;
  }
}

/** Every part the directory lists, by name (lower case, without a leading "/": OPC names ignore case). */
export function readDirectory(bytes: Uint8Array): Map<string, ZipPart> {
  const b = new Bytes(bytes);
  if (bytes.length < 22) throw damaged('文件太短，不完整');
  const { count, size, offset } = directoryOf(b, findEnd(b));
  const decoder = new TextDecoder();
  const parts = new Map<string, ZipPart>();
  let at = offset;
  for (let i = 0; i < count; i++) {
    if (!b.has(at, 46) || b.u32(at) !== CENTRAL) throw damaged('压缩包的目录不完整');
    const nameLength = b.u16(at + 28);
    const extraLength = b.u16(at + 30);
    const commentLength = b.u16(at + 32);
    if (!b.has(at + 46, nameLength + extraLength + commentLength) || at + 46 + nameLength + extraLength + commentLength > offset + size) {
      throw damaged('压缩包的目录不完整');
    }
    const part: ZipPart = {
      name: decoder.decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      flags: b.u16(at + 8),
      method: b.u16(at + 10),
      crc: b.u32(at + 16),
      compressedSize: b.u32(at + 20),
      size: b.u32(at + 24),
      localOffset: b.u32(at + 42),
    };
    zip64Extra(b, at + 46 + nameLength, extraLength, part);
    const key = partKey(part.name);
    if (!parts.has(key)) parts.set(key, part);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return parts;
}

export const partKey = (name: string): string => name.replace(/^\/+/, '').toLowerCase();

/** CRC-32 tables, slicing by 8: eight bytes a step (a sheet of 60 MB is checked in a few tens of ms). */
const CRC_TABLES = (() => {
  const t = new Int32Array(256 * 8);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c;
  }
  for (let n = 0; n < 256; n++) for (let k = 1; k < 8; k++) t[k * 256 + n] = (t[(k - 1) * 256 + n]! >>> 8) ^ t[t[(k - 1) * 256 + n]! & 0xff]!;
  return t;
})();

/** CRC-32 carried over chunks: start with crcUpdate(0, first), finish as is. */
export function crcUpdate(crc: number, bytes: Uint8Array): number {
  const t = CRC_TABLES;
  let c = ~crc;
  let i = 0;
  const end8 = bytes.length - 8;
  for (; i <= end8; i += 8) {
    const a = c ^ (bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24));
    c =
      t[1792 + (a & 0xff)]! ^
      t[1536 + ((a >>> 8) & 0xff)]! ^
      t[1280 + ((a >>> 16) & 0xff)]! ^
      t[1024 + (a >>> 24)]! ^
      t[768 + bytes[i + 4]!]! ^
      t[512 + bytes[i + 5]!]! ^
      t[256 + bytes[i + 6]!]! ^
      t[bytes[i + 7]!]!;
  }
  for (; i < bytes.length; i++) c = t[(c ^ bytes[i]!) & 0xff]! ^ (c >>> 8);
  return ~c >>> 0;
}

export const pureCrc32: Crc32 = (bytes) => crcUpdate(0, bytes);

/** Counts what every part read adds up to, across the workbook. */
export class Budget {
  used = 0;
  take(part: ZipPart): void {
    this.used += part.size;
    if (this.used > ZIP_LIMITS.totalBytes) throw tooLarge(`解压后超过 ${ZIP_LIMITS.totalBytes / MiB} MB`);
  }
}

/** Refuses a part by what its header declares, before inflating anything. */
function checkDeclared(part: ZipPart): void {
  if (part.flags & 1) throw damaged(`${part.name} 已加密`);
  if (part.method !== 0 && part.method !== 8) throw damaged(`${part.name} 的压缩方式不受支持`);
  if (part.method === 8 && part.size > Math.max(1, part.compressedSize) * DEFLATE_MAX_RATIO) {
    throw damaged(`${part.name} 声明的大小与压缩数据不符`);
  }
  if (part.size > ZIP_LIMITS.partBytes) throw tooLarge(`${part.name} 解压后有 ${sizeWords(part.size)}，超过上限 ${sizeWords(ZIP_LIMITS.partBytes)}`);
  if (part.size > ZIP_LIMITS.ratioFrom && part.size > part.compressedSize * ZIP_LIMITS.ratio) {
    throw tooLarge(`${part.name} 从 ${sizeWords(part.compressedSize)} 解压为 ${sizeWords(part.size)}，压缩比异常`);
  }
}

/** The compressed bytes of a part, found through its local header. */
function dataOf(b: Bytes, part: ZipPart): Uint8Array {
  const at = part.localOffset;
  if (!b.has(at, 30) || b.u32(at) !== LOCAL) throw damaged(`找不到 ${part.name} 的内容`);
  const start = at + 30 + b.u16(at + 26) + b.u16(at + 28);
  if (!b.has(start, part.compressedSize)) throw damaged(`${part.name} 的内容不完整，文件可能被截断`);
  return b.bytes.subarray(start, start + part.compressedSize);
}

/**
 * The inflated bytes of a part, checked: its declared size, the limits and its CRC.
 * Output beyond the declared size is counted, not kept, to tell a bomb (too large)
 * from a damaged header.
 */
export function inflatePart(bytes: Uint8Array, part: ZipPart, budget: Budget, { inflateRaw, crc32 = pureCrc32 }: ZipCodec = {}): Uint8Array {
  checkDeclared(part);
  budget.take(part);
  const data = dataOf(new Bytes(bytes), part);
  if (part.method === 0) {
    if (part.compressedSize !== part.size) throw damaged(`${part.name} 的大小不符`);
    if (crc32(data) !== part.crc) throw damaged(`${part.name} 的校验值不符`);
    return data;
  }
  return inflateRaw ? inflateWhole(data, part, inflateRaw, crc32) : inflateInSlices(data, part);
}

/** Output past this is a bomb: the part limit, and past `ratioFrom` the ratio limit. */
const outputLimit = (part: ZipPart): number => Math.min(ZIP_LIMITS.partBytes, Math.max(ZIP_LIMITS.ratioFrom, part.compressedSize * ZIP_LIMITS.ratio));

/** With an injected inflater: the whole part at once, stopped past the limits, then the same checks. */
function inflateWhole(data: Uint8Array, part: ZipPart, inflateRaw: InflateRaw, crc32: Crc32): Uint8Array {
  const limit = outputLimit(part);
  let out: Uint8Array | null;
  try {
    out = inflateRaw(data, limit);
  } catch {
    throw damaged(`${part.name} 的压缩数据有误`);
  }
  if (out === null) throw tooLarge(`${part.name} 解压后超过 ${sizeWords(limit)}，压缩数据异常`);
  if (out.length !== part.size) throw damaged(`${part.name} 解压后的大小与记录不符`);
  if (crc32(out) !== part.crc) throw damaged(`${part.name} 的校验值不符`);
  return out;
}

function inflateInSlices(data: Uint8Array, part: ZipPart): Uint8Array {
  const out = new Uint8Array(part.size);
  let size = 0;
  let crc = 0;
  let overLimit = false;
  const inflater = new Inflate((chunk) => {
    if (size + chunk.length <= part.size) {
      out.set(chunk, size);
      crc = crcUpdate(crc, chunk);
    }
    size += chunk.length;
    if (size > ZIP_LIMITS.partBytes || (size > ZIP_LIMITS.ratioFrom && size > part.compressedSize * ZIP_LIMITS.ratio)) overLimit = true;
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let at = 0; at < data.length && !overLimit; at += SLICE) {
      inflater.push(data.subarray(at, at + SLICE), at + SLICE >= data.length);
    }
  } catch {
    throw damaged(`${part.name} 的压缩数据有误`);
  }
  if (overLimit) throw tooLarge(`${part.name} 解压后超过 ${sizeWords(Math.min(size, ZIP_LIMITS.partBytes))}，压缩数据异常`);
  if (size !== part.size) throw damaged(`${part.name} 解压后的大小与记录不符`);
  if (crc !== part.crc) throw damaged(`${part.name} 的校验值不符`);
  return out;
}
