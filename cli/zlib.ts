/** Node's zlib for the program's zip reader and writer: inflate several times fflate's speed, stopped at the reader's limits, and CRC-32 in native code. */
import { crc32, inflateRawSync } from 'node:zlib';
import type { InflateRaw, ZipCodec } from '../shared/io/xlsx/zip';

const inflateRaw: InflateRaw = (data, maxBytes) => {
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    // past maxOutputLength: a bomb, which the reader refuses as too large
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};

export const nodeZlib = { inflateRaw, crc32: (bytes: Uint8Array) => crc32(bytes) } satisfies Required<ZipCodec>;
