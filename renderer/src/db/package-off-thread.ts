/**
 * A package's bytes built in a Web Worker (package.worker.ts), or on this thread where
 * there is no Worker (unit tests in Node): the same bytes and manifest either way.
 * The records are handed over as they were read (structured clone), a thousand at a
 * time with a pause between (a province's tables are not copied in one long frame),
 * then the rest of the package; the bytes come back.
 */
import { writePackage, type Manifest, type PackageInput, type TeamKey } from '../../../shared/exchange';
import { webHasher } from './web-hasher';

/** Records handed over per message. */
const PART = 1000;

/**
 * A part of one table of one assessment of the package, in order; then the package without those records.
 * Or a backup the worker reads itself: the whole database, by name, in one read transaction of its own.
 */
export type PackageJob = HandedJob | { backup: BackupJob; key: TeamKey | null };

/** A package handed over by the page: its large tables in parts, then the rest. */
export type HandedJob = { rows: { assessment: number; table: string; part: unknown[] } } | { input: PackageInput; key: TeamKey | null };

/** What a backup read in the worker needs besides the database. */
export interface BackupJob {
  dbName: string;
  operator: string;
  laptopId: string;
}

export type PackageMessage = { written: { bytes: Uint8Array; manifest: Manifest } } | { failure: string };

const pause = () => new Promise<void>((done) => setTimeout(done, 0));

/** The messages that hand a package over: the large tables in parts, then the package with those tables empty. */
export function packageJobs(input: PackageInput, key: TeamKey | null): HandedJob[] {
  const jobs: HandedJob[] = [];
  const shell: PackageInput = { ...input, assessments: input.assessments.map((a) => ({ ...a, data: { ...a.data } })) };
  for (const [i, a] of input.assessments.entries()) {
    for (const [table, rows] of Object.entries(a.data)) {
      if (!Array.isArray(rows) || rows.length <= PART) continue;
      for (let at = 0; at < rows.length; at += PART) jobs.push({ rows: { assessment: i, table, part: rows.slice(at, at + PART) } });
      (shell.assessments[i]!.data as unknown as Record<string, unknown[]>)[table] = [];
    }
  }
  jobs.push({ input: shell, key });
  return jobs;
}

/** Takes the messages of packageJobs in order; gives the package, whole again, with the last. */
export function packageReceiver(): (job: HandedJob) => { input: PackageInput; key: TeamKey | null } | null {
  const received = new Map<number, Map<string, unknown[]>>();
  return (job) => {
    if ('rows' in job) {
      const { assessment, table, part } = job.rows;
      const tables = received.get(assessment) ?? new Map<string, unknown[]>();
      received.set(assessment, tables);
      const rows = tables.get(table) ?? [];
      tables.set(table, rows);
      for (const row of part) rows.push(row);
      return null;
    }
    for (const [i, tables] of received) {
      const data = job.input.assessments[i]!.data as unknown as Record<string, unknown[]>;
      for (const [table, rows] of tables) data[table] = rows;
    }
    received.clear();
    return job;
  };
}

export async function writePackageOffThread(input: PackageInput, key: TeamKey | null): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  if (typeof Worker === 'undefined') return writePackage(input, { hash: webHasher, key });
  return inWorker(packageJobs(input, key));
}

/** Whether a worker can read the database itself (a page; not unit tests in Node). */
export const workersReadTheDatabase = (): boolean => typeof Worker !== 'undefined' && typeof indexedDB !== 'undefined';

/**
 * A backup of the whole database read and packed in the worker: the page reads nothing
 * and hands nothing over (a province's records are not read on the main thread and
 * copied to the worker). The worker reads in one transaction of its own: a snapshot.
 */
export function writeBackupOffThread(job: BackupJob, key: TeamKey | null): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  return inWorker([{ backup: job, key }]);
}

async function inWorker(jobs: PackageJob[]): Promise<{ bytes: Uint8Array; manifest: Manifest }> {
  const worker = new Worker(new URL('./package.worker.ts', import.meta.url), { type: 'module', name: '备份' });
  try {
    const written = new Promise<{ bytes: Uint8Array; manifest: Manifest }>((done, fail) => {
      worker.onmessage = (event: MessageEvent<PackageMessage>) => {
        const message = event.data;
        if ('written' in message) done(message.written);
        else fail(new Error(message.failure));
      };
      worker.onerror = (event) => fail(new Error(event.message || '备份线程无法启动'));
    });
    // a worker that fails early is reported once the parts are handed over
    written.catch(() => undefined);
    for (const job of jobs) {
      worker.postMessage(job);
      if ('rows' in job) await pause();
    }
    return await written;
  } finally {
    worker.terminate();
  }
}
