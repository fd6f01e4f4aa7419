import { describe, expect, it } from 'vitest';
import { type FrameLike, isTrustedSender } from './sender';

const main = (url: string): FrameLike => ({ url, parent: null });
const sub = (url: string): FrameLike => ({ url, parent: main('app://shuangping/index.html') });
const prod = { devServer: null };
const dev = { devServer: 'http://localhost:5173' };

describe('isTrustedSender', () => {
  it.each([
    ['app main frame', main('app://shuangping/index.html'), prod, true],
    ['app main frame, client route', main('app://shuangping/#/results'), prod, true],
    ['subframe of the app', sub('app://shuangping/frame.html'), prod, false],
    ['remote page', main('https://example.com/'), prod, false],
    ['file page', main('file:///tmp/evil.html'), prod, false],
    ['other app host', main('app://evil/index.html'), prod, false],
    ['data page', main('data:text/html,x'), prod, false],
    ['about:blank', main('about:blank'), prod, false],
    ['dev server in production', main('http://localhost:5173/'), prod, false],
    ['dev server in development', main('http://localhost:5173/'), dev, true],
    ['other port in development', main('http://localhost:5174/'), dev, false],
    ['no frame (navigated away)', null, prod, false],
    ['undefined frame', undefined, prod, false],
  ])('%s → %s', (_label, frame, policy, trusted) => expect(isTrustedSender(frame, policy)).toBe(trusted));
});
