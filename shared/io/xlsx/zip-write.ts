/**
 * The zip container of a written .xlsx: each part deflated (by the deflater given:
 * fflate in pure code, Node's zlib on the command line, which runs beside the work that
 * follows) and its CRC-32 taken, then the local headers, the central directory and
 * the end record. Parts over 4 GB or 65,535 parts are no workbook (no zip64).
 */
import { deflateSync } from 'fflate';
import { pureCrc32, type Crc32 } from './zip';

/** Raw deflate (no zlib header), as a zip stores a part. */
export type Deflate = (data: Uint8Array) => Uint8Array | Promise<Uint8Array>;

export const fflateDeflate: Deflate = (data) => deflateSync(data, { level: 6 });

interface Part {
  name: Uint8Array;
  crc: number;
  size: number;
  data: Promise<Uint8Array>;
}

const LOCAL = 0x04034b50;
const CENTRAL = 0x02014b50;
const END = 0x06054b50;
const VERSION = 20;
/** bit 11: names are UTF-8 */
const FLAGS = 0x0800;
const DEFLATED = 8;
/** 1980-01-01 00:00: the parts carry no time of their own */
const DOS_DATE = (1 << 5) | 1;

export class ZipWriter {
  private readonly parts: Part[] = [];
  private readonly encoder = new TextEncoder();

  constructor(
    private readonly deflate: Deflate = fflateDeflate,
    private readonly crc32: Crc32 = pureCrc32,
  ) {}

  /** Adds a part; its deflating may run while the next parts are made. */
  add(name: string, content: string | Uint8Array): void {
    const data = typeof content === 'string' ? this.encoder.encode(content) : content;
    const deflated = Promise.resolve(this.deflate(data));
    // a failure is awaited in bytes(); none goes unhandled meanwhile
    deflated.catch(() => undefined);
    this.parts.push({ name: this.encoder.encode(name), crc: this.crc32(data), size: data.length, data: deflated });
  }

  async bytes(): Promise<Uint8Array> {
    const datas = await Promise.all(this.parts.map((p) => p.data));
    const localSize = this.parts.reduce((n, p, i) => n + 30 + p.name.length + datas[i]!.length, 0);
    const centralSize = this.parts.reduce((n, p) => n + 46 + p.name.length, 0);
    const out = new Uint8Array(localSize + centralSize + 22);
    const v = new DataView(out.buffer);
    const offsets: number[] = [];
    let at = 0;
    const header = (signature: number, p: Part, compressed: number) => {
      v.setUint32(at, signature, true);
      const central = signature === CENTRAL;
      if (central) v.setUint16((at += 4), VERSION, true);
      else at += 2;
      v.setUint16(at + 2, VERSION, true);
      v.setUint16(at + 4, FLAGS, true);
      v.setUint16(at + 6, DEFLATED, true);
      v.setUint16(at + 8, 0, true);
      v.setUint16(at + 10, DOS_DATE, true);
      v.setUint32(at + 12, p.crc, true);
      v.setUint32(at + 16, compressed, true);
      v.setUint32(at + 20, p.size, true);
      v.setUint16(at + 24, p.name.length, true);
      at += 28;
    };
    this.parts.forEach((p, i) => {
      const data = datas[i]!;
      offsets.push(at);
      header(LOCAL, p, data.length);
      v.setUint16(at - 2, 0, true); // extra field length
      out.set(p.name, at);
      at += p.name.length;
      out.set(data, at);
      at += data.length;
    });
    const directory = at;
    this.parts.forEach((p, i) => {
      header(CENTRAL, p, datas[i]!.length);
      // extra, comment, disk, internal and external attributes, then the local header's offset
      v.setUint16(at - 2, 0, true);
      v.setUint16(at, 0, true);
      v.setUint16(at + 2, 0, true);
      v.setUint16(at + 4, 0, true);
      v.setUint32(at + 6, 0, true);
      v.setUint32(at + 10, offsets[i]!, true);
      at += 14;
      out.set(p.name, at);
      at += p.name.length;
    });
    v.setUint32(at, END, true);
    v.setUint16(at + 4, 0, true);
    v.setUint16(at + 6, 0, true);
    v.setUint16(at + 8, this.parts.length, true);
    v.setUint16(at + 10, this.parts.length, true);
    v.setUint32(at + 12, at - directory, true);
    v.setUint32(at + 16, directory, true);
    v.setUint16(at + 20, 0, true);
    return out;
  }
}
