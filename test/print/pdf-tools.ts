/** poppler-utils around a PDF file: text per page, page size, PNG snapshots. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PAGE_MARGINS } from '../../renderer/src/features/print/styles';

export const OUT_DIR = resolve(__dirname, '..', '..', 'test-output', 'prints');

export interface PdfInfo {
  pages: number;
  width: number;
  height: number;
}

export interface SavedPdf {
  file: string;
  info: PdfInfo;
  /** pdftotext -layout, one string per page */
  pages: string[];
  text: string;
  /** pdftotext -raw: content-stream order, i.e. the order of the cells in the document */
  raw: string;
  /** the same, one string per page */
  rawPages: string[];
}

export function savePdf(name: string, bytes: Uint8Array): SavedPdf {
  mkdirSync(OUT_DIR, { recursive: true });
  const file = join(OUT_DIR, `${name}.pdf`);
  writeFileSync(file, bytes);
  const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
  const size = /Page size:\s+([\d.]+) x ([\d.]+) pts/.exec(info);
  const pagesMatch = /Pages:\s+(\d+)/.exec(info);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const raw = execFileSync('pdftotext', ['-raw', file, '-'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  return {
    file,
    info: { pages: Number(pagesMatch?.[1]), width: Number(size?.[1]), height: Number(size?.[2]) },
    pages: splitPages(text),
    text,
    raw,
    rawPages: splitPages(raw),
  };
}

/** pdftotext's form feeds end each page. */
function splitPages(text: string): string[] {
  const pages = text.split('\f');
  if (pages.at(-1)?.trim() === '') pages.pop();
  return pages;
}

/** PNGs of the first pages at 100 dpi, to look at: test-output/prints/<name>-<n>.png */
export function snapshot(pdf: SavedPdf, name: string, lastPage = 2): void {
  execFileSync('pdftoppm', ['-r', '100', '-png', '-f', '1', '-l', String(lastPage), pdf.file, join(OUT_DIR, name)]);
}

/** Chromium's A4 is A4 to within a point (595.28 × 841.89 pt, quantised by the printer). */
export function isA4(info: PdfInfo, landscape: boolean): boolean {
  const [w, h] = landscape ? [841.89, 595.28] : [595.28, 841.89];
  return Math.abs(info.width - w) < 1.5 && Math.abs(info.height - h) < 1.5;
}

/** Left and right edge (pt) of the words on a page: inside the page's side margins if nothing is cut. */
export function textSpan(pdf: SavedPdf, page: number): { left: number; right: number } {
  const bbox = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), pdf.file, '-'], { encoding: 'utf8' });
  const words = [...bbox.matchAll(/xMin="([\d.]+)"[^>]*xMax="([\d.]+)"/g)].map((m) => [Number(m[1]), Number(m[2])] as const);
  return { left: Math.min(...words.map(([l]) => l)), right: Math.max(...words.map(([, r]) => r)) };
}

export const mmToPt = (mm: number): number => (mm * 72) / 25.4;

/**
 * Every word of the page within the GB/T 9704 side margins of the print CSS. Chromium
 * sets a closing full-width bracket at a line's end in half its width, which poppler
 * counts whole: 2 mm of slack on the right.
 */
export function insideMargins(pdf: SavedPdf, page: number, landscape: boolean): boolean {
  const m = PAGE_MARGINS[landscape ? 'landscape' : 'portrait'];
  const { left, right } = textSpan(pdf, page);
  return left >= mmToPt(m.left - 0.5) && right <= pdf.info.width - mmToPt(m.right - 2);
}

/** "— 3 —" as pdftotext lays it out (the spaces may close up). */
export const pageNumber = (n: number): RegExp => new RegExp(`—\\s*${n}\\s*—`);

/** Text without the spaces and line breaks a table cell's wrapping puts in. */
export const squeeze = (text: string): string => text.replace(/\s+/g, '');
