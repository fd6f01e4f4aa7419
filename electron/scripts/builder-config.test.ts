/**
 * electron-builder.yml as electron-builder itself reads and validates it: the Windows
 * installer and portable build come first, and the packaged binary's fuses are set.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let config: Awaited<ReturnType<typeof getConfig>>;

beforeAll(async () => {
  config = await getConfig(root, path.join(root, 'electron-builder.yml'), null);
  const debug = { add: () => undefined, isEnabled: false, data: new Map() };
  await validateConfiguration(config, debug as unknown as Parameters<typeof validateConfiguration>[1]);
});

describe('electron-builder.yml', () => {
  it('builds the Windows NSIS installer and the portable .exe', () => {
    const targets = (config.win?.target as { target: string }[]).map((t) => t.target);
    expect(targets).toEqual(['nsis', 'portable']);
    expect(config.asar).toBe(true);
  });

  it('sets the fuses: no run-as-Node, NODE_OPTIONS or inspect; asar integrity and asar only; cookies encrypted', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      enableCookieEncryption: true,
      grantFileProtocolExtraPrivileges: false,
      loadBrowserProcessSpecificV8Snapshot: false,
    });
  });
});
