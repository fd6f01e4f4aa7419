import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  protocol: { registerSchemesAsPrivileged: vi.fn(), handle: vi.fn() },
}));
vi.mock('electron', () => electron);

import { buildCsp } from './security';
import { handleAppProtocol, registerAppScheme } from './protocol';
import { createAppProtocolHandler, mimeTypeOf, resolveAppPath } from './serve';

const dist = mkdtempSync(path.join(tmpdir(), 'sp-dist-'));
mkdirSync(path.join(dist, 'assets'));
writeFileSync(path.join(dist, 'index.html'), '<!doctype html><div id="root"></div>');
writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
writeFileSync(path.join(dist, 'assets', '字体.woff2'), 'x');
writeFileSync(path.join(path.dirname(dist), 'secret.txt'), 'secret');
afterAll(() => {
  rmSync(dist, { recursive: true, force: true });
  rmSync(path.join(path.dirname(dist), 'secret.txt'), { force: true });
});

const file = (...p: string[]): string => path.join(dist, ...p);

describe('resolveAppPath', () => {
  it.each([
    ['app://shuangping/', file('index.html')],
    ['app://shuangping/index.html', file('index.html')],
    ['app://shuangping/assets/index-abc.js', file('assets', 'index-abc.js')],
    ['app://shuangping/assets/%E5%AD%97%E4%BD%93.woff2', file('assets', '字体.woff2')],
    ['app://shuangping/results/2024', file('index.html')],
    ['app://shuangping/./assets/./index-abc.js?v=1#x', file('assets', 'index-abc.js')],
    ['app://shuangping/../secret.txt', file('secret.txt')],
  ])('%s → file inside dist', (url, expected) => {
    expect(resolveAppPath(dist, url)).toEqual({ ok: true, filePath: expected });
  });

  it.each([
    ['app://shuangping/..%2Fsecret.txt', 403],
    ['app://shuangping/assets/..%2F..%2Fsecret.txt', 403],
    ['app://shuangping/%2e%2e%2f%2e%2e%2fsecret.txt', 403],
    ['app://shuangping/..%5Csecret.txt', 403],
    ['app://shuangping/a%00.js', 403],
    ['app://shuangping/%E0%A4%A', 400],
    ['app://other/index.html', 403],
    ['file:///etc/passwd', 403],
    ['https://shuangping/index.html', 403],
    ['::::', 400],
  ])('%s is refused (%i)', (url, status) => {
    expect(resolveAppPath(dist, url)).toEqual({ ok: false, status });
  });

  it('never resolves outside dist', () => {
    // URL parsing already folds plain ../ segments back inside the root
    const r = resolveAppPath(dist, 'app://shuangping/../../../../etc/passwd');
    expect(r.ok && r.filePath.startsWith(dist + path.sep)).toBe(true);
  });
});

describe('mimeTypeOf', () => {
  it.each([
    ['index.html', 'text/html; charset=utf-8'],
    ['a.js', 'text/javascript; charset=utf-8'],
    ['a.MJS', 'text/javascript; charset=utf-8'],
    ['a.css', 'text/css; charset=utf-8'],
    ['a.svg', 'image/svg+xml'],
    ['a.png', 'image/png'],
    ['a.woff2', 'font/woff2'],
    ['a.wasm', 'application/wasm'],
    ['a.json', 'application/json; charset=utf-8'],
    ['a.unknown', 'application/octet-stream'],
    ['noext', 'application/octet-stream'],
  ])('%s → %s', (name, mime) => expect(mimeTypeOf(name)).toBe(mime));
});

describe('createAppProtocolHandler', () => {
  const policy = { devServer: null };
  const handler = createAppProtocolHandler(dist, policy);

  it('serves a file with its MIME type and the CSP', async () => {
    const res = await handler(new Request('app://shuangping/assets/index-abc.js'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toBe(buildCsp(policy));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await res.text()).toBe('console.log(1)');
  });

  it('serves index.html for the root and client routes', async () => {
    const res = await handler(new Request('app://shuangping/scoring'));
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('id="root"');
  });

  it('answers 404 with the CSP for a missing file', async () => {
    const res = await handler(new Request('app://shuangping/assets/missing.js'));
    expect(res.status).toBe(404);
    expect(res.headers.get('content-security-policy')).toBe(buildCsp(policy));
  });

  it('answers 403 to traversal', async () => {
    const res = await handler(new Request('app://shuangping/..%2Fsecret.txt'));
    expect(res.status).toBe(403);
    expect(await res.text()).not.toContain('secret');
  });
});

describe('scheme registration', () => {
  beforeEach(() => vi.clearAllMocks());

  it('registers app: as standard, secure, fetch-capable', () => {
    registerAppScheme();
    expect(electron.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      {
        scheme: 'app',
        privileges: expect.objectContaining({ standard: true, secure: true, supportFetchAPI: true }),
      },
    ]);
    const privileges = electron.protocol.registerSchemesAsPrivileged.mock.calls[0]?.[0]?.[0]?.privileges;
    expect(privileges?.bypassCSP).toBeUndefined();
  });

  it('handles app: with the dist handler', () => {
    handleAppProtocol(dist, { devServer: null });
    expect(electron.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
  });
});
