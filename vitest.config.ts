/**
 * Unit and integration tests in two tiers: `fast` (everything in process, under a minute
 * on 2 cores: `npm run test:unit`) and `slow` (PDF prints in Chromium and the command run
 * as a process: `npm run test:slow`). End-to-end specs have their own config (test/e2e).
 */
import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

const SLOW = ['test/print/**/*.test.ts', 'test/cli/**/*.test.ts'];

export default defineConfig({
  test: {
    // two workers even on two cores: most files wait on I/O, not on the CPU
    maxWorkers: Math.max(2, availableParallelism() - 1),
    setupFiles: ['test/setup/patience.ts'],
    testTimeout: 120_000,
    // a poll returns as soon as its state holds; the bound is for a busy machine
    expect: { poll: { timeout: 20_000 } },
    projects: [
      {
        extends: true,
        test: {
          name: 'fast',
          include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'cli/**/*.test.ts', 'test/**/*.test.ts'],
          exclude: ['test/e2e/**', 'node_modules/**', ...SLOW],
        },
      },
      // the command is bundled (dist-cli/) before its tests run it
      { extends: true, test: { name: 'slow', include: SLOW, globalSetup: ['test/setup/build-cli.ts'] } },
    ],
  },
});
