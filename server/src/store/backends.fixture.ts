/**
 * For the store contract tests (docs/scale-out.md, "Store contract suite"): each backend the
 * stores run on, opened fresh for one test — SQLite in a temporary data directory, PostgreSQL in
 * a throwaway database (`@atelier/testing`), migrated. `describe.each(BACKENDS)` runs one suite
 * against both, so they cannot drift.
 */
import { createTestDatabase } from '@atelier/testing';
import pg from 'pg';
import { afterEach } from 'vitest';
import { type BallotStore, createSqliteBallotStore } from './ballots';
import { openDb } from './db';
import { createSqliteDocStore, type DocStore } from './docs';
import { createSqliteFollowUpStore, type FollowUpStore } from './followUp';
import type { StorageProbe } from './health';
import { sqliteStorageProbe } from './health';
import { createSqliteJournalStore, type JournalStore } from './journal';
import { migratePostgres } from './pg/migrate';
import { createPgStorage } from './pg/storage';
import { createSqlitePurge, type PurgeStore } from './purge';
import { createSqliteStrategyStore, type StrategyStore } from './strategies';
import { useTempDirs } from './temp-dirs';
import { createSqliteStorage, type Storage } from './transaction';
import { createSqliteWorkshopStore, type WorkshopStore } from './workshops';

export interface OpenStores {
  docs: DocStore;
  journal: JournalStore;
  workshops: WorkshopStore;
  strategies: StrategyStore;
  purge: PurgeStore;
  /** The storage health's probe. */
  probe: StorageProbe;
  ballots: BallotStore;
  followUps: FollowUpStore;
  storage: Storage;
  /** Every row of every table of the schema, by table (what a purge must leave nothing of). */
  rows(): Promise<Record<string, Record<string, unknown>[]>>;
  /** Closes the connection (the pool): the stores then fail. */
  close(): Promise<void>;
  /** Raw rows, with the ids a test chooses: a workshop and its participants, each `[id, group]`. */
  addWorkshop(id: string, participants: readonly (readonly [string, string])[]): Promise<void>;
  /**
   * Raw rows of a vote round of a workshop: the round, one entry, one ballot and one request id
   * of `participantId`.
   */
  addRound(roundId: string, workshopId: string, participantId: string): Promise<void>;
  /** How many rows a table holds (what a deletion must leave: none). */
  countRows(table: string): Promise<number>;
  /** Deletes a workshop's row (its rows go with it, by foreign key). */
  deleteWorkshop(id: string): Promise<void>;
  /** Zeroes a stored snapshot's bytes in place, as a damaged disk page would. */
  zeroSnapshot(doc: string): Promise<void>;
  /** Closes and opens the database again: the stores of the new connection. */
  reopen(): Promise<OpenStores>;
}

export interface Backend {
  name: 'sqlite' | 'postgres';
  /** Each document's sequence numbers are 1, 2, 3… (PostgreSQL's `doc_heads`; SQLite's are global). */
  contiguousSeq: boolean;
  open(): Promise<OpenStores>;
}

const NOW = '2025-03-01T09:00:00.000Z';

/** Every backend, for `describe.each`; call at the top of a test file (it registers the cleanup). */
export function useBackends(): Backend[] {
  const tempDir = useTempDirs('atelier-stores-');
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  const sqlite: Backend = {
    name: 'sqlite',
    contiguousSeq: false,
    async open() {
      const dir = tempDir();
      const openAt = (): OpenStores => {
        const db = openDb(dir);
        cleanups.push(async () => {
          if (db.open) db.close();
        });
        const docs = createSqliteDocStore(db);
        const journal = createSqliteJournalStore(db);
        const workshops = createSqliteWorkshopStore(db);
        const strategies = createSqliteStrategyStore(db);
        const ballots = createSqliteBallotStore(db);
        const addParticipant = db.prepare(
          `INSERT INTO participants (id, workshop_id, name, grp, role, token_hash, created_at)
           VALUES (?, ?, ?, ?, 'participant', ?, ?)`,
        );
        return {
          docs,
          journal,
          workshops,
          strategies,
          purge: createSqlitePurge(db),
          probe: sqliteStorageProbe(db),
          ballots,
          followUps: createSqliteFollowUpStore(db),
          storage: createSqliteStorage(db, { docs, journal, workshops, strategies, ballots }),
          async rows() {
            const tables = db
              .prepare<[], string>(
                "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'",
              )
              .pluck()
              .all();
            return Object.fromEntries(
              tables.map((t) => [t, db.prepare<[], Record<string, unknown>>(`SELECT * FROM ${t}`).all()]),
            );
          },
          async close() {
            db.close();
          },
          async addWorkshop(id, participants) {
            db.prepare(
              `INSERT INTO workshops (id, title, territory_name, territory_kind, locale, join_code, created_at)
               VALUES (?, 'Atelier', 'Ornans', 'commune', 'fr', ?, ?)`,
            ).run(id, `code-${id}`, NOW);
            for (const [pid, grp] of participants) addParticipant.run(pid, id, pid, grp, `hash-${pid}`, NOW);
          },
          async addRound(roundId, workshopId, participantId) {
            db.prepare(
              `INSERT INTO vote_rounds (id, workshop_id, config, state, created_at) VALUES (?, ?, '{}', 'open', ?)`,
            ).run(roundId, workshopId, NOW);
            db.prepare(
              `INSERT INTO vote_entries (round_id, participant_id, target_id, criterion, value) VALUES (?, ?, 'n1', 'dots', 2)`,
            ).run(roundId, participantId);
            db.prepare(
              'INSERT INTO vote_ballots (round_id, participant_id, done, updated_at) VALUES (?, ?, 1, ?)',
            ).run(roundId, participantId, NOW);
            db.prepare(
              `INSERT INTO vote_requests (round_id, participant_id, request_id) VALUES (?, ?, 'r1')`,
            ).run(roundId, participantId);
          },
          async countRows(table) {
            return db.prepare(`SELECT COUNT(*) FROM ${table}`).pluck().get() as number;
          },
          async deleteWorkshop(id) {
            db.prepare('DELETE FROM workshops WHERE id = ?').run(id);
          },
          async zeroSnapshot(doc) {
            db.prepare('UPDATE doc_snapshots SET data = zeroblob(length(data)) WHERE doc = ?').run(doc);
          },
          async reopen() {
            db.close();
            return openAt();
          },
        };
      };
      return openAt();
    },
  };

  const postgres: Backend = {
    name: 'postgres',
    contiguousSeq: true,
    async open() {
      const database = await createTestDatabase();
      cleanups.push(() => database.drop());
      const openAt = async (): Promise<OpenStores> => {
        const pool = new pg.Pool({ connectionString: database.url, max: 4 });
        // `pool.end()` resolves before its connections have closed: the database's drop (FORCE)
        // may end one still closing, which is expected here, not a failure of the test.
        pool.on('error', () => undefined);
        let ended = false;
        const end = async () => {
          if (!ended) await pool.end();
          ended = true;
        };
        cleanups.push(end);
        await migratePostgres(pool);
        const storage = createPgStorage(pool);
        return {
          ...storage,
          storage,
          async rows() {
            const { rows: tables } = await pool.query<{ name: string }>(
              "SELECT table_name AS name FROM information_schema.tables WHERE table_schema = 'public'",
            );
            const all: Record<string, Record<string, unknown>[]> = {};
            for (const { name } of tables) all[name] = (await pool.query(`SELECT * FROM ${name}`)).rows;
            return all;
          },
          close: end,
          async addWorkshop(id, participants) {
            await pool.query(
              `INSERT INTO workshops (id, title, territory_name, territory_kind, locale, join_code, created_at)
               VALUES ($1, 'Atelier', 'Ornans', 'commune', 'fr', $2, $3)`,
              [id, `code-${id}`, NOW],
            );
            for (const [pid, grp] of participants)
              await pool.query(
                `INSERT INTO participants (id, workshop_id, name, grp, role, token_hash, created_at)
                 VALUES ($1, $2, $1, $3, 'participant', $4, $5)`,
                [pid, id, grp, `hash-${pid}`, NOW],
              );
          },
          async addRound(roundId, workshopId, participantId) {
            await pool.query(
              `INSERT INTO vote_rounds (id, workshop_id, config, state, created_at) VALUES ($1, $2, '{}', 'open', $3)`,
              [roundId, workshopId, NOW],
            );
            await pool.query(
              `INSERT INTO vote_entries (round_id, participant_id, target_id, criterion, value) VALUES ($1, $2, 'n1', 'dots', 2)`,
              [roundId, participantId],
            );
            await pool.query(
              'INSERT INTO vote_ballots (round_id, participant_id, done, updated_at) VALUES ($1, $2, true, $3)',
              [roundId, participantId, NOW],
            );
            await pool.query(
              `INSERT INTO vote_requests (round_id, participant_id, request_id) VALUES ($1, $2, 'r1')`,
              [roundId, participantId],
            );
          },
          async countRows(table) {
            const { rows } = await pool.query<{ n: number }>(`SELECT COUNT(*)::int AS n FROM ${table}`);
            return rows[0]?.n ?? 0;
          },
          async deleteWorkshop(id) {
            await pool.query('DELETE FROM workshops WHERE id = $1', [id]);
          },
          async zeroSnapshot(doc) {
            await pool.query(
              `UPDATE doc_snapshots SET data = decode(repeat('00', length(data)), 'hex') WHERE doc = $1`,
              [doc],
            );
          },
          async reopen() {
            await end();
            return openAt();
          },
        };
      };
      return openAt();
    },
  };

  return [sqlite, postgres];
}
