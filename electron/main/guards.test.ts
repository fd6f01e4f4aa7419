import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { Session, WebContents } from 'electron';
import { guardSession, guardWebContents } from './guards';
import { buildCsp } from './security';

const policy = { devServer: null };

function fakeSession() {
  const listeners: Record<string, (...args: never[]) => void> = {};
  const session = {
    webRequest: {
      onBeforeRequest: (l: never) => (listeners['beforeRequest'] = l),
      onHeadersReceived: (l: never) => (listeners['headersReceived'] = l),
    },
    setPermissionRequestHandler: (l: never) => (listeners['permissionRequest'] = l),
    setPermissionCheckHandler: (l: never) => (listeners['permissionCheck'] = l),
  };
  return { session: session as unknown as Session, listeners: listeners as Record<string, (...args: unknown[]) => unknown> };
}

describe('guardSession', () => {
  const log = vi.fn();
  const { session, listeners } = fakeSession();
  guardSession(session, policy, log);

  it.each([
    ['app://shuangping/index.html', false],
    ['https://example.com/', true],
    ['file:///etc/passwd', true],
  ])('request %s cancelled: %s', (url, cancel) => {
    const callback = vi.fn();
    listeners['beforeRequest']?.({ url }, callback);
    expect(callback).toHaveBeenCalledWith({ cancel });
  });

  it('logs refused requests', () => {
    listeners['beforeRequest']?.({ url: 'https://example.com/track' }, vi.fn());
    expect(log).toHaveBeenCalledWith(expect.stringContaining('https://example.com/track'));
  });

  it('sets the CSP on every response, replacing any other', () => {
    const callback = vi.fn();
    listeners['headersReceived']?.({ responseHeaders: { 'X-A': ['1'] } }, callback);
    expect(callback).toHaveBeenCalledWith({
      responseHeaders: { 'X-A': ['1'], 'Content-Security-Policy': [buildCsp(policy)] },
    });
  });

  it('denies permission requests and checks', () => {
    const callback = vi.fn();
    listeners['permissionRequest']?.({}, 'media', callback, {});
    expect(callback).toHaveBeenCalledWith(false);
    expect(listeners['permissionCheck']?.(null, 'notifications', 'app://shuangping', {})).toBe(false);
  });
});

describe('guardWebContents', () => {
  class FakeContents extends EventEmitter {
    openHandler: ((d: { url: string }) => unknown) | null = null;
    setWindowOpenHandler(h: (d: { url: string }) => unknown): void {
      this.openHandler = h;
    }
  }
  const contents = new FakeContents();
  guardWebContents(contents as unknown as WebContents, policy, vi.fn());

  const navigate = (event: string, url: string): boolean => {
    const preventDefault = vi.fn();
    contents.emit(event, { url, preventDefault });
    return preventDefault.mock.calls.length > 0;
  };

  it.each([
    ['will-navigate', 'https://example.com/', true],
    ['will-navigate', 'file:///etc/passwd', true],
    ['will-navigate', 'app://shuangping/index.html', false],
    ['will-redirect', 'https://example.com/', true],
    ['will-redirect', 'app://shuangping/#/a', false],
  ])('%s to %s prevented: %s', (event, url, prevented) => expect(navigate(event, url)).toBe(prevented));

  it('denies every new window', () => {
    expect(contents.openHandler?.({ url: 'https://example.com/' })).toEqual({ action: 'deny' });
    expect(contents.openHandler?.({ url: 'app://shuangping/index.html' })).toEqual({ action: 'deny' });
  });

  it('prevents attaching webviews', () => {
    const preventDefault = vi.fn();
    contents.emit('will-attach-webview', { preventDefault }, {}, {});
    expect(preventDefault).toHaveBeenCalled();
  });
});
