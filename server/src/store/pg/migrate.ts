import type pg from 'pg';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from '../migrations';

/**
 * The advisory lock key migrations take (`pg_advisory_xact_lock(kind, id)`): kind 0 is the
 * schema's, apart from the leases' kinds (docs/scale-out.md, "Leases").
 */
export const MIGRATION_LOCK: readonly [number, number] = [0, 0];

/**
 * Brings the database at `pool` to `SCHEMA_VERSION` (`store/migrations.ts`): a new database at the
 * PostgreSQL baseline, then each later step, each in its own transaction that records the version
 * in `atelier_schema`. Every transaction takes the migration lock first and reads the version
 * under it, so nodes starting together migrate once, one after the other. Refuses a database
 * whose schema is newer than this code knows. Resolves to the version reached.
 */
export async function migratePostgres(
  pool: pg.Pool,
  steps: readonly Migration[] = MIGRATIONS,
): Promise<number> {
  const known = steps.at(-1)?.version ?? SCHEMA_VERSION;
  const client = await pool.connect();
  try {
    for (const step of steps) {
      if (step.postgres === null) continue;
      await client.query('BEGIN');
      try {
        await client.query('SELECT pg_advisory_xact_lock($1, $2)', [...MIGRATION_LOCK]);
        const current = await schemaVersion(client);
        if (current > known)
          throw new Error(
            `the database's schema is version ${current}, newer than this Atelier knows (${known})`,
          );
        if (current < step.version) {
          await client.query(step.postgres);
          await client.query('UPDATE atelier_schema SET version = $1', [step.version]);
        }
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
      }
    }
    return await schemaVersion(client);
  } finally {
    client.release();
  }
}

/** The recorded version, the table (one row) created at 0 on first use; called under the lock. */
async function schemaVersion(client: pg.PoolClient): Promise<number> {
  await client.query('CREATE TABLE IF NOT EXISTS atelier_schema (version integer NOT NULL)');
  await client.query(
    'INSERT INTO atelier_schema (version) SELECT 0 WHERE NOT EXISTS (SELECT 1 FROM atelier_schema)',
  );
  const { rows } = await client.query<{ version: number }>('SELECT version FROM atelier_schema');
  return rows[0]?.version ?? 0;
}
