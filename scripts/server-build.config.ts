import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';

/**
 * Compiles the server (and the shared code it imports) to plain JavaScript in server/dist, so
 * that `npm start` runs it with node alone: no TypeScript loader thread and transform cache in
 * the long-lived process. Packages from node_modules stay external (loaded as installed).
 */
export default defineConfig({
  root: fileURLToPath(new URL('..', import.meta.url)),
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'server/dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: {
      // The import parser's worker thread is an entry of its own, beside main.js (parse-pool.ts finds it there).
      input: { main: 'server/src/main.ts', 'import-worker': 'server/src/import/parse-worker.ts' },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
