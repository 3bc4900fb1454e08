import type { BallotStore } from './ballots';
import type { Db } from './db';
import type { DocStore } from './docs';
import type { JournalRow, JournalStore } from './journal';
import type { StrategyStore } from './strategies';
import type { WorkshopStore } from './workshops';

/**
 * The writes a transaction spanning several stores may hold, bound to its connection: on
 * PostgreSQL the client checked out for it, on SQLite the one connection.
 */
export interface TransactionStores {
  docs: Pick<DocStore, 'append'>;
  journal: Pick<JournalStore, 'write'>;
  /** A workshop's creation (a new one, an import, a strategy's session) with its first documents. */
  workshops: Pick<WorkshopStore, 'create' | 'addParticipant' | 'addFormerParticipants'>;
  /** A strategy made with its sessions (an import, a workshop adopted), or a session added. */
  strategies: Pick<StrategyStore, 'create' | 'addSession'>;
  /** An import's revealed rounds, with its workshop. */
  ballots: Pick<BallotStore, 'createRound'>;
}

/** What a turn of the rooms writes: its updates and their edit-journal rows (`sync/turn.ts`). */
export type DocTransactionStores = Pick<TransactionStores, 'docs' | 'journal'>;

/** One room's share of a turn: its document's updates and their edit-journal rows. */
export interface TurnShare {
  doc: string;
  updates: readonly Uint8Array[];
  journal: readonly JournalRow[];
}

/**
 * Writes a whole turn — every room's updates, then their journal rows — in one statement, atomic
 * by itself, and resolves to each document's last number (as `DocStore.append`). PostgreSQL's:
 * one round trip where the turn's transaction takes two per write and two more (docs/scale-out.md,
 * "A turn in one statement"). All or nothing: a turn it fails is written again the usual way.
 */
export type TurnWriter = (shares: readonly TurnShare[]) => Promise<Map<string, number>>;

/** The storage a turn of the rooms runs on: its transactions, and on PostgreSQL its one-statement writer. */
export interface DocStorage extends Storage<DocTransactionStores> {
  writeTurn?: TurnWriter;
}

/** Units of work that span stores (docs/architecture.md, "Stores behind async contracts"). */
export interface Storage<S = TransactionStores> {
  /**
   * Runs `work` in one transaction: every write made through `tx` commits, or none does.
   * Resolves to what `work` resolved to once committed; rejects (rolled back) when `work`
   * rejects or the commit fails. `work` awaits nothing but `tx`'s writers.
   */
  withTransaction<T>(work: (tx: S) => Promise<T>): Promise<T>;
}

/**
 * SQLite's: the stores' writers share the one connection, and a store's own transaction inside
 * is a savepoint (better-sqlite3 nests them), so one that fails is undone alone. Their promises
 * are settled when returned, so a transaction starts and ends within one drain of the microtask
 * queue: no timer or I/O callback runs inside it, though another chain's continuation queued in
 * that drain can (docs/architecture.md, "Stores behind async contracts"). Transactions queue one
 * at a time.
 */
export function createSqliteStorage<S = TransactionStores>(db: Db, stores: S): Storage<S> {
  let last: Promise<unknown> = Promise.resolve();
  return {
    withTransaction<T>(work: (tx: S) => Promise<T>): Promise<T> {
      const run = async (): Promise<T> => {
        db.exec('BEGIN');
        try {
          const result = await work(stores);
          db.exec('COMMIT');
          return result;
        } catch (error) {
          // A full disk has already rolled it back (the commit then says no transaction is active).
          if (db.inTransaction) db.exec('ROLLBACK');
          throw error;
        }
      };
      const result = last.then(run, run);
      last = result.catch(() => undefined);
      return result;
    },
  };
}
