/**
 * The backup worker: builds a package's bytes (shared/exchange's writePackage: the JSON
 * of every table, the digests, the zip, the seal) off the main thread, so the screen
 * answers during the back-up before an import. Messages in: packageJobs (the large
 * tables' records in parts, then the package); out: `{ written }` (the bytes
 * transferred) or `{ failure }`.
 */
import { writePackage, type PackageInput } from '../../../shared/exchange';
import { nowIso } from './ids';
import { packageReceiver, type BackupJob, type PackageJob, type PackageMessage } from './package-off-thread';
import { ShuangpingDb } from './schema';
import { bytesOf, readAll } from './snapshot';
import { webHasher } from './web-hasher';

const receive = packageReceiver();

/** The backup's package: the whole database read here, in one read transaction (as backupBytes reads it on the page). */
async function backupInput(job: BackupJob): Promise<PackageInput> {
  const db = new ShuangpingDb(job.dbName);
  try {
    const snapshot = await readAll(db);
    return {
      kind: 'backup',
      createdAt: nowIso(),
      laptopId: job.laptopId,
      operator: job.operator,
      scope: { kind: 'backup' },
      assessments: snapshot.assessments,
      files: await bytesOf(snapshot.blobs),
    };
  } finally {
    db.close();
  }
}

self.onmessage = (event: MessageEvent<PackageJob>) => {
  const job = event.data;
  const whole = 'backup' in job ? backupInput(job.backup).then((input) => ({ input, key: job.key })) : receive(job);
  if (!whole) return;
  Promise.resolve(whole)
    .then(({ input, key }) => writePackage(input, { hash: webHasher, key }))
    .then(
      (written) => self.postMessage({ written } satisfies PackageMessage, { transfer: [written.bytes.buffer] }),
      (error: unknown) => self.postMessage({ failure: error instanceof Error ? (error.stack ?? error.message) : String(error) } satisfies PackageMessage),
    );
};
