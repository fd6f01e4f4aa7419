/**
 * Workbooks damaged on disk, hostile or too large: the reader always settles, with
 * the sheets or with one Chinese sentence naming the file, and memory does not grow past
 * the limits. A hang or a blow-up (a case takes milliseconds) runs into the test's
 * timeout; speed itself is measured by the bench, not here.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { JIAOZHOU_RUBRIC } from '../../shared/rubric/jiaozhou';
import { parseBallots } from '../../shared/io/ballots';
import { parseEvents } from '../../shared/io/events';
import { parseRoster } from '../../shared/io/roster';
import { parseScores } from '../../shared/io/scores';
import { parseSummary } from '../../shared/io/summary';
import { writeTemplate } from '../../shared/io/templates';
import { openWorkbook, type Sheet, type WorkbookSource } from '../../shared/io/workbook';
import { nodeZlib } from '../../cli/zlib';
import { readXlsx, type ReadXlsxOptions } from '../../shared/io/xlsx/read';
import { Refusal } from '../../shared/io/xlsx/refusal';
import { packageParts, sheetShape, xlsxOf, zipOf } from '../../shared/io/xlsx/testing';
import { Budget, readDirectory, ZIP_LIMITS } from '../../shared/io/xlsx/zip';

const root = resolve(__dirname, '..', '..');
const HAN = /[\u4e00-\u9fff]/;
const NAME = '坏文件.xlsx';

/** the reader's options of the block running: which inflater */
let options: ReadXlsxOptions = {};
const openBytes = (source: WorkbookSource) => openWorkbook(source, options);

const real = async () => [
  ...(await Promise.all(
    [
      'test/fixtures/worked-example/roster.xlsx',
      'test/fixtures/worked-example/ballots.xlsx',
      'samples/sample-county/roster.xlsx',
      'samples/sample-county/scores.xlsx',
    ].map(async (file) => new Uint8Array(await readFile(join(root, file)))),
  )),
  await writeTemplate('ballots'),
];

/** Opens the bytes and, when they open, runs every parser: nothing may throw. */
async function openAndParse(bytes: Uint8Array) {
  const opened = await openBytes({ name: NAME, bytes });
  if (opened.ok)
    for (const parse of [parseRoster, parseSummary, parseBallots, parseEvents, (o: typeof opened.value) => parseScores(o, JIAOZHOU_RUBRIC)])
      parse(opened.value);
  return { opened };
}

/** ok, or exactly one error: on the file, in Chinese, no trace of code. */
function expectOneSentence(opened: Awaited<ReturnType<typeof openWorkbook>>) {
  if (opened.ok) return;
  expect(opened.errors).toHaveLength(1);
  const [error] = opened.errors;
  expect(error!.sheet).toBe(NAME);
  expect(error!.message).toMatch(HAN);
  expect(error!.message).not.toMatch(/Error|\bat\s|undefined|\n/);
}

/** Where a part's compressed bytes lie in the file. */
function dataRange(bytes: Uint8Array, name: string): [number, number] {
  const part = readDirectory(bytes).get(name)!;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const start = part.localOffset + 30 + view.getUint16(part.localOffset + 26, true) + view.getUint16(part.localOffset + 28, true);
  return [start, start + part.compressedSize];
}

/** The shape of each workbook's sheets as read, to compare a changed file with. */
const shapesOf = (files: readonly Uint8Array[]) =>
  Promise.all(files.map(async (bytes) => ((await openBytes(bytes)) as { value: { sheets: Sheet[] } }).value.sheets.map(sheetShape)));

/** Every case with both codecs: fflate and pure CRC-32 (the app) and Node's zlib (the command line). */
describe.each([
  ['fflate', undefined],
  ['zlib', nodeZlib],
] as const)('inflated by %s', (_, inflater) => {
  beforeAll(() => {
    options = inflater ?? {};
  });

  describe('bytes flipped and files cut short (fuzz)', () => {
    it('random bytes changed anywhere: one sentence naming the file, or the cells as written, never a bug', async () => {
      const files = await real();
      const originals = await shapesOf(files);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: files.length - 1 }),
          fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }),
          async (which, flips) => {
            const bytes = files[which]!.slice();
            for (const [at, xor] of flips) bytes[Math.floor(at * bytes.length)]! ^= xor;
            const read = readXlsx(bytes, options);
            if (!read.ok) expect(read.bug).toBeUndefined();
            const { opened } = await openAndParse(bytes);
            expectOneSentence(opened);
            // a change the checks let through changed nothing that is read (a date, a name in the directory …)
            if (opened.ok) expect(opened.value.sheets.map(sheetShape)).toEqual(originals[which]);
          },
        ),
        { numRuns: 150 },
      );
    });

    it('a byte changed inside a sheet’s compressed data is found, or changes nothing that is read', async () => {
      // a few bits of deflate data do not change what it inflates to (the last byte's padding,
      // the code length of a symbol never used): the CRC passes and the cells are the same
      const files = await real();
      const originals = await shapesOf(files);
      await fc.assert(
        fc.asyncProperty(
          fc.integer({ min: 0, max: files.length - 1 }),
          fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }),
          fc.integer({ min: 1, max: 255 }),
          async (which, at, xor) => {
            const bytes = files[which]!.slice();
            const [start, end] = dataRange(bytes, 'xl/worksheets/sheet1.xml');
            bytes[start + Math.floor(at * (end - start))]! ^= xor;
            const { opened } = await openAndParse(bytes);
            if (opened.ok) {
              expect(opened.value.sheets.map(sheetShape)).toEqual(originals[which]);
              return;
            }
            expectOneSentence(opened);
            expect(opened.errors[0]!.message).toMatch(/^无法读取：文件已损坏（xl\/worksheets\/sheet1\.xml /);
          },
        ),
        { numRuns: 100 },
      );
    });

    it('a file cut short anywhere: one sentence naming the file', async () => {
      const files = await real();
      await fc.assert(
        fc.asyncProperty(fc.integer({ min: 0, max: files.length - 1 }), fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true }), async (which, at) => {
          const bytes = files[which]!.subarray(0, Math.floor(at * files[which]!.length));
          const { opened } = await openAndParse(bytes);
          expect(opened.ok).toBe(false);
          expectOneSentence(opened);
        }),
        { numRuns: 60 },
      );
    });
  });

  describe('too large: refused at once, saying so', () => {
    const MiB = 2 ** 20;
    const row = '<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c></row>';

    async function refusal(bytes: Uint8Array) {
      const opened = await openBytes({ name: NAME, bytes });
      expectOneSentence(opened);
      return opened.ok ? '' : opened.errors[0]!.message;
    }

    it('a small zip that inflates far (a zip bomb), honest about its size', async () => {
      const parts: Record<string, string | Uint8Array> = packageParts([{ name: 'Sheet1', xml: row }]);
      // 24 MB of spaces inside the sheet compress to some 24 KB
      parts['xl/worksheets/sheet1.xml'] = new TextEncoder().encode(`<worksheet><sheetData>${row}</sheetData>${' '.repeat(24 * MiB)}</worksheet>`);
      const bytes = zipOf(parts);
      expect(bytes.length).toBeLessThan(200_000);
      expect(await refusal(bytes)).toMatch(/^文件过大：xl\/worksheets\/sheet1\.xml 从 \d+ KB 解压为 24 MB，压缩比异常/);
    });

    it('a zip bomb that lies about its size is stopped while inflating', async () => {
      const parts = packageParts([{ name: 'Sheet1', xml: row }]);
      const bomb = new Uint8Array(24 * MiB).fill(0x20);
      const bytes = zipOf({ ...parts, 'xl/worksheets/sheet1.xml': bomb });
      // the directory says 1,000 bytes
      const part = readDirectory(bytes).get('xl/worksheets/sheet1.xml')!;
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const central = findCentral(bytes, 'xl/worksheets/sheet1.xml');
      view.setUint32(central + 24, 1000, true);
      expect(part.size).toBe(24 * MiB);
      expect(await refusal(bytes)).toMatch(/^文件过大：xl\/worksheets\/sheet1\.xml 解压后超过 \d+ MB，压缩数据异常/);
    });

    it('a part that declares more than the limit, and a header that declares more than deflate can give', async () => {
      const bytes = xlsxOf([{ name: 'Sheet1', xml: row }]);
      const central = findCentral(bytes, 'xl/worksheets/sheet1.xml');
      const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      const compressed = view.getUint32(central + 20, true);
      view.setUint32(central + 24, 300 * MiB, true);
      view.setUint32(central + 20, 2 * MiB, true);
      expect(await refusal(bytes)).toMatch(/^文件过大：xl\/worksheets\/sheet1\.xml 解压后有 300 MB，超过上限 200 MB/);
      view.setUint32(central + 20, compressed, true);
      expect(await refusal(bytes)).toMatch(/^无法读取：文件已损坏（xl\/worksheets\/sheet1\.xml 声明的大小与压缩数据不符）/);
    });

    it('every part together may not pass the total limit', () => {
      const budget = new Budget();
      const part = { name: 'x', method: 8, flags: 0, crc: 0, compressedSize: 0, localOffset: 0, size: ZIP_LIMITS.partBytes };
      budget.take(part);
      expect(() => budget.take(part)).toThrow(Refusal);
    });

    it('a thousand and one sheets, all the same part', async () => {
      const parts = packageParts([{ name: 'S', xml: row }]);
      parts['xl/workbook.xml'] = parts['xl/workbook.xml']!.replace(
        /<sheet .*<\/sheets>/,
        `${Array.from({ length: 1001 }, (_, i) => `<sheet name="S${i}" sheetId="${i + 1}" r:id="rId1"/>`).join('')}</sheets>`,
      );
      expect(await refusal(zipOf(parts))).toBe('文件过大：工作簿有 1001 张工作表，超过上限 1000 张，不像是考核用的工作簿，已拒绝读取');
    });

    it('a row past Excel’s 1,048,576, a column past XFD', async () => {
      expect(await refusal(xlsxOf([{ name: '名册', xml: `${row}<row r="1048577"><c r="A1048577"><v>1</v></c></row>` }]))).toBe(
        '文件过大：工作表“名册”的行号 1048577 超过了 Excel 的上限 1048576 行，不像是考核用的工作簿，已拒绝读取',
      );
      expect(await refusal(xlsxOf([{ name: '名册', xml: '<row r="1"><c r="XFE1"><v>1</v></c></row>' }]))).toMatch(
        /^文件过大：工作表“名册”的列超过了 Excel 的上限 16384 列/,
      );
      // the last row and column Excel has are fine
      const last = await openBytes(xlsxOf([{ name: '名册', xml: '<row r="1048576"><c r="XFD1048576"><v>1</v></c></row>' }]));
      expect(last.ok && last.value.sheets[0]!.row(1_048_576)![16_384]).toBe(1);
    });
  });

  describe('costly to read though small', () => {
    it('a cell in the last column on every row: read, parsed and warned about, never cell by cell across the empty columns', async () => {
      const header = '<row r="1"><c r="A1" t="inlineStr"><is><t>编号</t></is></c><c r="B1" t="inlineStr"><is><t>选项</t></is></c></row>';
      const rows = Array.from(
        { length: 100_000 },
        (_, i) =>
          `<row r="${i + 2}"><c r="A${i + 2}" t="inlineStr"><is><t>S1</t></is></c><c r="B${i + 2}" t="inlineStr"><is><t>满意</t></is></c><c r="XFD${i + 2}"><v>1</v></c></row>`,
      );
      const bytes = xlsxOf([{ name: '测评计票', xml: header + rows.join('') }]);
      const opened = await openBytes({ name: NAME, bytes });
      if (!opened.ok) throw new Error(opened.errors[0]!.message);
      const outcome = parseBallots(opened.value);
      for (const parse of [parseRoster, parseSummary, parseEvents]) parse(opened.value);
      expect(outcome.warnings).toEqual([
        { sheet: `${NAME} / 测评计票`, row: 2, column: 'XFD', message: '这一列没有表头，其中第2行等 100000 行的数据未被读取；如需读取，请填写表头' },
      ]);
    });
  });

  /** The offset of a part's central directory header. */
  function findCentral(bytes: Uint8Array, name: string): number {
    const encoded = new TextEncoder().encode(name);
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    for (let at = bytes.length - 46; at >= 0; at--) {
      if (view.getUint32(at, true) !== 0x02014b50) continue;
      const length = view.getUint16(at + 28, true);
      if (length === encoded.length && encoded.every((b, i) => bytes[at + 46 + i] === b)) return at;
    }
    throw new Error(`no ${name}`);
  }

  describe('hostile or broken in other ways: one sentence each', () => {
    const sheet = (xml: string) => [{ name: 'Sheet1', xml }];
    const cases: [string, () => Uint8Array, RegExp][] = [
      ['malformed XML', () => xlsxOf(sheet('<row r="1"><c r="A1"><v>1</c></row>')), /^无法读取：文件已损坏（xl\/worksheets\/sheet1\.xml 不是有效的 XML）/],
      ['an unclosed tag', () => xlsxOf(sheet('<row r="1"><c r="A1" t="s')), /不是有效的 XML|不完整/],
      ['a DOCTYPE (entity expansion)', () => xlsxOf(sheet('<!DOCTYPE x [<!ENTITY a "aaaa">]><row/>')), /含有不允许的 XML 声明/],
      [
        'a shared string that is not there',
        () => xlsxOf(sheet('<row r="1"><c r="A1" t="s"><v>7</v></c></row>'), { sharedStrings: ['a'] }),
        /引用了不存在的共享字符串（7）/,
      ],
      [
        'a missing sheet part',
        () => zipOf(Object.fromEntries(Object.entries(packageParts(sheet('<row/>'))).filter(([k]) => !k.includes('worksheets')))),
        /缺少工作表“Sheet1”的内容/,
      ],
      ['a zip with no workbook in it', () => zipOf({ 'readme.txt': 'hello' }), /^无法读取：不是有效的 Excel 工作簿（\.xlsx）文件（压缩包中没有工作簿）$/],
      ['an empty zip', () => zipOf({}), /不是有效的 Excel 工作簿|已损坏/],
      ['an entry of an unknown compression', () => patchMethod(xlsxOf(sheet('<row/>')), 99), /压缩方式不受支持/],
      ['an encrypted entry', () => patchFlags(xlsxOf(sheet('<row/>')), 1), /已加密/],
      ['a directory pointing past the end', () => cutDirectory(xlsxOf(sheet('<row/>'))), /已损坏/],
      ['a tag with an unterminated quote in an attribute', () => xlsxOf(sheet('<row r="1><c r="A1"><v>1</v></c></row>')), /已损坏/],
      ['numeric character references past Unicode', () => xlsxOf(sheet('<row r="1"><c r="A1" t="str"><v>&#99999999;&#xD800;</v></c></row>')), /^$/],
    ];

    it.each(cases)('%s', async (_, make, expected) => {
      const bytes = make();
      const read = readXlsx(bytes, options);
      if (!read.ok) expect(read.bug).toBeUndefined();
      const opened = await openBytes({ name: NAME, bytes });
      expectOneSentence(opened);
      expect(opened.ok ? '' : opened.errors[0]!.message).toMatch(expected);
    });

    it('a stored (uncompressed) part is read and checked like a deflated one', async () => {
      const parts = packageParts(sheet('<row r="1"><c r="A1"><v>7</v></c></row>'));
      const stored = zipOf(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, [new TextEncoder().encode(v), { level: 0 }]])) as never);
      const opened = await openBytes(stored);
      expect(opened.ok && opened.value.sheets[0]!.row(1)![1]).toBe(7);
      const [start] = dataRange(stored, 'xl/worksheets/sheet1.xml');
      const changed = stored.slice();
      changed[start + 60]! ^= 1;
      const damaged = await openBytes({ name: NAME, bytes: changed });
      expect(!damaged.ok && damaged.errors[0]!.message).toMatch(/sheet1\.xml 的校验值不符/);
    });
  });

  /** Changes every directory entry's and local header's compression method. */
  function patchMethod(bytes: Uint8Array, method: number): Uint8Array {
    return patchHeaders(bytes, (view, at, central) => view.setUint16(at + (central ? 10 : 8), method, true));
  }

  function patchFlags(bytes: Uint8Array, flags: number): Uint8Array {
    return patchHeaders(bytes, (view, at, central) => view.setUint16(at + (central ? 8 : 6), flags, true));
  }

  function patchHeaders(bytes: Uint8Array, patch: (view: DataView, at: number, central: boolean) => void): Uint8Array {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    for (let at = 0; at + 4 <= out.length; at++) {
      const sig = view.getUint32(at, true);
      if (sig === 0x02014b50) patch(view, at, true);
      else if (sig === 0x04034b50) patch(view, at, false);
    }
    return out;
  }

  /** The end record says the directory starts past the end of the file. */
  function cutDirectory(bytes: Uint8Array): Uint8Array {
    const out = bytes.slice();
    const view = new DataView(out.buffer);
    const end = out.length - 22;
    view.setUint32(end + 16, out.length + 100, true);
    return out;
  }
});
