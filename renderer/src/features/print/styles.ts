/**
 * Print CSS after GB/T 9704-2012: A4, margins top 37 mm, binding side (left) 28 mm,
 * bottom 35 mm, right 26 mm; 仿宋 text, 黑体 and 小标宋 headings. Landscape pages
 * keep the binding margin on the left and narrow the others so wide tables fit.
 * One string, inlined by the command line and injected by the app.
 */

export const FONT_TEXT = `"FangSong", "仿宋", "FangSong_GB2312", "仿宋_GB2312", "STFangsong", "Noto Serif CJK SC", "Source Han Serif SC", serif`;
export const FONT_HEI = `"SimHei", "黑体", "STHeiti", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif`;
export const FONT_TITLE = `"FZXiaoBiaoSong-B05S", "方正小标宋简体", "方正小标宋_GBK", "Noto Serif CJK SC", "Source Han Serif SC", serif`;

/** Page margins in millimetres: top, right, bottom, left. */
export const PAGE_MARGINS = {
  portrait: { top: 37, right: 26, bottom: 35, left: 28 },
  landscape: { top: 20, right: 18, bottom: 22, left: 28 },
} as const;

export interface CssOptions {
  landscape: boolean;
  /** draw "— n —" in the page's bottom margin box (app printing); the PDF printer draws its own */
  pageNumbers: boolean;
}

export function printCss({ landscape, pageNumbers }: CssOptions): string {
  const m = PAGE_MARGINS[landscape ? 'landscape' : 'portrait'];
  const numbers = pageNumbers
    ? `@bottom-center { content: "— " counter(page) " —"; font-family: ${FONT_TEXT}; font-size: 14pt; vertical-align: top; padding-top: 7mm; }`
    : '';
  return `
@page { size: A4 ${landscape ? 'landscape' : 'portrait'}; margin: ${m.top}mm ${m.right}mm ${m.bottom}mm ${m.left}mm; ${numbers} }
.print-doc { font-family: ${FONT_TEXT}; font-size: 12pt; line-height: 1.45; color: #000; background: #fff; }
.print-doc * { box-sizing: border-box; }
.print-doc p { margin: 1em 0; }
.print-doc .note { color: inherit; }
.print-doc .muted { color: #333; }
.print-doc .nowrap { white-space: nowrap; }
.print-doc h1 { font-family: ${FONT_TITLE}; font-weight: bold; font-size: 20pt; text-align: center; margin: 0 0 3mm; letter-spacing: 0.05em; }
.print-doc h2 { font-family: ${FONT_HEI}; font-weight: normal; font-size: 14pt; margin: 4mm 0 2mm; break-after: avoid; }
.print-doc h3 { font-family: ${FONT_HEI}; font-weight: normal; font-size: 12pt; margin: 3mm 0 1.5mm; break-after: avoid; }
.print-doc .meta { text-align: center; font-size: 11pt; margin: 0 0 1mm; }
.print-doc .meta.quota-note { font-family: ${FONT_HEI}; }
.print-doc .meta-small { text-align: center; font-size: 9pt; margin: 0 0 3mm; }
.print-doc .section { break-before: page; }
.print-doc .section:first-child { break-before: auto; }
.print-doc .keep { break-inside: avoid; }
.print-doc table { width: 100%; border-collapse: collapse; table-layout: fixed; }
.print-doc thead { display: table-header-group; }
.print-doc tfoot { display: table-footer-group; }
.print-doc tr { break-inside: avoid; page-break-inside: avoid; }
.print-doc th, .print-doc td { border: 0.6pt solid #000; padding: 0.8mm 1mm; vertical-align: middle; text-align: center; overflow-wrap: anywhere; }
.print-doc th { font-family: ${FONT_HEI}; font-weight: normal; }
.print-doc td.left, .print-doc th.left { text-align: left; }
.print-doc td.num { font-variant-numeric: tabular-nums; }
.print-doc .grid { font-size: 10.5pt; }
.print-doc .dense { font-size: 8.5pt; line-height: 1.3; }
.print-doc .dense th { font-size: 8.5pt; }
.print-doc .dense td.note { font-size: 7.5pt; text-align: left; }
.print-doc .caption-row th { border: none; font-family: ${FONT_TEXT}; font-size: 8.5pt; text-align: left; padding: 0 0 1mm; }
.print-doc .caption-row th span { float: right; }
.print-doc .decided { display: block; font-size: 7.5pt; max-width: none; }
.print-doc .sign { display: flex; flex-wrap: wrap; gap: 2mm 8mm; margin-top: 6mm; font-size: 12pt; }
.print-doc .sign span { white-space: nowrap; }
.print-doc .sign .line { display: inline-block; width: 32mm; border-bottom: 0.6pt solid #000; margin-left: 1mm; }
.print-doc .review-box { border: 0.8pt solid #000; min-height: 30mm; margin-top: 5mm; padding: 2mm 3mm; position: relative; }
.print-doc .review-box .foot { position: absolute; right: 6mm; bottom: 2mm; }
.print-doc .foot-block { break-inside: avoid; }
.print-doc td.foot-cell { border: none; padding: 0; text-align: left; font-size: 12pt; line-height: 1.45; }
.print-doc .boxes { display: flex; justify-content: space-around; margin: 3mm 0; font-size: 14pt; }
.print-doc .box { display: inline-block; width: 7mm; height: 7mm; border: 0.8pt solid #000; vertical-align: middle; margin-right: 2mm; }
.print-doc .ballot { height: 73mm; padding: 3mm 2mm; break-inside: avoid; overflow: hidden; }
.print-doc .ballot + .ballot { border-top: 0.8pt dashed #000; }
.print-doc .ballot h1 { font-size: 16pt; margin-bottom: 1mm; }
.print-doc .ballot .who { font-size: 12pt; margin: 2mm 0; }
.print-doc .ballot .hint { font-size: 10pt; line-height: 1.4; }
.print-doc .anon { text-align: center; font-size: 10.5pt; margin: 0; }
.print-doc .half { height: 109mm; break-inside: avoid; overflow: hidden; padding-top: 1mm; }
.print-doc .half .who { font-size: 11pt; margin: 1.5mm 0; }
.print-doc .half td, .print-doc .half th { height: 7.6mm; padding: 0 1mm; }
.print-doc .half .sign { margin-top: 3mm; font-size: 11pt; gap: 2mm 5mm; }
.print-doc .half + .half { border-top: 0.8pt dashed #000; padding-top: 5mm; }
.print-doc .half h1 { font-size: 16pt; margin-bottom: 1mm; }
.print-doc .cut { font-size: 8pt; text-align: center; color: #444; }
.print-doc .notice-text { text-indent: 2em; font-size: 14pt; line-height: 1.7; margin: 2mm 0; }
.print-doc .fill { display: inline-block; min-width: 40mm; border-bottom: 0.6pt solid #000; }
.print-doc .watermark { font-family: ${FONT_HEI}; font-size: 9pt; border: 0.6pt solid #000; padding: 0 1.5mm; margin-left: 2mm; }
@media screen {
  .print-doc { width: ${landscape ? 297 - m.left - m.right : 210 - m.left - m.right}mm; margin: 0 auto; padding: 8mm 0; }
  .print-doc .section { border-top: 1px dashed #999; padding-top: 8mm; margin-top: 8mm; }
  .print-doc .section:first-child { border-top: none; margin-top: 0; padding-top: 0; }
}
`;
}
