/** The default thresholds on the bundled sample county (docs/method.md §15): few enough to acknowledge one by one, each a real oddity. */
import { describe, expect, it } from 'vitest';
import { sampleCounty } from '../../test/print/fixtures';
import { presetPolicy } from '../policy';
import { plausibilityWarnings } from './plausibility';

describe('the sample county under the default thresholds', () => {
  it('raises 11 warnings: 4 scores far from a category that lies close together, 2 villages far from their town, 5 identical tallies', async () => {
    const warnings = plausibilityWarnings(await sampleCounty(), presetPolicy('jiaozhou'));
    const byCode = (code: string) => warnings.filter((w) => w.code === code).map((w) => w.id);
    // the planted outliers: a top ranker whose village was downgraded (JZ032), one below the 80-point base score (JZ170)
    expect(byCode('categoryOutlier')).toEqual(['JZ032', 'JZ088', 'JZ157', 'JZ170']);
    expect(byCode('townOutlier')).toEqual(['JZ031', 'JZ049']);
    // the generator's planted boxes all hold exactly 40 ballots of one formula: equal tallies in a town follow
    expect(byCode('identicalTallies')).toHaveLength(5);
    expect(warnings).toHaveLength(11);
  });
});
