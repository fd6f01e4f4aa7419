/** The command line's streamed results workbook reads back as the app's, cell for cell. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readAssessmentInputs } from '../shared/io/assessment';
import { writeResultsWorkbook } from '../shared/io/results';
import { computeAssessment } from '../shared/method';
import { presetPolicy } from '../shared/policy/presets';
import { JIAOZHOU_RUBRIC } from '../shared/rubric/jiaozhou';
import { writeResultsWorkbookStreaming } from './stream-results';

const county = resolve(__dirname, '..', 'samples', 'sample-county');

/** Everything a person sees of a workbook: sheets, their settings, and every cell with its look. */
async function seen(bytes: Uint8Array) {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  return workbook.worksheets.map((ws) => {
    const cells: unknown[] = [];
    ws.eachRow({ includeEmpty: false }, (row, r) => {
      cells.push({ r, height: row.height });
      row.eachCell({ includeEmpty: false }, (cell, c) => {
        const { font, fill, border, alignment, numFmt } = cell.style;
        cells.push({ r, c, value: cell.value, font, fill, border, alignment, numFmt });
      });
    });
    const { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow, paperSize, margins } = ws.pageSetup;
    return {
      name: ws.name,
      views: ws.views.map((v) => {
        const { state, ySplit, xSplit } = v as Partial<ExcelJS.WorksheetViewFrozen>;
        return { state, ySplit, xSplit };
      }),
      page: { orientation, fitToPage, fitToWidth, fitToHeight, printTitlesRow, paperSize, margins },
      footer: ws.headerFooter.oddFooter,
      merges: (ws.model as { merges?: string[] }).merges,
      widths: ws.columns.map((c) => c.width),
      cells,
    };
  });
}

describe('writeResultsWorkbookStreaming', () => {
  it('writes the sample county as writeResultsWorkbook does', async () => {
    const file = (kind: string) => readFile(join(county, `${kind}.xlsx`)).then((bytes) => ({ name: `${kind}.xlsx`, bytes }));
    const policy = presetPolicy('jiaozhou');
    const read = await readAssessmentInputs(
      {
        roster: await file('roster'),
        summary: await file('summary'),
        scores: await file('scores'),
        ballots: await file('ballots'),
        events: await file('events'),
      },
      policy,
      JIAOZHOU_RUBRIC,
    );
    if (!read.ok) throw new Error('the sample county reads');
    const result = computeAssessment(read.value);
    const streamed = await seen(await writeResultsWorkbookStreaming(result, policy));
    expect(streamed).toHaveLength(result.categories.length + 2);
    const sheet = streamed[1]!;
    expect(sheet).toMatchObject({
      views: [{ state: 'frozen', ySplit: 3 }],
      page: { orientation: 'landscape', printTitlesRow: '1:3' },
      merges: ['A1:U1', 'A2:U2'],
    });
    expect(sheet.cells.length).toBeGreaterThan(18 * 3);
    expect(streamed).toEqual(await seen(await writeResultsWorkbook(result, policy)));
  });
});
