/**
 * What bin/shuangping.mjs starts (bundled into dist-cli/shuangping.mjs by cli/scripts/build.ts):
 * the command with the PDF printer, which is loaded only when a command prints (the
 * print views, React and Chromium are not needed to check or compute).
 */
import type { PrintPdf } from '../shared/cli/run';
import { main } from './main';

const printPdf: PrintPdf = async (result, file, request) => (await import('./print/printer')).printPdf(result, file, request);

export function run(args: readonly string[]): Promise<number> {
  return main(args, { printPdf });
}
