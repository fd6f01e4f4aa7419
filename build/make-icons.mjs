/**
 * Renders build/icon.svg into the icons electron-builder uses:
 *   build/icon.png (512), build/icons/<n>x<n>.png (Linux), build/icon.ico (Windows, PNG entries).
 * Rendering: headless Chromium through playwright-core (needs a CJK font, e.g. Noto Serif CJK SC).
 * Usage: node build/make-icons.mjs [path-to-chromium]   (default /usr/bin/chromium)
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
const svg = readFileSync(path.join(here, 'icon.svg'), 'utf8');
const PNG_SIZES = [16, 24, 32, 48, 64, 128, 256, 512];
const ICO_SIZES = [16, 24, 32, 48, 64, 128, 256];

/** An .ico whose entries are PNG images (Windows Vista and later). */
function ico(images) {
  const header = Buffer.alloc(6);
  header.writeUInt16LE(0, 0); // reserved
  header.writeUInt16LE(1, 2); // type: icon
  header.writeUInt16LE(images.length, 4);
  const entries = [];
  let offset = 6 + 16 * images.length;
  for (const { size, png } of images) {
    const e = Buffer.alloc(16);
    e.writeUInt8(size >= 256 ? 0 : size, 0); // width (0 means 256)
    e.writeUInt8(size >= 256 ? 0 : size, 1); // height
    e.writeUInt8(0, 2); // palette
    e.writeUInt8(0, 3); // reserved
    e.writeUInt16LE(1, 4); // colour planes
    e.writeUInt16LE(32, 6); // bits per pixel
    e.writeUInt32LE(png.length, 8);
    e.writeUInt32LE(offset, 12);
    offset += png.length;
    entries.push(e);
  }
  return Buffer.concat([header, ...entries, ...images.map((i) => i.png)]);
}

const browser = await chromium.launch({ executablePath: process.argv[2] ?? '/usr/bin/chromium' });
try {
  const page = await browser.newPage();
  const pngs = new Map();
  for (const size of PNG_SIZES) {
    await page.setViewportSize({ width: size, height: size });
    const scaled = svg.replace('width="512" height="512"', `width="${size}" height="${size}"`);
    await page.setContent(`<html><body style="margin:0;background:transparent">${scaled}</body></html>`);
    await page.evaluate('document.fonts.ready');
    pngs.set(size, await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
  }
  mkdirSync(path.join(here, 'icons'), { recursive: true });
  for (const [size, png] of pngs) writeFileSync(path.join(here, 'icons', `${size}x${size}.png`), png);
  writeFileSync(path.join(here, 'icon.png'), pngs.get(512));
  writeFileSync(path.join(here, 'icon.ico'), ico(ICO_SIZES.map((size) => ({ size, png: pngs.get(size) }))));
  console.log(`已生成图标:build/icon.png、build/icon.ico、build/icons/(${PNG_SIZES.join('、')})`);
} finally {
  await browser.close();
}
