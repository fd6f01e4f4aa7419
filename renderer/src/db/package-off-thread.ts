/**
 * A package's bytes built in a Web Worker (package.worker.ts), or on this thread where
 * there is no Worker (unit tests in Node): the same bytes and manifest either way.
 * The records are handed over as they were read (structured clone), the bytes come back.
 */
import { writePackage, type Manifest, type PackageInput, type TeamKey } from '../../../shared/exchange';
import { webHasher } from './web-hasher';

export interface PackageJob {
  input: PackageInput;
  key: TeamKey | null;
}

export type PackageMessage = { written: { bytes: Uint8Array; manifest: Manifest } } | { failure: string };

export async function writePackageOffThread(input: PackageInput, key: TeamKey | null): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  if (typeof Worker === 'undefined') return writePackage(input, { hash: webHasher, key });
  const worker = new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module', name: '备份' });
  try {
    return await new Promise((done, fail) => {
      worker.onmessage = (event: MessageEvent<PackageMessage>) => {
        const message = event.data;
        if ('written' in message) done(message.written);
        else fail(new Error(message.failure));
      };
      worker.onerror = (event) => fail(new Error(event.message || '备份线程无法启动'));
      worker.postMessage({ input, key } satisfies PackageJob);
    });
  } finally {
    worker.terminate();
  }
}
