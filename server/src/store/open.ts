import pg from 'pg';
import type { Logger } from '../log';
import { type BallotStore, createSqliteBallotStore } from './ballots';
import { databaseWritable, openDb } from './db';
import { createSqliteDocStore, type DocStore } from './docs';
import { createSqliteFollowUpStore, type FollowUpStore } from './followUp';
import { type StorageProbe, sqliteStorageProbe } from './health';
import { createSqliteJournalStore, type JournalStore } from './journal';
import { migratePostgres } from './pg/migrate';
import { createPgStorage } from './pg/storage';
import { claimDataDir } from './pidFile';
import { createSqlitePurge, type PurgeStore } from './purge';
import { createSqliteStrategyStore, type StrategyStore } from './strategies';
import { createSqliteStorage, type Storage, type TurnWriter } from './transaction';
import { createSqliteWorkshopStore, type WorkshopStore } from './workshops';

/** Every store of one backend, with what the server needs around them. */
export interface OpenStorage {
  backend: 'sqlite' | 'postgres';
  workshops: WorkshopStore;
  strategies: StrategyStore;
  docs: DocStore;
  journal: JournalStore;
  ballots: BallotStore;
  /** The published follow-up pages (issue 20 §4). */
  followUps: FollowUpStore;
  purge: PurgeStore;
  /** Units of work spanning stores; on PostgreSQL also a turn of the rooms' writes in one statement (`writeTurn`). */
  transactions: Storage & { writeTurn?: TurnWriter };
  /** The storage health's probe (`createStorageHealth`). */
  probe: StorageProbe;
  /** Whether the database takes a write now (`/readyz`); PostgreSQL leaves it to the storage health. */
  ready?: () => boolean;
  /** PostgreSQL's pool (the duties' leases open their own connection on its URL); null on SQLite. */
  pool: pg.Pool | null;
  /** Closes the database (after the rooms' last writes). */
  close(): Promise<void>;
}

export interface StorageSettings {
  dataDir: string;
  dbMaxBytes: number;
  /** PostgreSQL's URL; `null`: SQLite under `dataDir`. */
  databaseUrl: string | null;
  /** PostgreSQL connections this node may hold (the pool's size). */
  poolSize?: number;
}

/** The pool's default size: a turn holds one connection, HTTP writes and reads the others. */
const POOL_SIZE = 10;

/**
 * Opens the stores on PostgreSQL when `databaseUrl` is set (migrated first; several nodes
 * starting together migrate once, docs/scale-out.md), else on SQLite under `dataDir` as the
 * embedded default always has.
 */
export async function openStorage(settings: StorageSettings, log: Logger): Promise<OpenStorage> {
  return settings.databaseUrl
    ? openPostgres(settings.databaseUrl, settings.poolSize ?? POOL_SIZE, log)
    : openSqlite(settings);
}

function openSqlite(settings: StorageSettings): OpenStorage {
  const db = openDb(settings.dataDir, { maxBytes: settings.dbMaxBytes });
  const releaseDataDir = claimDataDir(settings.dataDir);
  const stores = {
    workshops: createSqliteWorkshopStore(db),
    strategies: createSqliteStrategyStore(db),
    docs: createSqliteDocStore(db),
    journal: createSqliteJournalStore(db),
    ballots: createSqliteBallotStore(db),
  };
  return {
    backend: 'sqlite',
    ...stores,
    followUps: createSqliteFollowUpStore(db),
    purge: createSqlitePurge(db),
    transactions: createSqliteStorage(db, stores),
    probe: sqliteStorageProbe(db),
    ready: () => databaseWritable(db),
    pool: null,
    close: once(async () => {
      db.close();
      releaseDataDir();
    }),
  };
}

async function openPostgres(url: string, max: number, log: Logger): Promise<OpenStorage> {
  const pool = new pg.Pool({ connectionString: url, max, keepAlive: true });
  // An idle connection that PostgreSQL ends (a restart, `pg_terminate_backend`) is reported here;
  // without a listener it would crash the node. The pool opens a new one at the next query.
  pool.on('error', (error) => log.warn({ err: String(error) }, 'PostgreSQL closed an idle connection'));
  try {
    await migratePostgres(pool);
  } catch (error) {
    await pool.end();
    throw error;
  }
  const storage = createPgStorage(pool);
  return {
    backend: 'postgres',
    workshops: storage.workshops,
    strategies: storage.strategies,
    docs: storage.docs,
    journal: storage.journal,
    ballots: storage.ballots,
    followUps: storage.followUps,
    purge: storage.purge,
    transactions: storage,
    probe: storage.probe,
    pool,
    close: once(() => pool.end()),
  };
}

/** `close` may be called by a failed start and again by its caller: the second call waits for the first. */
function once(close: () => Promise<void>): () => Promise<void> {
  let closing: Promise<void> | null = null;
  return () => {
    closing ??= close();
    return closing;
  };
}
