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
    ssr: 'server/src/main.ts',
    outDir: 'server/dist',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rolldownOptions: { output: { entryFileNames: 'main.js', chunkFileNames: 'chunks/[name]-[hash].js' } },
  },
});
