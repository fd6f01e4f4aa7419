/**
 * Loads the built renderer (dist/) in headless Chromium with the app's
 * production CSP and headers — served by the same protocol handler as app://,
 * over a loopback http server — and reports CSP violations and page errors.
 * A check of the CSP against the real build; not a run of Electron.
 * Usage: tsx test/electron/csp-check.ts [chromium-path]
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { APP_ORIGIN } from '../../electron/main/origin';
import { createAppProtocolHandler } from '../../electron/main/serve';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const handler = createAppProtocolHandler(path.join(root, 'dist'), { devServer: null });

const server = createServer((req, res) => {
  void handler(new Request(`${APP_ORIGIN}${req.url ?? '/'}`)).then(async (response) => {
    res.writeHead(response.status, Object.fromEntries(response.headers));
    res.end(Buffer.from(await response.arrayBuffer()));
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.html`;

const browser = await chromium.launch({ executablePath: process.argv[2] ?? '/usr/bin/chromium' });
const problems: string[] = [];
try {
  const page = await browser.newPage();
  page.on('console', (m) => {
    if (m.type() === 'error' || /Content Security Policy/i.test(m.text())) problems.push(`console: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  await page.exposeFunction('__cspViolation', (d: string) => problems.push(`csp: ${d}`));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (window as unknown as { __cspViolation(d: string): void }).__cspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  await page.waitForTimeout(1500);
  const rootChildren = await page.evaluate(() => document.getElementById('root')?.childElementCount ?? 0);
  console.log(`页面已渲染:#root 子元素 ${rootChildren} 个`);
} finally {
  await browser.close();
  server.close();
}
if (problems.length > 0) {
  console.error(`发现 ${problems.length} 个问题:\n${problems.join('\n')}`);
  process.exit(1);
}
console.log('CSP 检查通过:生产环境 CSP 下没有违规,也没有页面错误。');
