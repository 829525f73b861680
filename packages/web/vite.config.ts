import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The dashboard is a static bundle in packages/web/dist that the server serves at `/`.
 * `npm run dev -w @stationkeeper/web` proxies /api to a server on STATIONKEEPER_API
 * (default http://127.0.0.1:8080) so the page can be developed with hot reload.
 */
export default defineConfig({
  root,
  base: './',
  // Bundle @stationkeeper/core from its TypeScript sources (its `source` export condition), so the
  // dashboard never depends on a stale compiled dist/.
  resolve: { conditions: ['source', 'module', 'browser', 'development|production'] },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    // One small bundle: map + charts + world outline, no source of data outside the page.
    chunkSizeWarningLimit: 400,
    sourcemap: false,
    target: 'es2022',
  },
  server: {
    host: '127.0.0.1',
    proxy: { '/api': process.env.STATIONKEEPER_API ?? 'http://127.0.0.1:8080' },
  },
});
