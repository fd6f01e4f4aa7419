/**
 * A small XML scanner for the parts of an .xlsx: tags one after the other, their
 * attributes on demand, and the text of an element. Not a validating parser: it
 * reads what Excel, WPS and the libraries write, never expands a declared entity
 * (a DOCTYPE is refused), always moves forward, and refuses what it cannot read.
 * Namespace prefixes are dropped (`x:row` is `row`).
 *
 * Throws only Refusal (caught by read.ts).
 */
import { damaged } from './refusal';

const ENTITY = /&(?:#(\d{1,7})|#x([0-9a-fA-F]{1,6})|(amp|lt|gt|quot|apos));/g;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function character(code: number): string {
  return code > 0x10ffff || (code >= 0xd800 && code <= 0xdfff) ? '\ufffd' : String.fromCodePoint(code);
}

/** Text with the XML entities replaced (&amp; &#20013; &#x4E2D;); an unknown one is kept as written. */
export function decodeEntities(text: string): string {
  if (text.indexOf('&') < 0) return text;
  return text.replace(ENTITY, (_, dec: string | undefined, hex: string | undefined, named: string | undefined) =>
    named ? NAMED[named]! : character(dec !== undefined ? parseInt(dec, 10) : parseInt(hex!, 16)),
  );
}

const LT = 0x3c;
const GT = 0x3e;
const SLASH = 0x2f;
const COLON = 0x3a;
const EQUALS = 0x3d;
const DOUBLE_QUOTE = 0x22;
const SINGLE_QUOTE = 0x27;

/** Letters, digits, _ - . : (names in OOXML are ASCII) */
function isNameChar(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a) || (c >= 0x30 && c <= 0x3a) || c === 0x5f || c === 0x2d || c === 0x2e;
}

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Tags are found by hand, not by a regular expression: a sheet of half a million
 * rows has millions of tags, and the scanner makes no garbage per tag.
 */
export class XmlScanner {
  /** `</name>` */
  closing = false;
  /** `<name/>` */
  empty = false;
  private at = 0;
  /** the local name of the current tag, and its attributes, as positions in `xml` */
  private nameStart = 0;
  private nameEnd = 0;
  private attrStart = 0;
  private attrEnd = 0;

  constructor(
    private readonly xml: string,
    /** the part's name, for messages */
    readonly part: string,
  ) {}

  malformed(what = '不是有效的 XML'): never {
    throw damaged(`${this.part} ${what}`);
  }

  /** The local name of the current tag (`x:row` is `row`). */
  get name(): string {
    return this.xml.slice(this.nameStart, this.nameEnd);
  }

  /** Whether the current tag's local name is `local`. */
  is(local: string): boolean {
    return this.nameEnd - this.nameStart === local.length && this.xml.startsWith(local, this.nameStart);
  }

  /** Whether the current tag has the name found at `start` (a tag met before). */
  private sameName(start: number, length: number): boolean {
    if (this.nameEnd - this.nameStart !== length) return false;
    for (let i = 0; i < length; i++) if (this.xml.charCodeAt(this.nameStart + i) !== this.xml.charCodeAt(start + i)) return false;
    return true;
  }

  /** Moves to the next tag; false at the end of the document. */
  next(): boolean {
    const xml = this.xml;
    for (;;) {
      const lt = xml.indexOf('<', this.at);
      if (lt < 0) {
        this.at = xml.length;
        return false;
      }
      let i = lt + 1;
      let c = xml.charCodeAt(i);
      if (c === 0x3f /* <? */) {
        this.at = this.after('?>', i);
        continue;
      }
      if (c === 0x21 /* <! */) {
        if (xml.startsWith('<!--', lt)) this.at = this.after('-->', lt + 4);
        else if (xml.startsWith('<![CDATA[', lt)) this.at = this.after(']]>', lt + 9);
        else this.malformed('含有不允许的 XML 声明');
        continue;
      }
      this.closing = c === SLASH;
      if (this.closing) c = xml.charCodeAt(++i);
      let start = i;
      while (isNameChar(c)) {
        if (c === COLON) start = i + 1;
        c = xml.charCodeAt(++i);
      }
      if (start === i) this.malformed();
      this.nameStart = start;
      this.nameEnd = i;
      this.attrStart = i;
      // the attributes run to the first > outside quotes
      while (c !== GT) {
        if (c === DOUBLE_QUOTE || c === SINGLE_QUOTE) {
          const close = xml.indexOf(c === DOUBLE_QUOTE ? '"' : "'", i + 1);
          if (close < 0) this.malformed('不完整');
          i = close;
        } else if (c === LT || Number.isNaN(c)) this.malformed();
        c = xml.charCodeAt(++i);
      }
      this.empty = xml.charCodeAt(i - 1) === SLASH && i - 1 >= this.attrStart;
      this.attrEnd = this.empty ? i - 1 : i;
      this.at = i + 1;
      return true;
    }
  }

  private after(end: string, from: number): number {
    const at = this.xml.indexOf(end, from);
    if (at < 0) this.malformed();
    return at + end.length;
  }

  /** An attribute of the current tag by local name (`r:id` is `id`), entities decoded. */
  attr(local: string): string | undefined {
    for (let i = this.nextAttr(this.attrStart); i >= 0; i = this.nextAttr(i)) {
      if (this.attrIs(local)) return this.attrValue();
    }
    return undefined;
  }

  /** The attribute found last by nextAttr: its name and value as positions in `xml`. */
  private an0 = 0;
  private an1 = 0;
  private av0 = 0;
  private av1 = 0;

  /** Finds the next `name="value"` from `i`; returns where to look next, or -1 at the end. Always moves on. */
  private nextAttr(from: number): number {
    const xml = this.xml;
    const end = this.attrEnd;
    let i = from;
    while (i < end) {
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const nameStart = i;
      while (i < end && xml.charCodeAt(i) !== EQUALS && !isSpace(xml.charCodeAt(i))) i++;
      const nameEnd = i;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      if (i >= end || xml.charCodeAt(i) !== EQUALS) {
        i++;
        continue;
      }
      i++;
      while (i < end && isSpace(xml.charCodeAt(i))) i++;
      const quote = xml.charCodeAt(i);
      let valueEnd: number;
      if (quote === DOUBLE_QUOTE || quote === SINGLE_QUOTE) {
        valueEnd = xml.indexOf(quote === DOUBLE_QUOTE ? '"' : "'", i + 1);
        if (valueEnd < 0 || valueEnd > end) valueEnd = end;
        i++;
      } else {
        valueEnd = i;
        while (valueEnd < end && !isSpace(xml.charCodeAt(valueEnd))) valueEnd++;
      }
      this.an0 = nameStart;
      this.an1 = nameEnd;
      this.av0 = i;
      this.av1 = valueEnd;
      return valueEnd + 1;
    }
    return -1;
  }

  private attrIs(local: string): boolean {
    const start = this.an1 - local.length;
    return start >= this.an0 && this.xml.startsWith(local, start) && (start === this.an0 || this.xml.charCodeAt(start - 1) === COLON);
  }

  private attrValue(): string {
    return decodeEntities(this.xml.slice(this.av0, this.av1));
  }

  /**
   * The text of the element whose open tag is current, up to its close tag (CDATA
   * included, comments left out); the scanner is then on the close tag. An element
   * inside it is malformed here: the elements read this way hold text only.
   */
  text(): string {
    if (this.empty) return '';
    const xml = this.xml;
    const nameStart = this.nameStart;
    const nameLength = this.nameEnd - nameStart;
    let text = '';
    for (;;) {
      const lt = xml.indexOf('<', this.at);
      if (lt < 0) this.malformed('不完整');
      text += decodeEntities(xml.slice(this.at, lt));
      if (xml.startsWith('<![CDATA[', lt)) {
        const end = this.after(']]>', lt + 9);
        text += xml.slice(lt + 9, end - 3);
        this.at = end;
        continue;
      }
      if (xml.startsWith('<!--', lt)) {
        this.at = this.after('-->', lt + 4);
        continue;
      }
      this.at = lt;
      if (!this.next() || !this.closing || !this.sameName(nameStart, nameLength)) this.malformed();
      return text;
    }
  }

  /** Skips the element whose open tag is current, with everything inside it. */
  skip(): void {
    if (this.empty) return;
    const nameStart = this.nameStart;
    const nameLength = this.nameEnd - nameStart;
    let depth = 1;
    while (this.next()) {
      if (!this.empty && this.sameName(nameStart, nameLength)) depth += this.closing ? -1 : 1;
      if (depth === 0) return;
    }
    this.malformed('不完整');
  }
}
