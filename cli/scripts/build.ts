/**
 * Bundles the command line with esbuild, so `shuangping` compiles no TypeScript when it
 * runs: `npm run build:cli`, and `prepare` (run by `npm ci` and `npm install`).
 *
 *   dist-cli/shuangping.mjs   the entry (cli/entry.ts): ESM, Node 20
 *   dist-cli/chunk-*.mjs      what only some commands load: the workbook templates
 *                             (ExcelJS), the print views and the PDF printer (React, Chromium)
 *
 * Packages stay in node_modules (imported as they are); bin/shuangping.mjs starts the entry.
 */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export const CLI_OUT_DIR = 'dist-cli';
export const CLI_ENTRY = 'shuangping.mjs';

export async function buildCli(options: { root: string; outDir?: string }): Promise<string> {
  const outDir = options.outDir ?? path.join(options.root, CLI_OUT_DIR);
  // chunks are named by their content: those of an earlier build go
  await rm(outDir, { recursive: true, force: true });
  await build({
    absWorkingDir: options.root,
    entryPoints: { shuangping: 'cli/entry.ts' },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunk-[hash]',
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    legalComments: 'none',
    logLevel: 'warning',
  });
  return path.join(outDir, CLI_ENTRY);
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const entry = await buildCli({ root });
  console.log(`已构建命令行：${path.relative(root, entry)}`);
}
