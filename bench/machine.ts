/** The machine a benchmark ran on, as BENCHMARKS.md reports it. */
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { cpus, loadavg, release, totalmem } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  ramGb: number;
  os: string;
  node: string;
  chromium: string;
  /** 1-minute load average when the run started (and ended): other work slows every figure */
  load: number;
  loadEnd?: number;
}

const run = (file: string, args: string[]) => new Promise<string>((done) => execFile(file, args, (error, stdout) => done(error ? '' : stdout.trim())));

export async function machine(chromium: string): Promise<Machine> {
  const osRelease = await readFile('/etc/os-release', 'utf8').catch(() => '');
  const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(osRelease)?.[1];
  return {
    cpu: cpus()[0]?.model.trim() ?? 'unknown',
    cores: cpus().length,
    ramGb: Math.round(totalmem() / 2 ** 30),
    os: `${pretty ?? process.platform} (${release()})`,
    node: process.version,
    chromium: (await run(chromium, ['--version'])).replace(/\s+built on.*$/, '') || 'not found',
    load: loadavg()[0] ?? 0,
  };
}
