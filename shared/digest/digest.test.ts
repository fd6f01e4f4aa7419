import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sha256Hex, sha256OfBytes } from '.';

const nodeSha = (data: string | Uint8Array) => createHash('sha256').update(data).digest('hex');

describe('sha256', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
  ])('of %j is the standard vector', (text, hex) => expect(sha256Hex(text)).toBe(hex));

  it.each([55, 56, 63, 64, 65, 119, 1000])('agrees with node:crypto on %i characters of Chinese and ASCII', (n) => {
    const text = '第一书记a'.repeat(n).slice(0, n);
    expect(sha256Hex(text)).toBe(nodeSha(text));
  });

  it('agrees with node:crypto on bytes', () => {
    const bytes = Uint8Array.from({ length: 70_001 }, (_, i) => (i * 31 + 7) & 0xff);
    expect(sha256OfBytes(bytes)).toBe(nodeSha(bytes));
  });
});

describe('canonicalJson', () => {
  it('sorts keys at every level and drops undefined', () => {
    expect(canonicalJson({ b: 1, a: { d: [2, { z: 1, y: undefined, x: null }], c: '书' } })).toBe('{"a":{"c":"书","d":[2,{"x":null,"z":1}]},"b":1}');
  });
});
