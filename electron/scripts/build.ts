/**
 * Bundles the Electron main process and preload with esbuild:
 *   dist-electron/main.js     ESM (package.json has "type": "module"), Node target
 *   dist-electron/preload.cjs CommonJS: a sandboxed preload cannot load ES modules
 * Only `electron` and Node built-ins stay external, so the packaged app needs no node_modules.
 * Usage: npm run build:electron
 */
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type BuildOptions } from 'esbuild';

export interface BuildElectronOptions {
  /** repository root */
  root: string;
  /** defaults to `<root>/dist-electron` */
  outDir?: string;
  minify?: boolean;
}

export async function buildElectron(options: BuildElectronOptions): Promise<{ main: string; preload: string }> {
  const outDir = options.outDir ?? path.join(options.root, 'dist-electron');
  const main = path.join(outDir, 'main.js');
  const preload = path.join(outDir, 'preload.cjs');
  const common: BuildOptions = {
    bundle: true,
    platform: 'node',
    external: ['electron'],
    sourcemap: true,
    minify: options.minify ?? false,
    legalComments: 'none',
    logLevel: 'warning',
    absWorkingDir: options.root,
  };
  await Promise.all([
    // Electron 45 runs Node 22 in main and a recent Chromium in the preload
    build({ ...common, entryPoints: ['electron/main/index.ts'], outfile: main, format: 'esm', target: 'node22' }),
    build({ ...common, entryPoints: ['electron/preload/index.ts'], outfile: preload, format: 'cjs', target: 'chrome130' }),
  ]);
  return { main, preload };
}

const invokedDirectly = process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
  const { main, preload } = await buildElectron({ root });
  console.log(`已构建 Electron 主进程与预加载脚本:\n  ${path.relative(root, main)}\n  ${path.relative(root, preload)}`);
}
