/**
 * The results workbook through ExcelJS's streaming writer (Node only): each sheet is
 * written out as it is filled and deflated by Node's zlib, not held whole and
 * deflated in JavaScript. The same sheets, cells and settings as writeResultsWorkbook.
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { fillResultsWorkbook } from '../shared/io/results';
import { stamp } from '../shared/io/style';
import type { AssessmentResult, Policy } from '../shared/model';

export async function writeResultsWorkbookStreaming(result: AssessmentResult, policy: Policy): Promise<Uint8Array> {
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((done, fail) => sink.on('end', done).on('error', fail));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: sink, useStyles: true, useSharedStrings: true });
  stamp(workbook);
  fillResultsWorkbook(workbook, result, policy);
  await workbook.commit();
  await ended;
  const bytes = Buffer.concat(chunks);
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}
