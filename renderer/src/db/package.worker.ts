/**
 * The backup worker: builds a package's bytes (shared/exchange's writePackage: the JSON
 * of every table, the digests, the zip, the seal) off the main thread, so the screen
 * answers during the back-up before an import. Messages in: packageJobs (the large
 * tables' records in parts, then the package); out: `{ written }` (the bytes
 * transferred) or `{ failure }`.
 */
import { writePackage } from '../../../shared/exchange';
import { packageReceiver, type PackageJob, type PackageMessage } from './package-off-thread';
import { webHasher } from './web-hasher';

const receive = packageReceiver();

self.onmessage = (event: MessageEvent<PackageJob>) => {
  const whole = receive(event.data);
  if (!whole) return;
  writePackage(whole.input, { hash: webHasher, key: whole.key }).then(
    (written) => self.postMessage({ written } satisfies PackageMessage, { transfer: [written.bytes.buffer] }),
    (error: unknown) => self.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PackageMessage),
  );
};
