/**
 * `JSON.stringify(value, null, 2)` and a line end as UTF-8, made a top-level array
 * element at a time: a province's results (74 MB at 100,000 secretaries) are never one
 * string, and when written through `jsonParts` never all their bytes at once either. The
 * same bytes as JSON.stringify (test).
 */
export function* jsonParts(value: object): Generator<Uint8Array> {
  const encoder = new TextEncoder();
  // a value as JSON.stringify writes it at this depth: inside one array (pad of 2) or two (4), unwrapped
  const nested = (v: unknown, pad: '  ' | '    ') => {
    const text = JSON.stringify(pad === '  ' ? [v] : [[v]], null, 2);
    return pad === '  ' ? text.slice(4, -2) : text.slice(10, -6);
  };
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  yield encoder.encode('{');
  for (const [i, [key, v]] of entries.entries()) {
    yield encoder.encode(`${i ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(v) && v.length) {
      yield encoder.encode('[');
      for (let j = 0; j < v.length; j++) yield encoder.encode(`${j ? ',' : ''}\n    ${nested(v[j] ?? null, '    ')}`);
      yield encoder.encode('\n  ]');
    } else yield encoder.encode(nested(v, '  '));
  }
  yield encoder.encode(entries.length ? '\n}\n' : '}\n');
}

/** The bytes of jsonParts, as one array. */
export function jsonBytes(value: object): Uint8Array {
  return concatBytes([...jsonParts(value)]);
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
