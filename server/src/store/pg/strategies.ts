import { hashToken, newToken } from '../ids';
import {
  newStrategy,
  type SessionRow,
  type StrategyRow,
  type StrategyStore,
  sessionToken,
  tokenMatches,
  toSession,
  toStrategy,
} from '../strategies';
import { type Executor, type Queryable, sqliteShaped } from './executor';

const SESSIONS = `SELECT id, session_index, session_date, strategy_facilitator_id FROM workshops
  WHERE strategy_id = $1 ORDER BY session_index`;

/** PostgreSQL's unique violation: here, another session took the index first. */
const UNIQUE_VIOLATION = '23505';

const strategy = (row: object | undefined) => toStrategy(row && sqliteShaped<StrategyRow>(row));

/** Reads on `pool`; writes through `writer` (the pool's, or a transaction's savepoints). */
export function createPgStrategyStore(pool: Queryable, writer: Executor): StrategyStore {
  const select = async (q: Queryable, id: string, lock = '') =>
    (await q.query(`SELECT * FROM strategies WHERE id = $1 ${lock}`, [id])).rows[0];

  return {
    async create(input) {
      const made = newStrategy(input);
      const { strategy: s } = made;
      await writer.write(
        `INSERT INTO strategies (id, title, territory_name, territory_kind, locale, token_hash, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7)`,
        [s.id, s.title, s.territory.name, s.territory.kind, s.locale, hashToken(made.token), s.createdAt],
      );
      return made;
    },
    get: async (id) => strategy(await select(pool, id)),
    authenticates: async (id, token) => tokenMatches((await select(pool, id))?.token_hash, token),
    async sessions(strategyId) {
      return (await pool.query<SessionRow>(SESSIONS, [strategyId])).rows.map(toSession);
    },
    async addSession({ strategyId, strategyToken, workshopId, facilitatorId, date }) {
      // The next index and the facilitator's derived token with the workshop's attachment, in one
      // statement. Two sessions added at once may take the same index: the unique index refuses
      // the later, which tries again with the next.
      for (let attempt = 1; ; attempt++) {
        try {
          const { rows } = await writer.write<{ session_index: number }>(
            `WITH attached AS (
               UPDATE workshops SET strategy_id = $1, session_date = $3, strategy_facilitator_id = $4,
                 session_index = (SELECT COALESCE(MAX(session_index), 0) + 1 FROM workshops WHERE strategy_id = $1)
               WHERE id = $2 AND strategy_id IS NULL
               RETURNING session_index
             ), token AS (
               UPDATE participants SET token_hash = $5 WHERE id = $4 AND EXISTS (SELECT 1 FROM attached)
             )
             SELECT session_index FROM attached`,
            [strategyId, workshopId, date, facilitatorId, hashToken(sessionToken(strategyToken, workshopId))],
          );
          const index = rows[0]?.session_index;
          if (index === undefined) throw new Error(`Workshop ${workshopId} is unknown or already a session`);
          return { workshopId, index, date, facilitatorId };
        } catch (error) {
          if ((error as { code?: unknown }).code !== UNIQUE_VIOLATION || attempt >= 5) throw error;
        }
      }
    },
    async setArchived(id, archived) {
      // Archiving twice keeps the first time; restoring clears it.
      const { rows } = await writer.write(
        `UPDATE strategies SET archived_at = CASE WHEN $2 THEN COALESCE(archived_at, $3) ELSE NULL END
         WHERE id = $1 RETURNING *`,
        [id, archived, new Date().toISOString()],
      );
      return strategy(rows[0]);
    },
    async delete(id) {
      return ((await writer.write('DELETE FROM strategies WHERE id = $1', [id])).rowCount ?? 0) > 0;
    },
    async withoutSessions() {
      const { rows } = await pool.query(
        'SELECT * FROM strategies s WHERE NOT EXISTS (SELECT 1 FROM workshops w WHERE w.strategy_id = s.id)',
      );
      return rows.flatMap((row) => strategy(row) ?? []);
    },
    reissueToken: (id) =>
      writer.atomically(async (q) => {
        // The strategy's row locked: two reissues at once cannot mix their tokens.
        if (!(await select(q, id, 'FOR UPDATE'))) return null;
        const token = newToken();
        await q.query('UPDATE strategies SET token_hash = $2 WHERE id = $1', [id, hashToken(token)]);
        const sessions = (await q.query<SessionRow>(SESSIONS, [id])).rows;
        await q.query(
          `UPDATE participants p SET token_hash = t.hash
           FROM unnest($1::text[], $2::text[]) AS t(id, hash) WHERE p.id = t.id`,
          [
            sessions.map((s) => s.strategy_facilitator_id),
            sessions.map((s) => hashToken(sessionToken(token, s.id))),
          ],
        );
        return token;
      }),
  };
}
