/** The command line's `printPdf`: a result and its inputs → one print as a PDF file (Node only). */
import type { PrintPdf, PrintRequest } from '../../shared/cli/run';
import { presetPolicy } from '../../shared/policy/presets';
import { isPresetName } from '../../shared/policy';
import type { AssessmentResult } from '../../shared/model';
import { printDataOf, selectRows, todayIso, type PrintData } from '../../renderer/src/features/print/views';
import { PrintError } from './browser';
import { writePdf } from './pdf';

export const DEFAULT_ASSESSMENT_NAME = '村(社区)党组织“第一书记”“三定一诺双评”考核';

export function cliPrintData(result: AssessmentResult, request: PrintRequest | undefined, today = todayIso()): PrintData {
  const printDate = request?.date ?? today;
  const assessment = {
    name: DEFAULT_ASSESSMENT_NAME,
    // printed in the new year for the year before, as a rule
    year: request?.year ?? Number(printDate.slice(0, 4)) - 1,
    region: request?.region ?? '',
  };
  const policy = request?.policy ?? presetPolicy(isPresetName(result.policy) ? result.policy : 'jiaozhou');
  const data = printDataOf(request?.input ?? null, result, policy, {
    assessment,
    printDate,
    ...(request?.notice ? { notice: request.notice } : {}),
    ...(request?.terms ? { terms: request.terms } : {}),
  });
  return selectRows(data, { category: request?.category ?? '', town: request?.town ?? '', id: '' });
}

export function makeCliPrinter(executablePath?: string | null): PrintPdf {
  return async (result, file, request) => {
    const data = cliPrintData(result, request);
    try {
      await writePdf(request?.kind ?? 'ranking', data, file, undefined, executablePath);
    } catch (e) {
      if (e instanceof PrintError) return e.message;
      throw e;
    }
  };
}

export const printPdf: PrintPdf = makeCliPrinter();
