/** Finds a Chromium-family browser to print with (Node only). */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** Shown when no browser is found: what to install, nothing else. */
export const NO_BROWSER_MESSAGE =
  '未找到 Chromium 或 Chrome 浏览器，无法生成 PDF。请安装 Chromium（Debian/Ubuntu：apt-get install chromium）或 Google Chrome 后重试。';

export class PrintError extends Error {
  override name = 'PrintError';
}

/** Where to look, in order. SHUANGPING_CHROME, when set, is the only place looked at. */
export function browserCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  if (env.SHUANGPING_CHROME) return [env.SHUANGPING_CHROME];
  const fromEnv = [env.CHROME_PATH].filter((p): p is string => !!p);
  if (platform === 'win32') {
    const roots = [env.PROGRAMFILES, env['PROGRAMFILES(X86)'], env.LOCALAPPDATA].filter((p): p is string => !!p);
    const apps = ['Google\\Chrome\\Application\\chrome.exe', 'Microsoft\\Edge\\Application\\msedge.exe', 'Chromium\\Application\\chrome.exe'];
    return [...fromEnv, ...roots.flatMap((r) => apps.map((a) => join(r, a)))];
  }
  if (platform === 'darwin') {
    return [
      ...fromEnv,
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  return [
    ...fromEnv,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
    '/opt/google/chrome/chrome',
    '/snap/bin/chromium',
    '/usr/bin/microsoft-edge',
  ];
}

/** The first browser that exists, or null. */
export function findBrowser(candidates: readonly string[] = browserCandidates()): string | null {
  return candidates.find((p) => existsSync(p)) ?? null;
}
