/**
 * HTML → PDF in a system Chromium through playwright-core (Node only): A4, GB/T 9704
 * margins, "— n —" page numbers at the bottom centre.
 */
import { writeFile } from 'node:fs/promises';
import { chromium, type Browser } from 'playwright-core';
import { FONT_TEXT, isLandscape, PAGE_MARGINS, printHtml, type PrintData, type PrintKind } from '../../renderer/src/features/print/views';
import { findBrowser, NO_BROWSER_MESSAGE, PrintError } from './browser';

export const FOOTER_TEMPLATE = `<div style="width:100%;text-align:center;font-size:14pt;font-family:${FONT_TEXT.replace(/"/g, "'")};">—&nbsp;<span class="pageNumber"></span>&nbsp;—</div>`;

/** Starts the browser; a missing or broken browser is a PrintError with the Chinese message. */
export async function launchBrowser(executablePath: string | null = findBrowser()): Promise<Browser> {
  if (!executablePath) throw new PrintError(NO_BROWSER_MESSAGE);
  try {
    return await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  } catch {
    throw new PrintError(NO_BROWSER_MESSAGE);
  }
}

export async function htmlToPdf(browser: Browser, html: string, landscape: boolean): Promise<Uint8Array> {
  const page = await browser.newPage();
  try {
    await page.setContent(html, { waitUntil: 'load' });
    // runs in the page: the fonts of the print loaded before it is laid out
    await page.evaluate('document.fonts.ready.then(() => undefined)');
    const m = PAGE_MARGINS[landscape ? 'landscape' : 'portrait'];
    const pdf = await page.pdf({
      // exact A4 (595.28 × 841.89 pt); format: 'A4' rounds to whole hundredths of an inch
      width: landscape ? '297mm' : '210mm',
      height: landscape ? '210mm' : '297mm',
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: FOOTER_TEMPLATE,
      margin: { top: `${m.top}mm`, right: `${m.right}mm`, bottom: `${m.bottom}mm`, left: `${m.left}mm` },
      tagged: true,
      outline: true,
    });
    return new Uint8Array(pdf);
  } finally {
    await page.close();
  }
}

/** Renders one print to PDF bytes; pass a running browser to print several with one launch. */
export async function renderPdf(kind: PrintKind, data: PrintData, browser?: Browser, executablePath?: string | null): Promise<Uint8Array> {
  const own = browser ? null : await launchBrowser(executablePath === undefined ? findBrowser() : executablePath);
  try {
    return await htmlToPdf(browser ?? own!, printHtml(kind, data), isLandscape(kind));
  } finally {
    await own?.close();
  }
}

export async function writePdf(kind: PrintKind, data: PrintData, file: string, browser?: Browser, executablePath?: string | null): Promise<void> {
  const bytes = await renderPdf(kind, data, browser, executablePath);
  try {
    await writeFile(file, bytes);
  } catch {
    throw new PrintError(`无法写入文件“${file}”：请检查文件夹是否存在、文件是否正被其他程序打开`);
  }
}
