/**
 * Normalising what people type into Excel/WPS: surrounding spaces, full-width
 * characters (１２３ （） ＡＢ), and the trailing `*` that marks a required column.
 */

/** Full-width ASCII (U+FF01–U+FF5E) and the ideographic space → half-width. */
export function toHalfWidth(text: string): string {
  return text.replace(/[\uFF01-\uFF5E]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
}

/** Trimmed, half-width, without a trailing required-marker `*`. */
export function normalizeText(text: string): string {
  return toHalfWidth(text)
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/\s*\*+$/, '')
    .trim();
}

/** A header compared loosely: normalised, without inner spaces, lower-case ASCII. */
export function headerKey(text: string): string {
  return normalizeText(text).replace(/\s+/g, '').toLowerCase();
}
