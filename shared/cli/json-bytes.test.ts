/** The results JSON built a category at a time is, byte for byte, JSON.stringify's. */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAssessmentInputs } from '../io/assessment';
import { computeAssessment, resultToJson } from '../method';
import { presetPolicy } from '../policy/presets';
import { JIAOZHOU_RUBRIC } from '../rubric/jiaozhou';
import { concatBytes, jsonBytes, jsonParts } from './json-bytes';

const stringified = (value: unknown) => new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

describe('jsonBytes', () => {
  it.each([
    ['an empty object', {}],
    ['an empty array', { a: [] }],
    [
      'nested values, undefined left out or null in arrays, line breaks inside text',
      { a: [1, { b: 'x\ny' }, null, undefined], c: { d: [1, 2] }, e: undefined, f: '中文' },
    ],
    ['numbers and booleans at the top', { n: -1.5, t: true, s: 'x' }],
  ])('%s: as JSON.stringify', (_, value) => {
    expect(jsonBytes(value)).toEqual(stringified(value));
    expect(concatBytes([...jsonParts(value)])).toEqual(stringified(value));
  });

  it('the sample county’s results: byte for byte', async () => {
    const county = resolve(__dirname, '..', '..', 'samples', 'sample-county');
    const file = (kind: string) => readFile(join(county, `${kind}.xlsx`)).then((bytes) => ({ name: `${kind}.xlsx`, bytes }));
    const read = await readAssessmentInputs(
      {
        roster: await file('roster'),
        summary: await file('summary'),
        scores: await file('scores'),
        ballots: await file('ballots'),
        events: await file('events'),
      },
      presetPolicy('jiaozhou'),
      JIAOZHOU_RUBRIC,
    );
    if (!read.ok) throw new Error('the sample county does not read');
    const json = resultToJson(computeAssessment(read.value));
    expect(Buffer.from(jsonBytes(json)).equals(Buffer.from(stringified(json)))).toBe(true);
  });
});
