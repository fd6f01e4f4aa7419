/**
 * The backup worker: builds a package's bytes (shared/exchange's writePackage: the JSON
 * of every table, the digests, the zip, the seal) off the main thread, so the screen
 * answers during the back-up before an import. Messages: a PackageJob in; `{ bytes,
 * manifest }` (the bytes transferred) or `{ failure }` out.
 */
import { writePackage } from '../../../shared/exchange';
import type { PackageJob, PackageMessage } from './package-off-thread';
import { webHasher } from './web-hasher';

self.onmessage = (event: MessageEvent<PackageJob>) => {
  const { input, key } = event.data;
  writePackage(input, { hash: webHasher, key }).then(
    (written) => self.postMessage({ written } satisfies PackageMessage, { transfer: [written.bytes.buffer] }),
    (error: unknown) => self.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PackageMessage),
  );
};
