import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

/**
 * The server's integration suite again on PostgreSQL + Redis (`npm run test:unit:pg`,
 * docs/scale-out.md "The whole server suite on both backends"): the harness gives every server
 * a throwaway database and a Redis prefix (`TEST_BACKEND=postgres`, server/test/test-backend.ts).
 * server/src's unit tests are not run again: they build their stores themselves, and the store
 * contract suites (`store/*.contract.test.ts`) already run on both backends in `npm run test:unit`.
 */
export default defineConfig({
  test: {
    root: fileURLToPath(new URL('.', import.meta.url)),
    include: ['server/test/**/*.test.ts'],
    // What is about SQLite itself, one line each: it has no PostgreSQL counterpart to test.
    exclude: [],
    env: { TEST_BACKEND: 'postgres' },
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
  },
});
