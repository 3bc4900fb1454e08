import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { DB_FILE, databaseWritable, openDb } from './db';
import { useTempDirs } from './temp-dirs';

const tempDir = useTempDirs('atelier-db-');
function dataDir(): string {
  const dir = tempDir();
  return dir;
}

describe('databaseWritable (GET /readyz)', () => {
  it('is true for the open database, and leaves no transaction open', () => {
    const db = openDb(dataDir());
    expect(databaseWritable(db)).toBe(true);
    expect(db.inTransaction).toBe(false);
    db.close();
  });

  it('is false for a read-only or closed database', () => {
    const dir = dataDir();
    openDb(dir).close();
    const readonly = new Database(join(dir, DB_FILE), { readonly: true });
    expect(databaseWritable(readonly)).toBe(false);
    readonly.close();
    expect(databaseWritable(readonly)).toBe(false);
  });

  it('is false while another connection holds the write lock', () => {
    const dir = dataDir();
    const db = openDb(dir);
    const other = new Database(join(dir, DB_FILE));
    db.pragma('busy_timeout = 0');
    other.exec('BEGIN IMMEDIATE');
    expect(databaseWritable(db)).toBe(false);
    other.exec('ROLLBACK');
    expect(databaseWritable(db)).toBe(true);
    other.close();
    db.close();
  });
});
