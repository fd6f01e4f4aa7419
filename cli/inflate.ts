/** The input workbooks' parts inflated by Node's zlib: several times fflate's speed, stopped at the zip reader's limits. */
import { inflateRawSync } from 'node:zlib';
import type { InflateRaw } from '../shared/io/xlsx/zip';

export const inflateRaw: InflateRaw = (data, maxBytes) => {
  try {
    return inflateRawSync(data, { maxOutputLength: maxBytes });
  } catch (e) {
    // past maxOutputLength: a bomb, which the reader refuses as too large
    if ((e as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return null;
    throw e;
  }
};
