/**
 * The benchmark's province gives the same results whether its ballots are read as
 * tallies or one row per ballot (issue 8). Not timed: timings are `npm run bench`'s.
 * The benchmark reads the whole province (10,000 secretaries, 500,000 ballots);
 * here four of its counties (1,000 secretaries, about 50,000 ballots) keep the unit
 * suite quick.
 */
import { describe, expect, it } from 'vitest';
import { readAssessmentInputs } from '../../shared/io/assessment';
import { computeAssessment, resultToJson } from '../../shared/method';
import { castOf } from '../../shared/model';
import { presetPolicy } from '../../shared/policy/presets';
import { JIAOZHOU_RUBRIC } from '../../shared/rubric/jiaozhou';
import { generateProvince } from '../../samples/province';
import { perBallotWorkbook, templateWorkbooks } from '../../samples/write-province';

describe('a province of 1,000 secretaries and 50,000 ballots', () => {
  it('has the same results from tallies as from one row per ballot, read by the one workbook reader of the app and the command line', async () => {
    const province = generateProvince({ counties: 4 });
    expect(province.people).toHaveLength(1000);
    expect(province.ballotCount).toBeGreaterThan(45_000);
    const files = await templateWorkbooks(province);
    const perBallot = await perBallotWorkbook(province.perBallot());
    const policy = presetPolicy('jiaozhou');

    const resultOf = async (ballots: Uint8Array) => {
      const read = await readAssessmentInputs({ ...files, ballots }, policy, JIAOZHOU_RUBRIC);
      if (!read.ok)
        throw new Error(
          read.errors
            .slice(0, 3)
            .map((e) => e.message)
            .join('; '),
        );
      return { input: read.value, json: resultToJson(computeAssessment(read.value)) };
    };
    const fromTallies = await resultOf(files.ballots);
    const fromBallots = await resultOf(perBallot);

    // every ballot counted: the tallies the rows add up to are those of the tally workbook
    const cast = (input: typeof fromTallies.input) => input.tallies.reduce((n, t) => n + castOf(t), 0);
    expect(cast(fromBallots.input)).toBe(province.ballotCount);
    expect(cast(fromTallies.input)).toBe(province.ballotCount);
    expect(fromBallots.json).toEqual(fromTallies.json);
    // the results are the province's: every secretary ranked or flagged, in 16 categories
    expect(fromTallies.json.categories).toHaveLength(16);
    expect(fromTallies.json.categories.reduce((n, c) => n + c.rows.length, 0)).toBe(1000);
  }, 120_000);
});
