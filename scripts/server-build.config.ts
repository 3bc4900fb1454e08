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
      // Each worker thread's code is an entry of its own, beside main.js (workers/entry.ts finds it there):
      // the pool's (imports, exports, slicing) and a big room's document's.
      input: {
        main: 'server/src/main.ts',
        thread: 'server/src/workers/thread.ts',
        'doc-worker': 'server/src/workers/doc-worker.ts',
      },
      output: { entryFileNames: '[name].js', chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});
