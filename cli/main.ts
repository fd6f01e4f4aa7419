/** Node entry of `shuangping`: wires the file system and the terminal to runCli. */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { nodeZlib } from './zlib';
import { runCli, type PrintPdf } from '../shared/cli/run';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface MainOptions {
  /** the PDF renderer, when one is available */
  printPdf?: PrintPdf;
}

export async function main(args: readonly string[], options: MainOptions = {}): Promise<number> {
  return runCli(args, {
    async readFile(path) {
      try {
        return new Uint8Array(await readFile(path));
      } catch {
        return null;
      }
    },
    writeFile: (path, bytes) => writeFile(path, bytes),
    writeParts: (path, parts) => writeFile(path, parts),
    makeDir: async (path) => void (await mkdir(path, { recursive: true })),
    join,
    baseName: basename,
    stdout: (line) => process.stdout.write(`${line}\n`),
    stderr: (line) => process.stderr.write(`${line}\n`),
    sampleDir: join(repoRoot, 'samples', 'sample-county'),
    // ExcelJS is loaded only by a command that writes the results workbook
    writeResults: async (result, policy) => (await import('./stream-results')).writeResultsWorkbookStreaming(result, policy),
    zlib: nodeZlib,
    env: process.env,
    ...(options.printPdf ? { printPdf: options.printPdf } : {}),
  });
}
