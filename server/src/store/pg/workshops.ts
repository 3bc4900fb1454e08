import { hashToken, newJoinCode, newToken } from '../ids';
import {
  coFacilitatorChange,
  formerParticipant,
  joiningParticipant,
  newWorkshop,
  type ParticipantRecord,
  type ParticipantRow,
  participantColumns,
  toParticipant,
  toWorkshop,
  type WorkshopRecord,
  type WorkshopRow,
  type WorkshopStore,
} from '../workshops';
import { type Executor, type Queryable, sqliteShaped } from './executor';

/** With its strategy's archive state (a session of an archived strategy lets nobody join). */
const WITH_STRATEGY = `SELECT w.*, s.archived_at AS strategy_archived_at
  FROM workshops w LEFT JOIN strategies s ON s.id = w.strategy_id`;

const PARTICIPANT_COLUMNS = `id, workshop_id, name, grp, role, token_hash, removed_at, created_at,
  notice_version, notice_acknowledged_at`;

/**
 * A workshop and its facilitator in one statement; none of it when the join code is taken (the
 * caller draws another), so no transaction is needed for it.
 */
const CREATE = `
  WITH workshop AS (
    INSERT INTO workshops (id, title, territory_name, territory_kind, locale, join_code, created_at, last_active_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $7)
    ON CONFLICT (join_code) DO NOTHING
    RETURNING id
  )
  INSERT INTO participants (${PARTICIPANT_COLUMNS})
  SELECT $8, workshop.id, $9, $10, $11, $12, NULL, clock_timestamp(), NULL, NULL FROM workshop
  RETURNING created_at`;

/**
 * Arrival order. A participant's `created_at` is the database's clock at the insert, to the
 * microsecond, one clock for every node: two people joining within one millisecond keep their
 * order (SQLite's `rowid` breaks that tie), and an import's former participants, stored
 * together, are a microsecond apart in the order given. The contract's times are to the
 * millisecond, read back from what was stored.
 */
const ARRIVAL = 'ORDER BY created_at, id';

/** The `created_at` a participant's insert returns. */
interface Stored {
  created_at: Date;
}
const isoTime = (row: Stored | undefined): string => {
  if (!row) throw new Error('the insert returned no row');
  return row.created_at.toISOString();
};

/** A row as the contract's record (timestamptz read as ISO text, as SQLite has it). */
const participant = (row: object | undefined): ParticipantRecord | null =>
  toParticipant(row && sqliteShaped<ParticipantRow>(row));
const workshop = (row: object | undefined): WorkshopRecord | null =>
  toWorkshop(row && sqliteShaped<WorkshopRow>(row));

/**
 * Reads on `pool`; writes through `writer` (the pool's, or a transaction's savepoints). Each
 * read-then-write runs in `writer.atomically` with the row locked (`FOR UPDATE`), as SQLite's
 * transactions serialise them.
 */
export function createPgWorkshopStore(pool: Queryable, writer: Executor): WorkshopStore {
  const selectWorkshop = async (q: Queryable, id: string) =>
    workshop((await q.query(`${WITH_STRATEGY} WHERE w.id = $1`, [id])).rows[0]);
  const lockedParticipant = async (q: Queryable, workshopId: string, id: string) =>
    participant(
      (
        await q.query('SELECT * FROM participants WHERE workshop_id = $1 AND id = $2 FOR UPDATE', [
          workshopId,
          id,
        ])
      ).rows[0],
    );

  return {
    async create(input) {
      for (;;) {
        const made = newWorkshop(input, newJoinCode());
        const { participant: facilitator, token } = joiningParticipant({
          workshopId: made.id,
          name: input.facilitatorName,
          group: 'other',
          role: 'facilitator',
        });
        const { rows } = await writer.write<Stored>(CREATE, [
          made.id,
          made.title,
          made.territory.name,
          made.territory.kind,
          made.locale,
          made.joinCode,
          made.createdAt,
          facilitator.id,
          facilitator.name,
          facilitator.group,
          facilitator.role,
          hashToken(token),
        ]);
        const stored = rows[0];
        if (stored)
          return { workshop: made, facilitator: { ...facilitator, createdAt: isoTime(stored) }, token };
      }
    },
    get: (id) => selectWorkshop(pool, id),
    async getByJoinCode(code) {
      return workshop((await pool.query(`${WITH_STRATEGY} WHERE w.join_code = $1`, [code])).rows[0]);
    },
    rotateJoinCode: (workshopId) =>
      writer.atomically(async (q) => {
        const { rows } = await q.query('SELECT 1 FROM workshops WHERE id = $1 FOR UPDATE', [workshopId]);
        if (rows.length === 0) return null;
        // The current code counts as taken, so the new one always differs.
        for (;;) {
          const { rowCount } = await q.query(
            `UPDATE workshops SET join_code = $2
             WHERE id = $1 AND NOT EXISTS (SELECT 1 FROM workshops WHERE join_code = $2)`,
            [workshopId, newJoinCode()],
          );
          if (rowCount === 1) return selectWorkshop(q, workshopId);
        }
      }),
    async setJoiningOpen(workshopId, open) {
      // Closing twice keeps the first time; reopening clears it.
      await writer.write(
        `UPDATE workshops SET joining_closed_at = CASE WHEN $2 THEN NULL ELSE COALESCE(joining_closed_at, $3) END
         WHERE id = $1`,
        [workshopId, open, new Date().toISOString()],
      );
      return selectWorkshop(pool, workshopId);
    },
    async addParticipant(input) {
      const joined = joiningParticipant(input);
      const columns = participantColumns(joined.participant);
      const { rows } = await writer.write<Stored>(
        `INSERT INTO participants (${PARTICIPANT_COLUMNS})
         VALUES ($1, $2, $3, $4, $5, $6, $7, clock_timestamp(), $8, $9)
         RETURNING created_at`,
        [
          columns.id,
          columns.workshopId,
          columns.name,
          columns.group,
          columns.role,
          hashToken(joined.token),
          columns.removedAt,
          columns.noticeVersion,
          columns.noticeAcknowledgedAt,
        ],
      );
      return { ...joined, participant: { ...joined.participant, createdAt: isoTime(rows[0]) } };
    },
    async addFormerParticipants(workshopId, people) {
      if (people.length === 0) return [];
      const added = people.map((person) => formerParticipant(workshopId, person, ''));
      // The hash of a token nobody is given (the column is required and unique).
      const { rows } = await writer.write<Stored & { id: string }>(
        `WITH now AS (SELECT clock_timestamp() AS at)
         INSERT INTO participants (id, workshop_id, name, grp, role, token_hash, removed_at, created_at)
         SELECT p.id, $1, p.name, p.grp, 'participant', p.token_hash, now.at, now.at + (p.ord - 1) * interval '1 microsecond'
         FROM now, unnest($2::text[], $3::text[], $4::text[], $5::text[]) WITH ORDINALITY AS p(id, name, grp, token_hash, ord)
         RETURNING id, created_at`,
        [
          workshopId,
          added.map((p) => p.id),
          added.map((p) => p.name),
          added.map((p) => p.group),
          added.map(() => hashToken(newToken())),
        ],
      );
      // Removed when added; past a thousand people the creation time reaches the next millisecond.
      const stored = new Map(rows.map((row) => [row.id, isoTime(row)]));
      const removedAt = isoTime(rows[0]);
      return added.map((p) => ({ ...p, removedAt, createdAt: stored.get(p.id) ?? removedAt }));
    },
    async participantByToken(token) {
      const { rows } = await pool.query(
        'SELECT * FROM participants WHERE token_hash = $1 AND removed_at IS NULL',
        [hashToken(token)],
      );
      return participant(rows[0]);
    },
    async participants(workshopId) {
      const { rows } = await pool.query(`SELECT * FROM participants WHERE workshop_id = $1 ${ARRIVAL}`, [
        workshopId,
      ]);
      return rows.map((row) => participant(row) as ParticipantRecord);
    },
    remove: (workshopId, id) =>
      writer.atomically(async (q) => {
        const found = await lockedParticipant(q, workshopId, id);
        if (!found || found.removedAt) return found;
        const removedAt = new Date().toISOString();
        await q.query('UPDATE participants SET removed_at = $2 WHERE id = $1', [id, removedAt]);
        return { ...found, removedAt };
      }),
    setCoFacilitator: (workshopId, id, on) =>
      writer.atomically(async (q) => {
        const found = await lockedParticipant(q, workshopId, id);
        if (!found || found.removedAt) return found;
        const next = coFacilitatorChange(found, on);
        if (next !== found)
          await q.query('UPDATE participants SET role = $2, promoted_from = $3 WHERE id = $1', [
            id,
            next.role,
            next.promotedFrom,
          ]);
        return next;
      }),
    async touch(workshopId, at) {
      await writer.write(
        'UPDATE workshops SET last_active_at = $2 WHERE id = $1 AND (last_active_at IS NULL OR last_active_at < $2)',
        [workshopId, at],
      );
    },
    erase: (workshopId, id, label) =>
      writer.atomically(async (q) => {
        const { rows } = await q.query<{ id: string; rank: string }>(
          `SELECT id, rank FROM (
             SELECT id, row_number() OVER (${ARRIVAL}) AS rank FROM participants WHERE workshop_id = $1
           ) ranked WHERE id = $2`,
          [workshopId, id],
        );
        const found = await lockedParticipant(q, workshopId, id);
        if (!found || found.erasedAt) return found;
        const erasedAt = new Date().toISOString();
        const name = label(Number(rows[0]?.rank));
        // A fresh token hash (of a token nobody is given) replaces the old one: the row keeps no trace of it.
        await q.query(
          `UPDATE participants SET name = $2, erased_at = $3, removed_at = COALESCE(removed_at, $3),
             token_hash = $4 WHERE id = $1`,
          [id, name, erasedAt, hashToken(newToken())],
        );
        return { ...found, name, erasedAt, removedAt: found.removedAt ?? erasedAt };
      }),
    async idleBefore(cutoff) {
      const { rows } = await pool.query<{ id: string }>(
        'SELECT id FROM workshops WHERE COALESCE(last_active_at, created_at) < $1',
        [cutoff],
      );
      return rows.map((row) => row.id);
    },
    reissueCreatorToken: (workshopId) =>
      writer.atomically(async (q) => {
        // The creator: the first facilitator, never promoted (a co-facilitator has `promoted_from`).
        const { rows } = await q.query<{ id: string; removed_at: Date | null }>(
          `SELECT id, removed_at FROM participants
           WHERE workshop_id = $1 AND role = 'facilitator' AND promoted_from IS NULL ${ARRIVAL} LIMIT 1 FOR UPDATE`,
          [workshopId],
        );
        const creator = rows[0];
        if (!creator || creator.removed_at !== null) return null;
        const token = newToken();
        await q.query('UPDATE participants SET token_hash = $2 WHERE id = $1', [
          creator.id,
          hashToken(token),
        ]);
        return token;
      }),
  };
}
