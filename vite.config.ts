/**
 * The renderer build: one static app in `dist/` that runs under Electron
 * (loaded from file://, hence base './') and in plain Chromium for tests.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

export default defineConfig({
  root,
  base: './',
  plugins: [react()],
  // sample workbooks (samples/, test/fixtures/) are imported as asset URLs from outside root
  server: { fs: { allow: [fileURLToPath(new URL('.', import.meta.url))] } },
  build: {
    outDir: '../dist',
    emptyOutDir: true,
    // offline app: keep every xlsx sample as a file, never inlined
    assetsInlineLimit: (file) => (file.endsWith('.xlsx') ? false : undefined),
    chunkSizeWarningLimit: 4000,
  },
});
