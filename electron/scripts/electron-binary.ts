/**
 * Finds the Electron executable without `require('electron')` (which would try
 * to download it). Looks where the `electron` package puts it, or under
 * `ELECTRON_OVERRIDE_DIST_PATH` (an unpacked Electron release).
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

export function executableName(platform: NodeJS.Platform): string {
  switch (platform) {
    case 'win32':
      return 'electron.exe';
    case 'darwin':
      return 'Electron.app/Contents/MacOS/Electron';
    default:
      return 'electron';
  }
}

export function findElectronBinary(
  root: string,
  env: Readonly<Record<string, string | undefined>> = process.env,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const packageDir = path.join(root, 'node_modules', 'electron');
  let relative: string | null;
  try {
    relative = readFileSync(path.join(packageDir, 'path.txt'), 'utf8').trim() || null;
  } catch {
    relative = null;
  }
  const override = env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate =
    override !== undefined && override !== ''
      ? path.join(override, relative ?? executableName(platform))
      : relative === null
        ? null
        : path.join(packageDir, 'dist', relative);
  return candidate !== null && existsSync(candidate) ? candidate : null;
}

export const MISSING_ELECTRON_MESSAGE = [
  '未找到 Electron 可执行文件,无法启动桌面窗口。',
  '原因:安装依赖时跳过了 Electron 二进制下载(例如设置了 ELECTRON_SKIP_BINARY_DOWNLOAD=1 或处于离线环境)。',
  '解决办法(任选其一):',
  '  1. 在能上网的电脑上运行:node node_modules/electron/install.js',
  '  2. 把下载好的 Electron 发行包(electron-v版本号-平台-架构.zip)解压到某个目录,',
  '     再设置环境变量 ELECTRON_OVERRIDE_DIST_PATH=该目录 后重试。',
].join('\n');

/** Environment for the Electron child: never as plain Node, never with a stale dev URL unless given. */
export function electronEnv(env: Readonly<Record<string, string | undefined>>, devServerUrl: string | null): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && key !== 'ELECTRON_RUN_AS_NODE' && key !== 'VITE_DEV_SERVER_URL') out[key] = value;
  }
  if (devServerUrl !== null) out['VITE_DEV_SERVER_URL'] = devServerUrl;
  return out;
}
