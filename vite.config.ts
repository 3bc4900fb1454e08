import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';
import { precompress } from './testing/src/precompress.ts';

const clientRoot = fileURLToPath(new URL('./client', import.meta.url));
const outDir = fileURLToPath(new URL('./client/dist', import.meta.url));

/**
 * Builds the client into client/dist, with .br and .gz copies of its text files for the server
 * to send as they are; `npm run dev` proxies API and sync to the server. Source maps are written
 * but served only with SERVE_SOURCEMAPS=1.
 */
export default defineConfig({
  root: clientRoot,
  plugins: [react(), precompress(() => outDir)],
  build: {
    outDir,
    emptyOutDir: true,
    sourcemap: true,
    rolldownOptions: {
      output: {
        // Libraries change far less often than the app: in their own chunks they stay cached
        // across releases. Everything is still loaded at start (no lazy step views), so a laptop
        // that loses the network mid-workshop has every view it may be moved to.
        codeSplitting: {
          groups: [
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            {
              name: 'yjs',
              test: /node_modules[\\/](yjs|y-protocols|y-websocket|lib0|y-indexeddb)[\\/]/,
              priority: 15,
            },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': 'http://127.0.0.1:8787',
      '/healthz': 'http://127.0.0.1:8787',
      '/sync': { target: 'ws://127.0.0.1:8787', ws: true },
    },
  },
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    include: [
      'shared/src/**/*.test.ts',
      'server/src/**/*.test.ts',
      'server/test/**/*.test.ts',
      'client/src/**/*.test.{ts,tsx}',
      'bench/src/**/*.test.ts',
    ],
    // Two files at once even on two cores (vitest's default there is one, leaving a core to its
    // main process, which is mostly idle): the server's tests mostly wait on sockets, child
    // processes and PostgreSQL, so the second file's waits overlap the first's, and the CPU-bound
    // unit tests get both cores. Each file has its own ports, data directories, databases and
    // Redis prefixes. Measured on the 2-core machine: about 2 min 20 s instead of 3 min 20 s
    // (docs/operations.md, "PostgreSQL and Redis for the tests"). A server/test-only project with
    // two workers (the rest at one) gained only 5 %: the unit tests' imports are the serial part.
    maxWorkers: 2,
    // Each worker keeps its modules from one file to the next instead of importing the server,
    // zod schemas and Yjs again for each of ~270 files: 196 s instead of 307 s for the run on the
    // 2-core machine (imports 22 s instead of 171 s). Tests therefore leave no global behind:
    // fake timers, stubbed globals and servers are undone in their own hooks.
    isolate: false,
  },
});
