/**
 * `npm run start` (after `npm run build` and `npm run build:electron`): runs
 * the built app in Electron, exactly as packaged (app:// from dist/, no dev server).
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { MISSING_ELECTRON_MESSAGE, electronEnv, findElectronBinary } from './electron-binary';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const binary = findElectronBinary(root);
if (binary === null) {
  console.error(MISSING_ELECTRON_MESSAGE);
  process.exit(1);
}
const child = spawn(binary, [root], { stdio: 'inherit', env: electronEnv(process.env, null) });
child.on('exit', (code) => process.exit(code ?? 0));
