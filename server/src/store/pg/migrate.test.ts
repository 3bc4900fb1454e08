import { createTestDatabase, type TestDatabase } from '@atelier/testing';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { openDb } from '../db';
import { MIGRATIONS, type Migration, SCHEMA_VERSION } from '../migrations';
import { useTempDirs } from '../temp-dirs';
import { migratePostgres } from './migrate';

const tempDir = useTempDirs('atelier-pg-migrate-');
const opened: { pools: pg.Pool[]; databases: TestDatabase[] } = { pools: [], databases: [] };
afterEach(async () => {
  for (const pool of opened.pools.splice(0)) await pool.end();
  for (const database of opened.databases.splice(0)) await database.drop();
});

async function freshDatabase(): Promise<TestDatabase> {
  const database = await createTestDatabase();
  opened.databases.push(database);
  return database;
}
function poolOn(database: TestDatabase): pg.Pool {
  const pool = new pg.Pool({ connectionString: database.url, max: 2 });
  pool.on('error', () => undefined); // the drop (FORCE) may end a connection still closing
  opened.pools.push(pool);
  return pool;
}
async function version(pool: pg.Pool): Promise<number> {
  const { rows } = await pool.query<{ version: number }>('SELECT version FROM atelier_schema');
  expect(rows).toHaveLength(1);
  return rows[0]?.version ?? -1;
}

/** Each table's columns, sorted: `table.column`. */
async function postgresColumns(pool: pg.Pool): Promise<string[]> {
  const { rows } = await pool.query<{ t: string; c: string }>(
    `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = 'public'`,
  );
  return rows.map((r) => `${r.t}.${r.c}`).sort();
}

describe('PostgreSQL migrations', () => {
  it('creates a new database at the baseline, with the tables and columns SQLite has at that version', async () => {
    const pool = poolOn(await freshDatabase());
    expect(await migratePostgres(pool)).toBe(SCHEMA_VERSION);
    expect(await version(pool)).toBe(SCHEMA_VERSION);
    const db = openDb(tempDir());
    const tables = db
      .prepare<[], { name: string }>(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
      )
      .all()
      .map((t) => t.name);
    const sqlite = tables
      .flatMap((t) =>
        db
          .prepare<[], { name: string }>(`PRAGMA table_info(${t})`)
          .all()
          .map((c) => `${t}.${c.name}`),
      )
      // SQLite's storage probe; PostgreSQL's per-document heads, its version and the cluster's leases.
      .filter((c) => !c.startsWith('storage_probe.'));
    db.close();
    const postgresOnly = ['doc_heads.', 'atelier_schema.', 'atelier_leases.'];
    const postgres = (await postgresColumns(pool)).filter(
      (c) => !postgresOnly.some((table) => c.startsWith(table)),
    );
    expect(postgres).toEqual(sqlite.sort());
    expect(await postgresColumns(pool)).toEqual(
      expect.arrayContaining(['atelier_leases.key', 'atelier_leases.token', 'atelier_leases.holder']),
    );
  });

  it('takes over the leases’ table an earlier Atelier’s lease module created itself', async () => {
    const pool = poolOn(await freshDatabase());
    const leasesStep = MIGRATIONS.findIndex((m) => m.postgres?.includes('atelier_leases'));
    expect(leasesStep).toBeGreaterThan(0);
    await migratePostgres(pool, MIGRATIONS.slice(0, leasesStep));
    // What `openLeases` ran before the migrations had the table, with a token already handed out.
    await pool.query(
      'CREATE TABLE IF NOT EXISTS atelier_leases (key text PRIMARY KEY, token bigint NOT NULL, holder text NOT NULL)',
    );
    await pool.query(`INSERT INTO atelier_leases VALUES ('vote-deadlines', 7, 'old-node')`);
    expect(await migratePostgres(pool)).toBe(SCHEMA_VERSION);
    expect((await pool.query('SELECT key, token FROM atelier_leases')).rows).toEqual([
      { key: 'vote-deadlines', token: '7' },
    ]);
  });

  it('migrates once when two nodes start together, and changes nothing the next time', async () => {
    const database = await freshDatabase();
    const [a, b] = [poolOn(database), poolOn(database)];
    expect(await Promise.all([migratePostgres(a), migratePostgres(b)])).toEqual([
      SCHEMA_VERSION,
      SCHEMA_VERSION,
    ]);
    expect(await version(a)).toBe(SCHEMA_VERSION);
    await a.query(`INSERT INTO doc_heads (doc, seq) VALUES ('w1', 3)`);
    expect(await migratePostgres(b)).toBe(SCHEMA_VERSION);
    expect((await a.query('SELECT seq FROM doc_heads')).rows).toEqual([{ seq: '3' }]);
  });

  it('applies a later step in its own transaction: one that fails leaves the version and the schema as they were', async () => {
    const pool = poolOn(await freshDatabase());
    await migratePostgres(pool);
    const next = SCHEMA_VERSION + 1;
    const broken: Migration = {
      version: next,
      sqlite: 'SELECT 1;',
      postgres: 'ALTER TABLE workshops ADD COLUMN later text; SELECT no_such_function();',
    };
    await expect(migratePostgres(pool, [...MIGRATIONS, broken])).rejects.toThrow(/no_such_function/);
    expect(await version(pool)).toBe(SCHEMA_VERSION);
    expect(await postgresColumns(pool)).not.toContain('workshops.later');
    const fixed: Migration = { ...broken, postgres: 'ALTER TABLE workshops ADD COLUMN later text;' };
    expect(await migratePostgres(pool, [...MIGRATIONS, fixed])).toBe(next);
    expect(await postgresColumns(pool)).toContain('workshops.later');
  });

  it('refuses a database whose schema is newer than this code knows', async () => {
    const pool = poolOn(await freshDatabase());
    await migratePostgres(pool);
    await pool.query('UPDATE atelier_schema SET version = $1', [SCHEMA_VERSION + 1]);
    await expect(migratePostgres(pool)).rejects.toThrow(
      `the database's schema is version ${SCHEMA_VERSION + 1}, newer than this Atelier knows (${SCHEMA_VERSION})`,
    );
  });
});
