import { describe, expect, it } from 'vitest';
import { buildCsp, isNavigationAllowed, isPermissionAllowed, isRequestAllowed, secureWebPreferences } from './security';

const prod = { devServer: null };
const dev = { devServer: 'http://localhost:5173' };

describe('secureWebPreferences', () => {
  const prefs = secureWebPreferences('/app/dist-electron/preload.cjs', false);
  it.each([
    ['contextIsolation', true],
    ['sandbox', true],
    ['nodeIntegration', false],
    ['nodeIntegrationInWorker', false],
    ['nodeIntegrationInSubFrames', false],
    ['webSecurity', true],
    ['allowRunningInsecureContent', false],
    ['webviewTag', false],
    ['experimentalFeatures', false],
    ['navigateOnDragDrop', false],
    ['devTools', false],
  ] as const)('%s is %s', (key, value) => expect(prefs[key]).toBe(value));
  it('uses the given preload', () => expect(prefs.preload).toBe('/app/dist-electron/preload.cjs'));
  it('enables devtools only when asked', () => expect(secureWebPreferences('p', true).devTools).toBe(true));
});

describe('buildCsp (production)', () => {
  const csp = buildCsp(prod);
  const directive = (name: string): string | undefined => csp.split('; ').find((d) => d.startsWith(`${name} `));

  it('is the exact strict policy', () => {
    expect(csp).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; media-src 'self' data: blob:; connect-src 'self' blob:; worker-src 'self' blob:; " +
        "frame-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
  });
  it("starts from default-src 'self'", () => expect(directive('default-src')).toBe("default-src 'self'"));
  it('allows no inline or eval script', () => {
    expect(directive('script-src')).toBe("script-src 'self'");
    expect(csp).not.toContain('unsafe-eval');
  });
  it('names no remote host or scheme', () => expect(csp).not.toMatch(/https?:|wss?:|\*/));
  it('allows data: and blob: images', () => expect(directive('img-src')).toBe("img-src 'self' data: blob:"));
});

describe('buildCsp (development)', () => {
  it('adds only the loopback dev server and its HMR socket', () => {
    const csp = buildCsp(dev);
    expect(csp).toContain("script-src 'self' http://localhost:5173 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' http://localhost:5173 blob: ws://localhost:5173");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('isRequestAllowed', () => {
  it.each([
    ['app://shuangping/index.html', true],
    ['app://shuangping/assets/index-abc.js', true],
    ['app://other/index.html', false],
    ['devtools://devtools/bundled/inspector.html', true],
    ['data:image/png;base64,iVBORw0KGgo=', true],
    ['blob:app://shuangping/1b9d6bcd-bbfd-4b2d-9b5d-ab8dfbbd4bed', true],
    ['http://example.com/', false],
    ['https://example.com/x.js', false],
    ['http://localhost:5173/', false],
    ['ws://localhost:5173/', false],
    ['wss://example.com/socket', false],
    ['file:///etc/passwd', false],
    ['file:///C:/Windows/win.ini', false],
    ['ftp://example.com/', false],
    ['chrome://gpu', false],
    ['chrome-extension://abc/x.js', false],
    ['', false],
    ['garbage', false],
  ])('production: %s → %s', (url, allowed) => expect(isRequestAllowed(url, prod)).toBe(allowed));

  it.each([
    ['http://localhost:5173/src/main.tsx', true],
    ['ws://localhost:5173/', true],
    ['http://localhost:5174/', false],
    ['https://localhost:5173/', false],
    ['http://example.com/', false],
    ['ws://example.com/', false],
  ])('development: %s → %s', (url, allowed) => expect(isRequestAllowed(url, dev)).toBe(allowed));
});

describe('isNavigationAllowed', () => {
  it.each([
    ['app://shuangping/index.html', true],
    ['app://shuangping/#/results', true],
    ['app://evil/index.html', false],
    ['https://example.com/', false],
    ['file:///tmp/x.html', false],
    ['javascript:alert(1)', false],
    ['data:text/html,<h1>x</h1>', false],
    ['http://localhost:5173/', false],
  ])('production: %s → %s', (url, allowed) => expect(isNavigationAllowed(url, prod)).toBe(allowed));

  it('allows the dev server in development only', () => {
    expect(isNavigationAllowed('http://localhost:5173/#/x', dev)).toBe(true);
    expect(isNavigationAllowed('http://localhost:5173/#/x', prod)).toBe(false);
  });
});

describe('isPermissionAllowed', () => {
  it.each(['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen', 'unknown'])('%s is denied', (permission) =>
    expect(isPermissionAllowed(permission)).toBe(false),
  );
});
