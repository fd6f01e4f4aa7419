import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCli } from './build';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = mkdtempSync(path.join(tmpdir(), 'sp-cli-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

let entry = '';
beforeAll(async () => {
  entry = await buildCli({ root, outDir });
});

const source = (file: string) => readFileSync(path.join(outDir, file), 'utf8');
/** `import … from "x"` and `import "x"` at the top of a module: loaded with it. */
const staticImports = (code: string) => [...code.matchAll(/^import\s+(?:[^"';]*?\s+from\s+)?"([^"]+)";?$/gm)].map((m) => m[1]!);
const dynamicImports = (code: string) => [...code.matchAll(/\bimport\("([^"]+)"\)/g)].map((m) => m[1]!);

/** Every package a module loads as it starts, through the chunks it imports. */
function loadedAtStart(file: string, seen = new Set<string>()): Set<string> {
  const packages = new Set<string>();
  for (const spec of staticImports(source(file))) {
    if (spec.startsWith('./')) {
      if (seen.has(spec)) continue;
      seen.add(spec);
      for (const p of loadedAtStart(spec.slice(2), seen)) packages.add(p);
    } else packages.add(spec);
  }
  return packages;
}

describe('the built command (dist-cli/)', () => {
  it('is JavaScript: no TypeScript compiled when it runs', () => {
    expect(path.basename(entry)).toBe('shuangping.mjs');
    expect(source('shuangping.mjs')).not.toMatch(/from "tsx|\.ts"/);
  });

  it('starts with Node built-ins and the zip inflater only: ExcelJS, React and the browser load when a command needs them', () => {
    const packages = [...loadedAtStart('shuangping.mjs')].filter((p) => !p.startsWith('node:'));
    expect(packages).toEqual(['fflate']);
    const later = [...dynamicImports(source('shuangping.mjs'))];
    expect(later.length).toBeGreaterThan(0);
    const loadedLater = new Set(later.flatMap((chunk) => [...loadedAtStart(chunk.slice(2))]));
    for (const p of ['exceljs', 'react-dom/server', 'playwright-core']) expect(loadedLater).toContain(p);
  });
});
