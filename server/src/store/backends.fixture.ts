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
import { createSqliteJournalStore, type JournalStore } from './journal';
import { migratePostgres } from './pg/migrate';
import { createPgStorage } from './pg/storage';
import { useTempDirs } from './temp-dirs';
import { createSqliteStorage, type PgTransactionStores, type Storage } from './transaction';

export interface OpenStores {
  docs: DocStore;
  journal: JournalStore;
  ballots: BallotStore;
  storage: Storage<PgTransactionStores>;
  /**
   * Raw rows the stores under test rely on, in plain SQL (the workshop store is not on
   * PostgreSQL yet; swap for `WorkshopStore.create` / `addParticipant` once it is): a workshop
   * and its participants, each `[id, group]`.
   */
  addWorkshop(id: string, participants: readonly (readonly [string, string])[]): Promise<void>;
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
        const ballots = createSqliteBallotStore(db);
        const addParticipant = db.prepare(
          `INSERT INTO participants (id, workshop_id, name, grp, role, token_hash, created_at)
           VALUES (?, ?, ?, ?, 'participant', ?, ?)`,
        );
        return {
          docs,
          journal,
          ballots,
          storage: createSqliteStorage(db, { docs, journal, ballots }),
          async addWorkshop(id, participants) {
            db.prepare(
              `INSERT INTO workshops (id, title, territory_name, territory_kind, locale, join_code, created_at)
               VALUES (?, 'Atelier', 'Ornans', 'commune', 'fr', ?, ?)`,
            ).run(id, `code-${id}`, NOW);
            for (const [pid, grp] of participants) addParticipant.run(pid, id, pid, grp, `hash-${pid}`, NOW);
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
          docs: storage.docs,
          journal: storage.journal,
          ballots: storage.ballots,
          storage,
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
