import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Locale, Territory, TerritoryKind } from '@atelier/shared';
import type { Db } from './db';
import { hashToken, newId, newToken } from './ids';

/*
 * Strategies (docs/contract.md, "Strategies and sessions"): the whole engagement with one
 * territory, an ordered list of sessions, each a workshop. A strategy's facilitator token is
 * stored hashed like a participant's. In each of its sessions the strategy's facilitator is a
 * participant of their own whose token is derived from the strategy's (`sessionToken`): the
 * strategy token gives each session's facilitator credentials back at any time, while only
 * hashes are stored and a session's token opens that session alone.
 */

export interface StrategyRecord {
  id: string;
  title: string;
  territory: Territory;
  locale: Locale;
  createdAt: string;
  archivedAt: string | null;
}

/** A session: the workshop's id, its place in the strategy and the strategy facilitator's participant in it. */
export interface SessionRecord {
  workshopId: string;
  index: number;
  /** The planned day (`YYYY-MM-DD`), `null` when none was given. */
  date: string | null;
  facilitatorId: string;
}

export interface StrategyStore {
  /** A new strategy and its facilitator token (returned once; stored hashed). */
  create(input: { title: string; territory: Territory; locale: Locale }): Promise<{
    strategy: StrategyRecord;
    token: string;
  }>;
  get(id: string): Promise<StrategyRecord | null>;
  /** Whether `token` is the facilitator token of strategy `id` (constant time on the hashes). */
  authenticates(id: string, token: string): Promise<boolean>;
  /** The sessions in order. */
  sessions(strategyId: string): Promise<SessionRecord[]>;
  /**
   * Makes a standalone workshop the strategy's next session, entered by its facilitator
   * `facilitatorId`, whose token becomes `sessionToken(strategyToken, workshopId)` (their former
   * one stops working). Run through `tx.strategies` inside the workshop's creation (or its
   * adoption's) `Storage.withTransaction`, so that both commit or neither does.
   */
  addSession(session: {
    strategyId: string;
    strategyToken: string;
    workshopId: string;
    facilitatorId: string;
    date: string | null;
  }): Promise<SessionRecord>;
  setArchived(id: string, archived: boolean): Promise<StrategyRecord | null>;
  /** Deletes the strategy's row (its sessions must be deleted first); whether it existed. */
  delete(id: string): Promise<boolean>;
  /** The strategies that have no session (none added yet, or all deleted). */
  withoutSessions(): Promise<StrategyRecord[]>;
  /**
   * A new facilitator token for the strategy (the server's operator, for a lost link): the old
   * one and every session token derived from it stop working. `null` for an unknown strategy.
   */
  reissueToken(id: string): Promise<string | null>;
}

/** The token the strategy's facilitator enters session `workshopId` with: an HMAC keyed by the strategy's token. */
export function sessionToken(strategyToken: string, workshopId: string): string {
  return createHmac('sha256', strategyToken)
    .update(`atelier session facilitator ${workshopId}`)
    .digest('base64url');
}

/** A strategy's columns as SQLite stores them (PostgreSQL's read through `sqliteShaped`). */
export interface StrategyRow {
  id: string;
  title: string;
  territory_name: string;
  territory_kind: string;
  locale: string;
  token_hash: string;
  created_at: string;
  archived_at: string | null;
}

/** A session's columns of its workshop's row. */
export interface SessionRow {
  id: string;
  session_index: number;
  session_date: string | null;
  strategy_facilitator_id: string;
}

/** SQLite's: synchronous inside (better-sqlite3), settled promises out (docs/architecture.md). */
export function createSqliteStrategyStore(db: Db): StrategyStore {
  const insert = db.prepare(
    `INSERT INTO strategies (id, title, territory_name, territory_kind, locale, token_hash, created_at)
     VALUES (@id, @title, @territoryName, @territoryKind, @locale, @tokenHash, @createdAt)`,
  );
  const select = db.prepare<[string], StrategyRow>('SELECT * FROM strategies WHERE id = ?');
  const selectSessions = db.prepare<[string], SessionRow>(
    `SELECT id, session_index, session_date, strategy_facilitator_id FROM workshops
     WHERE strategy_id = ? ORDER BY session_index`,
  );
  const nextIndex = db
    .prepare<[string], number>(
      'SELECT COALESCE(MAX(session_index), 0) + 1 FROM workshops WHERE strategy_id = ?',
    )
    .pluck();
  const attach = db.prepare(
    `UPDATE workshops SET strategy_id = @strategyId, session_index = @index, session_date = @date,
       strategy_facilitator_id = @facilitatorId WHERE id = @workshopId AND strategy_id IS NULL`,
  );
  // Archiving twice keeps the first time; restoring clears it.
  const updateArchived = db.prepare(
    `UPDATE strategies SET archived_at = CASE WHEN @archived THEN COALESCE(archived_at, @at) ELSE NULL END
     WHERE id = @id`,
  );
  const remove = db.prepare('DELETE FROM strategies WHERE id = ?');
  const selectEmpty = db.prepare<[], StrategyRow>(
    'SELECT * FROM strategies s WHERE NOT EXISTS (SELECT 1 FROM workshops w WHERE w.strategy_id = s.id)',
  );
  const updateToken = db.prepare('UPDATE strategies SET token_hash = @tokenHash WHERE id = @id');
  const updateParticipantToken = db.prepare('UPDATE participants SET token_hash = @tokenHash WHERE id = @id');

  const addSession = db.transaction(
    ({
      strategyId,
      strategyToken,
      workshopId,
      facilitatorId,
      date,
    }: Parameters<StrategyStore['addSession']>[0]) => {
      const index = nextIndex.get(strategyId) as number;
      const changed = attach.run({ strategyId, workshopId, index, date, facilitatorId }).changes;
      if (changed !== 1) throw new Error(`Workshop ${workshopId} is unknown or already a session`);
      updateParticipantToken.run({
        id: facilitatorId,
        tokenHash: hashToken(sessionToken(strategyToken, workshopId)),
      });
      return { workshopId, index, date, facilitatorId };
    },
  );

  const reissueToken = db.transaction((id: string): string | null => {
    if (!select.get(id)) return null;
    const token = newToken();
    updateToken.run({ id, tokenHash: hashToken(token) });
    for (const session of selectSessions.all(id))
      updateParticipantToken.run({
        id: session.strategy_facilitator_id,
        tokenHash: hashToken(sessionToken(token, session.id)),
      });
    return token;
  });

  return {
    async create(input) {
      const { strategy, token } = newStrategy(input);
      insert.run({
        ...strategy,
        territoryName: strategy.territory.name,
        territoryKind: strategy.territory.kind,
        tokenHash: hashToken(token),
      });
      return { strategy, token };
    },
    get: async (id) => toStrategy(select.get(id)),
    authenticates: async (id, token) => tokenMatches(select.get(id)?.token_hash, token),
    sessions: async (strategyId) => selectSessions.all(strategyId).map(toSession),
    addSession: async (session) => addSession(session),
    async setArchived(id, archived) {
      updateArchived.run({ id, archived: archived ? 1 : 0, at: new Date().toISOString() });
      return toStrategy(select.get(id));
    },
    delete: async (id) => remove.run(id).changes > 0,
    withoutSessions: async () => selectEmpty.all().flatMap((row) => toStrategy(row) ?? []),
    reissueToken: async (id) => reissueToken(id),
  };
}

/** A new strategy's record and its facilitator token (the store writes its row, the token hashed). */
export function newStrategy(input: { title: string; territory: Territory; locale: Locale }): {
  strategy: StrategyRecord;
  token: string;
} {
  const strategy: StrategyRecord = {
    id: newId(),
    title: input.title,
    territory: input.territory,
    locale: input.locale,
    createdAt: new Date().toISOString(),
    archivedAt: null,
  };
  return { strategy, token: newToken() };
}

/** Whether `token` hashes to `storedHash` (constant time on the hashes); false when none is stored. */
export function tokenMatches(storedHash: string | undefined, token: string): boolean {
  if (storedHash === undefined) return false;
  const given = Buffer.from(hashToken(token), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}

export function toSession(row: SessionRow): SessionRecord {
  return {
    workshopId: row.id,
    index: row.session_index,
    date: row.session_date,
    facilitatorId: row.strategy_facilitator_id,
  };
}

export function toStrategy(row: StrategyRow | undefined): StrategyRecord | null {
  if (!row) return null;
  return {
    id: row.id,
    title: row.title,
    territory: { name: row.territory_name, kind: row.territory_kind as TerritoryKind },
    locale: row.locale as Locale,
    createdAt: row.created_at,
    archivedAt: row.archived_at,
  };
}
