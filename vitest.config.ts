import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'test/**/*.test.ts'],
    exclude: ['test/e2e/**', 'node_modules/**'],
    setupFiles: ['test/setup/patience.ts'],
    testTimeout: 120_000,
    // a poll returns as soon as its state holds; the bound is for a busy machine
    expect: { poll: { timeout: 20_000 } },
  },
});
