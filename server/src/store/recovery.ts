import { openDb } from './db';
import { hashToken, newToken } from './ids';
import { createSqliteStrategyStore } from './strategies';

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

export async function recoverFacilitatorLink(dataDir: string, id: string): Promise<RecoveredLink> {
  const db = openDb(dataDir);
  try {
    const strategies = createSqliteStrategyStore(db);
    const strategy = await strategies.get(id);
    if (strategy) {
      const token = await strategies.reissueToken(id);
      if (token === null) return { kind: 'unknown', id };
      return { kind: 'strategy', id, title: strategy.title, path: `/s/${id}#token=${token}`, token };
    }
    const workshop = db
      .prepare<[string], { title: string; strategy_id: string | null }>(
        'SELECT title, strategy_id FROM workshops WHERE id = ?',
      )
      .get(id);
    if (!workshop) return { kind: 'unknown', id };
    if (workshop.strategy_id !== null) return { kind: 'session', id, strategyId: workshop.strategy_id };
    // The creator: the first facilitator, never promoted (a co-facilitator has `promoted_from`).
    const creator = db
      .prepare<[string], string>(
        `SELECT id FROM participants WHERE workshop_id = ? AND role = 'facilitator' AND promoted_from IS NULL
         ORDER BY created_at, rowid LIMIT 1`,
      )
      .pluck()
      .get(id);
    if (creator === undefined) return { kind: 'unknown', id };
    const token = newToken();
    // Removed or erased creators are not brought back: their workshop's other facilitators decide.
    const changed = db
      .prepare('UPDATE participants SET token_hash = ? WHERE id = ? AND removed_at IS NULL')
      .run(hashToken(token), creator).changes;
    if (changed !== 1) return { kind: 'unknown', id };
    return { kind: 'workshop', id, title: workshop.title, path: `/w/${id}#token=${token}`, token };
  } finally {
    db.close();
  }
}
