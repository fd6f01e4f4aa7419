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

/** A part of one table of one assessment of the package, in order; then the package without those records. */
export type PackageJob = { rows: { assessment: number; table: string; part: unknown[] } } | { input: PackageInput; key: TeamKey | null };

export type PackageMessage = { written: { bytes: Uint8Array; manifest: Manifest } } | { failure: string };

const pause = () => new Promise<void>((done) => setTimeout(done, 0));

/** The messages that hand a package over: the large tables in parts, then the package with those tables empty. */
export function packageJobs(input: PackageInput, key: TeamKey | null): PackageJob[] {
  const jobs: PackageJob[] = [];
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
export function packageReceiver(): (job: PackageJob) => { input: PackageInput; key: TeamKey | null } | null {
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
    for (const job of packageJobs(input, key)) {
      worker.postMessage(job);
      if ('rows' in job) await pause();
    }
    return await written;
  } finally {
    worker.terminate();
  }
}
