import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { MISSING_ELECTRON_MESSAGE, electronEnv, executableName, findElectronBinary } from './electron-binary';

const root = mkdtempSync(path.join(tmpdir(), 'sp-bin-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const pkg = path.join(root, 'node_modules', 'electron');
mkdirSync(pkg, { recursive: true });

describe('findElectronBinary', () => {
  it('is null when the binary was never downloaded (this machine)', () => {
    expect(findElectronBinary(root, {})).toBeNull();
    writeFileSync(path.join(pkg, 'path.txt'), 'electron');
    expect(findElectronBinary(root, {})).toBeNull();
  });

  it('finds the downloaded binary', () => {
    mkdirSync(path.join(pkg, 'dist'), { recursive: true });
    writeFileSync(path.join(pkg, 'dist', 'electron'), '');
    expect(findElectronBinary(root, {})).toBe(path.join(pkg, 'dist', 'electron'));
  });

  it('prefers ELECTRON_OVERRIDE_DIST_PATH', () => {
    const dist = path.join(root, 'unpacked');
    mkdirSync(dist);
    writeFileSync(path.join(dist, 'electron'), '');
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: dist })).toBe(path.join(dist, 'electron'));
    expect(findElectronBinary(root, { ELECTRON_OVERRIDE_DIST_PATH: path.join(root, 'nope') })).toBeNull();
  });

  it.each([
    ['win32', 'electron.exe'],
    ['linux', 'electron'],
    ['darwin', 'Electron.app/Contents/MacOS/Electron'],
  ] as const)('executable on %s is %s', (platform, name) => expect(executableName(platform)).toBe(name));

  it('explains in Chinese what to do', () => {
    expect(MISSING_ELECTRON_MESSAGE).toContain('未找到 Electron 可执行文件');
    expect(MISSING_ELECTRON_MESSAGE).toContain('ELECTRON_OVERRIDE_DIST_PATH');
  });
});

describe('electronEnv', () => {
  it('drops ELECTRON_RUN_AS_NODE and sets the dev URL only when given', () => {
    const env = { PATH: '/bin', ELECTRON_RUN_AS_NODE: '1', VITE_DEV_SERVER_URL: 'http://evil' };
    expect(electronEnv(env, null)).toEqual({ PATH: '/bin' });
    expect(electronEnv(env, 'http://localhost:5173/')).toEqual({ PATH: '/bin', VITE_DEV_SERVER_URL: 'http://localhost:5173/' });
  });
});
