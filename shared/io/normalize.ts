/**
 * Normalising what people type into Excel/WPS: surrounding spaces, full-width
 * characters (１２３ （） ＡＢ), and the trailing `*` that marks a required column.
 */

/**
 * Full-width digits, letters, parentheses and number signs (１２３ ＡＢ （） ．－＋％ ＊)
 * and the ideographic space → half-width. Chinese punctuation（，：；。）stays as
 * written: it belongs to the text of names and notes.
 */
export function toHalfWidth(text: string): string {
  return text
    .replace(/[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF08\uFF09\uFF0A\uFF0B\uFF0D\uFF0E\uFF0F\uFF05\uFF3F]/g, (c) =>
      String.fromCharCode(c.charCodeAt(0) - 0xfee0),
    )
    .replace(/\u3000/g, ' ');
}

/** Anything normalizeText would change: spaces, full-width forms, `*`. */
const NEEDS_NORMALIZING = /[\s\u00a0\u3000\uFF05-\uFF5A*]/;

/** Trimmed, half-width, without a trailing required-marker `*`. */
export function normalizeText(text: string): string {
  if (!NEEDS_NORMALIZING.test(text)) return text;
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
