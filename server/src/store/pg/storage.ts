import type pg from 'pg';
import type { BallotStore } from '../ballots';
import type { DocStore } from '../docs';
import type { FollowUpStore } from '../followUp';
import type { StorageProbe } from '../health';
import type { JournalStore } from '../journal';
import type { PurgeStore } from '../purge';
import type { StrategyStore } from '../strategies';
import type { Storage, TransactionStores, TurnWriter } from '../transaction';
import type { WorkshopStore } from '../workshops';
import { createPgBallotStore, pgRoundWriter } from './ballots';
import { createPgDocStore } from './docs';
import { type Executor, inTransaction, poolExecutor, type Queryable, transactionExecutor } from './executor';
import { createPgFollowUpStore } from './followUp';
import { pgStorageProbe } from './health';
import { createPgJournalStore } from './journal';
import { createPgPurge } from './purge';
import { createPgStrategyStore } from './strategies';
import { createPgTurnWriter } from './turn';
import { createPgWorkshopStore } from './workshops';

/** Every store on PostgreSQL, and transactions spanning them. */
export interface PgStorage extends Storage<TransactionStores>, PgStores {
  ballots: BallotStore;
  followUps: FollowUpStore;
  purge: PurgeStore;
  /** The storage health's probe (`createStorageHealth`). */
  probe: StorageProbe;
  /** A turn of the rooms' writes in one statement (`pg/turn.ts`). */
  writeTurn: TurnWriter;
}

interface PgStores {
  docs: DocStore;
  journal: JournalStore;
  workshops: WorkshopStore;
  strategies: StrategyStore;
}

/** The stores whose reads go to `reader` and whose writes go through `writer`. */
function stores(reader: Queryable, writer: Executor): PgStores {
  return {
    docs: createPgDocStore(reader, writer),
    journal: createPgJournalStore(reader, writer),
    workshops: createPgWorkshopStore(reader, writer),
    strategies: createPgStrategyStore(reader, writer),
  };
}

/**
 * PostgreSQL's storage on `pool` (migrated: `migratePostgres`). A transaction checks out one
 * client for `BEGIN … COMMIT` and hands `work` stores bound to it, each write in a savepoint;
 * transactions run side by side, each on its own connection (the database serialises what
 * they share: a document's head row, a journal row, a participant's row). A ballot change is a
 * transaction of its own (`BallotStore`), never part of another.
 */
export function createPgStorage(pool: pg.Pool): PgStorage {
  const autocommit = poolExecutor(pool);
  return {
    ...stores(pool, autocommit),
    ballots: createPgBallotStore(pool, autocommit),
    followUps: createPgFollowUpStore(pool, autocommit),
    purge: createPgPurge(pool),
    probe: pgStorageProbe(pool),
    writeTurn: createPgTurnWriter(pool),
    withTransaction: (work) =>
      inTransaction(pool, (client) => {
        const writer = transactionExecutor(client);
        return work({ ...stores(client, writer), ballots: pgRoundWriter(writer) });
      }),
  };
}
