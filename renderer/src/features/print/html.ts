/** A whole HTML document of one print, CSS inlined: what the PDF printer loads. */
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { PrintDocument } from './PrintDocument';
import { isLandscape, PRINT_KIND_LABELS, type PrintData, type PrintKind } from './model';
import { printCss } from './styles';

export function printHtml(kind: PrintKind, data: PrintData, options: { pageNumbers?: boolean } = {}): string {
  const body = renderToStaticMarkup(createElement(PrintDocument, { kind, data }));
  const css = printCss({ landscape: isLandscape(kind), pageNumbers: options.pageNumbers ?? false });
  const title = `${PRINT_KIND_LABELS[kind]} · ${data.assessment.year}年度 ${data.assessment.name}`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>html,body{margin:0;padding:0;background:#fff}${css}</style></head>
<body>${body}</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
