/**
 * Which Node the project runs on (README “Node”), checked before what needs it:
 * everything (tests, demo, the command line, dev:web, build) on Node 20.19 or later;
 * packaging the desktop app (npm run dist: electron-builder's @electron/rebuild and node-abi,
 * Electron 45's @electron/get) on Node 22.12 or later, on the packaging machine only.
 */
export const REQUIREMENTS = {
  run: { min: [20, 19, 0], what: '运行测试、演示、命令行和 dev:web' },
  packaging: { min: [22, 12, 0], what: '打包桌面程序（npm run dist：electron-builder 的 @electron/rebuild、node-abi 和 Electron 45 的 @electron/get 的要求）' },
};

const parse = (version) =>
  version
    .replace(/^v/, '')
    .split('.')
    .map((n) => Number.parseInt(n, 10) || 0);

export function atLeast(version, min) {
  const v = parse(version);
  for (let i = 0; i < 3; i++) if ((v[i] ?? 0) !== min[i]) return (v[i] ?? 0) > min[i];
  return true;
}

/** null when `version` may run `purpose`, else the message saying what to install. */
export function nodeProblem(version, purpose = 'run') {
  const need = REQUIREMENTS[purpose];
  if (!need) throw new Error(`unknown purpose ${purpose}`);
  if (atLeast(version, need.min)) return null;
  const min = need.min.join('.');
  const rest = purpose === 'packaging' ? '其余命令（测试、演示、命令行、dev:web）在 Node 20.19 及以上即可运行。' : '';
  return `Node 版本过低：${need.what}需要 Node ${min} 或更高版本，当前为 ${version}。请安装 Node ${min} 或更高版本后重试。${rest}`;
}
