import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { MODES, POST_TYPES, RANK_CLASSES, SOURCES, type CategoryDimension } from '../model';
import { categoryKey, keyOfCategory } from './categories';
import { secretary } from './testing';

describe('keyOfCategory', () => {
  it('gives every secretary the key categoryKey gives, whatever the dimensions', () => {
    const person = fc.record({
      source: fc.constantFrom(...SOURCES),
      mode: fc.constantFrom(...MODES),
      rankClass: fc.constantFrom(...RANK_CLASSES),
      postType: fc.constantFrom(...POST_TYPES),
    });
    const dimensions = fc.shuffledSubarray<CategoryDimension>(['source', 'mode', 'rankClass', 'postType']);
    fc.assert(
      fc.property(dimensions, fc.array(person, { maxLength: 40 }), (dims, people) => {
        const keyOf = keyOfCategory(dims);
        for (const [i, p] of people.entries()) {
          const s = secretary(`S${i}`, p);
          expect(keyOf(s)).toBe(categoryKey(s, dims));
        }
      }),
    );
  });
});
