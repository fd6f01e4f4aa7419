/** The command line's results workbook (its own writer, Node's zlib) reads back as the app's (ExcelJS's model), cell for cell. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssessmentInputs } from '../shared/io/assessment';
import { writeResultsWorkbook } from '../shared/io/results';
import { computeAssessment } from '../shared/method';
import { presetPolicy } from '../shared/policy/presets';
import { JIAOZHOU_RUBRIC } from '../shared/rubric/jiaozhou';
import { workbookLook as seen } from '../shared/io/xlsx/testing';
import { writeResultsWorkbookStreaming } from './stream-results';

const county = resolve(__dirname, '..', 'samples', 'sample-county');

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
