/**
 * The results workbook as the command line writes it (Node only): filled by the same
 * code as the app's (fillResultsWorkbook), through the program's own writer
 * (shared/io/xlsx/write.ts), each sheet deflated by Node's zlib beside the filling of
 * the next. ExcelJS is not loaded. The same sheets, cells and settings as writeResultsWorkbook.
 */
import { promisify } from 'node:util';
import { deflateRaw, deflateRawSync } from 'node:zlib';
import { nodeZlib } from './zlib';
import { fillResultsWorkbook, type ResultsBook } from '../shared/io/results';
import { stamp } from '../shared/io/style';
import { XlsxWriter } from '../shared/io/xlsx/write';
import type { AssessmentResult, Policy } from '../shared/model';

const deflate = promisify(deflateRaw);

/**
 * Sheet XML handed to zlib's threads and not deflated yet, at most: the sheets are filled
 * in one go, so beyond this (a province of 100,000) each is deflated as it is finished
 * instead of every sheet's XML waiting at once. The same bytes either way.
 */
const PENDING_MAX = 48 * 1024 * 1024;

export async function writeResultsWorkbookStreaming(result: AssessmentResult, policy: Policy): Promise<Uint8Array> {
  let pending = 0;
  const book = new XlsxWriter({
    crc32: nodeZlib.crc32,
    deflate: (data) => {
      if (pending + data.length > PENDING_MAX) return deflateRawSync(data, { level: 6 });
      pending += data.length;
      return deflate(data, { level: 6 }).then((out) => {
        pending -= data.length;
        return new Uint8Array(out);
      });
    },
  });
  stamp(book);
  // the writer offers the part of ExcelJS's interface the results are filled through
  fillResultsWorkbook(book as unknown as ResultsBook, result, policy);
  return book.bytes();
}
