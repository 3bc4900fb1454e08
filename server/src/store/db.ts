import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';

export type Db = Database.Database;

/** The database's file name under `DATA_DIR`. */
export const DB_FILE = 'atelier.sqlite';

/**
 * Schema migrations, applied in order and recorded in `user_version`. Append only: a
 * released migration is never edited.
 */
const MIGRATIONS: readonly string[] = [
  `CREATE TABLE workshops (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     territory_name TEXT NOT NULL,
     territory_kind TEXT NOT NULL,
     locale TEXT NOT NULL,
     join_code TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL
   );
   CREATE TABLE participants (
     id TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     name TEXT NOT NULL,
     grp TEXT NOT NULL,
     role TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL
   );
   CREATE INDEX participants_workshop ON participants(workshop_id);
   CREATE TABLE doc_updates (
     seq INTEGER PRIMARY KEY AUTOINCREMENT,
     doc TEXT NOT NULL,
     data BLOB NOT NULL
   );
   CREATE INDEX doc_updates_doc ON doc_updates(doc, seq);
   CREATE TABLE doc_snapshots (
     doc TEXT PRIMARY KEY,
     upto_seq INTEGER NOT NULL,
     data BLOB NOT NULL,
     updated_at TEXT NOT NULL
   );`,
  // Participants panel: co-facilitators remember the role they go back to; removal revokes the token.
  `ALTER TABLE participants ADD COLUMN promoted_from TEXT;
   ALTER TABLE participants ADD COLUMN removed_at TEXT;`,
  // Votes (docs/votes.md): rounds with their public settings, ballots as one row per placed
  // dot count or score, each ballot's "done" flag, and the request ids already applied.
  `CREATE TABLE vote_rounds (
     id TEXT PRIMARY KEY,
     workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     config TEXT NOT NULL,
     state TEXT NOT NULL,
     duration_minutes INTEGER,
     ends_at INTEGER,
     results TEXT,
     created_at TEXT NOT NULL,
     opened_at TEXT,
     closed_at TEXT,
     revealed_at TEXT,
     discarded_at TEXT
   );
   CREATE INDEX vote_rounds_workshop ON vote_rounds(workshop_id, created_at);
   CREATE TABLE vote_entries (
     round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
     participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
     target_id TEXT NOT NULL,
     criterion TEXT NOT NULL,
     value INTEGER NOT NULL,
     PRIMARY KEY (round_id, participant_id, target_id, criterion)
   );
   CREATE TABLE vote_ballots (
     round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
     participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
     done INTEGER NOT NULL,
     updated_at TEXT NOT NULL,
     PRIMARY KEY (round_id, participant_id)
   );
   CREATE TABLE vote_requests (
     round_id TEXT NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
     participant_id TEXT NOT NULL,
     request_id TEXT NOT NULL,
     PRIMARY KEY (round_id, participant_id, request_id)
   );`,
  // A workshop's last activity (a join, a sync connection or message, an authenticated call):
  // its join code expires and retention deletes it counting from there.
  `ALTER TABLE workshops ADD COLUMN last_active_at TEXT;
   UPDATE workshops SET last_active_at = created_at;
   CREATE INDEX workshops_last_active ON workshops(last_active_at);`,
  // Issue 17: the facilitator closed joining (the join code answers 410) at this time; NULL: open.
  `ALTER TABLE workshops ADD COLUMN joining_closed_at TEXT;`,
  // Disk faults (docs/operations.md): one row the storage probe rewrites to learn whether the
  // disk takes writes again after a failed commit.
  `CREATE TABLE storage_probe (
     id INTEGER PRIMARY KEY CHECK (id = 1),
     pad BLOB NOT NULL
   );`,
  // A snapshot's SHA-256, checked at load: corrupt bytes that still decode (a zeroed page decodes
  // as an empty document) are not taken for the room. NULL for snapshots written before.
  `ALTER TABLE doc_snapshots ADD COLUMN checksum TEXT;`,
  // Personal data (docs/security.md): the privacy notice each person acknowledged at join
  // (version, time), and when a facilitator erased them (their name is then a neutral label).
  `ALTER TABLE participants ADD COLUMN notice_version TEXT;
   ALTER TABLE participants ADD COLUMN notice_acknowledged_at TEXT;
   ALTER TABLE participants ADD COLUMN erased_at TEXT;`,
  // Issue 18: strategies, each an ordered list of sessions (workshops). The strategy's
  // facilitator token is stored hashed; in each session, the participant it enters as is
  // `strategy_facilitator_id` (docs/security.md, "Strategy links"). Standalone workshops keep NULLs.
  `CREATE TABLE strategies (
     id TEXT PRIMARY KEY,
     title TEXT NOT NULL,
     territory_name TEXT NOT NULL,
     territory_kind TEXT NOT NULL,
     locale TEXT NOT NULL,
     token_hash TEXT NOT NULL UNIQUE,
     created_at TEXT NOT NULL,
     archived_at TEXT
   );
   ALTER TABLE workshops ADD COLUMN strategy_id TEXT REFERENCES strategies(id);
   ALTER TABLE workshops ADD COLUMN session_index INTEGER;
   ALTER TABLE workshops ADD COLUMN session_date TEXT;
   ALTER TABLE workshops ADD COLUMN strategy_facilitator_id TEXT;
   CREATE UNIQUE INDEX workshops_strategy_session ON workshops(strategy_id, session_index);`,
  // Issue 18 §2: the edit journal (docs/security.md, "Personal data"): who edited which item of
  // a workshop's board, per field ('' the item itself), coalesced to one row per minute; `alone`
  // when no participant was connected for any of those edits. An erased person's rows lose their
  // id (NULL); the rows go with the workshop.
  `CREATE TABLE edit_journal (
     workshop_id TEXT NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
     participant_id TEXT,
     collection TEXT NOT NULL,
     item_id TEXT NOT NULL,
     field TEXT NOT NULL,
     minute INTEGER NOT NULL,
     alone INTEGER NOT NULL
   );
   CREATE UNIQUE INDEX edit_journal_key
     ON edit_journal(workshop_id, participant_id, collection, item_id, field, minute);`,
];

/** The schema version this code migrates to (`user_version`). */
export const MIGRATION_COUNT = MIGRATIONS.length;

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

function migrate(db: Db): void {
  const current = db.pragma('user_version', { simple: true }) as number;
  for (let version = current; version < MIGRATIONS.length; version++) {
    const sql = MIGRATIONS[version];
    if (sql === undefined) break;
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
}
