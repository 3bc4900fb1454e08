import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, MIGRATION_COUNT, openDb } from './db';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';
import { useTempDirs } from './temp-dirs';

const tempDir = useTempDirs('atelier-migrations-');

describe('the migration list', () => {
  it('numbers its steps 1, 2, 3…, PostgreSQL from its baseline on, in every step after it, SQLite in every step up to it', () => {
    expect(MIGRATIONS.map((m) => m.version)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    const firstPostgres = MIGRATIONS.findIndex((m) => m.postgres !== null);
    expect(firstPostgres).toBeGreaterThanOrEqual(0);
    expect(MIGRATIONS.slice(firstPostgres).every((m) => m.postgres !== null)).toBe(true);
    // A step SQLite skips (a cluster's table) comes only after the baseline.
    expect(MIGRATIONS.slice(0, firstPostgres + 1).every((m) => m.sqlite !== null)).toBe(true);
    expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    expect(MIGRATION_COUNT).toBe(SCHEMA_VERSION);
  });
});

describe('SQLite migrations', () => {
  it('brings a database made by an older Atelier to the current version, its rows kept', () => {
    const dir = tempDir();
    // A data directory as version 3 left it: steps 1–3 applied by hand, a workshop in it.
    const old = new Database(join(dir, DB_FILE));
    for (const step of MIGRATIONS.slice(0, 3)) if (step.sqlite !== null) old.exec(step.sqlite);
    old.pragma('user_version = 3');
    old
      .prepare(
        `INSERT INTO workshops (id, title, territory_name, territory_kind, locale, join_code, created_at)
         VALUES ('w1', 'Atelier', 'Ornans', 'commune', 'fr', 'ABC', '2024-01-01T00:00:00.000Z')`,
      )
      .run();
    old.close();
    const db = openDb(dir);
    expect(db.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    // Step 4 set the last activity from the creation.
    expect(db.prepare('SELECT last_active_at FROM workshops WHERE id = ?').get('w1')).toEqual({
      last_active_at: '2024-01-01T00:00:00.000Z',
    });
    db.close();
    // Opening again changes nothing.
    const again = openDb(dir);
    expect(again.pragma('user_version', { simple: true })).toBe(SCHEMA_VERSION);
    again.close();
  });
});
