/** End-to-end tests in a real Chromium: `npm run test:e2e`. See harness.ts for how to add a spec. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['test/e2e/**/*.e2e.ts'],
    globalSetup: ['test/e2e/global-setup.ts'],
    // one browser at a time: the machines are small
    fileParallelism: false,
    // bounds for a busy machine (a load of 8 on 2 cores): every wait returns as soon as its state holds
    testTimeout: 180_000,
    hookTimeout: 300_000,
    expect: { poll: { timeout: 30_000 } },
    reporters: ['default'],
  },
});
