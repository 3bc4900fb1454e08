import pg from 'pg';
import { openDb } from './db';
import { createPgStorage } from './pg/storage';
import { createSqliteStrategyStore, type StrategyStore } from './strategies';
import { createSqliteWorkshopStore, type WorkshopStore } from './workshops';

/**
 * A lost facilitator link, recovered by the server's operator (`npm run facilitator-link`,
 * docs/operations.md): a fresh token for a strategy, or for a standalone workshop's creator. The
 * old token stops working at once (a lost link may have been found by someone else); sockets
 * already open with it stay until they reconnect.
 */
export type RecoveredLink =
  | { kind: 'strategy'; id: string; title: string; path: string; token: string }
  | { kind: 'workshop'; id: string; title: string; path: string; token: string }
  /** The workshop is a strategy's session: its facilitator enters through the strategy's link. */
  | { kind: 'session'; id: string; strategyId: string }
  | { kind: 'unknown'; id: string };

/** On the SQLite database under `dataDir` (`npm run facilitator-link`). */
export async function recoverFacilitatorLink(dataDir: string, id: string): Promise<RecoveredLink> {
  const db = openDb(dataDir);
  try {
    return await recoverLink(
      { strategies: createSqliteStrategyStore(db), workshops: createSqliteWorkshopStore(db) },
      id,
    );
  } finally {
    db.close();
  }
}

/** On PostgreSQL (`DATABASE_URL`), where the nodes keep it; the schema is the nodes' to migrate. */
export async function recoverFacilitatorLinkOnPostgres(
  databaseUrl: string,
  id: string,
): Promise<RecoveredLink> {
  const pool = new pg.Pool({ connectionString: databaseUrl, max: 1 });
  try {
    return await recoverLink(createPgStorage(pool), id);
  } finally {
    await pool.end();
  }
}

/** The same on any backend's stores (PostgreSQL's: `createPgStorage`). */
export async function recoverLink(
  stores: {
    strategies: Pick<StrategyStore, 'get' | 'reissueToken'>;
    workshops: Pick<WorkshopStore, 'get' | 'reissueCreatorToken'>;
  },
  id: string,
): Promise<RecoveredLink> {
  const strategy = await stores.strategies.get(id);
  if (strategy) {
    const token = await stores.strategies.reissueToken(id);
    if (token === null) return { kind: 'unknown', id };
    return { kind: 'strategy', id, title: strategy.title, path: `/s/${id}#token=${token}`, token };
  }
  const workshop = await stores.workshops.get(id);
  if (!workshop) return { kind: 'unknown', id };
  if (workshop.strategyId !== null) return { kind: 'session', id, strategyId: workshop.strategyId };
  // Removed or erased creators are not brought back: their workshop's other facilitators decide.
  const token = await stores.workshops.reissueCreatorToken(id);
  if (token === null) return { kind: 'unknown', id };
  return { kind: 'workshop', id, title: workshop.title, path: `/w/${id}#token=${token}`, token };
}
