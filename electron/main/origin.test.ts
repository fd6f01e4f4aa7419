import { describe, expect, it } from 'vitest';
import { APP_ORIGIN, appOrigins, isAppOrigin, originOf, parseDevServerUrl } from './origin';

describe('originOf', () => {
  it.each([
    ['app://shuangping/index.html', 'app://shuangping'],
    ['app://shuangping/', 'app://shuangping'],
    ['http://localhost:5173/a?b', 'http://localhost:5173'],
    ['https://example.com/', 'https://example.com'],
    ['file:///etc/passwd', null],
    ['not a url', null],
    ['data:text/html,hi', null],
  ])('%s → %s', (url, origin) => expect(originOf(url)).toBe(origin));
});

describe('parseDevServerUrl', () => {
  it.each([
    ['http://localhost:5173/', 'http://localhost:5173'],
    ['http://127.0.0.1:4000', 'http://127.0.0.1:4000'],
    ['http://[::1]:5173/', 'http://[::1]:5173'],
    ['https://localhost:5173/', null],
    ['http://example.com:5173/', null],
    ['http://localhost.evil.com/', null],
    ['file:///tmp', null],
    ['', null],
    [undefined, null],
  ])('%s → %s', (value, origin) => expect(parseDevServerUrl(value)).toBe(origin));
});

describe('appOrigins', () => {
  it('is only app://shuangping in production', () => {
    expect(appOrigins({ devServer: null })).toEqual([APP_ORIGIN]);
    expect(isAppOrigin('http://localhost:5173/', { devServer: null })).toBe(false);
  });
  it('adds the dev server in development', () => {
    expect(isAppOrigin('http://localhost:5173/x', { devServer: 'http://localhost:5173' })).toBe(true);
  });
});
