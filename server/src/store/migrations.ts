/**
 * The schema's migrations, one list for both backends (docs/scale-out.md, "One migration list").
 * Each step carries its SQLite and its PostgreSQL SQL side by side, with the same meaning. Steps
 * 1–10 were released for SQLite before PostgreSQL existed: PostgreSQL starts at a baseline, step
 * 10, which creates the whole schema as SQLite has it at version 10 (types mapped as the page's
 * table says); every step after it is written in both dialects, or for PostgreSQL alone (`sqlite:
 * null`, a table only a cluster needs). Append only: a released step is
 * never edited.
 */
export interface Migration {
  /** The schema version once applied (SQLite `user_version`, PostgreSQL `atelier_schema`). */
  readonly version: number;
  /** `null` for a step only PostgreSQL has (a cluster's table): SQLite records the version alone. */
  readonly sqlite: string | null;
  /** `null` before the baseline: a PostgreSQL database is created at the baseline at once. */
  readonly postgres: string | null;
}

/** The PostgreSQL baseline: the whole schema as SQLite has it at version 10. */
const POSTGRES_BASELINE = `
  CREATE TABLE strategies (
    id text PRIMARY KEY,
    title text NOT NULL,
    territory_name text NOT NULL,
    territory_kind text NOT NULL,
    locale text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    archived_at timestamptz
  );
  CREATE TABLE workshops (
    id text PRIMARY KEY,
    title text NOT NULL,
    territory_name text NOT NULL,
    territory_kind text NOT NULL,
    locale text NOT NULL,
    join_code text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    last_active_at timestamptz,
    joining_closed_at timestamptz,
    strategy_id text REFERENCES strategies(id),
    session_index integer,
    -- A calendar date as the facilitator gave it (YYYY-MM-DD), not an instant: text, as SQLite.
    session_date text,
    strategy_facilitator_id text
  );
  CREATE INDEX workshops_last_active ON workshops(last_active_at);
  CREATE UNIQUE INDEX workshops_strategy_session ON workshops(strategy_id, session_index);
  CREATE TABLE participants (
    id text PRIMARY KEY,
    workshop_id text NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    name text NOT NULL,
    grp text NOT NULL,
    role text NOT NULL,
    token_hash text NOT NULL UNIQUE,
    created_at timestamptz NOT NULL,
    promoted_from text,
    removed_at timestamptz,
    notice_version text,
    notice_acknowledged_at timestamptz,
    erased_at timestamptz
  );
  CREATE INDEX participants_workshop ON participants(workshop_id);
  -- Per-document sequence numbers: a turn takes its numbers here, contiguous per document.
  CREATE TABLE doc_heads (
    doc text PRIMARY KEY,
    seq bigint NOT NULL
  );
  CREATE TABLE doc_updates (
    doc text NOT NULL,
    seq bigint NOT NULL,
    data bytea NOT NULL,
    PRIMARY KEY (doc, seq)
  );
  CREATE TABLE doc_snapshots (
    doc text PRIMARY KEY,
    upto_seq bigint NOT NULL,
    data bytea NOT NULL,
    updated_at timestamptz NOT NULL,
    checksum text
  );
  CREATE TABLE vote_rounds (
    id text PRIMARY KEY,
    workshop_id text NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    config jsonb NOT NULL,
    state text NOT NULL,
    duration_minutes integer,
    ends_at bigint,
    results jsonb,
    created_at timestamptz NOT NULL,
    opened_at timestamptz,
    closed_at timestamptz,
    revealed_at timestamptz,
    discarded_at timestamptz
  );
  CREATE INDEX vote_rounds_workshop ON vote_rounds(workshop_id, created_at);
  CREATE TABLE vote_entries (
    round_id text NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
    participant_id text NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    target_id text NOT NULL,
    criterion text NOT NULL,
    value integer NOT NULL,
    PRIMARY KEY (round_id, participant_id, target_id, criterion)
  );
  CREATE TABLE vote_ballots (
    round_id text NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
    participant_id text NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    done boolean NOT NULL,
    updated_at timestamptz NOT NULL,
    PRIMARY KEY (round_id, participant_id)
  );
  CREATE TABLE vote_requests (
    round_id text NOT NULL REFERENCES vote_rounds(id) ON DELETE CASCADE,
    participant_id text NOT NULL,
    request_id text NOT NULL,
    PRIMARY KEY (round_id, participant_id, request_id)
  );
  -- NULLs stay distinct in the unique index (PostgreSQL's default, as SQLite): an erased
  -- person's rows never merge.
  CREATE TABLE edit_journal (
    workshop_id text NOT NULL REFERENCES workshops(id) ON DELETE CASCADE,
    participant_id text,
    collection text NOT NULL,
    item_id text NOT NULL,
    field text NOT NULL,
    minute bigint NOT NULL,
    alone boolean NOT NULL
  );
  CREATE UNIQUE INDEX edit_journal_key
    ON edit_journal(workshop_id, participant_id, collection, item_id, field, minute);
`;

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sqlite: `CREATE TABLE workshops (
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
    postgres: null,
  },
  // Participants panel: co-facilitators remember the role they go back to; removal revokes the token.
  {
    version: 2,
    sqlite: `ALTER TABLE participants ADD COLUMN promoted_from TEXT;
     ALTER TABLE participants ADD COLUMN removed_at TEXT;`,
    postgres: null,
  },
  // Votes (docs/votes.md): rounds with their public settings, ballots as one row per placed
  // dot count or score, each ballot's "done" flag, and the request ids already applied.
  {
    version: 3,
    sqlite: `CREATE TABLE vote_rounds (
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
    postgres: null,
  },
  // A workshop's last activity (a join, a sync connection or message, an authenticated call):
  // its join code expires and retention deletes it counting from there.
  {
    version: 4,
    sqlite: `ALTER TABLE workshops ADD COLUMN last_active_at TEXT;
     UPDATE workshops SET last_active_at = created_at;
     CREATE INDEX workshops_last_active ON workshops(last_active_at);`,
    postgres: null,
  },
  // Issue 17: the facilitator closed joining (the join code answers 410) at this time; NULL: open.
  { version: 5, sqlite: 'ALTER TABLE workshops ADD COLUMN joining_closed_at TEXT;', postgres: null },
  // Disk faults (docs/operations.md): one row the storage probe rewrites to learn whether the
  // disk takes writes again after a failed commit. PostgreSQL has none (health is a query).
  {
    version: 6,
    sqlite: `CREATE TABLE storage_probe (
       id INTEGER PRIMARY KEY CHECK (id = 1),
       pad BLOB NOT NULL
     );`,
    postgres: null,
  },
  // A snapshot's SHA-256, checked at load: corrupt bytes that still decode (a zeroed page decodes
  // as an empty document) are not taken for the room. NULL for snapshots written before.
  { version: 7, sqlite: 'ALTER TABLE doc_snapshots ADD COLUMN checksum TEXT;', postgres: null },
  // Personal data (docs/security.md): the privacy notice each person acknowledged at join
  // (version, time), and when a facilitator erased them (their name is then a neutral label).
  {
    version: 8,
    sqlite: `ALTER TABLE participants ADD COLUMN notice_version TEXT;
     ALTER TABLE participants ADD COLUMN notice_acknowledged_at TEXT;
     ALTER TABLE participants ADD COLUMN erased_at TEXT;`,
    postgres: null,
  },
  // Issue 18: strategies, each an ordered list of sessions (workshops). The strategy's
  // facilitator token is stored hashed; in each session, the participant it enters as is
  // `strategy_facilitator_id` (docs/security.md, "Strategy links"). Standalone workshops keep NULLs.
  {
    version: 9,
    sqlite: `CREATE TABLE strategies (
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
    postgres: null,
  },
  // Issue 18 §2: the edit journal (docs/security.md, "Personal data"): who edited which item of
  // a workshop's board, per field ('' the item itself), coalesced to one row per minute; `alone`
  // when no participant was connected for any of those edits. An erased person's rows lose their
  // id (NULL); the rows go with the workshop. PostgreSQL's baseline: the whole schema at this version.
  {
    version: 10,
    sqlite: `CREATE TABLE edit_journal (
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
    postgres: POSTGRES_BASELINE,
  },
  // Issue 19 §3: the duties' fencing tokens, one row per lease key (`cluster/lease.ts`), raised at
  // every acquisition. Only a cluster has leases; SQLite is one node. IF NOT EXISTS: before this
  // step the lease module created the table itself, so a cluster's database may have it already.
  {
    version: 11,
    sqlite: null,
    postgres: `CREATE TABLE IF NOT EXISTS atelier_leases (
       key text PRIMARY KEY,
       token bigint NOT NULL,
       holder text NOT NULL
     );`,
  },
  // Issue 20 §4: the published follow-up pages ("droit de suite"), one per workshop.
  {
    version: 12,
    sqlite: `CREATE TABLE follow_up_pages (
       workshop_id TEXT PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
       public_id TEXT NOT NULL UNIQUE,
       show_names INTEGER NOT NULL DEFAULT 0,
       published_at TEXT NOT NULL
     );`,
    postgres: `CREATE TABLE follow_up_pages (
       workshop_id text PRIMARY KEY REFERENCES workshops(id) ON DELETE CASCADE,
       public_id text NOT NULL UNIQUE,
       show_names boolean NOT NULL DEFAULT false,
       published_at timestamptz NOT NULL
     );`,
  },
];

/** The schema version this code migrates to, on either backend. */
export const SCHEMA_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
