import type pg from 'pg';
import type { BallotStore } from '../ballots';
import type { DocStore } from '../docs';
import type { JournalStore } from '../journal';
import type { PgTransactionStores, Storage } from '../transaction';
import { createPgBallotStore, pgRoundWriter } from './ballots';
import { createPgDocStore } from './docs';
import { inTransaction, poolExecutor, transactionExecutor } from './executor';
import { createPgJournalStore } from './journal';

/** The PostgreSQL stores built so far, and transactions spanning them. */
export interface PgStorage extends Storage<PgTransactionStores> {
  docs: DocStore;
  journal: JournalStore;
  ballots: BallotStore;
}

/**
 * PostgreSQL's storage on `pool` (migrated: `migratePostgres`). A transaction checks out one
 * client for `BEGIN … COMMIT` and hands `work` stores bound to it, each write in a savepoint;
 * transactions run side by side, each on its own connection (the database serialises what
 * they share: a document's head row, a journal row).
 */
export function createPgStorage(pool: pg.Pool): PgStorage {
  const autocommit = poolExecutor(pool);
  return {
    docs: createPgDocStore(pool, autocommit),
    journal: createPgJournalStore(pool, autocommit),
    ballots: createPgBallotStore(pool, autocommit),
    withTransaction<T>(work: (tx: PgTransactionStores) => Promise<T>): Promise<T> {
      return inTransaction(pool, (client) => {
        const writer = transactionExecutor(client);
        return work({
          docs: createPgDocStore(client, writer),
          journal: createPgJournalStore(client, writer),
          ballots: pgRoundWriter(writer),
        });
      });
    },
  };
}
