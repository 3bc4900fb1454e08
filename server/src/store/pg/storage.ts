import type pg from 'pg';
import type { DocStore } from '../docs';
import type { JournalStore } from '../journal';
import type { DocTransactionStores, Storage } from '../transaction';
import { createPgDocStore } from './docs';
import { poolExecutor, transactionExecutor } from './executor';
import { createPgJournalStore } from './journal';

/** The PostgreSQL stores built so far, and transactions spanning them. */
export interface PgStorage extends Storage<DocTransactionStores> {
  docs: DocStore;
  journal: JournalStore;
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
    async withTransaction<T>(work: (tx: DocTransactionStores) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      const writer = transactionExecutor(client);
      const tx: DocTransactionStores = {
        docs: createPgDocStore(client, writer),
        journal: createPgJournalStore(client, writer),
      };
      let broken: Error | undefined;
      try {
        await client.query('BEGIN');
        const result = await work(tx);
        await client.query('COMMIT');
        return result;
      } catch (error) {
        // After a failed COMMIT the transaction is over and ROLLBACK only warns; a connection that
        // cannot even roll back is discarded, not given back to the pool.
        await client.query('ROLLBACK').catch((rollback: Error) => {
          broken = rollback;
        });
        throw error;
      } finally {
        client.release(broken);
      }
    },
  };
}
