/**
 * `npm run dev`: builds main + preload, starts the Vite dev server of the
 * renderer, then runs Electron on it. Without an Electron binary the dev server
 * keeps running for the browser (the renderer's browser implementation).
 * Changes under electron/ need a restart; the renderer reloads by itself.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';
import { buildElectron } from './build';
import { MISSING_ELECTRON_MESSAGE, electronEnv, findElectronBinary } from './electron-binary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

await buildElectron({ root });
const server = await createServer({ configFile: path.join(root, 'vite.config.ts') });
await server.listen();
server.printUrls();
const url = server.resolvedUrls?.local[0] ?? `http://localhost:${server.config.server.port ?? 5173}/`;

const binary = findElectronBinary(root);
if (binary === null) {
  console.error(`\n${MISSING_ELECTRON_MESSAGE}\n`);
  console.log(`渲染进程开发服务器仍在运行:${url}(浏览器模式,桌面功能不可用)。按 Ctrl+C 退出。`);
} else {
  const child = spawn(binary, [root], { stdio: 'inherit', env: electronEnv(process.env, url) });
  child.on('exit', (code) => {
    void server.close().then(() => process.exit(code ?? 0));
  });
}
