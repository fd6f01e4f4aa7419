/** What the commands run against: files, output and printing, injected so the same code runs under Node and in tests. */
import type { writeResultsWorkbook } from '../io/results';
import type { ZipCodec } from '../io/xlsx/zip';
import type { AssessmentInput } from '../method/input';
import type { AssessmentResult, Policy } from '../model';
import type { PrintKind } from '../model/prints';
import type { TermSheet } from '../people/person-view';
import type { PrintMetaOptions } from './args';

/** What to print and from what: the kind (compute --pdf prints the ranking table), the inputs and the policy. */
export interface PrintRequest extends PrintMetaOptions {
  kind: PrintKind;
  /** the year's inputs; none for the 期满考核表, which prints `terms` */
  input?: AssessmentInput;
  policy: Policy;
  /** the 期满考核表's forms (`print term`) */
  terms?: TermSheet[];
}

/** Writes the PDF; returns a Chinese message instead when it cannot (no browser found …). */
export type PrintPdf = (result: AssessmentResult, file: string, request?: PrintRequest) => Promise<void | string>;

export interface CliEnv {
  /** null when the file does not exist */
  readFile(path: string): Promise<Uint8Array | null>;
  writeFile(path: string, bytes: Uint8Array): Promise<void>;
  /** writes bytes made part by part as they are written (Node: the 74 MB of a province's JSON never held at once); writeFile of them all by default */
  writeParts?(path: string, parts: Iterable<Uint8Array>): Promise<void>;
  makeDir(path: string): Promise<void>;
  join(...parts: string[]): string;
  /** file name for messages: "名册.xlsx" */
  baseName(path: string): string;
  stdout(line: string): void;
  stderr(line: string): void;
  /** the bundled sample county: roster.xlsx, summary.xlsx, scores.xlsx, ballots.xlsx, events.xlsx */
  sampleDir: string;
  /** injected PDF renderer; without it `--pdf` is a usage error */
  printPdf?: PrintPdf;
  /** how the results workbook is written (Node: a streaming writer); writeResultsWorkbook by default */
  writeResults?: typeof writeResultsWorkbook;
  /** how the input workbooks' parts are inflated and checked (Node: zlib, stopped at the same limits); fflate and pure code by default */
  zlib?: ZipCodec;
  /** environment variables (Node: process.env): SHUANGPING_KEY, the team key for verify */
  env?: Readonly<Record<string, string | undefined>>;
}
