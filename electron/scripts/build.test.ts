import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHANNELS } from '../../shared/ipc/contract';
import { buildElectron } from './build';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const outDir = mkdtempSync(path.join(tmpdir(), 'sp-build-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

let main = '';
let preload = '';
beforeAll(async () => {
  const out = await buildElectron({ root, outDir });
  main = readFileSync(out.main, 'utf8');
  preload = readFileSync(out.preload, 'utf8');
});

describe('electron bundles', () => {
  it('preload is CommonJS that requires only electron (sandboxed preload)', () => {
    const requires = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(requires)).toEqual(new Set(['electron']));
    expect(preload).not.toMatch(/^\s*import\s/m);
    expect(preload).not.toMatch(/^\s*export\s/m);
    // nothing exported: no reliance on module.exports inside the sandbox
    expect(preload).not.toContain('module.exports');
  });

  it('preload carries every channel of the contract', () => {
    for (const channel of CHANNELS) expect(preload).toContain(`"${channel}"`);
  });

  it('main is an ES module importing only electron and Node built-ins', () => {
    const sources = [...main.matchAll(/^import .* from "([^"]+)";$/gm)].map((m) => m[1]);
    expect(sources.length).toBeGreaterThan(0);
    for (const source of sources) expect(source === 'electron' || source?.startsWith('node:')).toBe(true);
    expect(main).not.toMatch(/require\(/);
  });
});
