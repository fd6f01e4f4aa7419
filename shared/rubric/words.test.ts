import { describe, expect, it } from 'vitest';
import { yuanWords } from './words';

describe('yuanWords: rubric amounts as a person reads them', () => {
  it.each([
    ['10000', '1万元'],
    ['10000.00', '1万元'],
    ['15000', '1.5万元'],
    ['100000', '10万元'],
    ['5000', '5000元'],
    ['1', '1元'],
    ['0.5', '0.5元'],
    [undefined, '1元'],
  ])('%s → %s', (amount, words) => {
    expect(yuanWords(amount)).toBe(words);
  });
});
