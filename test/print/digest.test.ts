import { describe, expect, it } from 'vitest';
import { categoryDigests, resultDigest } from '../../renderer/src/features/print/digest';
import { workedExample } from './fixtures';

describe('the print digest', () => {
  it('a category digest is 8 hex of the category JSON and changes with the data', () => {
    const { data } = workedExample();
    const digests = categoryDigests(data.result);
    expect([...digests.keys()]).toEqual(['town|fulltime|section']);
    expect(digests.get('town|fulltime|section')).toMatch(/^[0-9a-f]{8}$/);
    const changed = structuredClone(data.result);
    changed.categories[0]!.rows[0]!.secretary.name = '改名';
    expect(resultDigest(changed)).not.toBe(resultDigest(data.result));
  });
});
