/**
 * The renderer build: one static app in `dist/` that runs under Electron
 * (loaded from file://, hence base './') and in plain Chromium for tests.
 */
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

const root = fileURLToPath(new URL('./renderer', import.meta.url));

/** `npm run dev:web` says where it really serves: Vite takes the next free port when 5173 is taken. */
const sayWhere: Plugin = {
  name: 'shuangping-say-where',
  configureServer(server) {
    server.httpServer?.once('listening', () => {
      const address = server.httpServer?.address();
      if (!address || typeof address === 'string') return;
      const moved = address.port !== 5173 ? '（5173 端口已被占用，已改用此端口）' : '';
      server.config.logger.info(`\n  双评工作站：http://localhost:${address.port}/${moved}\n`);
    });
  },
};

export default defineConfig({
  root,
  base: './',
  plugins: [react(), sayWhere],
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
