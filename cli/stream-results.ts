/**
 * The results workbook as the command line writes it (Node only): filled by the same
 * code as the app's (fillResultsWorkbook), through the program's own writer
 * (shared/io/xlsx/write.ts), each sheet deflated by Node's zlib beside the filling of
 * the next. ExcelJS is not loaded. The same sheets, cells and settings as writeResultsWorkbook.
 */
import { promisify } from 'node:util';
import { deflateRaw } from 'node:zlib';
import { fillResultsWorkbook, type ResultsBook } from '../shared/io/results';
import { stamp } from '../shared/io/style';
import { XlsxWriter } from '../shared/io/xlsx/write';
import type { AssessmentResult, Policy } from '../shared/model';

const deflate = promisify(deflateRaw);

export async function writeResultsWorkbookStreaming(result: AssessmentResult, policy: Policy): Promise<Uint8Array> {
  const book = new XlsxWriter({ deflate: async (data) => new Uint8Array(await deflate(data, { level: 6 })) });
  stamp(book);
  // the writer offers the part of ExcelJS's interface the results are filled through
  fillResultsWorkbook(book as unknown as ResultsBook, result, policy);
  return book.bytes();
}
