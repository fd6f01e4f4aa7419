/**
 * `JSON.stringify(value, null, 2)` and a line end as UTF-8, built a top-level array
 * element at a time: a province's results (74 MB at 100,000 secretaries) are never one
 * string, only their bytes. The same bytes as JSON.stringify (test).
 */
export function jsonBytes(value: object): Uint8Array {
  const encoder = new TextEncoder();
  const chunks: Uint8Array[] = [];
  const add = (text: string) => chunks.push(encoder.encode(text));
  // JSON.stringify writes a newline only between tokens (inside strings it writes \n): indenting lines is safe
  const nested = (v: unknown, pad: string) => JSON.stringify(v, null, 2).replace(/\n/g, `\n${pad}`);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined && typeof v !== 'function' && typeof v !== 'symbol');
  add('{');
  entries.forEach(([key, v], i) => {
    add(`${i ? ',' : ''}\n  ${JSON.stringify(key)}: `);
    if (Array.isArray(v) && v.length) {
      add('[');
      v.forEach((item, j) => add(`${j ? ',' : ''}\n    ${nested(item ?? null, '    ')}`));
      add('\n  ]');
    } else add(nested(v, '  '));
  });
  add(entries.length ? '\n}\n' : '}\n');
  const bytes = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.length;
  }
  return bytes;
}
