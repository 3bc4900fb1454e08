import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { MIGRATIONS, SCHEMA_VERSION } from './migrations';

export type Db = Database.Database;

/** The database's file name under `DATA_DIR`. */
export const DB_FILE = 'atelier.sqlite';

/** The schema version this code migrates to (`user_version`). */
export const MIGRATION_COUNT = SCHEMA_VERSION;

const AUTO_VACUUM_INCREMENTAL = 2;
const WAL_SIZE_LIMIT = 4 * 1024 * 1024;

/**
 * Opens (and migrates) the database under `dataDir`. WAL with synchronous=NORMAL: a
 * committed transaction survives a process crash (kill -9); only a power loss can drop
 * the last ones, which is the usual trade-off for an embedded server.
 */
export function openDb(dataDir: string, options: { maxBytes?: number } = {}): Db {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DB_FILE));
  // Compaction rewrites snapshots and deletes logs: give the freed pages back to the disk
  // (`incrementalVacuum` after each compaction) instead of keeping the file at its peak. A
  // database made before this setting is converted once.
  if (db.pragma('auto_vacuum', { simple: true }) !== AUTO_VACUUM_INCREMENTAL) {
    db.pragma('auto_vacuum = INCREMENTAL');
    db.exec('VACUUM');
  }
  db.pragma('journal_mode = WAL');
  // The WAL file is reused after each checkpoint but never shrinks by itself.
  db.pragma(`journal_size_limit = ${WAL_SIZE_LIMIT}`);
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  // Deleted rows and freed pages are overwritten with zeros: an erased name or a deleted
  // workshop leaves no bytes behind in the file (docs/security.md, "Personal data").
  db.pragma('secure_delete = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  // A quota (`DB_MAX_BYTES`): past it a write fails with SQLITE_FULL, exactly as on a full disk.
  if (options.maxBytes) {
    const pageSize = db.pragma('page_size', { simple: true }) as number;
    db.pragma(`max_page_count = ${Math.ceil(options.maxBytes / pageSize)}`);
  }
  return db;
}

/**
 * Whether `db` takes a write now: an immediate transaction (the write lock) opened and rolled
 * back, nothing written. False for a read-only, closed or locked database.
 */
export function databaseWritable(db: Db): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
    db.exec('ROLLBACK');
    return !db.readonly;
  } catch {
    return false;
  }
}

/** Applies the steps past `user_version` (`store/migrations.ts`), each in its own transaction. */
function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (const step of MIGRATIONS) {
    if (step.version <= current) continue;
    db.transaction(() => {
      if (step.sqlite !== null) db.exec(step.sqlite);
      db.pragma(`user_version = ${step.version}`);
    })();
  }
}
