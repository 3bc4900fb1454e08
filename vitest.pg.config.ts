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
    exclude: [
      // About SQLite itself: no PostgreSQL counterpart to run them on.
      'server/test/backup.test.ts', // npm run backup/restore copy the SQLite file (PostgreSQL: pg_dump, operations.md)
      'server/test/disk-full.test.ts', // SQLite's page cap DB_MAX_BYTES stands for a full disk
      'server/test/damaged-room.test.ts', // damages snapshots with SQLite's randomblob/zeroblob (PostgreSQL's: the store contract)
      'server/test/in-process.test.ts', // starts servers on a DATA_DIR of its own and checks the SQLite WAL is closed
      // Already the same in the default run: a second run proves nothing.
      'server/test/share-links.test.ts', // no server: its app runs on an SQLite store it opens itself
      'server/test/failover.test.ts', // its own nodes on PostgreSQL + Redis behind nginx
      'server/test/services-lost.test.ts', // its own two nodes on PostgreSQL + Redis, through a TCP proxy
      'server/test/cluster-reveal.test.ts', // its own two nodes on PostgreSQL + Redis
      'server/test/test-services.test.ts', // proves the PostgreSQL and Redis test helpers themselves
    ],
    env: { TEST_BACKEND: 'postgres' },
    // One migrated database, copied for every server.
    globalSetup: ['server/test/pg-template.setup.ts'],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    pool: 'forks',
    // Two files at once even on two cores (vitest's default there is one): these tests mostly wait
    // on sockets and PostgreSQL, so the second file's waits overlap the first's (measured: 2 min 48 s
    // instead of 4 min 45 s on the shared 2-core machine).
    maxWorkers: 2,
    // Modules kept between files, as in the default run (vite.config.ts): 147 s instead of 201 s.
    isolate: false,
  },
});
