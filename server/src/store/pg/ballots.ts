import type pg from 'pg';
import {
  type BallotStatusRow,
  type BallotStore,
  ballotsOf,
  type CastOutcome,
  type EntryRow,
  nothingStored,
  planCast,
  planClear,
  REPLAYED,
  type RoundColumns,
  RoundConfig,
  type RoundFrom,
  type RoundRecord,
  revealRecord,
  roundParams,
  type StoredBallot,
  toBallot,
  toRound,
} from '../ballots';
import { type Executor, inTransaction, type Queryable } from './executor';

/**
 * A round's columns in the contract's types: `timestamptz` as ISO text, `bigint` as a number
 * (node-postgres gives text), `jsonb` already parsed (read by `toRound`).
 */
const ROUND_COLUMNS = `id, workshop_id, config, state, duration_minutes, ends_at::float8 AS ends_at, results,
  ${['created_at', 'opened_at', 'closed_at', 'revealed_at']
    .map((c) => `to_char(${c} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${c}`)
    .join(', ')}`;

const INSERT_ROUND = `
  INSERT INTO vote_rounds (id, workshop_id, config, state, duration_minutes, ends_at, results,
    created_at, opened_at, closed_at, revealed_at)
  VALUES ($1, $2, $3::jsonb, $4, $5, $6, $7::jsonb, $8, $9, $10, $11)`;

/**
 * Saved only from the state and deadline the caller read (`$8`, `$9`): an UPDATE waits for the
 * row and checks again, so two nodes closing one round at its deadline cannot both save it.
 */
const UPDATE_ROUND = `
  UPDATE vote_rounds SET state = $2, ends_at = $3, results = $4::jsonb, opened_at = $5, closed_at = $6,
    revealed_at = $7
  WHERE id = $1 AND discarded_at IS NULL AND state = $8 AND ends_at IS NOT DISTINCT FROM $9`;

/**
 * A round's ballots (or one person's) with each voter's group, in one statement: one snapshot
 * of the data, where every entry row has its ballot's row (written first).
 */
async function readBallots(db: Queryable, roundId: string, participantId?: string): Promise<StoredBallot[]> {
  const { rows } = await db.query<BallotStatusRow & Partial<EntryRow>>(
    `SELECT b.participant_id, b.done, p.grp, e.target_id, e.criterion, e.value FROM vote_ballots b
     LEFT JOIN participants p ON p.id = b.participant_id
     LEFT JOIN vote_entries e ON e.round_id = b.round_id AND e.participant_id = b.participant_id
     WHERE b.round_id = $1 AND ($2::text IS NULL OR b.participant_id = $2) ORDER BY b.participant_id`,
    [roundId, participantId ?? null],
  );
  const entries = rows.filter((row): row is BallotStatusRow & EntryRow => row.target_id != null);
  return ballotsOf(rows, entries);
}

/** A ballot never touched (a new object each time: the caller may keep it). */

/** One person's ballot as stored (empty if they never touched it). */
async function storedBallot(db: Queryable, roundId: string, participantId: string) {
  const [ballot] = await readBallots(db, roundId, participantId);
  if (!ballot) return nothingStored();
  const { participantId: _, group: __, ...stored } = ballot;
  return stored;
}

function insertRound(writer: Pick<Executor, 'write'>, round: RoundRecord) {
  const p = roundParams(round);
  return writer.write(INSERT_ROUND, [
    p.id,
    p.workshopId,
    JSON.stringify(RoundConfig.parse(round)),
    p.state,
    p.durationMinutes,
    p.endsAt,
    p.results,
    p.createdAt,
    p.openedAt,
    p.closedAt,
    p.revealedAt,
  ]);
}

function updateRound(db: Queryable, round: RoundRecord, from: RoundFrom) {
  const p = roundParams(round);
  return db.query(UPDATE_ROUND, [
    p.id,
    p.state,
    p.endsAt,
    p.results,
    p.openedAt,
    p.closedAt,
    p.revealedAt,
    from.state,
    from.endsAt,
  ]);
}

/** What an import's transaction writes of ballots: its revealed rounds. */
export function pgRoundWriter(writer: Executor): Pick<BallotStore, 'createRound'> {
  return {
    async createRound(round) {
      await insertRound(writer, round);
    },
  };
}

/** A change refused inside its transaction: rolled back, and this outcome answered. */
class Refused {
  constructor(readonly outcome: CastOutcome) {}
}

/** A request id already applied: PostgreSQL's `unique_violation` on `vote_requests`' key. */
const isReplay = (error: unknown) => {
  const { code, constraint } = error as { code?: string; constraint?: string };
  return code === '23505' && constraint === 'vote_requests_pkey';
};

/**
 * The ballot store on PostgreSQL (docs/scale-out.md, §1 "Ballots"). Each change is one
 * transaction on a client of its own: it takes the round's row `FOR SHARE` and the ballot's
 * row `FOR UPDATE` (inserted first if missing), so two changes to one ballot run one after the
 * other, and a closing or a reveal (which take the round's row exclusively) waits for the
 * changes in flight and is seen by every change after it. A request id applied twice, even on
 * two nodes at once, is caught by `vote_requests`' primary key.
 */
export function createPgBallotStore(pool: pg.Pool, autocommit: Executor): BallotStore {
  /** Runs one ballot change; a refusal rolls it back. */
  async function change(work: (client: pg.PoolClient) => Promise<CastOutcome>): Promise<CastOutcome> {
    try {
      return await inTransaction(pool, async (client) => {
        const outcome = await work(client);
        if (outcome.refusal) throw new Refused(outcome);
        return outcome;
      });
    } catch (error) {
      if (error instanceof Refused) return error.outcome;
      // The same request on another connection committed first (its ballot lock was released).
      if (isReplay(error)) return REPLAYED;
      throw error;
    }
  }

  /**
   * The round's state under a share lock (`undefined`: discarded or gone) and, if it is open,
   * the ballot's row locked and the ballot as stored.
   */
  async function lockBallot(client: pg.PoolClient, roundId: string, participantId: string) {
    const round = await client.query<{ state: string }>(
      'SELECT state FROM vote_rounds WHERE id = $1 AND discarded_at IS NULL FOR SHARE',
      [roundId],
    );
    const state = round.rows[0]?.state;
    if (state !== 'open') return { state, stored: nothingStored() };
    await client.query(
      `INSERT INTO vote_ballots (round_id, participant_id, done, updated_at) VALUES ($1, $2, false, now())
       ON CONFLICT DO NOTHING`,
      [roundId, participantId],
    );
    await client.query('SELECT 1 FROM vote_ballots WHERE round_id = $1 AND participant_id = $2 FOR UPDATE', [
      roundId,
      participantId,
    ]);
    return { state, stored: await storedBallot(client, roundId, participantId) };
  }

  const rounds = async (sql: string, params: unknown[]) =>
    (await pool.query<RoundColumns>(sql, params)).rows.map((row) => toRound(row) as RoundRecord);

  return {
    async createRound(round) {
      await insertRound(autocommit, round);
    },
    async round(workshopId, roundId) {
      const found = await rounds(
        `SELECT ${ROUND_COLUMNS} FROM vote_rounds WHERE workshop_id = $1 AND id = $2 AND discarded_at IS NULL`,
        [workshopId, roundId],
      );
      return found[0] ?? null;
    },
    rounds: (workshopId) =>
      rounds(
        `SELECT ${ROUND_COLUMNS} FROM vote_rounds WHERE workshop_id = $1 AND discarded_at IS NULL
         ORDER BY created_at, id`,
        [workshopId],
      ),
    timedOpenRounds: () =>
      rounds(
        `SELECT ${ROUND_COLUMNS} FROM vote_rounds
         WHERE state = 'open' AND ends_at IS NOT NULL AND discarded_at IS NULL`,
        [],
      ),
    async saveRound(round, from) {
      return (await updateRound(pool, round, from)).rowCount === 1;
    },
    reveal: (round, at, quorum = null) =>
      inTransaction(pool, async (client) => {
        const locked = await client.query<RoundColumns>(
          `SELECT ${ROUND_COLUMNS} FROM vote_rounds
           WHERE workshop_id = $1 AND id = $2 AND discarded_at IS NULL FOR UPDATE`,
          [round.workshopId, round.id],
        );
        const now = toRound(locked.rows[0]);
        const revealed = now && revealRecord(now, await readBallots(client, now.id), at, quorum);
        if (now && revealed) await updateRound(client, revealed, now);
        return revealed;
      }),
    ballot: async (round, participantId) =>
      toBallot(round, participantId, await storedBallot(pool, round.id, participantId)),
    cast: (round, participantId, ballotChange) =>
      change(async (client) => {
        const { state, stored } = await lockBallot(client, round.id, participantId);
        const seen = await client.query(
          'SELECT 1 FROM vote_requests WHERE round_id = $1 AND participant_id = $2 AND request_id = $3',
          [round.id, participantId, ballotChange.requestId],
        );
        const plan = planCast(
          round,
          participantId,
          {
            state,
            replayed: (seen.rowCount ?? 0) > 0,
            stored,
          },
          ballotChange,
        );
        if ('refusal' in plan) return { refusal: plan.refusal };
        if (plan.deletes.length > 0)
          await client.query(
            `DELETE FROM vote_entries e USING unnest($3::text[], $4::text[]) AS d(target_id, criterion)
             WHERE e.round_id = $1 AND e.participant_id = $2 AND e.target_id = d.target_id
               AND e.criterion = d.criterion`,
            [
              round.id,
              participantId,
              plan.deletes.map((d) => d.target),
              plan.deletes.map((d) => d.criterion),
            ],
          );
        if (plan.upserts.length > 0)
          await client.query(
            `INSERT INTO vote_entries (round_id, participant_id, target_id, criterion, value)
             SELECT $1, $2, u.target_id, u.criterion, u.value
             FROM unnest($3::text[], $4::text[], $5::int[]) AS u(target_id, criterion, value)
             ON CONFLICT (round_id, participant_id, target_id, criterion) DO UPDATE SET value = excluded.value`,
            [
              round.id,
              participantId,
              plan.upserts.map((u) => u.target),
              plan.upserts.map((u) => u.criterion),
              plan.upserts.map((u) => u.value),
            ],
          );
        await client.query(
          'UPDATE vote_ballots SET done = $3, updated_at = now() WHERE round_id = $1 AND participant_id = $2',
          [round.id, participantId, plan.ballot.done],
        );
        await client.query(
          'INSERT INTO vote_requests (round_id, participant_id, request_id) VALUES ($1, $2, $3)',
          [round.id, participantId, ballotChange.requestId],
        );
        return { ballot: plan.ballot };
      }),
    clear: (round, participantId) =>
      change(async (client) => {
        const { state } = await lockBallot(client, round.id, participantId);
        const outcome = planClear(round, participantId, state);
        if (outcome.refusal) return outcome;
        await client.query('DELETE FROM vote_entries WHERE round_id = $1 AND participant_id = $2', [
          round.id,
          participantId,
        ]);
        await client.query(
          'UPDATE vote_ballots SET done = false, updated_at = now() WHERE round_id = $1 AND participant_id = $2',
          [round.id, participantId],
        );
        return outcome;
      }),
    ballots: (roundId) => readBallots(pool, roundId),
    discard: (roundId, at) =>
      inTransaction(pool, async (client) => {
        await client.query('UPDATE vote_rounds SET discarded_at = $2 WHERE id = $1', [roundId, at]);
        for (const table of ['vote_entries', 'vote_ballots', 'vote_requests'])
          await client.query(`DELETE FROM ${table} WHERE round_id = $1`, [roundId]);
      }),
  };
}
