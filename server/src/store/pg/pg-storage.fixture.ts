/**
 * PostgreSQL's storage alone, for the tests of what only PostgreSQL does (its scrub, a turn in
 * one statement): a throwaway database (`@atelier/testing`), migrated, dropped after each test.
 */
import { createTestDatabase, type TestDatabase } from '@atelier/testing';
import pg from 'pg';
import { afterEach } from 'vitest';
import { migratePostgres } from './migrate';
import { createPgStorage, type PgStorage } from './storage';

/** Call at the top of a test file (it registers the cleanup); each call of the result opens a fresh database. */
export function usePgStorage(): () => Promise<{ pool: pg.Pool; stores: PgStorage }> {
  const opened: { pools: pg.Pool[]; databases: TestDatabase[] } = { pools: [], databases: [] };
  afterEach(async () => {
    for (const pool of opened.pools.splice(0)) await pool.end();
    for (const database of opened.databases.splice(0)) await database.drop();
  });
  return async () => {
    const database = await createTestDatabase();
    opened.databases.push(database);
    const pool = new pg.Pool({ connectionString: database.url, max: 2 });
    pool.on('error', () => undefined); // the drop (FORCE) may end a connection still closing
    opened.pools.push(pool);
    await migratePostgres(pool);
    return { pool, stores: createPgStorage(pool) };
  };
}
